/**
 * Issue 18: appeal's code is kept compiled (V8's code cache) in the cache folder, and a cache must
 * never run other code than the installed files: a bundle changed to other code of the very same
 * size, a damaged or foreign cache file, and two first runs at once. Run in a copy of the
 * installation, so the real one is untouched.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { makeTempDir } from '../helpers/temp-dir';
import { REPO_ROOT, runCli } from '../helpers/run-cli';
import { readCache, writeCache } from '../../src/startup/compiled-code-cache';

let temp: ReturnType<typeof makeTempDir>;
let install: string;
beforeAll(() => {
  temp = makeTempDir();
  install = join(temp.dir, 'install');
  for (const part of ['bin', 'dist', 'cases', 'templates', 'package.json']) cpSync(join(REPO_ROOT, part), join(install, part), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(install, 'node_modules'));
});
afterAll(() => temp.cleanup());

/** Runs the copy with a cache folder of the test's own. */
const appeal = (args: string[], cache: string) => runCli(args, { cwd: temp.dir, bin: join(install, 'bin', 'appeal.js'), env: { APPEAL_CACHE: cache } });
/** The compiled-code files in a cache folder, with when each was last written. */
function codeFiles(cache: string): Map<string, number> {
  const root = join(cache, 'code');
  const files = new Map<string, number>();
  if (!existsSync(root)) return files;
  for (const runtime of readdirSync(root)) for (const name of readdirSync(join(root, runtime))) files.set(join(root, runtime, name), statSync(join(root, runtime, name)).mtimeMs);
  return files;
}
/** The pack (appeal's own code, dist/cli/appeal.cjs) as compiled for one command. */
const packCache = (cache: string, command: string) => [...codeFiles(cache).keys()].find((file) => file.endsWith(`/appeal.cjs.${command}.v8`))!;
const PACK = () => join(install, 'dist', 'cli', 'appeal.cjs');
/**
 * Runs a command until its compiled code is kept: once, or twice when the first run built the case
 * library and cached it, which keeps no code (whether it did depends on how old the copy's files are).
 */
async function runKept(args: string[], cache: string, command = args[0]!) {
  const first = await appeal(args, cache);
  if (packCache(cache, command) === undefined) await appeal(args, cache);
  expect(packCache(cache, command)).toBeDefined();
  return first;
}

test('a run keeps the code compiled; the next runs use it and write nothing', async () => {
  const cache = join(temp.dir, 'cache-reuse');
  const first = await runKept(['list'], cache);
  expect(first.code).toBe(0);
  const written = codeFiles(cache);
  const again = await appeal(['list'], cache);
  expect(again.stdout).toBe(first.stdout);
  expect(codeFiles(cache)).toEqual(written);
});

test('a bundle changed to other code of the same size runs the new code, and its cache is made again', async () => {
  const cache = join(temp.dir, 'cache-changed');
  expect((await appeal(['--help'], cache)).stdout).toContain('Write Urgent Action letters');
  const before = readFileSync(packCache(cache, 'none'));
  const entry = PACK();
  const source = readFileSync(entry, 'utf8');
  const changed = source.replace('Write Urgent Action letters', 'WRITE URGENT ACTION LETTERS');
  expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(source));
  writeFileSync(entry, changed);
  try {
    const help = await appeal(['--help'], cache);
    expect(help.stdout).toContain('WRITE URGENT ACTION LETTERS');
    expect(readFileSync(packCache(cache, 'none')).equals(before)).toBe(false);
  } finally {
    writeFileSync(entry, source);
  }
});

