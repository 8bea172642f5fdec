import { existsSync, unlinkSync, writeFileSync } from 'node:fs';
import { assertCanWrite, commitTempFile, removePendingTempFiles, tempPathFor, writeError } from './write-output-file';

export interface FileToWrite {
  path: string;
  content: string;
  /** Whether an existing file of that name may be replaced (--force, or an update). */
  replace: boolean;
}

/**
 * Writes several files so that either all of them land or none does: a case file and its model
 * letter are one thing to the user. Each goes to a temporary name first; only when all are
 * written are they renamed into place, and a failed rename takes back the new files it made.
 */
export function writeFilesTogether(files: readonly FileToWrite[]): void {
  for (const file of files) if (!file.replace) assertCanWrite(file.path, false);
  const temps: string[] = [];
  try {
    for (const file of files) {
      const temp = tempPathFor(file.path);
      writeFileSync(temp, file.content, { flag: 'wx' });
      temps.push(temp);
    }
  } catch (error) {
    // Every temporary file of this run, the one whose write failed too; never hides the error.
    removePendingTempFiles();
    throw writeError(files[temps.length]!.path, error);
  }
  const done: string[] = [];
  try {
    files.forEach((file, index) => {
      commitTempFile(temps[index]!, file.path, file.replace);
      done.push(file.path);
    });
  } catch (error) {
    for (const [index, path] of done.entries()) if (!files[index]!.replace) unlinkSync(path);
    for (const temp of temps.slice(done.length + 1)) if (existsSync(temp)) unlinkSync(temp);
    throw error;
  }
}
