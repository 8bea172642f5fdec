import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync, fstatSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A real small file system (a 200 KB tmpfs) mounted on `dir`, for tests of a full disk. Only root
 * can mount one (CI runs as root); elsewhere this returns the reason, and the tests skip saying so.
 */
export function mountSmallDisk(dir: string, size = '200k'): { unmount: () => void } | { skip: string } {
  if (process.platform !== 'linux') return { skip: `a small tmpfs needs Linux (this is ${process.platform})` };
  if (process.getuid?.() !== 0) return { skip: 'mounting a small tmpfs needs root (CI runs as root)' };
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    return { skip: `mount -t tmpfs failed here: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}` };
  }
  return { unmount: () => execFileSync('umount', ['-l', dir], { stdio: 'pipe' }) };
}

/**
 * Fills the disk holding `dir` with a file `filler`, then gives back `freeBytes` of it: writes
 * until the disk refuses, so what is left is exactly known whatever the file system keeps.
 */
export function fillDisk(dir: string, freeBytes: number, filler = '.filler'): void {
  const fd = openSync(join(dir, filler), 'w');
  const block = Buffer.alloc(4096, 0x78);
  try {
    for (;;) {
      try {
        if (writeSync(fd, block) === 0) break;
      } catch {
        break;
      }
    }
    const size = fstatSync(fd).size;
    ftruncateSync(fd, Math.max(0, size - freeBytes));
  } finally {
    closeSync(fd);
  }
}
