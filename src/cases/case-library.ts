import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { CaseDefinition } from './case-schema';
import { readCaseFile } from './read-case-file';
import { formatFieldPath, ofCase, type CaseProblem } from './case-problem';
import { describeCaseOrigin, type CaseOrigin } from './case-origin';
import { FileRefusal, readRegularFile, realPathInside } from '../files/read-regular-file';
import { findControlCharacter } from '../text/terminal-text';

/** A model letter is a page or two; this is ten times that and more, and keeps every command quick. */
export const MAX_TEMPLATE_BYTES = 64 * 1024;

export { describeCaseOrigin, type CaseOrigin } from './case-origin';

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
  /**
   * Every folder listed and every file the load looked at (read, or found missing): all that its
   * result depends on besides the options. The library cache fingerprints exactly these.
   */
  inputs: CaseLibraryInputs;
}

export interface CaseLibraryInputs {
  folders: string[];
  files: string[];
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
  const inputs: CaseLibraryInputs = { folders: [], files: [] };
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
    inputs.folders.push(dir);
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
      inputs.files.push(file);
      if (!insideFolder(file, [dir])) {
        problems.push({ severity: 'error', file: show(file), message: `is a link to ${show(realPathOrSelf(file))}, outside its folder ${show(dir)}; it was not read`, hint: 'A case folder may come from anyone: copy the case file into the folder instead of linking to it.' });
        continue;
      }
      const result = readCaseFile(file, show(file));
      problems.push(...result.problems);
      const definition = result.definition;
      if (!definition) continue;
      const record: CaseRecord = { definition, file, builtin, origin, letterTemplates: {} };
      // Every language's template is checked; a case with one bad template is left out whole.
      const letters = [...(definition.letter ? [{ ...definition.letter, field: ['letter'] as (string | number)[] }] : []), ...definition.letters.map((other, index) => ({ ...other, field: ['letters', index] as (string | number)[] }))];
      // The embedded cases' letters are in the templates/ folder beside theirs.
      const folders = builtin ? [dir, join(dirname(dir), 'templates')] : [dir];
      // Whether a letter lies inside these folders depends on their real paths: inputs too.
      if (letters.length) for (const folder of folders) if (!inputs.folders.includes(folder)) inputs.folders.push(folder);
      let usable = true;
      for (const letter of letters) {
        const where = result.locate([...letter.field, 'template']) ?? {};
        const templateFile = resolve(dirname(file), letter.template);
        inputs.files.push(templateFile);
        const template = readModelLetter(templateFile, folders, options.checkTemplate);
        if ('problem' in template) {
          problems.push(...ofCase([{ severity: 'error', file: show(file), ...where, field: formatFieldPath([...letter.field, 'template']), message: template.problem(show), hint: template.hint }], definition));
          usable = false;
          continue;
        }
        if (template.problems.length) {
          for (const problem of template.problems) {
            problems.push(...ofCase([{ severity: 'error' as const, file: show(template.file), line: problem.line, column: problem.column, field: `(template of ${definition.id})`, message: problem.message, hint: problem.hint }], definition));
          }
          usable = false;
          continue;
        }
        record.letterTemplates[letter.language] = { source: template.source, file: template.file };
        if (letter === letters[0]) {
          record.templateSource = template.source;
          record.templateFile = template.file;
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
  return { cases: cases.filter((record) => !leftOut.has(record)), problems, inputs };
}

function realPathOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** Whether a file, links resolved, lies inside one of the folders (a missing file counts as inside: reading it says so). */
function insideFolder(file: string, folders: readonly string[]): boolean {
  try {
    return realPathInside(file, folders) !== undefined;
  } catch {
    return true;
  }
}

type ModelLetter =
  | { file: string; source: string; problems: TemplateProblem[] }
  | { problem: (show: (file: string) => string) => string; hint: string };

/**
 * Reads a case's model letter. It must be a plain file inside the case's own folder, or one of
 * the templates that come with appeal, links resolved: a case from another group must not put
 * ../secret.hbs or a link to /etc/passwd into a letter and an email draft. Its size is limited
 * (a model letter is a page or two), and it is checked completely.
 */
function readModelLetter(templateFile: string, folders: readonly string[], checkTemplate: (source: string) => TemplateProblem[]): ModelLetter {
  if (!existsSync(templateFile)) return { problem: (show) => `names ${show(templateFile)}, which does not exist`, hint: 'The path is relative to the case file.' };
  let real: string | undefined;
  try {
    real = realPathInside(templateFile, folders);
  } catch (error) {
    return { problem: (show) => `names ${show(templateFile)}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, hint: 'The path is relative to the case file.' };
  }
  if (!real) {
    return {
      problem: (show) => `names ${show(templateFile)}, which is outside the case's folder${realPathOrSelf(templateFile) !== templateFile ? ` (it leads to ${show(realPathOrSelf(templateFile))})` : ''}; it was not read`,
      hint: 'Keep the model letter in the same folder as the case file, as a plain file, not a link leading elsewhere.',
    };
  }
  let bytes: Buffer;
  try {
    bytes = readRegularFile(real, MAX_TEMPLATE_BYTES, { followLinks: false });
  } catch (error) {
    if (!(error instanceof FileRefusal)) throw error;
    const reason = error.tooLarge ? `${error.reason}; a model letter is a page or two` : error.reason;
    return { problem: (show) => `names ${show(templateFile)}, which ${reason}`, hint: error.tooLarge ? 'Shorten the model letter.' : 'Give the path of the model letter (.hbs), a plain file next to the case file.' };
  }
  const source = bytes.toString('utf8');
  const control = findControlCharacter(source);
  if (control) {
    return { file: templateFile, source, problems: [{ line: control.line, column: control.column, message: `contains ${control.description}; a model letter is plain text`, hint: 'Delete the character (an editor that shows invisible characters finds it).' }] };
  }
  return { file: templateFile, source, problems: checkTemplate(source) };
}
