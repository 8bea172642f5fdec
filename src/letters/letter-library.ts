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
 */
export function loadLetterLibrary(options: LetterLibraryOptions): LetterLibrary {
  const templates = loadSharedPartials(options.templatesDir);
  const partialNames = Object.keys(templates.partials);
  const library = loadCaseLibrary({ ...options, checkTemplate: (source) => checkTemplate(source, partialNames) });
  return { ...library, templates };
}
