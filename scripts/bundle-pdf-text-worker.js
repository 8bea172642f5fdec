#!/usr/bin/env node
// Bundles the thread that reads a PDF's text for `appeal import` (src/import/pdf-text-worker.ts)
// with pdf.js's display layer and core into one minified file, dist/cli/pdf-text-worker.mjs. pdf.js
// is most of an import's time, and most of that was loading it: two files of 3.4 MB from
// node_modules, each read, decoded and compiled, the core only once the first document came in.
// One minified file of half the size is read and compiled once, as the thread starts. Run by
// `npm run build`, after scripts/bundle-cli.js (which empties dist/cli).
'use strict';
const { join } = require('node:path');
const { build } = require('esbuild');

const root = join(__dirname, '..');

build({
  entryPoints: [join(root, 'src', 'import', 'pdf-text-worker.ts')],
  outfile: join(root, 'dist', 'cli', 'pdf-text-worker.mjs'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  // See pdf-text-worker-response.mjs: pdf.js's Response, without loading Node's fetch.
  inject: [join(__dirname, 'pdf-text-worker-response.mjs')],
  logLevel: 'warning',
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
