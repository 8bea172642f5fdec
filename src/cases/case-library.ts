import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { CaseDefinition } from './case-schema';
import { readCaseFile } from './read-case-file';
import { formatFieldPath, type CaseProblem } from './case-problem';
import { regularFileInside } from './contained-path';

/**
 * Where a case was read from. When two sources give the same id, the user's own folder wins over a
 * followed library, which wins over the cases that come with appeal.
 */
export type CaseOrigin = { kind: 'folder' } | { kind: 'library'; name: string } | { kind: 'embedded' };

const PRECEDENCE: Record<CaseOrigin['kind'], number> = { folder: 0, library: 1, embedded: 2 };

/** A case as the commands use it: its definition, where it came from, and its model letter. */
export interface CaseRecord {
  definition: CaseDefinition;
  file: string;
  builtin: boolean;
  origin: CaseOrigin;
  /** Files of the same id from sources of lower precedence, which this case replaces. */
  replaces?: { file: string; origin: CaseOrigin }[];
  /** The model letter's Handlebars source, when the case has one. */
  templateSource?: string;
  templateFile?: string;
  /** The model letter's source in each language the case has a letter in (the main one too). */
  letterTemplates: Record<string, { source: string; file: string }>;
}

export interface CaseLibrary {
  cases: CaseRecord[];
  /** Errors and warnings for files that were left out; the rest of the library is still usable. */
  problems: CaseProblem[];
}

/** A problem in a model letter, at its line and column. */
export interface TemplateProblem {
  line: number;
  column: number;
  message: string;
  hint?: string;
}

export interface CaseLibraryOptions {
  /** The embedded library's folder; left out with --no-builtin. */
  builtinDir?: string;
  /** The user's own case folders, in order. */
  userDirs: readonly string[];
  /** The checked copies of the case libraries the user follows (see src/libraries/). */
  libraryDirs?: readonly { name: string; dir: string }[];
  /**
   * Checks a model letter's source (the letters' job: see letters/letter-library.ts); a case
   * whose letter has problems is left out with them.
   */
  checkTemplate(source: string): TemplateProblem[];
  /** For file names in messages. */
  cwd: string;
}

/**
 * Loads every case file of the embedded library and the user's folders, checking each file and
 * its template completely. A broken file is reported and left out; the others load.
 */
