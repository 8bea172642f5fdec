#!/usr/bin/env node
// Bundles the command line's own code with the small libraries every command loads (commander,
// yaml, zod, Handlebars) into dist/appeal.cjs. Node then reads one file instead of some hundreds,
// which is most of `appeal list`'s start-up. Libraries that only some commands load stay outside
// the bundle and load from node_modules when needed; the PDF worker runs from tsc's files.
'use strict';
const { join } = require('node:path');
const { buildSync } = require('esbuild');

const root = join(__dirname, '..');
buildSync({
  entryPoints: [join(root, 'dist', 'entry.js')],
  outfile: join(root, 'dist', 'appeal.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  external: ['pdfkit', 'fontkit', 'nodemailer', '@inquirer/prompts', 'csv-parse', 'csv-stringify', 'cli-progress', 'pdfjs-dist', 'chrono-node', 'i18n-iso-countries', 'mailparser'],
});
