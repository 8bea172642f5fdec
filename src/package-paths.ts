import { join, resolve } from 'node:path';

// dist/ sits beside cases/ and templates/ in the installed package.
const PACKAGE_ROOT = resolve(__dirname, '..');

export const BUILTIN_CASES_DIR = join(PACKAGE_ROOT, 'cases');
export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');
export const PACKAGE_JSON = join(PACKAGE_ROOT, 'package.json');
/** DejaVu Sans trimmed to the scripts letters use; `npm run build` makes it from dejavu-fonts-ttf. */
/** The PDF worker's script, the same whether the CLI runs from tsc's files or the bundle. */
export const PDF_WORKER_FILE = join(PACKAGE_ROOT, 'dist', 'pdf', 'pdf-engine-worker.js');
export const LETTER_FONT_FILE = join(PACKAGE_ROOT, 'dist', 'fonts', 'dejavu-sans-letter.ttf');
/** The case schema as JSON Schema, copied into every case library "appeal cases init" makes. */
export const CASE_SCHEMA_FILE = join(PACKAGE_ROOT, 'schema', 'case.schema.json');
