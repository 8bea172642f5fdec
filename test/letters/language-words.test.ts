import { formatLetterDate } from '../../src/letters/letter-date';
import { describeLanguages } from '../../src/letters/letter-language';
import { englishLanguageName, joinNamesIn, languageWords, ownLanguageName } from '../../src/letters/languages';

// appeal writes dates and language names of its own languages from tables, to spare every
// command the start-up of ICU; what it writes must stay what ICU writes.
const LANGUAGES = ['en', 'ru', 'de', 'fr', 'es'];

describe('dates in the languages appeal has words for', () => {
  test.each([
    ['en', '2 December 2026'],
    ['ru', '2 декабря 2026 г.'],
    ['de', '2. Dezember 2026'],
    ['fr', '2 décembre 2026'],
    ['es', '2 de diciembre de 2026'],
    ['en-US', '2 December 2026'],
  ])('%s: %s', (language, written) => {
    expect(formatLetterDate(new Date(2026, 11, 2, 12), language)).toBe(written);
  });

  test.each(LANGUAGES)('%s: every day of a year as ICU writes it', (language) => {
    const icu = new Intl.DateTimeFormat(languageWords(language).locale, { day: 'numeric', month: 'long', year: 'numeric' });
    for (let day = 0; day < 366; day++) {
      const date = new Date(2028, 0, 1 + day, 12);
      expect(formatLetterDate(date, language)).toBe(icu.format(date));
    }
  });

  test('a language without a table is written by ICU in its own locale', () => {
    expect(formatLetterDate(new Date(2026, 11, 2, 12), 'it')).toBe(new Intl.DateTimeFormat('it', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(2026, 11, 2, 12)));
  });
});

describe('language names and lists', () => {
  test.each(LANGUAGES)('%s: its names in English and in itself, as ICU gives them', (language) => {
    expect(englishLanguageName(language)).toBe(new Intl.DisplayNames(['en'], { type: 'language' }).of(language));
    expect(ownLanguageName(language)).toBe(new Intl.DisplayNames([language], { type: 'language' }).of(language));
  });

  test('a regional variant is named by ICU', () => {
    expect(englishLanguageName('en-US')).toBe('American English');
  });

  test('languages listed as British English lists them', () => {
    const icu = new Intl.ListFormat('en-GB', { type: 'conjunction' });
    for (const count of [0, 1, 2, 3, 5]) {
      const tags = LANGUAGES.slice(0, count);
      expect(describeLanguages(tags)).toBe(icu.format(tags.map((tag) => `${englishLanguageName(tag)} (${tag})`)));
    }
    expect(describeLanguages(['en', 'ru'])).toBe('English (en) and Russian (ru)');
  });

  test.each(LANGUAGES)('%s: the people of a case joined as the language joins them', (language) => {
    const icu = new Intl.ListFormat(languageWords(language).locale, { type: 'conjunction' });
    for (const names of [[], ['Server Mustafayev'], ['Ann', 'Iván'], ['Ann', 'Bob', 'Hilda']]) expect(joinNamesIn(names, language)).toBe(icu.format(names));
  });
});
