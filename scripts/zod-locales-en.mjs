// Stands in for zod's locales/index.js in the bundle: appeal's messages are its own, in English,
// so zod's other forty locales (half of zod's size) are left out. zod sets English itself.
export { default as en } from 'zod/v4/locales/en.js';
