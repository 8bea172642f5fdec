import { loadCaseLibrary, type CaseLibrary } from '../../src/cases/case-library';
import { BUILTIN_CASES_DIR, TEMPLATES_DIR } from '../../src/package-paths';

/** The embedded case library, as the CLI loads it. */
export function embeddedLibrary(userDirs: string[] = [], cwd = process.cwd()): CaseLibrary {
  return loadCaseLibrary({ builtinDir: BUILTIN_CASES_DIR, userDirs, templatesDir: TEMPLATES_DIR, cwd });
}
