import { closeSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError, ExitCode } from '../errors/app-error';

const TEMP_PREFIX = '.appeal-tmp-';

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

/** Removes temporary files that an interrupted run left in a folder. */
export function removeStaleTempFiles(dir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    // Another appeal may be writing into this folder right now: leave its files alone.
    if (entry.startsWith(TEMP_PREFIX) && !processIsRunning(Number(entry.slice(TEMP_PREFIX.length).split('-')[0]))) {
      try {
        unlinkSync(join(dir, entry));
      } catch {
        // Another run may be using it; it will be tidied next time.
      }
    }
  }
}

/** Temporary files this process has made and not yet moved into place or removed. */
const pendingTempFiles = new Set<string>();

export function tempPathFor(path: string): string {
  const temp = join(dirname(path), `${TEMP_PREFIX}${process.pid}-${Date.now().toString(36)}-${basename(path)}`);
  pendingTempFiles.add(temp);
  return temp;
}

/**
 * Removes every temporary file still pending: what Ctrl-C in the middle of a write or a batch
 * calls before the process ends, so no half-made file is left behind.
 */
export function removePendingTempFiles(): void {
  for (const temp of pendingTempFiles) {
    try {
      unlinkSync(temp);
    } catch {
      // never made, or already gone
    }
  }
  pendingTempFiles.clear();
}

/**
 * Writes a file so that a crash leaves either nothing or the whole file: the bytes go to a
 * temporary name in the same folder and are moved into place. Without `force` an existing file
 * (or link) is never replaced, even if it appears while we write; with `force` a link is
 * replaced by the file, never followed.
 */
export function commitTempFile(temp: string, path: string, force: boolean, hints: WriteHints = {}): void {
  pendingTempFiles.delete(temp);
  try {
    if (force) {
      renameSync(temp, path);
    } else {
      linkSync(temp, path); // fails with EEXIST instead of replacing
      unlinkSync(temp);
    }
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') assertCanWrite(path, false, hints);
    throw writeError(path, error, hints);
  }
}

export function writeOutputFile(path: string, content: string | Uint8Array, force: boolean, hints: WriteHints = {}): void {
  assertCanWrite(path, force, hints);
  const temp = tempPathFor(path);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx');
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    writeSync(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // nothing to clean
    }
    throw writeError(path, error, hints);
  }
  commitTempFile(temp, path, force, hints);
}

export function writeError(path: string, error: unknown, hints: WriteHints = {}): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOENT: 'the folder does not exist',
    ENOTDIR: 'a file stands where a folder should be',
    EROFS: 'the disk is read-only',
  };
  const reason = (code && reasons[code]) ?? (error as Error).message;
  return new AppError(`Cannot write ${path}: ${reason}. Nothing was written there.`, {
    exitCode: ExitCode.cantCreate,
    hint: hints.cannotWrite,
  });
}
