import { closeSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError, ExitCode } from '../errors/app-error';
import { checkWriteAllowed } from './write-guard';

/**
 * Every temporary file appeal makes starts with this and the id of the process making it, so a
 * later run can tell a leftover of a killed run (its process is gone) from a file being written.
 */
export const TEMP_PREFIX = '.appeal-tmp-';

function exists(path: string): boolean {
  try {
    lstatSync(path); // a dangling symbolic link counts as being there
    return true;
  } catch {
    return false;
  }
}

/**
 * What to tell the person when a write fails, in the words of the command that writes: only it
 * knows its flags (`write` has a folder --out, `batch` a file --out, `sent` writes the log).
 */
export interface WriteHints {
  /** When the file is already there and --force was not given. */
  exists?: string;
  /** When the place cannot be written. */
  cannotWrite?: string;
}

/** Refuses early, before any work, when an output is already there and --force was not given. */
export function assertCanWrite(path: string, force: boolean, hints: WriteHints = {}): void {
  if (!force && exists(path)) {
    throw new AppError(`${path} already exists; nothing was written.`, {
      exitCode: ExitCode.cantCreate,
      hint: hints.exists ?? 'Add --force to replace it.',
    });
  }
}

/** Makes the output folder, or says plainly why it cannot be made. */
export function ensureOutputDir(dir: string, hints: WriteHints = {}): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw writeError(dir, error, hints);
  }
}

function processIsRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * What a temporary file's name says: the process that made it, the set of files it was written
 * with (one stamp for all the files of one all-or-nothing write), the file it is to become, and
 * whether it is the new content or the old content kept until the new is all in place.
 */
interface TempName {
  owner: number;
  set: string;
  target: string;
  old: boolean;
}

const OLD_MARK = '.old';

function parseTempName(name: string): TempName | undefined {
  if (!name.startsWith(TEMP_PREFIX)) return undefined;
  const match = /^(\d+)-([0-9a-z]+)(\.old)?-(.+)$/.exec(name.slice(TEMP_PREFIX.length));
  const owner = Number(match?.[1]);
  if (!match || !Number.isInteger(owner) || owner <= 0) return undefined;
  return { owner, set: `${owner}-${match[2]}`, target: match[4]!, old: Boolean(match[3]) };
}

/** The id of the process that made a temporary file, from its name; undefined for other files. */
export function tempFileOwner(name: string): number | undefined {
  return parseTempName(name)?.owner;
}

function sameFile(a: string, b: string): boolean {
  try {
    const [first, second] = [lstatSync(a), lstatSync(b)];
    return first.ino === second.ino && first.dev === second.dev;
  } catch {
    return false;
  }
}

/**
 * Finishes, or takes back, what a killed run left of one set of files in `dir`. While a set is
 * put in place, each new file is a second name of its temporary file (a hard link), and the file
 * it replaces keeps a temporary name too; only when all are in place are the temporary names
 * removed. So a set whose every remaining temporary file is also in place was all written: only
 * the temporary names go. Otherwise the run died part-way: the new files it placed are removed,
 * and the files it replaced get their old content back, as if it had never run.
 */
function settleKilledSet(dir: string, names: readonly string[]): string[] {
  const parsed = names.map((name) => ({ name, ...parseTempName(name)! }));
  const placed = (entry: (typeof parsed)[number]) => sameFile(join(dir, entry.name), join(dir, entry.target));
  const complete = parsed.filter((entry) => !entry.old).every(placed);
  const removed: string[] = [];
  const tryTo = (change: () => void, name: string) => {
    try {
      change();
      removed.push(name);
    } catch {
      // Another run may be tidying it at the same time; it will be gone next time.
    }
  };
  if (!complete) {
    for (const entry of parsed.filter((candidate) => !candidate.old && placed(candidate))) tryTo(() => unlinkSync(join(dir, entry.target)), entry.target);
    // Renaming a name onto another name of the same file does nothing: then the old name just goes.
    for (const entry of parsed.filter((candidate) => candidate.old)) tryTo(() => (placed(entry) ? unlinkSync : renameSync)(join(dir, entry.name), join(dir, entry.target)), entry.name);
  }
  for (const entry of parsed) if (complete || !entry.old) tryTo(() => unlinkSync(join(dir, entry.name)), entry.name);
  return removed;
}

/**
 * Removes the temporary files that killed runs left in a folder (a batch's half-made PDF, an
 * import's half-written case), and with them the part of a set of files a killed run had put in
 * place (see settleKilledSet), so that nothing of it blocks the next run. Only files whose process
 * is gone: another appeal may be writing into this folder right now. Returns the names removed.
 */
