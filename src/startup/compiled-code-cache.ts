import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join, sep } from 'node:path';
import { Script, constants as vmConstants } from 'node:vm';
import { checksum } from '../files/checksum';
import { removeIfThere } from '../files/remove-if-there';

/*
 * V8's compiled code for appeal's own bundle, kept in appeal's cache folder, so that a command
 * starts without parsing and compiling its code again (Node 20 has no module.enableCompileCache).
 * Only the files of dist/cli/ take part; every other module loads as Node loads it.
 *
 * Why a cached compile can never run other code than the file's. V8 checks a cache against its
 * own version and flags, but of the source only its length. So each cache file holds, beside V8's
 * data, the exact bytes of the source it was made from, and is used only when they equal, byte for
 * byte, the file Node has just read; a changed bundle of the same size is compiled afresh. V8's
 * data is checked whole (its length and a checksum) before V8 sees it, since V8 itself verifies no
 * checksum in release builds; files are written to a temporary name and renamed, so a reader sees
 * a whole file or none. A cache that is missing, damaged, foreign or rejected is ignored, and the
 * code compiles as without a cache; a cache that cannot be written is not an error either.
 */

const MAGIC = 'appeal-code-cache/2\n';

export interface CodeCacheOptions {
  /** The folder whose files take part (dist/cli). */
  codeDir: string;
  /** appeal's cache folder; the compiled code goes in a folder of its own inside it. */
  cacheDir: string;
  /**
   * The command being run: each keeps its own compiled code, holding the functions it runs, so the
   * first command run after an install (--help, say) does not decide what every other one finds.
   */
  command: string;
}

interface Header {
  /** Node, V8 and the flags this process runs with: V8's data is only good for the same three. */
  runtime: string;
  sourceLength: number;
  dataLength: number;
  dataChecksum: string;
}

type LoadFunction = (this: unknown, module: NodeJS.Module, filename: string) => void;
/** The parts of Node's CommonJS loader that its own loading of a .js or .cjs file uses, and so must this one. */
interface ModuleInternals {
  _extensions: Record<string, LoadFunction>;
  _resolveFilename(request: string, parent: NodeJS.Module): string;
  _cache: NodeJS.Dict<NodeJS.Module>;
}
const loader = Module as unknown as ModuleInternals;

/** The `require` a module's code is given, as Node's own makeRequireFunction makes it. */
function requireFor(module: NodeJS.Module): NodeJS.Require {
  const moduleRequire = ((id: string) => module.require(id)) as NodeJS.Require;
  const resolve = ((request: string) => loader._resolveFilename(request, module)) as NodeJS.RequireResolve;
  return Object.assign(moduleRequire, { resolve, cache: loader._cache, main: require.main, extensions: require.extensions });
}

