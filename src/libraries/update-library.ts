import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { AppError, ExitCode, UsageError } from '../errors/app-error';
import { formatCaseProblem } from '../cases/case-problem';
import { describeCaseChanges, type CaseChange } from './case-changes';
import { GitFailedError, isLocalPath, type Git } from './git';
import { checkCaseFileSets, readCaseVersions, replaceFolder, writeCaseFileSets } from './library-copy';
import { readCaseFileSets, type CaseFileSet } from './library-snapshot';
import { libraryPaths, readLibraryState, writeLibraryState, type LibraryPaths, type LibraryState } from './library-store';

/** What following a library needs from outside: git, appeal's data folder, the letters' partials, the clock. */
export interface LibraryContext {
  git: Git;
  dataDir: string;
  templatesDir: string;
  now: Date;
}

export type LibraryProblem = LibraryState['problems'][number];

export type LibraryOutcome =
  | { kind: 'unreachable'; message: string }
  | { kind: 'rewritten'; ours: string; theirs: string }
  | { kind: 'unchanged' }
  | { kind: 'updated'; from?: string; to: string; changes: CaseChange[]; problems: LibraryProblem[]; cases: number };

const FETCH_TIMEOUT_MS = 180_000;

/** Fetches the library's branch (or its default branch) and returns the commit it points at. */
async function fetchLatest(git: Git, paths: LibraryPaths, state: LibraryState): Promise<string> {
  const options = { allowLocalPaths: isLocalPath(state.url), timeoutMs: FETCH_TIMEOUT_MS };
  const fetch = (ref: string) => git.run(['--git-dir', paths.gitDir, 'fetch', '--quiet', '--no-tags', '--no-recurse-submodules', '--', state.url, `+${ref}:refs/appeal/incoming`], options);
  if (state.branch) await fetch(`refs/heads/${state.branch}`);
  else {
    try {
      await fetch('HEAD');
    } catch (error) {
      // A bare repository made with "git init --bare" on a shared drive often has a HEAD naming a
      // branch nobody pushed: with one branch there is no doubt which one is meant.
      if (!(error instanceof GitFailedError) || !/couldn't find remote ref HEAD/i.test(error.stderr)) throw error;
      const { stdout } = await git.run(['--git-dir', paths.gitDir, 'ls-remote', '--heads', '--', state.url], options);
      const heads = stdout.toString('utf8').split('\n').map((line) => line.split('\t')[1]).filter((ref): ref is string => Boolean(ref));
      if (heads.length !== 1) {
        throw new GitFailedError(['fetch'], 128, heads.length ? `the library has no default branch and ${heads.length} branches; choose one with --branch` : 'the library has no commits yet');
      }
      await fetch(heads[0]!);
    }
  }
  const { stdout } = await git.run(['--git-dir', paths.gitDir, 'rev-parse', '--verify', 'refs/appeal/incoming^{commit}']);
  return stdout.toString('utf8').trim();
}

async function follows(git: Git, gitDir: string, older: string, newer: string): Promise<boolean> {
  try {
    await git.run(['--git-dir', gitDir, 'merge-base', '--is-ancestor', older, newer]);
    return true;
  } catch (error) {
    if (error instanceof GitFailedError && error.status === 1) return false;
    throw error;
  }
}

function problemOf(set: CaseFileSet, lines: string[], held: boolean): LibraryProblem {
  return { file: set.casePath, held, lines };
}

/**
 * The cases to use from a new version: each case that passes the checks, and for each that does
 * not, the version in use before (if there was one), read again from its own commit.
 */
async function chooseCases(context: LibraryContext, paths: LibraryPaths, state: LibraryState, commit: string) {
  const sets = await readCaseFileSets(context.git, paths.gitDir, commit);
  const checked = checkCaseFileSets(sets, paths.root, state.name, context.templatesDir);
  const chosen = [...checked.good];
  const problems: LibraryProblem[] = [];
  const heldByCommit = new Map<string, Set<string>>();
  for (const { set, problems: found } of checked.broken) {
    const previous = state.files[set.casePath];
    const lines = found.map((problem) => formatCaseProblem(problem));
    problems.push(problemOf(set, lines, Boolean(previous)));
    if (previous) heldByCommit.set(previous, (heldByCommit.get(previous) ?? new Set()).add(set.casePath));
  }
  for (const [older, files] of heldByCommit) chosen.push(...(await readCaseFileSets(context.git, paths.gitDir, older, files)));
  return { chosen, problems };
}

/**
 * Brings a library to the latest commit of its branch, if that commit follows the one in use:
 * fetch, check every case, write the new checked copy, and say what changed. The copy in use is
 * left as it was when the library cannot be reached or its history was rewritten.
 */
export async function syncLibrary(context: LibraryContext, paths: LibraryPaths, state: LibraryState): Promise<LibraryOutcome> {
  let latest: string;
  try {
    latest = await fetchLatest(context.git, paths, state);
  } catch (error) {
    if (error instanceof GitFailedError) return { kind: 'unreachable', message: error.message };
    throw error;
  }
  if (state.commit === latest) {
    state.updated = context.now.toISOString();
    delete state.rewritten;
    return { kind: 'unchanged' };
  }
  if (state.commit && !(await follows(context.git, paths.gitDir, state.commit, latest))) {
    // Kept under refs/appeal/incoming too, so neither side's history is lost.
    state.rewritten = latest;
    return { kind: 'rewritten', ours: state.commit, theirs: latest };
  }
  const { chosen, problems } = await chooseCases(context, paths, state, latest);
  const before = readCaseVersions(paths.casesDir, state.name, context.templatesDir);
  const collided = replaceFolder(paths.casesDir, (dir) => writeCaseFileSets(dir, chosen));
  for (const set of collided) {
    const problem = problems.find((candidate) => candidate.file === set.casePath);
    if (problem) {
      problem.held = false;
      problem.lines.push(`${set.casePath}: its previous version needs a template that the new version of the library changed, so it is left out`);
    }
  }
  const files: Record<string, string> = {};
  for (const set of chosen) if (!collided.includes(set)) files[set.casePath] = set.commit;
  const after = readCaseVersions(paths.casesDir, state.name, context.templatesDir);
  const from = state.commit;
  Object.assign(state, { commit: latest, updated: context.now.toISOString(), files, problems });
  delete state.rewritten;
  return { kind: 'updated', from, to: latest, changes: describeCaseChanges(before, after), problems, cases: after.length };
}

/** Starts following a library: an empty bare repository, a first fetch and check, then the state. */
export async function addLibrary(context: LibraryContext, request: { url: string; name: string; branch?: string }): Promise<{ state: LibraryState; outcome: LibraryOutcome }> {
  const paths = libraryPaths(context.dataDir, request.name);
  const existing = readLibraryState(paths);
  if (existing) {
    throw new UsageError(`You already follow a case library named "${request.name}" (${existing.url}).`, { hint: 'Give this one another name with --name, or see your libraries with "appeal cases".' });
  }
  rmSync(paths.root, { recursive: true, force: true });
  mkdirSync(paths.root, { recursive: true });
  try {
    // No template folder: the repository starts with no hooks at all, not even samples.
    await context.git.run(['init', '--quiet', '--bare', '--template=', paths.gitDir]);
    const state: LibraryState = { name: request.name, url: request.url, ...(request.branch ? { branch: request.branch } : {}), added: context.now.toISOString(), files: {}, problems: [] };
    const outcome = await syncLibrary(context, paths, state);
    if (outcome.kind === 'unreachable') {
      throw new AppError(`Could not get the case library from ${request.url}: ${outcome.message}. Nothing was added.`, {
        exitCode: ExitCode.unavailable,
        hint: `Check the address${request.branch ? ' and the branch' : ''}, and that you can reach it (for a private library, that git can log in without asking, e.g. with an ssh key).`,
      });
    }
    writeLibraryState(paths, state);
    return { state, outcome };
  } catch (error) {
    rmSync(paths.root, { recursive: true, force: true });
    throw error;
  }
}

/** Stops following a library: its folder goes, the cases with it. */
export function removeLibrary(dataDir: string, name: string): LibraryState {
  const paths = libraryPaths(dataDir, name);
  const state = readLibraryState(paths);
  if (!state || !existsSync(paths.root)) {
    throw new UsageError(`You follow no case library named "${name}".`, { hint: 'See the libraries you follow with "appeal cases".' });
  }
  rmSync(paths.root, { recursive: true, force: true });
  return state;
}

/** Brings one followed library up to date and keeps what was learnt, even when nothing moved. */
export async function updateLibrary(context: LibraryContext, paths: LibraryPaths, state: LibraryState): Promise<LibraryOutcome> {
  const outcome = await syncLibrary(context, paths, state);
  if (outcome.kind !== 'unreachable') writeLibraryState(paths, state);
  return outcome;
}
