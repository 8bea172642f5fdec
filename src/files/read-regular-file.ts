import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { isAbsolute, relative } from 'node:path';

/**
 * Why a file was not read, in words that finish "<file> ...": "is a named pipe (FIFO), not a
 * regular file". `code` is the errno code when the system refused.
 */
export class FileRefusal extends Error {
  constructor(
    readonly reason: string,
    readonly code?: string,
    /** Set when the file is larger than the limit: its size, as far as known. */
    readonly tooLarge?: { size?: number },
  ) {
    super(reason);
    this.name = 'FileRefusal';
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a plain file';
}

export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Reads a file that someone else may have put there (a shared case folder, a members' list):
 * only a regular file, and at most `maxBytes`. The file is opened without blocking and checked
 * after opening (a named pipe or a device such as /dev/zero is refused before a byte is read,
 * and cannot be swapped in between a check and the open), and the limit is enforced while
 * reading, since a size from stat says nothing for files that grow or lie about their size.
 */
export function readRegularFile(file: string, maxBytes: number, options: { followLinks?: boolean } = {}): Buffer {
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.followLinks === false ? constants.O_NOFOLLOW : 0);
  let fd: number;
  try {
    fd = openSync(file, flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new FileRefusal('is a symbolic link, which is not followed here', code);
    if (code === 'ENXIO') throw new FileRefusal('is a socket or a device, not a regular file', code);
    if (code === 'ENOENT') throw new FileRefusal('does not exist', code);
    if (code === 'EACCES' || code === 'EPERM') throw new FileRefusal('cannot be read (permission denied)', code);
    throw new FileRefusal(`cannot be read (${code ?? (error as Error).message})`, code);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new FileRefusal(`is ${kindOf(stats)}, not a regular file`);
    if (stats.size > maxBytes) throw new FileRefusal(`is ${describeSize(stats.size)}; at most ${describeSize(maxBytes)} is read`, undefined, { size: stats.size });
    // Room for one byte past the limit: reading it shows the file is larger than it said, or grew.
    let buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw new FileRefusal(`is larger than ${describeSize(maxBytes)}; at most ${describeSize(maxBytes)} is read`, undefined, {});
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof FileRefusal) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileRefusal(`cannot be read (${code ?? (error as Error).message})`, code);
  } finally {
    closeSync(fd);
  }
}

/**
 * The real path of `file` when it lies inside one of `folders` (links resolved on both sides),
 * else undefined: a path such as ../secret.hbs, an absolute path, or a link to /etc/passwd.
 */
export function realPathInside(file: string, folders: readonly string[]): string | undefined {
  const real = realpathSync(file);
  for (const folder of folders) {
    let root: string;
    try {
      root = realpathSync(folder);
    } catch {
      continue;
    }
    const rel = relative(root, real);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return real;
  }
  return undefined;
}
