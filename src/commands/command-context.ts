import { existsSync, readFileSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { ProcessOutput } from '../output/process-output';
import type { Clock } from '../time/clock';
import type { CaseLibrary } from '../cases/case-library';
import type { LetterLibrary } from '../letters/letter-library';
import { openLetterLibraryCached } from '../letters/letter-library-cache';
import { formatCaseProblem } from '../cases/case-problem';
import { readProfile, profileFromEnv, mergeSettings, type Profile } from '../profile/profile';
import { cacheDir, dataDir, librariesDir, profileFile, userCasesDir } from '../profile/app-paths';
import type { FollowedLibrary } from '../libraries/library-store';
import { localDateKey } from '../time/clock';
import { BUILD_ID_FILE, BUILTIN_CASES_DIR, TEMPLATES_DIR } from '../package-paths';

export type InputStream = Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
export type OutputStream = ProcessOutput;

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
export async function loadSettings(context: CommandContext): Promise<Profile> {
  return mergeSettings<Profile>(await readProfile(profileFile(context.env)), profileFromEnv(context.env)) as Profile;
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

/** The case library and its letters' partials, from appeal's cache when no case or template file has changed since. */
export async function openCaseLibrary(context: CommandContext, flags: CaseSourceFlags, profile: Profile): Promise<LetterLibrary> {
  const library = {
    builtinDir: flags.builtin === false ? undefined : BUILTIN_CASES_DIR,
    userDirs: caseFolders(context, flags, profile),
    libraryDirs: flags.onlyFlagFolders || flags.libraries === false ? [] : (await followedLibraries(context)).map(({ state, paths }) => ({ name: state.name, dir: paths.casesDir })),
    templatesDir: TEMPLATES_DIR,
    cwd: context.cwd,
  };
  // Without a build id (running from tsc's files) there is no telling which code made a cache.
  const buildId = existsSync(BUILD_ID_FILE) ? readFileSync(BUILD_ID_FILE, 'utf8').trim() : undefined;
  return (await openLetterLibraryCached({ library, buildId, cacheDir: cacheDir(context.env) })).library;
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

/**
 * The libraries the user follows. Their store (and zod, which checks its state files) loads only
 * when there is one: `list` and `show` without followed libraries stay as quick as before.
 */
async function followedLibraries(context: CommandContext): Promise<FollowedLibrary[]> {
  if (!existsSync(librariesDir(dataDir(context.env)))) return [];
  return (await import('../libraries/library-store')).followedLibraries(dataDir(context.env));
}

/** Followed libraries not updated for over a week, so members fetch the latest before a meeting. */
export async function staleLibraryNotes(context: CommandContext): Promise<string[]> {
  const now = context.clock.now();
  const libraries = await followedLibraries(context);
  if (!libraries.length) return [];
  const { daysSinceUpdate, STALE_AFTER_DAYS } = await import('../libraries/library-store');
  return libraries.flatMap(({ state }) => {
    const days = daysSinceUpdate(state, now);
    if (days === undefined || days <= STALE_AFTER_DAYS) return [];
    return [`note: the case library "${state.name}" was last updated ${days} days ago (${localDateKey(new Date(state.updated!))}); get its latest cases with: appeal cases update`];
  });
}
