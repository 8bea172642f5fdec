import { formatLetterDate } from '../../src/letters/letter-date';
import { hasLanguageWords, languageWords, pageNumberLabel } from '../../src/letters/languages';
import { chooseLetterLanguage, matchLanguage } from '../../src/letters/letter-language';
import { checkTemplate, compileLetterTemplate, loadSharedPartials, variantCycle } from '../../src/letters/letter-templates';
import { buildLetter, formatLetterText } from '../../src/letters/letter';
import { readEditedLetter } from '../../src/letters/edited-letter';
import { joinNamesIn } from '../../src/letters/languages';
import type { CaseDefinition } from '../../src/cases/case-schema';
import { TEMPLATES_DIR } from '../../src/package-paths';
import { embeddedLibrary } from '../helpers/library';

const NOW = new Date('2026-11-22T12:00:00Z');

describe('the words around a letter, one table per language', () => {
  test.each([
    ['en', '22 November 2026', 'Yours sincerely,', '1 / 2'],
    ['ru', '22 ноября 2026 г.', 'С уважением,', 'Страница 1 из 2'],
    ['de', '22. November 2026', 'Mit freundlichen Grüßen', 'Seite 1 von 2'],
    ['fr', '22 novembre 2026', 'Veuillez agréer l’expression de mes salutations distinguées.', 'Page 1 sur 2'],
    ['es', '22 de noviembre de 2026', 'Atentamente,', 'Página 1 de 2'],
  ])('%s: "%s", "%s", "%s"', (language, date, closing, page) => {
    expect(hasLanguageWords(language)).toBe(true);
    expect(formatLetterDate(NOW, language)).toBe(date);
    expect(languageWords(language).closing).toBe(closing);
    expect(pageNumberLabel(languageWords(language), 1, 2)).toBe(page);
  });

  test('a regional tag takes its language’s table; a language without one keeps its own date', () => {
    expect(languageWords('de-AT').closing).toBe('Mit freundlichen Grüßen');
    expect(hasLanguageWords('it')).toBe(false);
    expect(formatLetterDate(NOW, 'it')).toBe('22 novembre 2026');
    expect(languageWords('it').closing).toBe('Yours sincerely,');
  });

  test('names are joined the language’s way', () => {
    expect(joinNamesIn(['A', 'B', 'C'], 'en')).toBe('A, B and C');
    expect(joinNamesIn(['A', 'B', 'C'], 'ru')).toBe('A, B и C');
    expect(joinNamesIn(['A', 'B'], 'de')).toBe('A und B');
  });
});

describe('which language a letter is in', () => {
  const definition = (preferred: string[] | undefined, others: string[]): CaseDefinition =>
    ({
      id: 'c',
      title: 'T',
      status: 'open',
      kind: 'urgent-action',
      people: [],
      officials: [],
      history: [],
      preferred_languages: preferred,
      letter: { template: 'c.hbs', language: 'en' },
      letters: others.map((language) => ({ language, template: `c.${language}.hbs` })),
    }) as CaseDefinition;

  test.each([
    ['--language wins', ['Russian', 'English'], ['ru'], { requested: 'en', ownLanguage: 'ru' }, 'en'],
    ['a name or a tag in any case', undefined, ['ru'], { requested: 'RUSSIAN' }, 'ru'],
    ['its own name', undefined, ['ru'], { requested: 'русский' }, 'ru'],
    ['first preferred the case has', ['German', 'Russian', 'English'], ['ru'], {}, 'ru'],
    ['preferred before the sender’s own', ['English'], ['ru'], { ownLanguage: 'ru' }, 'en'],
    ['a batch member’s own before preferred', ['English'], ['ru'], { ownLanguage: 'ru', memberFirst: true }, 'ru'],
    ['the sender’s own when no preferred one is there', ['Spanish'], ['de'], { ownLanguage: 'de-CH' }, 'de'],
    ['else the main language', undefined, ['de'], { ownLanguage: 'fr' }, 'en'],
  ])('%s', (_, preferred, others, request, expected) => {
    expect(chooseLetterLanguage(definition(preferred as string[] | undefined, others as string[]), request)).toBe(expected);
  });

  test('a language the case lacks is refused, naming the ones it has', () => {
    expect(() => chooseLetterLanguage(definition(undefined, ['ru']), { requested: 'fr' })).toThrow('--language fr: c has no letter in French (fr).');
    expect(matchLanguage('fr', ['en', 'ru'])).toBeUndefined();
  });
});