test.each([
  ['cut short', (bytes: Buffer) => bytes.subarray(0, bytes.length - 100)],
  ['with a damaged byte in V8’s data', (bytes: Buffer) => { const copy = Buffer.from(bytes); copy[bytes.indexOf(10) + 20]! ^= 0xff; return copy; }],
  ['of another program', () => Buffer.from('\x7fELF not a cache at all')],
  ['of JSON that is no header', () => Buffer.from('appeal-code-cache/1\nnull\n')],
])('a cache file %s is ignored and made again; the command works', async (what, damage) => {
  const cache = join(temp.dir, `cache-${what.replace(/\W+/g, '-')}`);
  const first = await runKept(['show', '150.19'], cache);
  const file = packCache(cache, 'show');
  writeFileSync(file, damage(readFileSync(file)));
  const again = await appeal(['show', '150.19'], cache);
  expect(again.code).toBe(0);
  expect(again.stdout).toBe(first.stdout);
  expect(readCache(file, readFileSync(PACK()))).toBeDefined();
});

test('two first runs at once both work, and leave a whole cache', async () => {
  const cache = join(temp.dir, 'cache-together');
  // The case library first (a run that may cache it, and then keeps no code), so that both runs keep theirs.
  await appeal(['validate'], cache);
  const [a, b] = await Promise.all([appeal(['list'], cache), appeal(['list'], cache)]);
  expect([a.code, b.code]).toEqual([0, 0]);
  expect(a.stdout).toBe(b.stdout);
  expect(readCache(packCache(cache, 'list'), readFileSync(PACK()))).toBeDefined();
  expect([...codeFiles(cache).keys()].filter((file) => file.endsWith('.tmp'))).toEqual([]);
});

test('a cache folder that cannot be written only costs speed', async () => {
  const cache = join(temp.dir, 'cache-blocked');
  writeFileSync(cache, 'a file where the folder would be\n');
  const result = await appeal(['list'], cache);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('Open cases');
});

describe('a cache file read back', () => {
  const dir = () => join(temp.dir, 'read-back');
  const source = Buffer.from('module.exports = 1;\n');
  const data = Buffer.from(Array.from({ length: 203 }, (_, i) => (i * 7) % 256));
  beforeAll(() => mkdirSync(dir(), { recursive: true }));

  test('gives V8’s data for the same source, and nothing for a source one byte different', () => {
    const file = join(dir(), 'one.v8');
    writeCache(file, source, data);
    expect(readCache(file, source)?.equals(data)).toBe(true);
    expect(readCache(file, Buffer.from('module.exports = 2;\n'))).toBeUndefined();
    expect(readCache(join(dir(), 'missing.v8'), source)).toBeUndefined();
  });

  test('every single byte changed anywhere in the file is noticed', () => {
    const file = join(dir(), 'two.v8');
    writeCache(file, source, data);
    const whole = readFileSync(file);
    for (let i = 0; i < whole.length; i++) {
      const damaged = Buffer.from(whole);
      damaged[i]! ^= 0x01;
      writeFileSync(file, damaged);
      // A byte of padding in the header may change without harm; everything else must be refused.
      const read = readCache(file, source);
      if (read !== undefined) expect(read.equals(data)).toBe(true);
      if (i >= whole.indexOf(10, 20) + 1) expect(read).toBeUndefined();
    }
  });

  test('a source longer than the 64 KB pieces it is compared in: a byte changed at any piece’s edge is noticed, in the file or in the source', () => {
    const long = Buffer.from(Array.from({ length: 200_001 }, (_, i) => 32 + ((i * 31) % 95)));
    const file = join(dir(), 'long.v8');
    writeCache(file, long, data);
    expect(readCache(file, long)?.equals(data)).toBe(true);
    const whole = readFileSync(file);
    const copyStart = whole.length - long.length;
    for (const at of [0, 65_535, 65_536, 65_537, 131_071, 131_072, 196_608, long.length - 1]) {
      const changed = Buffer.from(long);
      changed[at]! ^= 0x01;
      expect({ at, read: readCache(file, changed) }).toEqual({ at, read: undefined });
      const damaged = Buffer.from(whole);
      damaged[copyStart + at]! ^= 0x01;
      writeFileSync(file, damaged);
      expect({ at, read: readCache(file, long) }).toEqual({ at, read: undefined });
      writeFileSync(file, whole);
    }
    expect(readCache(file, long)?.equals(data)).toBe(true);
  });
});

