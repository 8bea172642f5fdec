import { loadLetterLibrary, type LetterLibrary } from '../../src/letters/letter-library';
import { BUILTIN_CASES_DIR, TEMPLATES_DIR } from '../../src/package-paths';

/** The embedded case library, as the CLI loads it. */
export function embeddedLibrary(userDirs: string[] = [], cwd = process.cwd()): LetterLibrary {
  return loadLetterLibrary({ builtinDir: BUILTIN_CASES_DIR, userDirs, templatesDir: TEMPLATES_DIR, cwd });
}
