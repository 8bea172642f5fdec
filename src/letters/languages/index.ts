import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import type { LanguageWords } from './language-words';
import { ru } from './ru';

export type { LanguageWords } from './language-words';

const TABLES: Readonly<Record<string, LanguageWords>> = { en, ru, de, fr, es };

/**
 * The words of a language ("pt-BR" falls back to "pt"). A language without a table of its own
 * borrows the English words but keeps its own locale, so its date is still written its way.
 */
export function languageWords(tag: string): LanguageWords {
  const table = TABLES[tag] ?? TABLES[tag.split('-')[0]!.toLowerCase()];
  if (table) return table;
  return { ...en, locale: tag };
}

/** Whether appeal has the words of this language, not just English ones in its place. */
export function hasLanguageWords(tag: string): boolean {
  return Boolean(TABLES[tag] ?? TABLES[tag.split('-')[0]!.toLowerCase()]);
}

/** A language's name in that language ("русский"), or the tag itself where ICU has none. */
export function ownLanguageName(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A language's name in English ("Russian"), for matching a case's preferred_languages. */
export function englishLanguageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Fills {page} and {pages} into a language's page-number pattern. */
export function pageNumberLabel(words: LanguageWords, page: number, pages: number): string {
  return words.pageNumber.replace('{page}', String(page)).replace('{pages}', String(pages));
}
