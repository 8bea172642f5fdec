import type { CaseDefinition } from '../cases/case-schema';
import { caseDisplayId } from '../cases/case-summary';
import { UsageError } from '../errors/app-error';
import { englishLanguageName, ownLanguageName } from './languages';
import { caseLetterLanguages } from './model-letter';

/** How the language of a letter is asked for, in the order it is looked at. */
export interface LanguageRequest {
  /** --language, or a signer's language column: must be one the case has. */
  requested?: string;
  /** Where `requested` came from, for the refusal: "--language", "members.csv:3 (language)". */
  requestedFrom?: string;
  /** The sender's own language (profile, or a batch member's column): used when the case has it, passed over when not. */
  ownLanguage?: string;
  /** A batch member's own language comes before the case's preferred ones. */
  memberFirst?: boolean;
}

/**
 * The language of a letter: the one asked for; else the first of the case's preferred languages
 * that it has a letter in; else the sender's own language when the case has it; else the case's
 * main language. A batch member's language (a column of the signers file) comes before the
 * preferred ones: the member asked for it. Asking for a language the case lacks is refused, naming those it has.
 */
export function chooseLetterLanguage(definition: CaseDefinition, request: LanguageRequest): string {
  const available = caseLetterLanguages(definition);
  if (request.requested !== undefined) {
    const found = matchLanguage(request.requested, available);
    if (found) return found;
    throw new UsageError(`${request.requestedFrom ?? '--language'} ${request.requested}: ${caseDisplayId(definition)} has no letter in ${describeLanguage(request.requested)}.`, {
      hint: `Its letters are in ${describeLanguages(available)}. Choose one of: ${available.join(', ')}.`,
    });
  }
  const own = request.ownLanguage === undefined ? undefined : matchLanguage(request.ownLanguage, available);
  if (own && request.memberFirst) return own;
  for (const preferred of definition.preferred_languages ?? []) {
    const found = matchLanguage(preferred, available);
    if (found) return found;
  }
  return own ?? available[0]!;
}

/**
 * The letter language that a name or tag means: "ru", "RU", "Russian", "русский". A regional tag
 * ("de-AT") takes the plain language's letter when the case has no regional one.
 */
export function matchLanguage(wanted: string, available: readonly string[]): string | undefined {
  const folded = wanted.trim().toLowerCase();
  // Tags first: names need ICU's display names, slow to load the first time.
  const exact = available.find((tag) => tag.toLowerCase() === folded) ?? available.find((tag) => englishLanguageName(tag).toLowerCase() === folded || ownLanguageName(tag).toLowerCase() === folded);
  return exact ?? available.find((tag) => tag.toLowerCase() === folded.split('-')[0]);
}

/** "Russian (ru)". */
export function describeLanguage(tag: string): string {
  const name = englishLanguageName(tag);
  return name === tag ? tag : `${name} (${tag})`;
}

/** "English (en) and Russian (ru)". */
export function describeLanguages(tags: readonly string[]): string {
  const described = tags.map(describeLanguage);
  return described.length < 2 ? (described[0] ?? '') : `${described.slice(0, -1).join(', ')} and ${described[described.length - 1]}`;
}
