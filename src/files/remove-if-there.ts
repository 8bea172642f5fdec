import { rmSync } from 'node:fs';

/**
 * A temporary file removed if it was made. rmSync's `force` forgives a file that is not there, not
 * a folder that is no folder (a cache folder with a file in its place): there, nothing was made.
 */
export function removeIfThere(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Nothing was written there.
  }
}
