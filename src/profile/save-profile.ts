import { dirname } from 'node:path';
import { DataError } from '../errors/app-error';
import { ensureOutputDir, writeOutputFile } from '../output/write-output-file';
import { profileSchema, serializeProfile, type Profile } from './profile-file';

const HINTS = { cannotWrite: 'Set APPEAL_CONFIG to a folder you can write to.' };

/**
 * Writes the profile whole (never half a file), after checking it as it will be read back, so a
 * saved profile never stops the next command.
 */
export function saveProfile(file: string, profile: Profile): void {
  const checked = profileSchema.safeParse(profile);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new DataError(`The profile was not saved: ${issue.path.join('.') || '(top)'}: ${issue.message}.`, { hint: 'Correct it with "appeal init".' });
  }
  ensureOutputDir(dirname(file), HINTS);
  // JSON round trip: YAML would write the keys zod left undefined as empty values.
  writeOutputFile(file, serializeProfile(JSON.parse(JSON.stringify(checked.data)) as Profile), true, HINTS);
}
