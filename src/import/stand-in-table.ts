/**
 * Each typographic character import reads as a Latin-1 stand-in, followed by its stand-in: filled
 * in when the bundle is built (scripts/stand-ins.js); empty in tsc's files and the tests, which read
 * a document's characters as they are. See stand-ins.ts.
 */
export const STAND_INS: string = '';
