import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import * as z from '../validation/zod';
import { librariesDir } from '../profile/app-paths';

/**
 * What appeal keeps about one followed library, in `<data>/libraries/<name>/library.json`:
 * where it comes from, when it was last fetched, and for each case file in use the commit its
 * checked copy was taken from (older than the latest when the latest version is broken).
 */
const libraryStateSchema = z.object({
  name: z.string(),
  url: z.string(),
  branch: z.optional(z.string()),
  added: z.string(),
  updated: z.optional(z.string()),
  /** The latest commit fetched that follows the one before it: the library's version. */
  commit: z.optional(z.string()),
  /** Case file (path in the library) → the commit its copy in use comes from. */
  files: z.record(z.string(), z.string()),
  /** What was wrong at the last update, in "file:line:col: field: problem" lines. */
  problems: z.array(z.object({ file: z.string(), held: z.boolean(), lines: z.array(z.string()) })),
  /** A commit upstream that does not follow `commit`: history was rewritten there. */
  rewritten: z.optional(z.string()),
});

export type LibraryState = z.output<typeof libraryStateSchema>;

export interface LibraryPaths {
  root: string;
  stateFile: string;
  /** The bare repository git fetches into: no work tree, so nothing of the library is checked out. */
  gitDir: string;
  /** The checked copy every command reads: only case files and templates that passed the checks. */
  casesDir: string;
}

// Kept with the user's other folders, so commands can tell whether there are libraries without loading this store.
export { librariesDir };

export function libraryPaths(dataDir: string, name: string): LibraryPaths {
  const root = join(librariesDir(dataDir), name);
  return { root, stateFile: join(root, 'library.json'), gitDir: join(root, 'git'), casesDir: join(root, 'cases') };
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Why a library name cannot be used, or undefined. Names are folder names, so kept plain. */
export function libraryNameProblem(name: string): string | undefined {
  if (!NAME.test(name) || name.endsWith('.') || name.includes('..')) return 'must be 1 to 64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit';
  return undefined;
}

/** A name for a library from its address: "https://host/group/uk-cases.git" gives "uk-cases". */
export function libraryNameFromUrl(url: string): string {
  const last = basename(url.replace(/[\\/]+$/, '').replace(/^.*:(?!\/\/)/, '')).replace(/\.git$/i, '');
  const name = last.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').replace(/[.]+$/, '').slice(0, 64);
  return name || 'cases';
}

/** Reads a library's state; undefined when the folder is not a followed library (or was half made). */
export function readLibraryState(paths: LibraryPaths): LibraryState | undefined {
  if (!existsSync(paths.stateFile)) return undefined;
  try {
    const parsed = libraryStateSchema.safeParse(JSON.parse(readFileSync(paths.stateFile, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Written to a temporary name and renamed, so a crash leaves the previous state whole. */
export function writeLibraryState(paths: LibraryPaths, state: LibraryState): void {
  mkdirSync(paths.root, { recursive: true });
  const temp = `${paths.stateFile}.${randomUUID()}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temp, paths.stateFile);
}

export interface FollowedLibrary {
  state: LibraryState;
  paths: LibraryPaths;
}

/** Every followed library, by name. */
export function followedLibraries(dataDir: string): FollowedLibrary[] {
  const dir = librariesDir(dataDir);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const out: FollowedLibrary[] = [];
  for (const name of names) {
    if (libraryNameProblem(name)) continue;
    const paths = libraryPaths(dataDir, name);
    const state = readLibraryState(paths);
    if (state && state.name === name && state.commit && existsSync(paths.casesDir)) out.push({ state, paths });
  }
  return out;
}

/** A library not updated for longer than this is pointed out by "appeal list" and "appeal cases". */
export const STALE_AFTER_DAYS = 7;

/** Whole days since the library was last fetched, by appeal's clock. */
export function daysSinceUpdate(state: LibraryState, now: Date): number | undefined {
  if (!state.updated) return undefined;
  return Math.floor((now.getTime() - Date.parse(state.updated)) / 86_400_000);
}
