import type { Chrono } from 'chrono-node';

// chrono's main entry loads every locale it has; the four that import reads are enough, and
// they load the first time a date is read, not when the command starts. Their strict parsers
// read the dates documents write ("5 July 2017", "16 de agosto de 2017"); the casual ones add
// "tomorrow" and "this Friday", which no Urgent Action dates by, at twice the cost of a first parse.
let parsers: Chrono[] | undefined;
function dateParsers(): Chrono[] {
  /* eslint-disable @typescript-eslint/no-require-imports */
  parsers ??= [
    (require('chrono-node/en') as { strict: Chrono }).strict,
    (require('chrono-node/es') as { strict: Chrono }).strict,
    (require('chrono-node/fr') as { strict: Chrono }).strict,
    (require('chrono-node/de') as { strict: Chrono }).strict,
  ];
  return parsers;
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
export function parseDocumentDate(phrase: string, after?: string): DocumentDate | undefined {
  const reference = after ? noonUtc(after) : new Date(Date.UTC(2000, 0, 1, 12));
  for (const parser of dateParsers()) {
    const [result] = parser.parse(phrase, { instant: reference, timezone: 0 }, { forwardDate: true });
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
