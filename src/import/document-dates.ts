import type { Chrono } from 'chrono-node';
import { de } from '../letters/languages/de';
import { en } from '../letters/languages/en';
import { es } from '../letters/languages/es';
import { fr } from '../letters/languages/fr';
import { swapStandIns } from './stand-ins';

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

/** Month numbers by the lower-case names appeal writes dates with ("august" is English and German alike). */
const MONTH_NUMBERS = new Map<string, number>(
  [en, es, fr, de].flatMap((words) => words.months.map((name, index): [string, number] => [name.toLowerCase(), index + 1])),
);
const monthNames = (words: { months: readonly string[] }) => words.months.map((name) => name.toLowerCase()).join('|');

/**
 * The plain forms most documents date with, each in the words of the chrono parser that reads it:
 * "16 August 2017", "16th August, 2017", "August 16, 2017", "16 de agosto de 2017", "1er août
 * 2017", "16. August 2017" and "16/08/2017". The phrase is lower-cased first.
 */
const PLAIN_DATES: readonly { pattern: RegExp; order: 'day-month' | 'month-day' | 'numeric' }[] = [
  { pattern: new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)? (${monthNames(en)})(?:,? ([12]\\d{3}))?`), order: 'day-month' },
  { pattern: new RegExp(`^(${monthNames(en)}) (\\d{1,2})(?:st|nd|rd|th)?(?:,? ([12]\\d{3}))?`), order: 'month-day' },
  { pattern: new RegExp(`^(\\d{1,2}) de (${monthNames(es)})(?: de ([12]\\d{3}))?`), order: 'day-month' },
  { pattern: new RegExp(`^(\\d{1,2})(?:er)? (${monthNames(fr)})(?: ([12]\\d{3}))?`), order: 'day-month' },
  { pattern: new RegExp(`^(\\d{1,2})\\. (${monthNames(de)})(?: ([12]\\d{3}))?`), order: 'day-month' },
  { pattern: /^([0-3]?\d)\/([0-3]?\d)\/([12]\d{3})/, order: 'numeric' },
];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Whether what follows a date starts, before its first word, with a number, or whose first word
 * is of one to three letters (/^[^\p{L}]*\d/ or /^[^\p{L}]*\p{L}{1,3}(?!\p{L})/): asked of the
 * first run of letters, since V8 compiles \p{L}{1,3} and its look-ahead slowly for text that is not
 * Latin-1 (half a millisecond of an import).
 */
const LETTERS = /\p{L}+/u;
function mayChangeTheReading(rest: string): boolean {
  const word = LETTERS.exec(rest);
  if (/\d/.test(word ? rest.slice(0, word.index) : rest)) return true;
  return word !== null && [...word[0]].length <= 3;
}

/**
 * A phrase that opens with a date in a plain form, read without chrono: what chrono would answer,
 * or 'unread' when the phrase is not plain enough to be sure of that. chrono's first use costs a
 * process tens of milliseconds (its parsers compile large patterns), most of an import's time.
 * test/import-dates.test.ts checks the answers against chrono's, form by form and language by
 * language.
 */
export function readPlainDate(phrase: string, after?: string, language?: string): DocumentDate | undefined | 'unread' {
  const lower = phrase.toLowerCase();
  for (const { pattern, order } of PLAIN_DATES) {
    const match = pattern.exec(lower);
    if (!match) continue;
    const rest = lower.slice(match[0].length);
    // What follows could still change chrono's reading: a letter or digit glued on ("2017th"),
    // a number (a year, a time, a range's other end: "15 July - 20 July 2017"), or a short word
    // that may be an era ("2017 BC", "2017 v. Chr.") or a range's word ("to", "au", "de").
    if (/^[\p{L}\p{N}_]/u.test(rest) || mayChangeTheReading(rest)) return 'unread';
    const year = match[3] ? Number(match[3]) : undefined;
    let day: number;
    let month: number;
    if (order === 'numeric') {
      const [first, second] = [Number(match[1]), Number(match[2])];
      // chrono's English parser reads month first (US), the others day first; one over 12 is a day either way.
      const monthFirst = !['es', 'fr', 'de'].includes(language ?? '');
      [month, day] = (monthFirst ? first <= 12 : second > 12) ? [first, second] : [second, first];
      if (month < 1 || month > 12) return 'unread';
    } else {
      const [dayText, monthName] = order === 'day-month' ? [match[1]!, match[2]!] : [match[2]!, match[1]!];
      day = Number(dayText);
      month = MONTH_NUMBERS.get(monthName)!;
    }
    if (year !== undefined) {
      if (day < 1 || day > daysInMonth(year, month)) return 'unread';
      return { iso: iso(year, month, day), yearWritten: true };
    }
    // Without a year, a date is the first such day on or after `after` (chrono's forwardDate);
    // 29 February and ranges ("15 to 20 July 2017" lends the year) are left to chrono.
    if (day < 1 || day > daysInMonth(2001, month) || /\d/.test(rest)) return 'unread';
    if (!after) return undefined;
    let candidate = Number(after.slice(0, 4));
    if (iso(candidate, month, day) < after.slice(0, 10)) candidate += 1;
    return { iso: iso(candidate, month, day), yearWritten: false };
  }
  return 'unread';
}

/**
 * The first calendar date in a phrase: "15 July", "5 July 2017", "July 15, 2017", "16 de agosto
 * de 2017". A date without a year is put on or after `after` (a deadline follows the events it
 * is about); without `after` its year stays unknown and undefined is returned.
 */
export function parseDocumentDate(phrase: string, after?: string, language?: string): DocumentDate | undefined {
  // Every date import reads has a digit in it; chrono's first look at a phrase costs tens of ms.
  if (!/\d/.test(phrase)) return undefined;
  const plain = readPlainDate(phrase, after, language);
  return plain === 'unread' ? readDateWithChrono(phrase, after, language) : plain;
}

/** parseDocumentDate's reading of any phrase, by chrono's strict parsers in the document's language first. */
export function readDateWithChrono(phrase: string, after?: string, language?: string): DocumentDate | undefined {
  const reference = after ? noonUtc(after) : new Date(Date.UTC(2000, 0, 1, 12));
  for (const code of parserOrder(language)) {
    // chrono reads the characters themselves: its patterns are not the importer's (see stand-ins.ts).
    const [result] = dateParser(code).parse(swapStandIns(phrase), { instant: reference, timezone: 0 }, { forwardDate: true });
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
