#!/usr/bin/env node
// Bundles the command line's own code with the small libraries its commands load (commander, yaml,
// zod, Handlebars) into ES modules in dist/cli/, split at every dynamic import(): `appeal --help`
// reads the entry and commander, `list` adds its command and the case-library cache, and YAML, zod
// and the template checker load only when the case library has to be parsed again. Libraries that
// only some commands load stay outside and load from node_modules when needed; the PDF worker runs
// from tsc's files. dist/build-id is a hash of the bundle: the case-library cache keeps only what
// this very code made.
'use strict';
const { createHash } = require('node:crypto');
const { readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { build, buildSync } = require('esbuild');

const root = join(__dirname, '..');
const outdir = join(root, 'dist', 'cli');
rmSync(outdir, { recursive: true, force: true });

// Handlebars is loaded with a synchronous require() where a letter is compiled or a template
// checked, which would put it in every chunk that can reach those functions. As files of their own
// (one for the parser alone, one for the whole library), they load only when they are called.
const VENDOR = {
  'handlebars/dist/cjs/handlebars/compiler/base': 'handlebars-parser.cjs',
  handlebars: 'handlebars.cjs',
};
for (const [request, file] of Object.entries(VENDOR)) {
  buildSync({ entryPoints: [require.resolve(request)], outfile: join(outdir, 'vendor', file), bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
}

// Node builds an ES module's view of a built-in by reading every export, and for node:fs that
// loads the whole streams library (fs.ReadStream is a lazy getter); a require() reads nothing.
// So the bundle takes built-ins with require(), exporting their plain values under their names.
const builtinModule = (name) => {
  const lines = [`const m = require(${JSON.stringify(name)});`, 'export default m;'];
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(require(name)))) {
    if ('value' in descriptor && /^[A-Za-z_$][\w$]*$/.test(key) && key !== 'default') lines.push(`export const ${key} = m.${key};`);
  }
  return lines.join('\n');
};

const vendorPlugin = {
  name: 'appeal-vendor',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => (args.kind === 'import-statement' ? { path: args.path, namespace: 'builtin' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: builtinModule(args.path), loader: 'js' }));
    // commander loads child_process for subcommands that are programs of their own, which appeal
    // has none of: load it on first use instead of at every start.
    build.onResolve({ filter: /^node:child_process$/ }, (args) => (args.importer.includes('commander') ? { path: 'lazy-child-process', namespace: 'lazy' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({ contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });", loader: 'js' }));
    build.onResolve({ filter: /^handlebars(\/|$)/ }, (args) => (VENDOR[args.path] ? { path: `./vendor/${VENDOR[args.path]}`, external: true } : undefined));
    // zod's locales: English only (see scripts/zod-locales-en.mjs).
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => (args.importer.includes(`${join('node_modules', 'zod')}`) ? { path: join(__dirname, 'zod-locales-en.mjs') } : undefined));
  },
};

async function main() {
const result = await build({
  entryPoints: [join(root, 'src', 'entry.ts')],
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // zod and the others publish ES modules too; prefer them, so what is not used can drop out.
  mainFields: ['module', 'main'],
  conditions: ['import'],
  logLevel: 'warning',
  metafile: true,
  plugins: [vendorPlugin],
  // The code was written for CommonJS: give each module `require` (for the libraries left outside)
  // and a `__dirname` that is dist/, where tsc's files sit, so package-paths finds the package.
  banner: {
    js: [
      "import { createRequire as __appealRequire } from 'node:module';",
      "import { dirname as __appealDirname } from 'node:path';",
      'const require = __appealRequire(import.meta.url);',
      'const __dirname = __appealDirname(import.meta.dirname);',
    ].join('\n'),
  },
  // chrono-node, i18n-iso-countries and csv-parse are bundled into the chunks of the commands that use
  // them: chrono then brings only the four languages appeal reads (en, es, fr, de), not all of them.
  external: ['pdfkit', 'fontkit', 'nodemailer', '@inquirer/prompts', 'csv-stringify', 'cli-progress', 'pdfjs-dist', 'mailparser'],
});

const hash = createHash('sha256');
const outputs = [...Object.keys(result.metafile.outputs), ...Object.values(VENDOR).map((file) => join('dist', 'cli', 'vendor', file))];
for (const file of outputs.sort()) hash.update(file).update(readFileSync(join(root, file)));
writeFileSync(join(root, 'dist', 'build-id'), `${hash.digest('hex')}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
