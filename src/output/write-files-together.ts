import { dirname } from 'node:path';
import { assertCanWrite, discardTempFile, placeTempFiles, removeStaleTempFiles, newTempStamp, stageOutputFile } from './write-output-file';

export interface FileToWrite {
  path: string;
  content: string;
  /** Whether an existing file of that name may be replaced (--force, or an update). */
  replace: boolean;
}

/**
 * Writes several files so that either all of them land or none does: a case file and its model
 * letter are one thing to the user. Each is written whole to a temporary name first; only then
 * are they put in place together (placeTempFiles), and what a killed earlier run left in the same
 * folders is finished or taken back before (removeStaleTempFiles).
 */
export function writeFilesTogether(files: readonly FileToWrite[]): void {
  for (const dir of new Set(files.map((file) => dirname(file.path)))) removeStaleTempFiles(dir);
  for (const file of files) if (!file.replace) assertCanWrite(file.path, false);
  const stamp = newTempStamp();
  const temps: string[] = [];
  try {
    for (const file of files) temps.push(stageOutputFile(file.path, file.content, {}, stamp));
  } catch (error) {
    temps.forEach(discardTempFile);
    throw error;
  }
  placeTempFiles(files.map((file, index) => ({ temp: temps[index]!, path: file.path, replace: file.replace })));
}
