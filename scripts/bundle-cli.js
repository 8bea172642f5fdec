#!/usr/bin/env node
// Bundles the command line's own code with the small libraries its commands load (commander, yaml,
// zod, Handlebars) into dist/cli/, split at every dynamic import(): `appeal --help` reads the entry
// and commander, `list` adds its command and the case-library cache, and YAML, zod and the template
// checker load only when the case library has to be parsed again. esbuild splits only ES modules,
// so each file it makes is then turned into CommonJS (.cjs), its import() into require(): Node's
// CommonJS loader starts a file in a fraction of the ES-module loader's time, and only CommonJS can
// be compiled with V8's code cache (src/startup/compiled-code-cache.ts). Libraries that only some
// commands load stay outside and load from node_modules when needed. dist/build-id is a hash of the
// bundle: the case-library cache keeps only what this very code made.
'use strict';
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join, relative, resolve } = require('node:path');
const Module = require('node:module');
const { build, buildSync, transformSync } = require('esbuild');
const { caselessSources } = require('./caseless-patterns');
const { standInsPlugin } = require('./stand-ins');

const root = join(__dirname, '..');
const outdir = join(root, 'dist', 'cli');
rmSync(outdir, { recursive: true, force: true });

// Handlebars is loaded with a synchronous require() where a letter is compiled or a template
// checked, which would put it in every chunk that can reach those functions. As files of their own
// (the parser alone, the whole library, the runtime alone), they load only when they are called.
const VENDOR = {
  'handlebars/dist/cjs/handlebars/compiler/base': 'handlebars-parser.cjs',
  handlebars: 'handlebars.cjs',
  // For templates the case-library cache keeps compiled: the runtime alone.
  'handlebars/runtime': 'handlebars-runtime.cjs',
  // chrono-node, likewise: import reads the plain dates of most documents itself
  // (src/import/document-dates.ts) and loads a language's parser only for a date it cannot read.
  'chrono-node/en': 'chrono-en.cjs',
  'chrono-node/es': 'chrono-es.cjs',
  'chrono-node/fr': 'chrono-fr.cjs',
  'chrono-node/de': 'chrono-de.cjs',
};
// pdfkit and fontkit are bundled, so that a PDF letter reads two files instead of fifty modules.
// They import, and set up at once, libraries that only some documents need: brotli's 120 KB
// dictionary (WOFF2 fonts), Unicode tables decompressed on load (pdfkit's own line breaking,
// fontkit's shaping of complex scripts), AES (encrypted PDFs), PNG decoding. appeal's letters in
// the built-in font need none of them. Each becomes a file of its own, loaded on its first call.
const LAZY = {
  'brotli/decompress.js': 'brotli-decompress.cjs',
  '@noble/ciphers/aes': 'noble-aes.cjs',
  'png-js': 'png-js.cjs',
  linebreak: 'linebreak.cjs',
  'unicode-properties': 'unicode-properties.cjs',
};
Object.assign(VENDOR, LAZY);

/**
 * fontkit asks whether a character is a mark for every glyph it makes, so isMark cannot wait for
 * the tables: it becomes a search in the ranges of marks, read from those same tables at build time.
 */
const markRanges = (unicode) => {
  const ranges = [];
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
    if (!unicode.isMark(codePoint)) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === codePoint - 1) last[1] = codePoint;
    else ranges.push([codePoint, codePoint]);
  }
  return [
    `const markRanges = ${JSON.stringify(ranges.flat())};`,
    'export const isMark = (codePoint) => {',
    '  let low = 0, high = markRanges.length / 2 - 1;',
    '  while (low <= high) {',
    '    const middle = (low + high) >> 1;',
    '    if (codePoint < markRanges[2 * middle]) high = middle - 1;',
    '    else if (codePoint > markRanges[2 * middle + 1]) low = middle + 1;',
    '    else return true;',
    '  }',
    '  return false;',
    '};',
  ].join('\n');
};

