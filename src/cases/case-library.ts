import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { CaseDefinition } from './case-schema';
import { readCaseFile } from './read-case-file';
import type { CaseProblem } from './case-problem';

/** A case as the commands use it: its definition, where it came from, and its model letter. */
export interface CaseRecord {
  definition: CaseDefinition;
  file: string;
  builtin: boolean;
  /** The model letter's Handlebars source, when the case has one. */
  templateSource?: string;
  templateFile?: string;
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

  const folders = [
    ...(options.builtinDir ? [{ dir: options.builtinDir, builtin: true }] : []),
    ...options.userDirs.map((dir) => ({ dir: resolve(options.cwd, dir), builtin: false })),
  ];
  for (const { dir, builtin } of folders) {
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
      const record: CaseRecord = { definition, file, builtin };
      if (definition.letter) {
        const templateFile = resolve(dirname(file), definition.letter.template);
        const where = result.locate(['letter', 'template']) ?? {};
        if (!existsSync(templateFile)) {
          problems.push({ severity: 'error', file: show(file), ...where, field: 'letter.template', message: `names ${show(templateFile)}, which does not exist`, hint: 'The path is relative to the case file.' });
          continue;
        }
        let source: string;
        try {
          source = readFileSync(templateFile, 'utf8');
        } catch (error) {
          problems.push({ severity: 'error', file: show(file), ...where, field: 'letter.template', message: `names ${show(templateFile)}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
          continue;
        }
        const templateProblems = options.checkTemplate(source);
        if (templateProblems.length) {
          for (const problem of templateProblems) {
            problems.push({ severity: 'error', file: show(templateFile), line: problem.line, column: problem.column, field: `(template of ${definition.id})`, message: problem.message, hint: problem.hint });
          }
          continue;
        }
        record.templateSource = source;
        record.templateFile = templateFile;
      }
      cases.push(record);
    }
  }

  // The same id in two files would make "appeal write <id>" ambiguous: the first file read (the
  // embedded library, then the folders in the order given) keeps the case, the other is left out.
  const byId = new Map<string, CaseRecord>();
  const duplicates = new Set<CaseRecord>();
  for (const record of cases) {
    const first = byId.get(record.definition.id);
    if (first) {
      problems.push({
        severity: 'error',
        file: show(record.file),
        field: 'id',
        message: `"${record.definition.id}" is also the id of ${show(first.file)}; this file is left out`,
        hint: first.builtin
          ? 'Give your case another id, or leave the embedded library out with --no-builtin.'
          : 'Give one of the two cases another id.',
      });
      duplicates.add(record);
    } else byId.set(record.definition.id, record);
  }
  return { cases: cases.filter((record) => !duplicates.has(record)), problems };
}
