import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { UsageError } from '../errors/app-error';
import { createGit, isLocalPath } from '../libraries/git';
import { formatCaseChange } from '../libraries/case-changes';
import { initLibrary } from '../libraries/library-layout';
import { daysSinceUpdate, followedLibraries, libraryNameFromUrl, libraryNameProblem, STALE_AFTER_DAYS, type LibraryState } from '../libraries/library-store';
import { addLibrary, removeLibrary, updateLibrary, type LibraryContext, type LibraryOutcome } from '../libraries/update-library';
import { dataDir } from '../profile/app-paths';
import { CASE_SCHEMA_FILE, TEMPLATES_DIR } from '../package-paths';
import { localDateKey } from '../time/clock';
import type { CommandContext } from './command-context';

function libraryContext(context: CommandContext): LibraryContext {
  return { git: createGit(context.env), dataDir: dataDir(context.env), templatesDir: TEMPLATES_DIR, now: context.clock.now() };
}

const short = (commit: string | undefined) => (commit ?? '').slice(0, 7);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "2026-11-20 (2 days ago)", by appeal's one clock. */
export function updatedText(state: LibraryState, now: Date): string {
  const days = daysSinceUpdate(state, now);
  if (days === undefined || !state.updated) return 'never';
  return `${localDateKey(new Date(state.updated))} (${days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`})`;
}

/** `appeal cases`: the libraries followed, with their source, last update, cases and problems. */
export async function casesListCommand(context: CommandContext): Promise<void> {
  const libraries = followedLibraries(dataDir(context.env));
  if (!libraries.length) {
    context.stdout.write('You follow no case library.\nFollow one that your group\'s coordinator publishes with: appeal cases add <git-url>\n');
    return;
  }
  const now = context.clock.now();
  const out = [`Case libraries you follow (${libraries.length}):`];
  for (const { state } of libraries) {
    out.push('', `${state.name}  ${state.url}${state.branch ? `  (branch ${state.branch})` : ''}`);
    out.push(`  ${plural(Object.keys(state.files).length, 'case')} · last updated ${updatedText(state, now)} · commit ${short(state.commit)}`);
    if ((daysSinceUpdate(state, now) ?? 0) > STALE_AFTER_DAYS) out.push(`  not updated for over a week: appeal cases update ${state.name}`);
    for (const problem of state.problems) {
      out.push(`  problem: ${problem.file} ${problem.held ? 'has problems in the latest version; the version before is in use' : 'has problems and is left out'}:`);
      out.push(...problem.lines.map((line) => `    ${line.replace(/\n\s*/g, ' ')}`));
    }
    if (state.rewritten) out.push(`  problem: its history was rewritten upstream (${short(state.rewritten)} does not follow ${short(state.commit)}); your copy stays as it was`);
  }
  context.stdout.write(`${out.join('\n')}\n`);
}

function reportProblems(context: CommandContext, state: LibraryState): void {
  if (!state.problems.length) return;
  for (const problem of state.problems) {
    context.stderr.write(
      problem.held
        ? `warning: ${state.name}: the new version of ${problem.file} has problems, so the version you had stays in use:\n`
        : `warning: ${state.name}: ${problem.file} has problems and is left out:\n`,
    );
    for (const line of problem.lines) context.stderr.write(`  ${line}\n`);
  }
  context.stderr.write(`Tell the library's coordinator: "appeal validate --cases ." in the library shows the same problems.\n`);
}

function reportOutcome(context: CommandContext, state: LibraryState, outcome: LibraryOutcome, added: boolean): void {
  const now = context.clock.now();
  if (outcome.kind === 'unreachable') {
    context.stderr.write(`warning: could not reach "${state.name}" (${state.url}): ${outcome.message}. The copy updated ${updatedText(state, now)} stays in use.\n`);
  } else if (outcome.kind === 'rewritten') {
    context.stderr.write(
      `warning: the history of "${state.name}" was rewritten upstream: its latest commit ${short(outcome.theirs)} does not follow ${short(outcome.ours)}, the one you have. ` +
        'appeal only moves forward, so your copy stays as it was, and both versions are kept.\n' +
        `If the coordinator meant it, follow the library again: appeal cases remove ${state.name} && appeal cases add ${state.url}\n`,
    );
  } else if (outcome.kind === 'unchanged') {
    context.stdout.write(`${state.name}: up to date (commit ${short(state.commit)}).\n`);
  } else {
    const heading = added
      ? `Following "${state.name}" from ${state.url}: ${plural(outcome.cases, 'case')} (commit ${short(outcome.to)}).`
      : `${state.name}: updated to commit ${short(outcome.to)} (was ${short(outcome.from)}):`;
    const lines = outcome.changes.map((change) => `  ${formatCaseChange(change)}`);
    if (!added && !lines.length) lines.push('  no case changed');
    context.stdout.write(`${[heading, ...lines].join('\n')}\n`);
    reportProblems(context, state);
  }
}

