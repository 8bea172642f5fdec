import { join } from 'node:path';
import { loadCaseLibrary, type CaseLibrary, type CaseLibraryOptions } from '../cases/case-library';
import { checkTemplate, loadSharedPartials, type LetterTemplates } from './letter-templates';

/** The case library with what turns its cases into letters: the shared partials and a Handlebars. */
export interface LetterLibrary extends CaseLibrary {
  templates: LetterTemplates;
}

export interface LetterLibraryOptions extends Omit<CaseLibraryOptions, 'checkTemplate'> {
  /** Folder of the shared partials (date, closing, signature). */
  templatesDir: string;
}

/**
 * Opens the case library, each model letter checked against what a letter provides and the
 * shared partials, so that a case whose letter cannot be made is left out, with its problems.
 * The partials' folder and files join the library's inputs: the library cache keys on them too.
 */
export function loadLetterLibrary(options: LetterLibraryOptions): LetterLibrary {
  const templates = loadSharedPartials(options.templatesDir);
  const partialNames = Object.keys(templates.partials);
  const library = loadCaseLibrary({ ...options, checkTemplate: (source) => checkTemplate(source, partialNames) });
  const partialsDir = join(options.templatesDir, 'partials');
  const inputs = {
    folders: [partialsDir, ...library.inputs.folders],
    files: [...partialNames.map((name) => join(partialsDir, `${name}.hbs`)), ...library.inputs.files],
  };
  return { ...library, inputs, templates };
}
