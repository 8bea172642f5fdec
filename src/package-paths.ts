import { join, resolve } from 'node:path';

// dist/ sits beside cases/ and templates/ in the installed package.
const PACKAGE_ROOT = resolve(__dirname, '..');

export const BUILTIN_CASES_DIR = join(PACKAGE_ROOT, 'cases');
export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');
export const PACKAGE_JSON = join(PACKAGE_ROOT, 'package.json');
