/** A date written out in the letter's language: "22 November 2026", "22 ноября 2026 г.". */
export function formatLetterDate(date: Date, language: string): string {
  const locale = language === 'en' ? 'en-GB' : language;
  try {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
  }
}
