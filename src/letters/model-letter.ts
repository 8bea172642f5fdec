import type { CaseRecord } from '../cases/case-library';
import type { CaseDefinition } from '../cases/case-schema';
import { languageWords } from './languages';

/** A case's model letter in one language: its template, closing and subject, and where it came from. */
export interface ModelLetter {
  language: string;
  source: string;
  closing: string;
  subject?: string;
  /** Set when appeal's contributors translated it, rather than the organisation publishing it. */
  translation?: { by: string; from: string; note?: string };
}

/** The languages a case has a letter in, the document's own first. */
export function caseLetterLanguages(definition: CaseDefinition): string[] {
  return definition.letter ? [definition.letter.language, ...definition.letters.map((other) => other.language)] : [];
}

/** The model letter of a case in one of its languages (the caller has chosen one the case has). */
export function modelLetterOf(record: CaseRecord, language: string): ModelLetter {
  const { definition } = record;
  const main = definition.letter;
  const template = record.letterTemplates[language];
  if (!main || !template) throw new Error(`case ${definition.id} has no model letter in ${language}`);
  if (main.language === language) {
    return { language, source: template.source, closing: main.closing ?? languageWords(language).closing, subject: main.subject };
  }
  const other = definition.letters.find((letter) => letter.language === language)!;
  return { language, source: template.source, closing: other.closing ?? languageWords(language).closing, subject: other.subject, translation: other.translation };
}
