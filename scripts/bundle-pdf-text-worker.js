#!/usr/bin/env node
// Bundles the thread that reads a PDF's text for `appeal import` (src/import/pdf-text-worker.ts)
// with pdf.js's display layer and core into one minified CommonJS file, dist/cli/pdf-text-reader.cjs.
// pdf.js is most of an import's time, and most of that was loading it: two files of 3.4 MB from
// node_modules, each read, decoded and compiled, the core only once the first document came in.
// One minified file of half the size is read once, and compiled from appeal's code cache: the
// thread starts from dist/cli/pdf-text-worker.cjs, which sets up the cache (start.cjs) first.
// Run by `npm run build`, after scripts/bundle-cli.js (which empties dist/cli and makes start.cjs).
'use strict';
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { build } = require('esbuild');

const root = join(__dirname, '..');
const outdir = join(root, 'dist', 'cli');

// The reader writes its compiled code through start.cjs's own copy of the cache code, which holds
// the list of what this thread compiled: required from there, not bundled a second time.
const sharedCodeCache = {
  name: 'appeal-shared-code-cache',
  setup(build) {
    build.onResolve({ filter: /startup\/compiled-code-cache$/ }, () => ({ path: './start.cjs', external: true }));
  },
};

build({
  entryPoints: [join(root, 'src', 'import', 'pdf-text-worker.ts')],
  outfile: join(outdir, 'pdf-text-reader.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  // See pdf-text-worker-response.mjs: pdf.js's Response, without loading Node's fetch.
  inject: [join(__dirname, 'pdf-text-worker-response.mjs')],
  plugins: [sharedCodeCache],
  // As in bundle-cli.js: \p{...} kept as regular-expression literals.
  supported: { 'regexp-unicode-property-escapes': true },
  logLevel: 'warning',
})
  .then(() => writeFileSync(join(outdir, 'pdf-text-worker.cjs'), "'use strict';\n// The PDF reader's thread (see scripts/bundle-pdf-text-worker.js).\nrequire('./start.cjs').startThread(__dirname, 'pdf-text-reader.cjs', 'pdf');\n"))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