export function removeStaleTempFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const killedSets = new Map<string, string[]>();
  for (const entry of entries) {
    const temp = parseTempName(entry);
    if (!temp || processIsRunning(temp.owner)) continue;
    killedSets.set(temp.set, [...(killedSets.get(temp.set) ?? []), entry]);
  }
  return [...killedSets.values()].flatMap((names) => settleKilledSet(dir, names));
}

/** Temporary files this process has made and not yet moved into place or removed. */
const pendingTempFiles = new Set<string>();

/** A stamp for the temporary files of one write, distinct from this process's other writes. */
let lastStamp = 0;
export function newTempStamp(): string {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return lastStamp.toString(36);
}

/**
 * A temporary name beside `path`, recognisable and carrying this process's id (see TEMP_PREFIX),
 * and `stamp`, shared by the files written together.
 */
export function tempPathFor(path: string, stamp = newTempStamp()): string {
  const temp = join(dirname(path), `${TEMP_PREFIX}${process.pid}-${stamp}-${basename(path)}`);
  pendingTempFiles.add(temp);
  return temp;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // never made, or already gone
  }
}

/** Forgets and removes one temporary file (a write that failed or was stopped). */
export function discardTempFile(temp: string): void {
  pendingTempFiles.delete(temp);
  removeQuietly(temp);
}

/**
 * Removes every temporary file still pending: what Ctrl-C in the middle of a write or a batch
 * calls before the process ends, so no half-made file is left behind.
 */
export function removePendingTempFiles(): void {
  for (const temp of pendingTempFiles) removeQuietly(temp);
  pendingTempFiles.clear();
}

/**
 * Writes every byte, or throws: `write` may write fewer bytes than asked (a disk filling up, a
 * signal), and a loop that trusted one call would leave a file cut short without a word.
 */
export function writeAllBytes(fd: number, bytes: Uint8Array): void {
  for (let offset = 0; offset < bytes.length; ) {
    const written = writeSync(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw Object.assign(new Error('the disk accepted no more bytes'), { code: 'ENOSPC' });
    offset += written;
  }
}

/** Makes a rename or link durable: it lives in the folder, which is synced on its own. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems cannot sync a folder; the file itself is already synced.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Moves a whole, synced temporary file into place. Without `force` an existing file (or link) is
 * never replaced, even if it appears while we write; with `force` a link is replaced by the file,
 * never followed. The old file stays until the new one is whole, so a failure never costs it.
 */
export function commitTempFile(temp: string, path: string, force: boolean, hints: WriteHints = {}): void {
  pendingTempFiles.delete(temp);
  try {
    checkWriteAllowed();
    if (force) {
      renameSync(temp, path);
    } else {
      linkSync(temp, path); // fails with EEXIST instead of replacing
      unlinkSync(temp);
    }
  } catch (error) {
    removeQuietly(temp);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') assertCanWrite(path, false, hints);
    if (error instanceof AppError) throw error;
    throw writeError(path, error, hints);
  }
  syncFolder(dirname(path));
}

/** Writes content to a new temporary file beside `path`, checked and synced; returns its name. */
export function stageOutputFile(path: string, content: string | Uint8Array, hints: WriteHints = {}, stamp?: string): string {
  const temp = tempPathFor(path, stamp);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx');
    writeAllBytes(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
    const closing = fd;
    fd = undefined;
    closeSync(closing); // on some file systems the last error only shows at close
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // the write error is the one to report
      }
    }
    discardTempFile(temp);
    throw writeError(path, error, hints);
  }
  return temp;
}

/** Writes one file so that a crash or a full disk leaves either nothing or the whole file. */
export function writeOutputFile(path: string, content: string | Uint8Array, force: boolean, hints: WriteHints = {}): void {
  writeOutputFiles([{ path, content }], force, hints);
}

export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * Writes several files all or nothing: every file is first written whole to its temporary name
 * (where a full disk shows), and only then are they moved into place. When any of them cannot be
 * written, none is, and an existing file keeps its old content even with `force`.
 */
export function writeOutputFiles(files: readonly OutputFile[], force: boolean, hints: WriteHints = {}): void {
  for (const file of files) assertCanWrite(file.path, force, hints);
  const stamp = newTempStamp();
  const temps: string[] = [];
  try {
    for (const file of files) temps.push(stageOutputFile(file.path, file.content, hints, stamp));
  } catch (error) {
    temps.forEach(discardTempFile);
    throw error;
  }
  placeTempFiles(files.map((file, index) => ({ temp: temps[index]!, path: file.path, replace: force })), hints);
}

