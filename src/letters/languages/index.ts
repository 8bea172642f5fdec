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
  // Its names, months and date pattern are English ones only for English itself; the others
  // (see hasLanguageWords) are written by ICU in their own locale.
  const table = TABLES[tag] ?? TABLES[tag.split('-')[0]!.toLowerCase()];
  if (table) return table;
  return { ...en, locale: tag };
}

/** Whether appeal has the words of this language, not just English ones in its place. */
export function hasLanguageWords(tag: string): boolean {
  return Boolean(TABLES[tag] ?? TABLES[tag.split('-')[0]!.toLowerCase()]);
}

/** Names by "in|tag": ICU's display names are slow to make, and a batch asks for the same few. */
const names = new Map<string, string>();

function languageName(tag: string, inLanguage: string): string {
  // A language of appeal's own has its names in its table ("en-US" is not "en": ICU names it).
  const table = TABLES[tag];
  if (table && inLanguage === 'en') return table.names.english;
  if (table && inLanguage === tag) return table.names.own;
  const key = `${inLanguage}|${tag}`;
  let name = names.get(key);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([inLanguage], { type: 'language' }).of(tag) ?? tag;
    } catch {
      name = tag;
    }
    names.set(key, name);
  }
  return name;
}

/** A language's name in that language ("русский"), or the tag itself where ICU has none. */
export function ownLanguageName(tag: string): string {
  return languageName(tag, tag);
}

/** A language's name in English ("Russian"), for matching a case's preferred_languages. */
export function englishLanguageName(tag: string): string {
  return languageName(tag, 'en');
}

/** Fills {page} and {pages} into a language's page-number pattern. */
export function pageNumberLabel(words: LanguageWords, page: number, pages: number): string {
  return words.pageNumber.replace('{page}', String(page)).replace('{pages}', String(pages));
}

const listFormats = new Map<string, Intl.ListFormat>();

/** Names joined the way a letter's language joins them: "A, B and C", "A, B и C". */
export function joinNamesIn(names: readonly string[], language: string): string {
  // Most cases are about one person: no need to start ICU for that.
  if (names.length < 2) return names[0] ?? '';
  let format = listFormats.get(language);
  if (!format) {
    format = new Intl.ListFormat(languageWords(language).locale, { type: 'conjunction' });
    listFormats.set(language, format);
  }
  return format.format(names);
}
