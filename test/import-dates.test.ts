/**
 * Issue 18: import reads the plain forms of a date without chrono-node, whose first use costs a
 * process tens of milliseconds. The recogniser must give chrono's answer wherever it answers, so
 * every generated phrase is read both ways, in every document language, with and without a
 * reference date for a date that has no year.
 */
import fc from 'fast-check';
import { parseDocumentDate, readDateWithChrono, readPlainDate } from '../src/import/document-dates';
import { de } from '../src/letters/languages/de';
import { en } from '../src/letters/languages/en';
import { es } from '../src/letters/languages/es';
import { fr } from '../src/letters/languages/fr';

const DOCUMENT_LANGUAGES = [undefined, 'en', 'es', 'fr', 'de', 'ru'] as const;

/** The month's name as documents write it: as in the table, in capitals, or capitalised. */
const monthName = (months: readonly string[], month: number) =>
  fc.constantFrom(months[month - 1]!, months[month - 1]!.toUpperCase(), months[month - 1]!.charAt(0).toUpperCase() + months[month - 1]!.slice(1));

const ordinal = (day: number) => fc.constantFrom('', day === 1 ? 'st' : day === 2 ? 'nd' : day === 3 ? 'rd' : 'th', 'th');

/** A date in one language and form, with or without its year (day 29–31 may not exist in the month). */
const writtenDate = fc
  .record({ day: fc.integer({ min: 1, max: 31 }), month: fc.integer({ min: 1, max: 12 }), year: fc.option(fc.integer({ min: 1900, max: 2099 }), { nil: undefined }), pad: fc.boolean() })
  .chain(({ day, month, year, pad }) => {
    const dayText = pad && day < 10 ? `0${day}` : String(day);
    return fc.oneof(
      fc.tuple(monthName(en.months, month), ordinal(day), fc.constantFrom(' ', ', ')).map(([name, suffix, comma]) => `${dayText}${suffix} ${name}${year ? `${comma.trimEnd() === ',' ? ',' : ''} ${year}` : ''}`),
      fc.tuple(monthName(en.months, month), ordinal(day)).map(([name, suffix]) => `${name} ${dayText}${suffix}${year ? `, ${year}` : ''}`),
      monthName(es.months, month).map((name) => `${dayText} de ${name}${year ? ` de ${year}` : ''}`),
      monthName(fr.months, month).map((name) => `${day === 1 ? '1er' : dayText} ${name}${year ? ` ${year}` : ''}`),
      monthName(de.months, month).map((name) => `${dayText}. ${name}${year ? ` ${year}` : ''}`),
      fc.constant(`${dayText}/${String(month).padStart(2, '0')}/${year ?? 2017}`),
      fc.constant(`${String(month).padStart(2, '0')}/${dayText}/${year ?? 2017}`),
    );
  });

/** What follows a date in a phrase cut from a line: nothing, words, times, ranges, eras, another date. */
const following = fc.constantFrom(
  '', ' ', '.', ',', ' TO:', ':', ' keine Appelle mehr zu ve', ' (Sunday)', ' at 10:00', ' 10:00', ' to 20 August 2017', ' - 20',
  '–21 July', ' until 3 September', ' BC', ' AD', ' be', ' ce qui', ' v. Chr.', ' n. Chr.', ' d.C.', ' a las 10', ' 2017', ' 25 people',
  ', 2018', 'th', '0', 'x', '/2018', ' or August', ' and 5 June', ' et le 3 mai', ' de 2017', ' in Honduras', ' ALSO SEND COPIES',
);

/** Endings after which a date in a plain form must be read without chrono. */
const PLAIN_ENDINGS = ['', ' keine Appelle mehr zu ve', ' ALSO SEND COPIES'];

/** A reference date for a date without a year: the issue date, or the latest one the text mentions. */
const reference = fc.option(
  fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  { nil: undefined },
);

describe('readPlainDate: chrono-node answer for plain dates, without loading chrono', () => {
  test('every plain form in every language gives chrono answer or leaves the phrase to chrono', () => {
    let plainRead = 0;
    let plainRuns = 0;
    fc.assert(
      fc.property(writtenDate, following, reference, fc.constantFrom(...DOCUMENT_LANGUAGES), (date, after, referenceDate, language) => {
        const phrase = `${date}${after}`;
        const plain = readPlainDate(phrase, referenceDate, language);
        if (PLAIN_ENDINGS.includes(after)) {
          plainRuns += 1;
          if (plain !== 'unread') plainRead += 1;
        }
        if (plain === 'unread') return;
        expect({ phrase, referenceDate, language, date: plain }).toEqual({ phrase, referenceDate, language, date: readDateWithChrono(phrase, referenceDate, language) });
      }),
      { numRuns: Number(process.env.DATE_RUNS ?? 4000) },
    );
    // The recogniser must actually read most plain dates, or the command is as slow as before
    // (those it leaves: 29–31 in a shorter month, two numbers over 12 in figures; a short word after a date, "in", is left to chrono too).
    expect(plainRead / plainRuns).toBeGreaterThan(0.85);
  });

  test.each([
    ['5 July 2017', undefined, 'en', '2017-07-05', true],
    ['16 August 2017', '2017-07-05', 'es', '2017-08-16', true],
    ['27 SEPTEMBER 2019', '2019-09-27', 'en', '2019-09-27', true],
    ['10. August 2011 keine Appelle mehr zu ve', '2011-08-01', 'de', '2011-08-10', true],
    ['3. Juli 2009 keine Appelle mehr zu versc', undefined, 'en', '2009-07-03', true],
    ['16 de agosto de 2017', undefined, 'es', '2017-08-16', true],
    ['1er août 2017', undefined, 'fr', '2017-08-01', true],
    ['August 16th, 2017', undefined, 'en', '2017-08-16', true],
    ['05/07/2017', undefined, 'en', '2017-05-07', true],
    ['05/07/2017', undefined, 'fr', '2017-07-05', true],
    ['16/08/2017', undefined, 'en', '2017-08-16', true],
    // No year: the first such day on or after the reference, the reference's own day included.
    ['15 July', '2026-04-21', 'en', '2026-07-15', false],
    ['15 July', '2026-07-15', 'en', '2026-07-15', false],
    ['15 July', '2026-07-16', 'en', '2027-07-15', false],
  ])('%s (after %s, %s) is %s', (phrase, after, language, expected, yearWritten) => {
    expect(readPlainDate(phrase, after, language)).toEqual({ iso: expected, yearWritten });
    expect(readDateWithChrono(phrase, after, language)).toEqual({ iso: expected, yearWritten });
  });

  test.each([
    // A date further into the phrase, a range lending its year, an era, 29 February without a year.
    ['On 16 August 2017', undefined],
    ['15 to 20 July 2017', '2017-01-01'],
    ['15 July - 20 July 2017', '2017-01-01'],
    ['16 August 2017 BC', undefined],
    ['29 February', '2023-03-01'],
    ['31 April 2017', undefined],
    ['Friday, 16 August 2017', undefined],
  ])('%s is left to chrono', (phrase, after) => {
    expect(readPlainDate(phrase, after, 'en')).toBe('unread');
    expect(parseDocumentDate(phrase, after, 'en')).toEqual(readDateWithChrono(phrase, after, 'en'));
  });

  test('a date without a year and without a reference has no year to give', () => {
    expect(readPlainDate('15 July', undefined, 'en')).toBeUndefined();
    expect(parseDocumentDate('15 July')).toBeUndefined();
  });
});