export interface StagedFile {
  /** The whole, synced temporary file (stageOutputFile), all of one set sharing one stamp. */
  temp: string;
  path: string;
  /** Whether a file already at `path` may be replaced. */
  replace: boolean;
}

/** The temporary name that keeps a replaced file's old content while its set is put in place. */
function oldContentName(temp: string): string {
  const name = basename(temp);
  const parsed = parseTempName(name)!;
  return join(dirname(temp), `${TEMP_PREFIX}${parsed.set}${OLD_MARK}-${parsed.target}`);
}

/**
 * Moves staged files into place all or nothing. A new file is placed as a second name of its
 * temporary file, and a replaced file's old content keeps a temporary name, until every file is
 * in place; only then do the temporary names go. If this process is killed in between, the next
 * run finds the set unfinished and takes it back (removeStaleTempFiles); if a move fails here, it
 * is taken back at once. Without `replace` an existing file is never replaced, even if it appears
 * while we write; a link at `path` is replaced, never followed.
 */
export function placeTempFiles(files: readonly StagedFile[], hints: WriteHints = {}): void {
  const placed: string[] = [];
  const kept: { old: string; path: string }[] = [];
  let failed: StagedFile | undefined;
  try {
    for (const file of files) {
      failed = file;
      checkWriteAllowed();
      if (file.replace && exists(file.path)) {
        const old = oldContentName(file.temp);
        linkSync(file.path, old);
        kept.push({ old, path: file.path });
        renameSync(file.temp, file.path);
        pendingTempFiles.delete(file.temp);
      } else {
        linkSync(file.temp, file.path); // fails with EEXIST instead of replacing
        placed.push(file.path);
      }
    }
  } catch (error) {
    // Take back what landed, so a failure leaves the folder as it was.
    placed.forEach(removeQuietly);
    for (const { old, path } of kept) {
      try {
        if (sameFile(old, path)) removeQuietly(old);
        else renameSync(old, path);
      } catch {
        // the old content stays under its temporary name, for the next run to put back
      }
    }
    files.forEach((file) => discardTempFile(file.temp));
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && failed) assertCanWrite(failed.path, false, hints);
    if (error instanceof AppError) throw error;
    throw writeError((failed ?? files[0]!).path, error, hints);
  }
  for (const file of files) discardTempFile(file.temp);
  for (const { old } of kept) removeQuietly(old);
  for (const dir of new Set(files.map((file) => dirname(file.path)))) syncFolder(dir);
}

/** Why a write failed, in words, for the errno codes a disk or a folder gives. */
const WRITE_FAILURES: Record<string, (where: string) => string> = {
  ENOSPC: (where) => `the disk holding ${where} is full`,
  EDQUOT: (where) => `your disk quota on the disk holding ${where} is used up`,
  EFBIG: (where) => `the file is too large for the disk holding ${where}`,
  EIO: (where) => `the disk holding ${where} reported an input/output error`,
  EROFS: (where) => `the disk holding ${where} is read-only`,
  EACCES: (where) => `permission denied in ${where}`,
  EPERM: (where) => `permission denied in ${where}`,
  ENOENT: (where) => `the folder ${where} does not exist`,
  ENOTDIR: (where) => `a file stands where the folder ${where} should be`,
  EISDIR: () => 'a folder has that name',
};

/** The disk full, quota used up, disk failing: nothing another folder on the same disk cures. */
export function isDiskFailure(error: unknown): boolean {
  return ['ENOSPC', 'EDQUOT', 'EFBIG', 'EIO'].includes(String((error as NodeJS.ErrnoException)?.code));
}

/** "the disk holding /media/usb is full": why writing `path` failed, naming its folder. */
export function writeFailureReason(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const describe = code ? WRITE_FAILURES[code] : undefined;
  return describe ? describe(dirname(path)) : (error as Error).message;
}

export function writeError(path: string, error: unknown, hints: WriteHints = {}): AppError {
  return new AppError(`Cannot write ${path}: ${writeFailureReason(path, error)}. Nothing was written there.`, {
    exitCode: ExitCode.cantCreate,
    hint: isDiskFailure(error) ? ['Make room on that disk.', hints.cannotWrite].filter(Boolean).join(' ') : hints.cannotWrite,
  });
}