/** An ES module standing in for `request`: every export a function that loads the real one when called. */
const lazyModule = (request) => {
  const real = require(request);
  const load = `let real; const load = () => (real ??= require(${JSON.stringify(`./vendor/${LAZY[request]}`)}));`;
  // A default export that is a class is called with new: construct the real class then.
  const call = (get) => `function (...args) { const f = ${get}; return new.target ? new f(...args) : f.apply(this, args); }`;
  const lines = [load];
  if (request === 'unicode-properties') lines.push(markRanges(real));
  if (typeof real === 'function') lines.push(`export default ${call('load()')};`);
  else {
    for (const key of Object.keys(real)) {
      if (key === 'default' || typeof real[key] !== 'function' || (request === 'unicode-properties' && key === 'isMark')) continue;
      lines.push(`export const ${key} = ${call(`load().${key}`)};`);
    }
    if (real.default) lines.push(`export default new Proxy({}, { get: (_, key) => load().default[key] });`);
  }
  return lines.join('\n');
};

for (const [request, file] of Object.entries(VENDOR)) {
  buildSync({ entryPoints: [require.resolve(request)], outfile: join(outdir, 'vendor', file), bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', alias: { 'source-map': join(__dirname, 'no-source-map.cjs') } });
}

const vendorPlugin = {
  name: 'appeal-vendor',
  setup(build) {
    // commander loads child_process for subcommands that are programs of their own, which appeal
    // has none of: load it on first use instead of at every start.
    build.onResolve({ filter: /^node:child_process$/ }, (args) => (args.importer.includes('commander') ? { path: 'lazy-child-process', namespace: 'lazy' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({ contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });", loader: 'js' }));
    build.onResolve({ filter: /^(handlebars|chrono-node)(\/|$)/ }, (args) => (VENDOR[args.path] ? { path: `./vendor/${VENDOR[args.path]}`, external: true } : undefined));
    build.onResolve({ filter: /^(brotli|@noble\/ciphers|png-js|linebreak|unicode-properties)(\/|$)/ }, (args) => (LAZY[args.path] ? { path: args.path, namespace: 'lazy-vendor' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'lazy-vendor' }, (args) => ({ contents: lazyModule(args.path), loader: 'js' }));
    build.onResolve({ filter: /^\.\/vendor\// }, (args) => ({ path: args.path, external: true }));
    // The compiled-code cache is start.cjs's, loaded before everything else: its one copy, not a second.
    build.onResolve({ filter: /startup\/compiled-code-cache$/ }, () => ({ path: './start.cjs', external: true }));
    // pdfkit finds its own data (standard fonts, a colour profile) next to itself, which in the
    // bundle is next to the chunk: point it back at the installed pdfkit. appeal uses neither.
    build.onLoad({ filter: /pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, (args) => ({
      contents: `const __pdfkitUrl = require('node:url').pathToFileURL(require.resolve(${JSON.stringify('pdf' + 'kit')}.toString())).href;\n${require('node:fs').readFileSync(args.path, 'utf8').replaceAll('import.meta.url', '__pdfkitUrl')}`,
      loader: 'js',
    }));
    // fontkit decompresses the Unicode tables of its Arabic, Indic and other shapers when it
    // loads (50 ms), though only names in those scripts use them: each table is made on its
    // first lookup instead. A table used other than by .get() is left as it is.
    build.onLoad({ filter: /fontkit[\\/]dist[\\/]module\.mjs$/ }, (args) => {
      const source = require('node:fs').readFileSync(args.path, 'utf8');
      const tables = /^const (\$\w+\$var\$trie) = (new \(0, \$\w+\$unicodetrie\)\(.*\));$/gm;
      const names = [...source.matchAll(tables)].map((match) => match[1]);
      const onlyGet = names.every((name) => source.split(name).length - 2 === source.split(`${name}.get(`).length - 1);
      if (!names.length || !onlyGet) return undefined;
      const lazy = 'const __appealLazyTrie = (make) => { let table; return { get: (codePoint) => (table ??= make()).get(codePoint) }; };\n';
      return { contents: lazy + source.replace(tables, 'const $1 = __appealLazyTrie(() => $2);'), loader: 'js' };
    });
    // zod's locales: English only (see scripts/zod-locales-en.mjs).
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => (args.importer.includes(`${join('node_modules', 'zod')}`) ? { path: join(__dirname, 'zod-locales-en.mjs') } : undefined));
  },
};

/**
 * One of esbuild's ES-module files as CommonJS: imports of the other files become require()s of
 * their .cjs names (so each file is still loaded once, and shared), import() becomes a require()
 * on the next tick, and the code's __dirname is dist/, where tsc's files sit, so package-paths
 * finds the package from either. `packed` names the files in the pack, which it requires from there.
 */
function toCommonJs(code, { inPack, packed }) {
  const renamed = code.replace(/(["'])\.\/([\w.-]+)\.js\1/g, '$1./$2.cjs$1');
  const result = transformSync(renamed, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    supported: { 'dynamic-import': false, 'regexp-unicode-property-escapes': true },
    define: { __dirname: '__appealDirname' },
    banner: inPack ? '' : "const __appealDirname = require('node:path').dirname(__dirname);",
    logLevel: 'warning',
    // Libraries' own quirks (fontkit repeats a key) were reported, and silenced, when they were bundled.
    logOverride: { 'duplicate-object-key': 'silent' },
  });
  return asciiOnly(result.code).replace(/\brequire\((["'])\.\/([\w.-]+\.cjs)\1\)/g, (call, quote, name) => (packed.has(name) ? `${inPack ? '' : `require(${quote}./${PACK}${quote}).`}load(${quote}${name}${quote})` : call));
}

/**
 * The code with every character outside ASCII written as a \\u escape, which means the same in a
 * string, a template, a regular expression and a name (and in a comment does no harm): V8 keeps an
 * ASCII source in one byte per character, and Node reads it without decoding UTF-8.
 */
const asciiOnly = (code) => code.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The pack: appeal's own code and commander, every file of it a function in one file, which a
 * command reads and compiles (from V8's cache) at once, instead of the twenty to thirty files a
 * command would load one by one, each resolved, read and compiled by Node's loader. Files whose code
 * is mostly a library's (YAML, zod, pdfkit, fontkit, csv-parse), and import's own (its finders, the
 * PDF reader), stay files of their own, loaded only by the commands that need them; they reach the
 * pack's files through small stubs.
 */
const PACK = 'appeal.cjs';
const isLibraryFile = (meta) => {
  if (meta.entryPoint === 'src/entry.ts') return false;
  // The importer's finders and country names are 180 KB that only import runs, and the plain PDF
  // reader another 70 KB (its fonts' widths among them): in the pack, every other command would read
  // them too (list and --help lose 1-2 ms), so they stay files of their own.
  if (meta.entryPoint === 'src/import/importer.ts' || meta.entryPoint === 'src/import/pdf-text.ts') return true;
  const inputs = Object.entries(meta.inputs);
  const library = inputs.filter(([input]) => input.includes('node_modules/')).reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);
  return library > meta.bytes / 2;
};

function packText(files) {
  return [
    "'use strict';",
    "const __appealDirname = require('node:path').dirname(__dirname);",
    'const files = {',
    ...files.map(({ name, code }) => `${JSON.stringify(name)}: function (exports, module) {\n${code}\n},`),
    '};',
    'const loaded = new Map();',
    '/** A file of the pack, run once, as require() runs a file: its exports, while still filling them when required in a cycle. */',
    'function load(name) {',
    '  let module = loaded.get(name);',
    '  if (module) return module.exports;',
    '  module = { exports: {} };',
    '  loaded.set(name, module);',
    '  files[name].call(module.exports, module.exports, module);',
    '  return module.exports;',
    '}',
    'exports.load = load;',
    '',
  ].join('\n');
}

/** Libraries only some commands load, from node_modules when they do. */
const EXTERNAL = ['nodemailer', '@inquirer/prompts', 'csv-stringify', 'cli-progress', 'pdfjs-dist', 'mailparser'];
const NODE_CJS = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'warning' };

/**
 * The tables the importer is built with, made by loading its modules here (with stand-ins, as in
 * the bundle): its case-insensitive patterns, each with its form without the i flag
 * (src/import/case-patterns.ts), the patterns being those its modules make as they load and the
 * alternation of country names, which countries.ts makes on first use; and the countries' index of
 * names (src/import/country-index.ts).
 */
async function importerTables(standIns) {
  const contents = [
    "require('./import/import-document');",
    "require('./import/countries').countryMentions('');",
    "module.exports = { caseless: require('./import/case-patterns').caseInsensitiveSources(), countryIndex: [...require('./import/country-index').countryIndex()] };",
  ].join('\n');
  const listing = await build({
    stdin: { contents, resolveDir: join(root, 'src'), sourcefile: 'caseless-sources.js', loader: 'js' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
    plugins: [standIns.plugin],
  });
  const listed = new Module(join(root, 'src', 'caseless-sources.js'));
  listed.paths = Module._nodeModulePaths(join(root, 'src'));
  listed._compile(listing.outputFiles[0].text, join(root, 'src', 'caseless-sources.js'));
  return { caseless: caselessSources(listed.exports.caseless), countryIndex: JSON.stringify(listed.exports.countryIndex) };
}

// The swap itself, and its table, which the plugin writes: not the importer's modules.
const SWAP_MODULES = ['stand-ins.ts', 'stand-in-table.ts'];

/** The files a build read, as absolute paths (its metafile's are relative to `root`, its absWorkingDir). */
const inputPaths = (metafile) => Object.keys(metafile.inputs).map((input) => resolve(root, input));

/**
 * The importer's modules, which read a document's text with stand-ins (scripts/stand-ins.js): the
 * files of src/import/ that import-document.ts reaches, save the swap's own, and the JSON tables
 * they load (the names of countries), which only the importer reads.
 */
async function importerModules() {
  const { metafile } = await build({ entryPoints: [join(root, 'src', 'import', 'import-document.ts')], absWorkingDir: root, bundle: true, platform: 'node', write: false, metafile: true, logLevel: 'warning' });
  const folder = join(root, 'src', 'import');
  const inImport = (path) => !relative(folder, path).startsWith('..');
  const modules = new Set(inputPaths(metafile).filter((path) => (inImport(path) && !SWAP_MODULES.includes(relative(folder, path))) || path.endsWith('.json')));
  if (!modules.has(join(folder, 'import-document.ts'))) throw new Error(`the importer's modules were not found under ${folder}`);
  return modules;
}

/**
 * The bundle's src/import/caseless-table.ts (the table, where tsc's files and the tests have none)
 * and country-index.ts (the index as made at build time, where they make it from the tables).
 */
const TABLE_MODULES = ['caseless-table.ts', 'country-index.ts'];
const importerTablesPlugin = ({ caseless, countryIndex }) => ({
  name: 'appeal-importer-tables',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]import[\\/]caseless-table\.ts$/ }, () => ({ contents: `export const CASELESS_PATTERNS = ${JSON.stringify(caseless)};`, loader: 'js' }));
    build.onLoad({ filter: /[\\/]src[\\/]import[\\/]country-index\.ts$/ }, () => ({
      contents: `export const countryIndex = () => new Map(JSON.parse(${JSON.stringify(countryIndex)}));`,
      loader: 'js',
    }));
  },
});

async function main() {
const standIns = standInsPlugin(await importerModules());
const importerTableContents = await importerTables(standIns);
const result = await build({
  entryPoints: [join(root, 'src', 'entry.ts')],
  // The metafile's paths, which name the pack's files, are relative to this folder.
  absWorkingDir: root,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // zod and the others publish ES modules too; prefer them, so what is not used can drop out.
  mainFields: ['module', 'main'],
  conditions: ['import'],
  // esbuild writes a regular expression with \p{...} as new RegExp(...) for every target, built
  // again at each call where it sits in a function; Node has had them since version 10.
  supported: { 'regexp-unicode-property-escapes': true },
  logLevel: 'warning',
  metafile: true,
  write: false,
  plugins: [vendorPlugin, importerTablesPlugin(importerTableContents), standIns.plugin],
  // i18n-iso-countries and csv-parse are bundled into the chunks of the commands that use them (and
  // chrono-node's four languages that import reads into vendor files: see VENDOR).
  external: EXTERNAL,
});
// Every importer module the bundle holds, save those the tables' plugin wrote, was written with stand-ins.
const tableModules = new Set(TABLE_MODULES.map((name) => join(root, 'src', 'import', name)));
standIns.checkAllWritten(new Set(inputPaths(result.metafile).filter((path) => !tableModules.has(path))));
mkdirSync(outdir, { recursive: true });
const written = [];
const write = (name, text) => {
  writeFileSync(join(outdir, name), text);
  written.push(join('dist', 'cli', name));
};
const cjsName = (path) => path.slice(path.lastIndexOf('/') + 1).replace(/\.js$/, '.cjs');
const metaOf = new Map(Object.entries(result.metafile.outputs).map(([path, meta]) => [cjsName(path), meta]));
const files = result.outputFiles.map((output) => ({ name: cjsName(output.path), text: output.text }));
const packed = new Set(files.filter(({ name }) => !isLibraryFile(metaOf.get(name))).map(({ name }) => name));
write(PACK, packText(files.filter(({ name }) => packed.has(name)).map(({ name, text }) => ({ name, code: toCommonJs(text, { inPack: true, packed }) }))));
for (const { name, text } of files) {
  write(name, packed.has(name) ? `module.exports = require('./${PACK}').load(${JSON.stringify(name)});\n` : toCommonJs(text, { inPack: false, packed }));
}

// What bin/appeal.js loads first: the compiled-code cache, and where appeal's cache folder is.
await build({ ...NODE_CJS, entryPoints: [join(root, 'src', 'startup', 'start.ts')], outfile: join(outdir, 'start.cjs') });
written.push(join('dist', 'cli', 'start.cjs'));

// The batch's PDF worker: one CommonJS file with pdfkit, fontkit and the letter code, which a
// worker thread loads faster than the modules one by one, from the code cache: the thread starts
// from pdf-engine-worker.cjs, which sets the cache up (start.cjs). __dirname is dist/, as in tsc's files.
await build({
  ...NODE_CJS,
  entryPoints: [join(root, 'src', 'pdf', 'pdf-engine-worker.ts')],
  outfile: join(outdir, 'pdf-engine-thread.cjs'),
  mainFields: ['module', 'main'],
  plugins: [vendorPlugin],
  banner: { js: "const __appealDirname = require('node:path').dirname(__dirname);" },
  define: { __dirname: '__appealDirname' },
  supported: { 'regexp-unicode-property-escapes': true },
  external: EXTERNAL,
});

writeFileSync(join(outdir, 'pdf-engine-worker.cjs'), "'use strict';\n// A batch's PDF worker thread (see scripts/bundle-cli.js).\nrequire('./start.cjs').startThread(__dirname, 'pdf-engine-thread.cjs', 'batch');\n");

const hash = createHash('sha256');
const outputs = [...written, join('dist', 'cli', 'pdf-engine-thread.cjs'), join('dist', 'cli', 'pdf-engine-worker.cjs'), ...Object.values(VENDOR).map((file) => join('dist', 'cli', 'vendor', file))];
for (const file of outputs.sort()) hash.update(file).update(readFileSync(join(root, file)));
writeFileSync(join(root, 'dist', 'build-id'), `${hash.digest('hex')}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