describe('variant blocks', () => {
  const templates = loadSharedPartials(TEMPLATES_DIR);
  const source = 'A {{#variant}}one{{else variant}}two{{else}}three{{/variant}} / {{#variant}}x{{else}}y{{/variant}}';
  const context = { case: {}, official: {}, sender: {}, date: '', salutation: '', closing: '', personal: null } as never;

  test('each render picks the wording of its number, going round each block’s own wordings', () => {
    const render = compileLetterTemplate(templates, source);
    expect([0, 1, 2, 3, 4, 5, 6].map((variant) => render(context, variant))).toEqual(['A one / x', 'A two / y', 'A three / x', 'A one / y', 'A two / x', 'A three / y', 'A one / x']);
    expect(variantCycle(source)).toBe(6);
    expect(variantCycle('no variants')).toBe(1);
  });

  test('every wording is checked, and a block needs two of them', () => {
    const problems = checkTemplate('{{#variant}}{{case.title}}{{else variant}}{{case.poeple}}{{/variant}}\n{{#variant}}only one{{/variant}}\n{{#variant official}}a{{else}}b{{/variant}}', Object.keys(templates.partials));
    expect(problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([
      '1: unknown variable "case.poeple"',
      '2: {{#variant}} offers one wording only',
      '3: {{#variant}} takes no variable',
    ]);
  });
});

describe('the member’s own paragraph and an edited letter', () => {
  const library = embeddedLibrary();
  const record = library.cases.find((item) => item.definition.id === 'ua-150-19')!;
  const official = record.definition.officials[1]!;

  test('a template without {{> personal}} takes the paragraph before its last, the demands', () => {
    const plain = buildLetter(record, official, { name: 'Jane' }, NOW, library.templates);
    const own = buildLetter(record, official, { name: 'Jane' }, NOW, library.templates, { personal: 'I teach history.' });
    expect(own.paragraphs).toEqual([...plain.paragraphs.slice(0, -1), 'I teach history.', plain.paragraphs.at(-1)]);
  });

  test('an edited letter is read back into its parts; wrapped lines are joined', () => {
    const letter = buildLetter(record, official, { name: 'Jane', address: ['1 Lane'] }, NOW, library.templates);
    const text = formatLetterText(letter).replace('Dear Ambassador,', 'Dear Ambassador Antonov,').replace(letter.paragraphs[0]!, 'My own first\nparagraph, wrapped.');
    const edited = readEditedLetter(letter, text, 'letter.txt');
    expect(edited.kind).toBe('changed');
    if (edited.kind !== 'changed') return;
    expect(edited.letter.salutation).toBe('Dear Ambassador Antonov,');
    expect(edited.letter.paragraphs).toEqual(['My own first paragraph, wrapped.', ...letter.paragraphs.slice(1)]);
    expect(edited.letter.closing).toBe('Yours sincerely,');
    expect(edited.letter.signature).toEqual(['Jane']);
    expect(readEditedLetter(letter, formatLetterText(letter), 'letter.txt').kind).toBe('unchanged');
    expect(readEditedLetter(letter, ' \n\n', 'letter.txt').kind).toBe('emptied');
    expect(() => readEditedLetter(letter, 'Dear Ambassador,\n\nPlease help.', 'letter.txt')).toThrow('letter.txt: the edited letter has 2 parts parted by blank lines; a letter needs at least 7.');
  });
});
