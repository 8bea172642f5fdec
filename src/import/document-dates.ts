import type { Chrono } from 'chrono-node';

/** The languages chrono reads dates in for import, in the order they are tried. */
const DATE_LANGUAGES = ['en', 'es', 'fr', 'de'] as const;
type DateLanguage = (typeof DATE_LANGUAGES)[number];

// chrono's main entry loads every locale it has; each of the four that import reads loads the
// first time a date is read in it, not when the command starts, and one that is never needed
// (an English document's date is read by the English parser) is never loaded. Its strict parsers
// read calendar dates only: "today" or "next Friday" is no date a document can be dated by, and
// they compile their patterns (the larger part of a first date's cost) in a third of the time.
const parsers = new Map<DateLanguage, Chrono>();
function dateParser(language: DateLanguage): Chrono {
  let parser = parsers.get(language);
  if (!parser) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    if (language === 'en') parser = (require('chrono-node/en') as { strict: Chrono }).strict;
    else if (language === 'es') parser = (require('chrono-node/es') as { strict: Chrono }).strict;
    else if (language === 'fr') parser = (require('chrono-node/fr') as { strict: Chrono }).strict;
    else parser = (require('chrono-node/de') as { strict: Chrono }).strict;
    /* eslint-enable @typescript-eslint/no-require-imports */
    parsers.set(language, parser);
  }
  return parser;
}

/** The document's own language first ("05/07/2017" in a French text is 5 July), then the others. */
function parserOrder(language: string | undefined): DateLanguage[] {
  const first = DATE_LANGUAGES.find((code) => code === language);
  return first ? [first, ...DATE_LANGUAGES.filter((code) => code !== first)] : [...DATE_LANGUAGES];
}

export interface DocumentDate {
  /** YYYY-MM-DD */
  iso: string;
  /** false when the document wrote only day and month ("15 July"). */
  yearWritten: boolean;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH_DATE = new RegExp(`\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})(?:\\s+\\d{4})?|(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?)\\b`, 'i');

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function noonUtc(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

/**
 * The first calendar date in a phrase: "15 July", "5 July 2017", "July 15, 2017", "16 de agosto
 * de 2017". A date without a year is put on or after `after` (a deadline follows the events it
 * is about); without `after` its year stays unknown and undefined is returned.
 */
export function parseDocumentDate(phrase: string, after?: string, language?: string): DocumentDate | undefined {
  // Every date import reads has a digit in it; chrono's first look at a phrase costs tens of ms.
  if (!/\d/.test(phrase)) return undefined;
  const reference = after ? noonUtc(after) : new Date(Date.UTC(2000, 0, 1, 12));
  for (const code of parserOrder(language)) {
    const [result] = dateParser(code).parse(phrase, { instant: reference, timezone: 0 }, { forwardDate: true });
    // The date must open the phrase ("27 September 2019", "dem 10. August"), not sit far into it.
    if (!result || result.index > 6 || !result.start.isCertain('day') || !result.start.isCertain('month')) continue;
    const yearWritten = result.start.isCertain('year');
    if (!yearWritten && !after) return undefined;
    const month = result.start.get('month')!;
    const day = result.start.get('day')!;
    // Without a year, forwardDate has already put the date on or after the reference.
    const year = result.start.get('year')!;
    return { iso: iso(year, month, day), yearWritten };
  }
  return undefined;
}

/**
 * The latest date with a year that running text mentions ("On 21 April 2026", "in September
 * 2025"): a document is written after the events it reports, so it dates an undated deadline.
 */
export function latestDateMentioned(text: string): string | undefined {
  let latest: string | undefined;
  const pattern = new RegExp(`\\b(?:(\\d{1,2})\\s+)?(${MONTHS})\\s+(?:(\\d{1,2}),?\\s+)?(\\d{4})\\b`, 'gi');
  for (const match of text.matchAll(pattern)) {
    const month = MONTHS.split('|').findIndex((name) => name.toLowerCase() === match[2]!.toLowerCase()) + 1;
    const day = Number(match[1] ?? match[3] ?? 1);
    const year = Number(match[4]);
    if (year < 1900 || year > 2200 || day > 31) continue;
    const date = iso(year, month, day);
    if (!latest || date > latest) latest = date;
  }
  return latest;
}

/** Whether a phrase holds a day-and-month date at all, for finders that look for labels. */
export function holdsMonthDate(phrase: string): boolean {
  return MONTH_DATE.test(phrase) || /\b\d{1,2}\s+de\s+\p{L}+/u.test(phrase) || /\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/.test(phrase);
}
