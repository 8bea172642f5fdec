import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CaseLibraryInputs, CaseRecord } from '../cases/case-library';
import type { CaseProblem } from '../cases/case-problem';
import type { LetterLibrary, LetterLibraryOptions } from './letter-library';
import { letterTemplatesFrom, precompileTemplates } from './letter-templates';
import { checksum } from '../files/checksum';
import { removeIfThere } from '../files/remove-if-there';
import { keepNoCompiledCode } from '../startup/compiled-code-cache';

/*
 * A cache of the parsed, checked case library with its letters' partials (the letter library), so
 * that `appeal list` and `show` need not parse YAML, validate every case and check every template
 * on each run. It lives with the letters because what it keeps is the letter library: the cases
 * read by cases/ and the partials read by letter-library.ts (cases/ never knows letters).
 *
 * Why the key is enough. The library is a pure function of: appeal's own code (the build id: a
 * hash of the bundle), the options (folders, cwd for the names in messages), the listing of every
 * folder it reads, and the bytes and real paths of every file it reads or looks for (case files,
 * templates, partials). The loaders report those files and folders themselves (`inputs`: the case
 * library its folders, case files and model letters; the letter library the partials' folder and
 * files), so a case that starts naming another template adds that template to the inputs of the
 * next build. The key
 * holds, for each folder, its real path and its sorted listing (an added, removed or renamed file
 * changes it); for each file, its real path, what kind of file it is (and its device and inode),
 * and its bytes themselves, kept in the cache file and compared byte for byte with the file's. No
 * hash and no timestamps: a change in the same second and of the same size, a restored mtime or a
 * filesystem with coarse timestamps cannot hide from a comparison of the bytes. The key is read
 * from the files on every run and compared in full before the cache is used, so the cache is never
 * trusted over them. (Comparing bytes is also faster to start than hashing: no crypto to load.)
 *
 * One gap remains in any after-the-fact key: a file changed while the library is being built, after
 * the loader read it and before its bytes were taken for the key, would be kept in its new form
 * beside the old parse. So a library is only written to the cache when each input's ctime (which
 * the kernel sets on every change and no one can set back) is older than the start of the build by
 * a safety margin; a library built from files changed a moment ago is used for this run and built
 * again next time.
 *
 * A file that is not a regular file (a FIFO, a device), or is too large to keep, makes the library
 * uncacheable: such libraries are built every time, as without a cache.
 */

// The first line, then the checksum of everything after its own line (header and bytes), then the header.
const MAGIC = 'appeal-case-library-cache/5\n';
/** Inputs changed this recently are not trusted to be the bytes the loader saw (see above). */
const SETTLE_MS = 2000;
const MAX_KEPT_BYTES = 4 * 1024 * 1024;

/** What the cache file holds after its first line; the inputs' bytes follow it, in order. */
interface CacheHeader {
  build: string;
  options: string;
  inputs: CaseLibraryInputs;
  /** One print per folder, then one per file (see folderPrint, filePrint). */
  prints: string[];
  /** The length of each file's bytes in the tail, in the order of inputs.files. */
  lengths: number[];
  /** The library, with its templates compiled (see precompileTemplates: `write` then needs no compiler). */
  library: { cases: CaseRecord[]; problems: CaseProblem[]; partials: Record<string, string>; precompiled: [string, string][] };
}

export interface CachedLibraryOptions {
  library: LetterLibraryOptions;
  /** The cache folder; undefined to build without a cache. */
  cacheDir?: string;
  /** Identifies appeal's code; a cache made by other code is never used. */
  buildId?: string;
}

/** What the cache did, for tests and --debug. */
export type CacheOutcome = 'hit' | 'built' | 'built-not-cached' | 'no-cache';

/**
 * The letter library, from the cache when every input is as it was, else built by the loader
 * (which, with YAML, zod and Handlebars' parser, is loaded only then) and cached for next time.
 */
export async function openLetterLibraryCached(options: CachedLibraryOptions): Promise<{ library: LetterLibrary; outcome: CacheOutcome }> {
  const { cacheDir, buildId } = options;
  const build = async () => (await import('./letter-library')).loadLetterLibrary(options.library);
  if (!cacheDir || !buildId) return { library: await build(), outcome: 'no-cache' };

  const optionsKey = JSON.stringify(options.library);
  const file = join(cacheDir, `case-library-${checksum(optionsKey)}.cache`);
  const cached = readCacheFile(file, buildId, optionsKey);
  if (cached && inputsUnchanged(cached.header, cached.bytes)) {
    const { cases, problems, partials, precompiled } = cached.header.library;
    return { library: { cases, problems, templates: letterTemplatesFrom(partials, precompiled), inputs: cached.header.inputs }, outcome: 'hit' };
  }

  const started = Date.now();
  const library = await build();
  const snapshot = snapshotInputs(library.inputs);
  if (snapshot === undefined || snapshot.newestChange > started - SETTLE_MS) return { library, outcome: 'built-not-cached' };
  const header = { build: buildId, options: optionsKey, inputs: library.inputs, prints: snapshot.prints, lengths: snapshot.files.map((bytes) => bytes.length), library: { cases: library.cases, problems: library.problems, partials: library.templates.partials, precompiled: precompiledLetters(library) } };
  writeCacheFile(file, header, Buffer.concat(snapshot.files));
  // The next run reads this cache; its compiled code, not this run's, is the one worth keeping.
  keepNoCompiledCode();
  return { library, outcome: 'built' };
}

/** Every template a letter of the library may be made from: the shared partials and each case's letters. */
function precompiledLetters(library: LetterLibrary): [string, string][] {
  const letters = library.cases.flatMap((record) => Object.values(record.letterTemplates).map((template) => template.source));
  return precompileTemplates([...Object.values(library.templates.partials), ...letters]);
}

