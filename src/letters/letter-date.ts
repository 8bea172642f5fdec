import { languageWords } from './languages';

/** Date formats by language: making one is slow, and a batch dates thousands of letters. */
const formats = new Map<string, Intl.DateTimeFormat>();

/** A date written out in the letter's language by Node's ICU: "22 November 2026", "22 ноября 2026 г.". */
export function formatLetterDate(date: Date, language: string): string {
  let format = formats.get(language);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(languageWords(language).locale, { day: 'numeric', month: 'long', year: 'numeric' });
    } catch {
      format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    }
    formats.set(language, format);
  }
  return format.format(date);
}
