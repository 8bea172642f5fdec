import { existsSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Clock } from '../time/clock';
import type { CaseLibrary } from '../cases/case-library';
import { loadLetterLibrary, type LetterLibrary } from '../letters/letter-library';
import { formatCaseProblem } from '../cases/case-problem';
import { readProfile, profileFromEnv, mergeSettings, type Profile } from '../profile/profile';
import { dataDir, profileFile, userCasesDir } from '../profile/app-paths';
import { daysSinceUpdate, followedLibraries, STALE_AFTER_DAYS } from '../libraries/library-store';
import { localDateKey } from '../time/clock';
import { BUILTIN_CASES_DIR, TEMPLATES_DIR } from '../package-paths';

export type InputStream = Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
export type OutputStream = Writable & { isTTY?: boolean; columns?: number };

/** Everything a command may touch of the outside world, passed in so tests can supply their own. */
export interface CommandContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  clock: Clock;
}

export interface CaseSourceFlags {
  /** Read only the --cases folders (validate --cases checks just what it names). */
  onlyFlagFolders?: boolean;
  cases?: string[];
  /** false with --no-builtin */
  builtin?: boolean;
  /** false to leave out the case libraries the user follows ("appeal import" writes to folders only). */
  libraries?: boolean;
}

/** The profile with the environment laid over it: the layers below the flags. */
export function loadSettings(context: CommandContext): Profile {
  return mergeSettings<Profile>(readProfile(profileFile(context.env)), profileFromEnv(context.env)) as Profile;
}

/**
 * The user's case folders: their own (where "appeal import" writes, once it exists), profile,
 * then APPEAL_CASES, then --cases, all added together; a folder named twice is read once.
 */
export function caseFolders(context: CommandContext, flags: CaseSourceFlags, profile: Profile): string[] {
  if (flags.onlyFlagFolders) return [...(flags.cases ?? [])];
  const fromEnv = (context.env.APPEAL_CASES ?? '').split(delimiter).filter(Boolean);
  const own = userCasesDir(context.env);
  const folders = [...(existsSync(own) ? [own] : []), ...(profile.cases ?? []), ...fromEnv, ...(flags.cases ?? [])];
  return folders.filter((folder, index) => folders.findIndex((other) => resolve(context.cwd, other) === resolve(context.cwd, folder)) === index);
}

export function openCaseLibrary(context: CommandContext, flags: CaseSourceFlags, profile: Profile): LetterLibrary {
  return loadLetterLibrary({
    builtinDir: flags.builtin === false ? undefined : BUILTIN_CASES_DIR,
    userDirs: caseFolders(context, flags, profile),
    libraryDirs: flags.onlyFlagFolders || flags.libraries === false ? [] : followedLibraries(dataDir(context.env)).map(({ state, paths }) => ({ name: state.name, dir: paths.casesDir })),
    templatesDir: TEMPLATES_DIR,
    cwd: context.cwd,
  });
}

/** Commands other than validate go on with the good cases and say which files were left out. */
export function warnAboutProblems(context: CommandContext, library: CaseLibrary): void {
  const errors = library.problems.filter((problem) => problem.severity === 'error');
  if (!errors.length) return;
  const files = new Set(errors.map((problem) => problem.file));
  context.stderr.write(`warning: ${files.size} case file${files.size === 1 ? ' has' : 's have'} problems and ${files.size === 1 ? 'was' : 'were'} left out:\n`);
  for (const problem of errors) context.stderr.write(`  ${formatCaseProblem(problem)}\n`);
  context.stderr.write('Run "appeal validate" to check case files.\n');
}

/** Followed libraries not updated for over a week, so members fetch the latest before a meeting. */
export function staleLibraryNotes(context: CommandContext): string[] {
  const now = context.clock.now();
  return followedLibraries(dataDir(context.env)).flatMap(({ state }) => {
    const days = daysSinceUpdate(state, now);
    if (days === undefined || days <= STALE_AFTER_DAYS) return [];
    return [`note: the case library "${state.name}" was last updated ${days} days ago (${localDateKey(new Date(state.updated!))}); get its latest cases with: appeal cases update`];
  });
}