test('files compiled from code the installation no longer has are removed when the cache is next written', async () => {
  const cache = join(temp.dir, 'cache-leftovers');
  await runKept(['list'], cache);
  const folder = dirname(packCache(cache, 'list'));
  const leftover = join(folder, 'chunk-FROMANOLDBUILD.cjs.list.v8');
  writeFileSync(leftover, 'compiled by an earlier build\n');
  // Until show's code is kept: a run that builds the case library writes no cache (runKept).
  await runKept(['show', '150.19'], cache);
  expect(existsSync(leftover)).toBe(false);
  expect(existsSync(packCache(cache, 'list'))).toBe(true);
  expect(existsSync(packCache(cache, 'show'))).toBe(true);
});

test('a run that builds the case library keeps none of its compiled code; the next run keeps its own', async () => {
  const cache = join(temp.dir, 'cache-library-built');
  // The case library is only cached from files 2 s old (see letter-library-cache.ts); the copy is newer.
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const built = await appeal(['list'], cache);
  expect(built.code).toBe(0);
  // The case library was built and cached, and no code kept: what this run compiled is not what a usual list runs.
  expect(readdirSync(cache).some((name) => name.startsWith('case-library-'))).toBe(true);
  expect(existsSync(join(cache, 'code'))).toBe(false);
  const usual = await appeal(['list'], cache);
  expect(usual.stdout).toBe(built.stdout);
  expect(packCache(cache, 'list')).toBeDefined();
});

test('the threads that read a PDF and make a batch’s PDF keep their compiled code, and use it the next time', async () => {
  const cache = join(temp.dir, 'cache-threads');
  const pdf = await new Promise<Buffer>((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'samples', 'hn-ua60-16-3.txt'), 'utf8').replace(/[^\x20-\x7e\n]/g, '?'));
    doc.end();
  });
  // Its font's encoding blanked out (the file's offsets unchanged): a PDF the plain reader leaves
  // to pdf.js, on its thread (see src/import/pdf-text.ts).
  const forPdfjs = Buffer.from(pdf.toString('latin1').replace('/Encoding /WinAnsiEncoding', ' '.repeat(26)), 'latin1');
  expect(forPdfjs.equals(pdf)).toBe(false);
  writeFileSync(join(temp.dir, 'ua.pdf'), forPdfjs);
  const threadFiles = () => [...codeFiles(cache)].filter(([file]) => /pdf-text-reader\.cjs\.pdf\.|pdf-engine-thread\.cjs\.batch\./.test(file));
  for (let run = 0; run < 2; run++) {
    const imported = await appeal(['import', 'ua.pdf', '--stdout'], cache);
    expect(imported.stdout).toContain('ua_number: "60.16"');
    const batch = await appeal(['batch', '150.19', '--blank', '2', '--out', 'batch.pdf', '--force', '--preview'], cache);
    expect(batch.code).toBe(0);
  }
  const kept = threadFiles();
  expect(kept.map(([file]) => basename(file).replace(/\.[0-9a-f]{16}\.v8$/, '.v8').replace(/\.v8$/, '')).sort()).toEqual(['pdf-engine-thread.cjs.batch', 'pdf-text-reader.cjs.pdf']);
  // Used, not made again: a third run writes neither.
  await appeal(['import', 'ua.pdf', '--stdout'], cache);
  await appeal(['batch', '150.19', '--blank', '2', '--out', 'batch.pdf', '--force', '--preview'], cache);
  expect(threadFiles()).toEqual(kept);
});

test('a command that fails keeps no compiled code: it ran only part of what the command runs', async () => {
  const cache = join(temp.dir, 'cache-failed');
  await runKept(['list'], cache);
  const failed = await appeal(['show', 'no-such-case-anywhere'], cache);
  expect(failed.code).not.toBe(0);
  expect(packCache(cache, 'show')).toBeUndefined();
  expect((await appeal(['show', '150.19'], cache)).code).toBe(0);
  expect(packCache(cache, 'show')).toBeDefined();
});