export function loadCaseLibrary(options: CaseLibraryOptions): CaseLibrary {
  const cases: CaseRecord[] = [];
  const problems: CaseProblem[] = [];
  const show = (file: string) => {
    const rel = relative(options.cwd, file);
    return rel && !rel.startsWith('..') ? rel : file;
  };

  const folders: { dir: string; origin: CaseOrigin }[] = [
    ...(options.builtinDir ? [{ dir: options.builtinDir, origin: { kind: 'embedded' } as const }] : []),
    ...(options.libraryDirs ?? []).map(({ name, dir }) => ({ dir, origin: { kind: 'library', name } as const })),
    ...options.userDirs.map((dir) => ({ dir: resolve(options.cwd, dir), origin: { kind: 'folder' } as const })),
  ];
  for (const { dir, origin } of folders) {
    const builtin = origin.kind === 'embedded';
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      problems.push({ severity: 'error', file: show(dir), message: 'is not a folder of case files', hint: 'Check the path given with --cases, APPEAL_CASES or your profile.' });
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (error) {
      problems.push({ severity: 'error', file: show(dir), message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, hint: 'Check the folder given with --cases, APPEAL_CASES or your profile.' });
      continue;
    }
    // Dot files include the temporary files of an interrupted write: never cases.
    const files = names.filter((name) => /\.ya?ml$/i.test(name) && !name.startsWith('.')).sort();
    for (const name of files) {
      const file = join(dir, name);
      const result = readCaseFile(file, show(file));
      problems.push(...result.problems);
      const definition = result.definition;
      if (!definition) continue;
      const record: CaseRecord = { definition, file, builtin, origin, letterTemplates: {} };
      // Every language's template is checked; a case with one bad template is left out whole.
      const letters = [...(definition.letter ? [{ ...definition.letter, field: ['letter'] as (string | number)[] }] : []), ...definition.letters.map((other, index) => ({ ...other, field: ['letters', index] as (string | number)[] }))];
      let usable = true;
      for (const letter of letters) {
        // A followed library is someone else's repository: its templates stay inside it.
        const loaded = loadLetterTemplate({ caseFile: file, definitionId: definition.id, template: letter.template, field: [...letter.field, 'template'], checkTemplate: options.checkTemplate, show, locate: result.locate, insideDir: origin.kind === 'library' ? dir : undefined });
        if ('problems' in loaded) {
          problems.push(...loaded.problems);
          usable = false;
          continue;
        }
        record.letterTemplates[letter.language] = loaded;
        if (letter === letters[0]) {
          record.templateSource = loaded.source;
          record.templateFile = loaded.file;
        }
      }
      if (!usable) continue;
      cases.push(record);
    }
  }

  // The same id in two files would make "appeal write <id>" ambiguous. Between sources, the
  // user's own folder wins over a followed library, which wins over the embedded cases (a
  // warning); within one kind of source, the first file read keeps the case (an error).
  const byId = new Map<string, CaseRecord>();
  const leftOut = new Set<CaseRecord>();
  for (const record of cases) {
    const first = byId.get(record.definition.id);
    if (!first) {
      byId.set(record.definition.id, record);
      continue;
    }
    const rank = PRECEDENCE[record.origin.kind] - PRECEDENCE[first.origin.kind];
    if (rank === 0) {
      problems.push({
        severity: 'error',
        file: show(record.file),
        field: 'id',
        message: `"${record.definition.id}" is also the id of ${show(first.file)}; this file is left out`,
        hint: 'Give one of the two cases another id.',
      });
      leftOut.add(record);
      continue;
    }
    const [winner, loser] = rank < 0 ? [record, first] : [first, record];
    problems.push({
      severity: 'warning',
      file: show(loser.file),
      field: 'id',
      message: `"${record.definition.id}" is also the id of ${show(winner.file)} (${describeCaseOrigin(winner.origin)}), which is used instead`,
      hint: 'A case of your own wins over a followed library, which wins over the cases that come with appeal.',
    });
    (winner.replaces ??= []).push({ file: loser.file, origin: loser.origin }, ...(loser.replaces ?? []));
    leftOut.add(loser);
    byId.set(record.definition.id, winner);
  }
  return { cases: cases.filter((record) => !leftOut.has(record)), problems };
}

/** Where a case came from, in words: "the followed library \"uk\"". */
export function describeCaseOrigin(origin: CaseOrigin): string {
  if (origin.kind === 'library') return `the followed library "${origin.name}"`;
  return origin.kind === 'embedded' ? 'the cases that come with appeal' : 'your case folder';
}

interface TemplateToLoad {
  caseFile: string;
  definitionId: string;
  template: string;
  field: (string | number)[];
  checkTemplate: CaseLibraryOptions['checkTemplate'];
  show: (file: string) => string;
  locate: (path: readonly (string | number)[]) => { line: number; column: number } | undefined;
  /** The followed library's folder, which the template must be inside. */
  insideDir?: string;
}

/** Reads and checks one language's template of a case: its source, or every problem found. */
function loadLetterTemplate(input: TemplateToLoad): { source: string; file: string } | { problems: CaseProblem[] } {
  const { caseFile, show } = input;
  const templateFile = resolve(dirname(caseFile), input.template);
  const where = input.locate(input.field) ?? {};
  const field = formatFieldPath(input.field);
  if (!existsSync(templateFile)) {
    return { problems: [{ severity: 'error', file: show(caseFile), ...where, field, message: `names ${show(templateFile)}, which does not exist`, hint: 'The path is relative to the case file.' }] };
  }
  const contained = input.insideDir === undefined ? undefined : regularFileInside(input.insideDir, templateFile);
  if (contained && !contained.ok) {
    return { problems: [{ severity: 'error', file: show(caseFile), ...where, field, message: `names ${input.template}, which ${contained.reason}`, hint: 'A template must be a file of the library itself.' }] };
  }
  let source: string;
  try {
    source = readFileSync(templateFile, 'utf8');
  } catch (error) {
    return { problems: [{ severity: 'error', file: show(caseFile), ...where, field, message: `names ${show(templateFile)}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` }] };
  }
  const templateProblems = input.checkTemplate(source);
  if (templateProblems.length) {
    return {
      problems: templateProblems.map((problem) => ({ severity: 'error' as const, file: show(templateFile), line: problem.line, column: problem.column, field: `(template of ${input.definitionId})`, message: problem.message, hint: problem.hint })),
    };
  }
  return { source, file: templateFile };
}
