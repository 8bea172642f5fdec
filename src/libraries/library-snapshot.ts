import { posix } from 'node:path';
import { parseDocument } from 'yaml';
import { MAX_CASE_FILE_BYTES } from '../cases/read-case-file';
import type { CaseProblem } from '../cases/case-problem';
import type { Git } from './git';

/** A model letter is a few kilobytes; anything near this is not one. */
export const MAX_LIBRARY_TEMPLATE_BYTES = 256 * 1024;

interface TreeEntry {
  mode: string;
  type: string;
  sha: string;
  size: number;
  path: string;
}

/** One case of a library at one commit: its case file and template, read from git's objects. */
export interface CaseFileSet {
  /** The case file's path in the library. */
  casePath: string;
  commit: string;
  /** Every file the case needs, by path in the library: the case file and its template. */
  files: Map<string, Buffer>;
  /** What makes the case unusable before its contents are even checked: links, paths out, sizes. */
  problems: CaseProblem[];
}

const REGULAR_FILE_MODES = new Set(['100644', '100755']);

async function listTree(git: Git, gitDir: string, commit: string): Promise<TreeEntry[]> {
  const { stdout } = await git.run(['--git-dir', gitDir, 'ls-tree', '-r', '-l', '-z', '--full-tree', commit]);
  const entries: TreeEntry[] = [];
  for (const record of stdout.toString('utf8').split('\0')) {
    const match = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t([\s\S]+)$/.exec(record);
    if (match) entries.push({ mode: match[1]!, type: match[2]!, sha: match[3]!, size: match[4] === '-' ? 0 : Number(match[4]), path: match[5]! });
  }
  return entries;
}

/** Reads many blobs with one git process (`cat-file --batch`). */
async function readBlobs(git: Git, gitDir: string, shas: readonly string[]): Promise<Map<string, Buffer>> {
  const unique = [...new Set(shas)];
  const out = new Map<string, Buffer>();
  if (!unique.length) return out;
  const { stdout } = await git.run(['--git-dir', gitDir, 'cat-file', '--batch'], { input: `${unique.join('\n')}\n` });
  let offset = 0;
  while (offset < stdout.length) {
    const end = stdout.indexOf(10, offset);
    if (end < 0) break;
    const [sha, type, size] = stdout.subarray(offset, end).toString('latin1').split(' ');
    if (type === 'missing' || !sha || size === undefined) {
      offset = end + 1;
      continue;
    }
    out.set(sha, stdout.subarray(end + 1, end + 1 + Number(size)));
    offset = end + 1 + Number(size) + 1;
  }
  return out;
}

/** The template a case file names, read leniently: the full check comes later, from the copy. */
function namedTemplate(source: Buffer): string | undefined {
  try {
    const value = parseDocument(source.toString('utf8'), { uniqueKeys: false }).getIn(['letter', 'template']);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function entryProblem(entry: TreeEntry, limit: number, what: string): string | undefined {
  if (entry.mode === '120000') return 'is a symbolic link; a library may hold only plain files';
  if (!REGULAR_FILE_MODES.has(entry.mode) || entry.type !== 'blob') return 'is not a plain file';
  if (entry.size > limit) return `is ${(entry.size / 1024).toFixed(0)} KB; ${what} may be at most ${limit / 1024} KB`;
  return undefined;
}

/**
 * The case files at the top of a library at `commit` (or only those in `only`), each with the
 * template it names. Nothing leaves git's object store except through here: a link or a path
 * out of the library is a problem of the case, never a file that is read.
 */
export async function readCaseFileSets(git: Git, gitDir: string, commit: string, only?: ReadonlySet<string>): Promise<CaseFileSet[]> {
  const entries = await listTree(git, gitDir, commit);
  const byPath = new Map(entries.map((entry) => [entry.path, entry]));
  const caseEntries = entries.filter((entry) => !entry.path.includes('/') && /\.ya?ml$/i.test(entry.path) && !entry.path.startsWith('.') && (!only || only.has(entry.path)));
  const sets: CaseFileSet[] = caseEntries.map((entry) => ({ casePath: entry.path, commit, files: new Map(), problems: [] }));
  const readable = sets.filter((set) => {
    const problem = entryProblem(byPath.get(set.casePath)!, MAX_CASE_FILE_BYTES, 'a case file');
    if (problem) set.problems.push({ severity: 'error', file: set.casePath, message: problem });
    return !problem;
  });
  const caseBlobs = await readBlobs(git, gitDir, readable.map((set) => byPath.get(set.casePath)!.sha));
  const templates: { set: CaseFileSet; entry: TreeEntry }[] = [];
  for (const set of readable) {
    const source = caseBlobs.get(byPath.get(set.casePath)!.sha);
    if (!source) continue;
    set.files.set(set.casePath, source);
    const template = namedTemplate(source);
    if (template === undefined) continue;
    const path = posix.normalize(posix.join(posix.dirname(set.casePath), template.replace(/\\/g, '/')));
    const fail = (message: string) => set.problems.push({ severity: 'error', file: set.casePath, field: 'letter.template', message: `names "${template}", which ${message}`, hint: 'A template must be a plain file of the library itself.' });
    if (posix.isAbsolute(template) || posix.isAbsolute(path) || path === '..' || path.startsWith('../')) {
      fail('is outside the library');
      continue;
    }
    const entry = byPath.get(path);
    if (!entry) continue; // the check of the copy reports a template that does not exist
    const problem = entryProblem(entry, MAX_LIBRARY_TEMPLATE_BYTES, 'a template');
    if (problem) fail(problem);
    else templates.push({ set, entry });
  }
  const templateBlobs = await readBlobs(git, gitDir, templates.map(({ entry }) => entry.sha));
  for (const { set, entry } of templates) {
    const source = templateBlobs.get(entry.sha);
    if (source) set.files.set(entry.path, source);
  }
  return sets;
}
