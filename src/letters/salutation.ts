import type { CaseDefinition, Official } from '../cases/case-schema';

/**
 * The line a letter to one official opens with. The salutation is the official's own, from the case
 * file (how the organisation's document addresses them), never made up by appeal: in a language
 * the case has a second letter in, the official's salutation for that language (`salutations:`,
 * which the case schema requires for every such language), else the one of the document's letter.
 * A letter only adds the comma.
 */
export function openingSalutation(official: Official, definition: CaseDefinition, language: string): string {
  return salutationLine(salutationIn(official, definition, language));
}

/** An official's salutation in a language of the case: its own one for that language, else the main one. */
export function salutationIn(official: Official, definition: CaseDefinition, language: string): string {
  if (definition.letter && language !== definition.letter.language) return official.salutations?.[language] ?? official.salutation;
  return official.salutation;
}

/** A salutation with the comma letters take after it; one that already ends in punctuation is left as written. */
export function salutationLine(salutation: string): string {
  const trimmed = salutation.trim();
  return /[,:!;]$/.test(trimmed) ? trimmed : `${trimmed},`;
}
