import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname, join, relative, sep } from 'node:path';
import { loadLetterLibrary } from '../letters/letter-library';
import type { CaseProblem } from '../cases/case-problem';
import type { CaseVersion } from './case-changes';
import type { CaseFileSet } from './library-snapshot';

/**
 * Writes case file sets into `dir`. The paths were checked to stay inside the library when they
 * were read. A set that needs a file another set has already written differently (an older
 * version of a case that shares a template with a newer one) is not written and is returned.
 */
export function writeCaseFileSets(dir: string, sets: readonly CaseFileSet[]): CaseFileSet[] {
  const written = new Map<string, Buffer>();
  const collided: CaseFileSet[] = [];
  for (const set of sets) {
    // A file already there under another name is the same file on a disk that ignores case.
    const clash = ([path, bytes]: [string, Buffer]) => (written.has(path) ? !written.get(path)!.equals(bytes) : existsSync(join(dir, ...path.split('/'))));
    if ([...set.files].some(clash)) {
      collided.push(set);
      continue;
    }
    for (const [path, bytes] of set.files) {
      if (written.has(path)) continue;
      const target = join(dir, ...path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes, { flag: 'wx' });
      written.set(path, bytes);
    }
  }
  return collided;
}

export interface CheckedCaseFiles {
  good: CaseFileSet[];
  broken: { set: CaseFileSet; problems: CaseProblem[] }[];
}

/**
 * Checks each case of a library version exactly as a user's own case folder is checked (the
 * schema, the template checks), from a copy in a folder of its own, and says which are usable.
 */
export function checkCaseFileSets(sets: readonly CaseFileSet[], workDir: string, name: string, templatesDir: string): CheckedCaseFiles {
  const dir = join(workDir, `check-${randomUUID()}`);
  mkdirSync(dir, { recursive: true });
  try {
    writeCaseFileSets(dir, sets.filter((set) => !set.problems.length));
    const library = loadLetterLibrary({ userDirs: [], libraryDirs: [{ name, dir }], templatesDir, cwd: dir });
    const loaded = new Set(library.cases.map((record) => relative(dir, record.file).split(sep).join('/')));
    const out: CheckedCaseFiles = { good: [], broken: [] };
    for (const set of sets) {
      const problems = [...set.problems, ...library.problems.filter((problem) => problem.severity === 'error' && set.files.has(problem.file.split(sep).join('/')))];
      if (!problems.length && loaded.has(set.casePath)) out.good.push(set);
      else out.broken.push({ set, problems: problems.length ? problems : [{ severity: 'error', file: set.casePath, message: 'could not be read as a case' }] });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The cases of a library's checked copy, as versions to compare. */
export function readCaseVersions(dir: string, name: string, templatesDir: string): CaseVersion[] {
  if (!existsSync(dir)) return [];
  return loadLetterLibrary({ userDirs: [], libraryDirs: [{ name, dir }], templatesDir, cwd: dir }).cases.map((record) => ({
    definition: record.definition,
    templateSource: record.templateSource,
  }));
}

/**
 * Builds a new folder beside `target` and puts it in its place with renames, so a command that
 * reads the library meanwhile sees the old copy or the new one, never half of each.
 */
export function replaceFolder<T>(target: string, build: (dir: string) => T): T {
  const next = `${target}.next-${randomUUID()}`;
  const old = `${target}.old-${randomUUID()}`;
  mkdirSync(next, { recursive: true });
  let result: T;
  try {
    result = build(next);
  } catch (error) {
    rmSync(next, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(target)) renameSync(target, old);
  renameSync(next, target);
  rmSync(old, { recursive: true, force: true });
  return result;
}