/** Makes Node's loader compile dist/cli's files with the cache; call once, before they load. */
export function cacheCompiledCode(options: CodeCacheOptions): void {
  const nodeLoad = loader._extensions['.js']!;
  const folder = join(options.cacheDir, 'code', runtimeFolder());
  const variant = `.${/^[a-z]{1,20}$/.test(options.command) ? options.command : 'other'}${flagsSuffix()}`;
  const prefix = options.codeDir.endsWith(sep) ? options.codeDir : `${options.codeDir}${sep}`;

  // Node gives .cjs files to the '.js' loader too. This one reads the file's bytes once, to compare
  // them with the cache's and to make the source: the bundle is ASCII, which V8 takes fastest as such.
  loader._extensions['.js'] = function load(module, filename) {
    if (!filename.startsWith(prefix) || !filename.endsWith('.cjs')) return nodeLoad.call(this, module, filename);
    // The source as Module.wrap makes it, but with the wrapper written around the file's bytes where
    // they are read: V8 gets one flat string, where Module.wrap's joined one is copied again as it
    // compiles (0.6 MB for the pack).
    const source = readWhole(filename, sourceBuffer, WRAPPER[0].length, WRAPPER[1].length);
    const wrapped = sourceBuffer.bytes.subarray(0, WRAPPER[0].length + source.length + WRAPPER[1].length);
    wrapped.write(WRAPPER[0], 0, 'latin1');
    wrapped.write(WRAPPER[1], WRAPPER[0].length + source.length, 'latin1');
    const content = wrapped.toString(isAscii(source) ? 'latin1' : 'utf8');
    const file = join(folder, `${basename(filename)}${variant}.v8`);
    const cached = readCache(file, source, cacheBuffer);
    const script = new Script(content, {
      filename,
      cachedData: cached,
      // The bundle loads a few libraries with import(), which a vm script may do only when told how.
      importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    const used = cached !== undefined && !script.cachedDataRejected;
    // The source's bytes are read into the next file's; a cache written at exit needs its own copy.
    if (!used) pending.push({ file, source: Buffer.from(source), script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    wrapper.call(module.exports, module.exports, requireFor(module), module, filename, dirname(filename));
  };

  writeTo = { folder, codeDir: options.codeDir };
  // At exit, after the command has run, so the data holds the functions it compiled on the way;
  // and only when it ran to its end: a command that failed early (a file it could not read) ran
  // a part of its code, and its cache would leave the rest to compile on every later run.
  process.once('exit', (code) => {
    if (code === 0) writeCompiledCode();
  });
}

/**
 * The memory each file is read into, reused from file to file (the source, its cache): memory a
 * process has not touched yet costs 1.5 µs a page the first time, and Node's readFileSync takes
 * new memory for every file: an import reads 3 MB of sources and caches, 1.6 MB of it now into
 * pages already touched (400 first touches fewer, 0.7 ms).
 * What is read is used before the next file's turn: the source made into a string, the cache's
 * data handed to V8, which reads it as the script compiles.
 */
interface ReadBuffer {
  bytes: Buffer;
}
const sourceBuffer: ReadBuffer = { bytes: Buffer.alloc(0) };
const cacheBuffer: ReadBuffer = { bytes: Buffer.alloc(0) };

/** Module.wrap's text before and after a file's source (ASCII). */
const WRAPPER = Module.wrap('\0').split('\0') as [string, string];

/**
 * A file's bytes, in `into`'s memory (made larger when the file is), `before` bytes from its start
 * and with `after` bytes free after them: valid until the next read into it.
 */
function readWhole(path: string, into: ReadBuffer, before = 0, after = 0): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (into.bytes.length < before + size + after) into.bytes = Buffer.allocUnsafeSlow(before + size + after);
    return into.bytes.subarray(before, before + readAt(fd, into.bytes.subarray(before), size, 0));
  } finally {
    closeSync(fd);
  }
}

/** Files compiled without a cache this run, and where their cache goes. */
const pending: { file: string; source: Buffer; script: Script }[] = [];
let writeTo: { folder: string; codeDir: string } | undefined;

/**
 * Keeps nothing of this run's compiled code: the run was not the usual one for its command (it
 * built the case library again, code the next run will not use, and did not run what the next
 * will). The next run, the usual kind, compiles and keeps its own.
 */
export function keepNoCompiledCode(): void {
  pending.splice(0);
  writeTo = undefined;
}

/**
 * Writes the cache of what was compiled without one. At exit; and by a worker thread once its work
 * is done, since a thread its process stops (worker.terminate) has no exit of its own to write at.
 */
export function writeCompiledCode(): void {
  if (pending.length === 0 || !writeTo) return;
  const { folder, codeDir } = writeTo;
  const files = pending.splice(0);
  try {
    mkdirSync(folder, { recursive: true });
    removeOtherRuntimes(dirname(folder), basename(folder));
    removeLeftovers(folder, codeDir);
    for (const { file, source, script } of files) writeCache(file, source, script.createCachedData());
  } catch {
    // A cache folder that cannot be written (read-only home, full disk) only costs speed.
  }
}

/** A folder for each Node and V8: V8's data is only good for the very same. */
function runtimeFolder(): string {
  return `node-${process.versions.node}-v8-${process.versions.v8}-${process.arch}`;
}

/** V8 also refuses data made under other flags: a batch (bin/appeal.js gives it its own) keeps files of its own. */
function flagsSuffix(): string {
  const flags = process.execArgv.join(' ');
  return flags ? `.${checksum(flags)}` : '';
}

function runtimeName(): string {
  return `${runtimeFolder()}${flagsSuffix()}`;
}

/** Bytes read at a place in a file, until `length` or the file's end: how many. */
function readAt(fd: number, into: Buffer, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const read = readSync(fd, into, done, length - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return done;
}

// The cache's header is read from its first 4 KB, and its copy of the source 64 KB at a time, into
// memory used again and again: the copy is the larger part of the file (0.6 MB for the pack).
const HEAD_BYTES = 4096;
const piece = Buffer.allocUnsafeSlow(65536);

/**
 * V8's data from a cache file made from exactly these source bytes by this runtime; else undefined.
 * Read into `into` when given (valid until its next read), else into memory of its own.
 */
export function readCache(file: string, source: Buffer, into: ReadBuffer = { bytes: Buffer.alloc(0) }): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    return readCacheFrom(fd, source, into);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function readCacheFrom(fd: number, source: Buffer, into: ReadBuffer): Buffer | undefined {
  const size = fstatSync(fd).size;
  const head = piece.subarray(0, readAt(fd, piece, Math.min(size, HEAD_BYTES), 0));
  if (head.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
  const end = head.indexOf(10, MAGIC.length);
  if (end < 0) return undefined;
  let header: Header;
  try {
    header = JSON.parse(head.toString('utf8', MAGIC.length, end)) as Header;
  } catch {
    return undefined;
  }
  if (typeof header !== 'object' || header === null || header.runtime !== runtimeName() || header.sourceLength !== source.length) return undefined;
  if (!Number.isSafeInteger(header.dataLength) || header.dataLength < 0) return undefined;
  const dataStart = end + 1;
  const sourceStart = dataStart + header.dataLength;
  if (size !== sourceStart + source.length) return undefined;
  if (into.bytes.length < header.dataLength) into.bytes = Buffer.allocUnsafeSlow(header.dataLength);
  const data = into.bytes.subarray(0, header.dataLength);
  if (readAt(fd, data, data.length, dataStart) !== data.length) return undefined;
  for (let at = 0; at < source.length; at += piece.length) {
    const length = Math.min(piece.length, source.length - at);
    if (readAt(fd, piece, length, sourceStart + at) !== length) return undefined;
    if (!piece.subarray(0, length).equals(source.subarray(at, at + length))) return undefined;
  }
  return checksum(data) === header.dataChecksum ? data : undefined;
}

export function writeCache(file: string, source: Buffer, data: Buffer): void {
  const header: Header = { runtime: runtimeName(), sourceLength: source.length, dataLength: data.length, dataChecksum: checksum(data) };
  // A worker thread shares its process's id: the thread's too, so no two writers share a name.
  // (worker_threads loads the streams library with it: here only, when a cache is written.)
  const { threadId } = require('node:worker_threads') as typeof import('node:worker_threads');
  const temp = `${file}.${process.pid}-${threadId}.tmp`;
  try {
    writeFileSync(temp, Buffer.concat([Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`), data, source]));
    renameSync(temp, file);
  } catch {
    removeIfThere(temp);
  }
}

/**
 * Files compiled from code this installation no longer has (its file names change with every
 * build), and temporary files a process stopped while writing left behind a while ago.
 */
function removeLeftovers(folder: string, codeDir: string): void {
  const present = new Set(readdirSync(codeDir));
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(folder)) {
    const stale = name.endsWith('.tmp') ? statSync(join(folder, name)).mtimeMs < hourAgo : !present.has(name.slice(0, name.indexOf('.cjs.') + 4));
    if (stale) rmSync(join(folder, name), { force: true });
  }
}

/** Caches of other Node versions are never used again once appeal runs on this one. */
function removeOtherRuntimes(parent: string, keep: string): void {
  for (const name of readdirSync(parent)) if (name !== keep && name.startsWith('node-')) rmSync(join(parent, name), { recursive: true, force: true });
}