const BRANCH = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]{1,200}$/;

/** `appeal cases add <git-url>`: follow a library. */
export async function casesAddCommand(context: CommandContext, url: string, options: { name?: string; branch?: string }): Promise<void> {
  if (!url.trim() || url.startsWith('-')) throw new UsageError(`"${url}" is not the address of a git repository.`, { hint: 'Give the URL the coordinator gave you (https://..., git@host:..., or a folder).' });
  const source = isLocalPath(url) && !url.startsWith('file://') ? resolve(context.cwd, url) : url;
  const name = options.name ?? libraryNameFromUrl(source);
  const problem = libraryNameProblem(name);
  if (problem) throw new UsageError(`The library name "${name}" ${problem}.`, { hint: 'Choose one with --name, e.g. --name uk-cases.' });
  if (options.branch !== undefined && !BRANCH.test(options.branch)) throw new UsageError(`--branch ${options.branch}: is not a branch name.`, { hint: 'Give the branch the library is published on, e.g. --branch main.' });
  const { state, outcome } = await addLibrary(libraryContext(context), { url: source, name, branch: options.branch });
  reportOutcome(context, state, outcome, true);
  context.stdout.write('Its cases are in "appeal list" now; "appeal cases update" brings the coordinator\'s changes.\n');
}

/** `appeal cases remove NAME`: stop following a library. */
export async function casesRemoveCommand(context: CommandContext, name: string): Promise<void> {
  const state = removeLibrary(dataDir(context.env), name);
  context.stdout.write(`Stopped following "${state.name}" (${state.url}); its ${plural(Object.keys(state.files).length, 'case')} left your library.\n`);
}

/** `appeal cases update [NAME]`: fetch and move forward, one library or all. */
export async function casesUpdateCommand(context: CommandContext, name: string | undefined): Promise<void> {
  const libraries = followedLibraries(dataDir(context.env));
  const chosen = name === undefined ? libraries : libraries.filter(({ state }) => state.name === name);
  if (name !== undefined && !chosen.length) {
    throw new UsageError(`You follow no case library named "${name}".`, { hint: libraries.length ? `You follow: ${libraries.map(({ state }) => state.name).join(', ')}.` : 'Follow one with: appeal cases add <git-url>' });
  }
  if (!chosen.length) {
    context.stdout.write('You follow no case library, so there is nothing to update.\nFollow one with: appeal cases add <git-url>\n');
    return;
  }
  const libraryCtx = libraryContext(context);
  for (const { state, paths } of chosen) reportOutcome(context, state, await updateLibrary(libraryCtx, paths, state), false);
}

/** `appeal cases init DIR`: a new library for a coordinator to publish. */
export async function casesInitCommand(context: CommandContext, dir: string): Promise<void> {
  const target = resolve(context.cwd, dir);
  const files = await initLibrary(createGit(context.env), target, readFileSync(CASE_SCHEMA_FILE, 'utf8'));
  const shown = relative(context.cwd, target) || '.';
  context.stdout.write(
    [
      `Made a case library in ${shown} (a git repository, branch main):`,
      ...files.map((file) => `  ${file}`),
      'Next, from that folder:',
      '  appeal import <Urgent Action document> --cases .    then check each "# CHECK:" line',
      '  appeal validate --cases .',
      '  git add . && git commit -m "First cases"',
      '  git remote add origin <address> && git push -u origin main',
      'Members follow it with: appeal cases add <address>',
    ].join('\n') + '\n',
  );
}
