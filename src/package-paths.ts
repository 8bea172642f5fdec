import { join, resolve } from 'node:path';

// dist/ sits beside cases/ and templates/ in the installed package.
const PACKAGE_ROOT = resolve(__dirname, '..');

export const BUILTIN_CASES_DIR = join(PACKAGE_ROOT, 'cases');
export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');
export const PACKAGE_JSON = join(PACKAGE_ROOT, 'package.json');
/** A hash of the bundled code, written by `npm run build`; the case-library cache is keyed on it. */
export const BUILD_ID_FILE = join(PACKAGE_ROOT, 'dist', 'build-id');
/** The PDF worker's script (bundled by scripts/bundle-cli.js), the same whether the CLI runs from tsc's files or the bundle. */
export const PDF_WORKER_FILE = join(PACKAGE_ROOT, 'dist', 'cli', 'pdf-engine-worker.cjs');
/** The thread that reads a PDF's text for `import` (see import/pdf-text.ts): pdf.js and all, bundled by scripts/bundle-pdf-text-worker.js. */
export const PDF_TEXT_WORKER_FILE = join(PACKAGE_ROOT, 'dist', 'cli', 'pdf-text-worker.cjs');
/** DejaVu Sans trimmed to the scripts letters use; `npm run build` makes it from dejavu-fonts-ttf. */
export const LETTER_FONT_FILE = join(PACKAGE_ROOT, 'dist', 'fonts', 'dejavu-sans-letter.ttf');
/** The case schema as JSON Schema, copied into every case library "appeal cases init" makes. */
export const CASE_SCHEMA_FILE = join(PACKAGE_ROOT, 'schema', 'case.schema.json');

/**
 * The whole DejaVu Sans (its Arabic with joining forms, Hebrew and more than the letter font
 * keeps), copied next to the letter font at build time: the fallback for names in those scripts.
 */
export const FULL_FONT_FILE = join(PACKAGE_ROOT, 'dist', 'fonts', 'dejavu-sans-full.ttf');