/** The cache's header and bytes when the file is whole, made by this build for these options. */
function readCacheFile(file: string, buildId: string, optionsKey: string): { header: CacheHeader; bytes: Buffer } | undefined {
  try {
    const data = readFileSync(file);
    if (data.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
    // A cut or damaged cache is never read as a library.
    const sumEnd = data.indexOf(10, MAGIC.length);
    if (sumEnd < 0 || data.toString('latin1', MAGIC.length, sumEnd) !== checksum(data.subarray(sumEnd + 1))) return undefined;
    const end = data.indexOf(10, sumEnd + 1);
    if (end < 0) return undefined;
    const header = JSON.parse(data.toString('utf8', sumEnd + 1, end)) as CacheHeader;
    if (header.build !== buildId || header.options !== optionsKey) return undefined;
    const bytes = data.subarray(end + 1);
    const { inputs, prints, lengths, library } = header;
    if (!Array.isArray(inputs?.folders) || !Array.isArray(inputs?.files) || !Array.isArray(library?.cases) || !Array.isArray(library?.problems) || !Array.isArray(library?.precompiled)) return undefined;
    if (prints.length !== inputs.folders.length + inputs.files.length || lengths.length !== inputs.files.length) return undefined;
    if (lengths.reduce((sum, length) => sum + length, 0) !== bytes.length) return undefined;
    return { header, bytes };
  } catch {
    // Missing, unreadable, cut short or not JSON: build afresh.
    return undefined;
  }
}

/** Every folder and file as the cache saw them: same prints, same bytes. */
function inputsUnchanged(header: CacheHeader, bytes: Buffer): boolean {
  const { folders, files } = header.inputs;
  for (let i = 0; i < folders.length; i++) {
    if (folderPrint(folders[i]!)?.text !== header.prints[i]) return false;
  }
  let offset = 0;
  for (let i = 0; i < files.length; i++) {
    const print = filePrint(files[i]!);
    const length = header.lengths[i]!;
    if (print === undefined || print.text !== header.prints[folders.length + i]) return false;
    if (!print.bytes.equals(bytes.subarray(offset, offset + length))) return false;
    offset += length;
  }
  return true;
}

/**
 * Written to a file of its own and renamed into place, so a reader sees the old cache or the new
 * one, never half of one; two processes building at once each rename a whole file. A cache that
 * cannot be written (read-only home, full disk) only costs the next run its speed.
 */
function writeCacheFile(file: string, header: CacheHeader, bytes: Buffer): void {
  const temp = `${file}.${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    const body = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), bytes]);
    writeFileSync(temp, Buffer.concat([Buffer.from(`${MAGIC}${checksum(body)}\n`, 'latin1'), body]), { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    removeIfThere(temp);
  }
}

/**
 * The prints and bytes of the inputs as they are now, and the newest ctime among them; undefined
 * when one of them cannot be kept, and the library is not to be cached.
 */
function snapshotInputs(inputs: CaseLibraryInputs): { prints: string[]; files: Buffer[]; newestChange: number } | undefined {
  const prints: string[] = [];
  const files: Buffer[] = [];
  let newestChange = 0;
  for (const folder of inputs.folders) {
    const print = folderPrint(folder);
    if (print === undefined) return undefined;
    prints.push(print.text);
    newestChange = Math.max(newestChange, print.ctimeMs);
  }
  for (const file of inputs.files) {
    const print = filePrint(file);
    if (print === undefined) return undefined;
    prints.push(print.text);
    files.push(print.bytes);
    newestChange = Math.max(newestChange, print.ctimeMs);
  }
  return { prints, files, newestChange };
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'error';
}

/** A folder's real path and sorted listing; a folder that is not there has a print of its own. */
function folderPrint(folder: string): { text: string; ctimeMs: number } | undefined {
  try {
    const stats = statSync(folder);
    if (!stats.isDirectory()) return { text: `not-a-folder\0${lstatSync(folder).mode}`, ctimeMs: stats.ctimeMs };
    return { text: `${realpathSync.native(folder)}\0${readdirSync(folder).sort().join('\0')}`, ctimeMs: stats.ctimeMs };
  } catch (error) {
    return { text: `absent\0${errorCode(error)}`, ctimeMs: 0 };
  }
}

const NO_BYTES = Buffer.alloc(0);

/** A file's kind, real path, device and inode, and its bytes; a missing file has a print of its own. */
function filePrint(file: string): { text: string; bytes: Buffer; ctimeMs: number } | undefined {
  let link: { mode: number; ctimeMs: number };
  try {
    link = lstatSync(file);
  } catch (error) {
    return { text: `absent\0${errorCode(error)}`, bytes: NO_BYTES, ctimeMs: 0 };
  }
  let fd: number;
  try {
    // Non-blocking, so a FIFO put where a case file was cannot hang the check.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { text: `unreadable\0${link.mode}\0${errorCode(error)}`, bytes: NO_BYTES, ctimeMs: link.ctimeMs };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > MAX_KEPT_BYTES) return undefined;
    const bytes = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    for (let n; length < bytes.length && (n = readSync(fd, bytes, length, bytes.length - length, null)) > 0; ) length += n;
    // Grown since fstat: being written right now, so not a state to keep.
    if (length !== stats.size) return undefined;
    const text = `${link.mode}\0${realpathSync.native(file)}\0${stats.dev}:${stats.ino}:${stats.mode}`;
    return { text, bytes: bytes.subarray(0, length), ctimeMs: Math.max(stats.ctimeMs, link.ctimeMs) };
  } finally {
    closeSync(fd);
  }
}
