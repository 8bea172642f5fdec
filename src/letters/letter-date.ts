import { hasLanguageWords, languageWords } from './languages';

/** Date formats by language: making one is slow, and a batch dates thousands of letters. */
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date written out in the letter's language: "22 November 2026", "22 ноября 2026 г.". The
 * languages appeal has words for write it from their table, as ICU does (a test holds the two
 * together), without the start-up cost of ICU; the others by Node's ICU in their own locale.
 */
export function formatLetterDate(date: Date, language: string): string {
  if (hasLanguageWords(language)) {
    const words = languageWords(language);
    return words.datePattern
      .replace('{day}', String(date.getDate()))
      .replace('{month}', words.months[date.getMonth()]!)
      .replace('{year}', String(date.getFullYear()));
  }
  let format = formats.get(language);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric' });
    } catch {
      format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    }
    formats.set(language, format);
  }
  return format.format(date);
}
