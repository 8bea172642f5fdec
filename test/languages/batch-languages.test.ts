import { join } from 'node:path';
import { runCli, type CliResult } from '../helpers/run-cli';
import { dedent, makeTempDir } from '../helpers/temp-dir';
import { pageText, readPdfs, type PdfReading } from '../helpers/read-pdf';

const flat = (text: string) => text.replace(/\s+/g, ' ');

const MEMBERS = dedent(`
  name,language,personal
  Anna Petrova,ru,Я сама математик и слежу за его делом.
  Ben Okafor,en,I studied mathematics at university too.
  Carla Díaz,de,
  Dev Patel,,
`);

/** A case whose template offers two wordings of one paragraph, and a German letter of its own. */
const VARIANT_CASE = dedent(`
  id: variant-case
  title: Release Jane Roe
  status: open
  people: [{ name: Jane Roe }]
  officials:
    - id: minister
      name: Minister Alex Example
      address: [1 Main Street, 10000 Capital]
      country: Freedonia
      post: true
      salutation: Dear Minister
      salutations: { de: Sehr geehrter Herr Minister }
  letter: { template: variant.hbs, language: en }
  letters:
    - { language: de, template: variant.de.hbs }
`);
const VARIANT_TEMPLATE = 'Jane Roe has been held without charge since May.\n\n{{#variant}}I urge you to release her now.{{else variant}}Please release her without delay.{{else}}I ask you to set her free at once.{{/variant}}\n';
const VARIANT_TEMPLATE_DE = 'Jane Roe ist seit Mai ohne Anklage in Haft.\n\n{{#variant}}Ich bitte Sie, sie sofort freizulassen.{{else}}Lassen Sie sie bitte umgehend frei.{{/variant}}\n';

describe('appeal batch in the members’ languages and words', () => {
  const temp = makeTempDir({
    'members.csv': MEMBERS,
    'six.csv': 'name\nM1\nM2\nM3\nM4\nM5\nM6\n',
    'cases/variant.yaml': VARIANT_CASE,
    'cases/variant.hbs': VARIANT_TEMPLATE,
    'cases/variant.de.hbs': VARIANT_TEMPLATE_DE,
  });
  const run = (args: string[]) => runCli(args, { cwd: temp.dir, timeoutMs: 90_000 });
  const results: Record<string, CliResult> = {};
  const pdfs: Record<string, PdfReading> = {};

  beforeAll(async () => {
    results.meeting = await run(['batch', 'miftakhov', '--signers', 'members.csv', '--out', 'meeting.pdf']);
    results.variants = await run(['batch', 'variant-case', '--cases', 'cases', '--no-builtin', '--signers', 'six.csv', '--out', 'variants.pdf']);
    results.german = await run(['batch', 'variant-case', '--cases', 'cases', '--no-builtin', '--blank', '2', '--language', 'de', '--out', 'german.pdf']);
    results.french = await run(['batch', 'miftakhov', '--signers', 'members.csv', '--language', 'fr', '--out', 'french.pdf']);
    const read = await readPdfs(['meeting', 'variants', 'german'].map((name) => join(temp.dir, `${name}.pdf`)));
    ['meeting', 'variants', 'german'].forEach((name, index) => (pdfs[name] = read[index]!));
  }, 240_000);
  afterAll(() => temp.cleanup());

  /** Each member's letter as one line of text: from the first page that names them, over as many pages as it is numbered. */
  const letterOf = (pdf: PdfReading, name: string): string => {
    const start = pdf.pages.findIndex((page) => pageText(page).includes(name));
    const pages = Number(/(?:Страница )?1 (?:\/|из) (\d+)/.exec(pageText(pdf.pages[start]!))?.[1] ?? 1);
    return flat(pdf.pages.slice(start, start + pages).map(pageText).join('\n'));
  };

  test('each member’s letter is in their language where the case has it, with their own sentence', () => {
    expect(results.meeting!.code).toBe(0);
    const anna = letterOf(pdfs.meeting!, 'Anna Petrova');
    expect(anna).toContain('Уважаемый Михаил Аркадьевич,');
    expect(anna).toContain('Я сама математик и слежу за его делом.');
    expect(anna).toContain('С уважением,');
    const ben = letterOf(pdfs.meeting!, 'Ben Okafor');
    expect(ben).toContain('Dear Mr. Mityayev,');
    expect(ben).toContain('I studied mathematics at university too. I urge you to ensure');
    expect(ben).toContain('Yours sincerely,');
    expect(ben).not.toContain('математик и слежу');
    // The case has no German letter: Carla's is in the case's preferred language, Russian; so is Dev's.
    for (const name of ['Carla Díaz', 'Dev Patel']) {
      const letter = letterOf(pdfs.meeting!, name);
      expect(letter).toContain('Уважаемый Михаил Аркадьевич,');
      expect(letter).not.toContain('Я сама математик');
    }
  });

  test('the summary says how many letters are in each language', () => {
    expect(results.meeting!.stdout).toContain('Languages: 3 letters in Russian (ru), 1 in English (en).');
  });

  test('a batch spreads the variants over the members, so letters to one official differ', () => {
    expect(results.variants!.code).toBe(0);
    const wordings = ['I urge you to release her now.', 'Please release her without delay.', 'I ask you to set her free at once.'];
    const used = pdfs.variants!.pages.map((page) => wordings.findIndex((wording) => pageText(page).includes(wording)));
    expect(used).toEqual([0, 1, 2, 0, 1, 2]);
  });

  test('--language de gives every letter in German, its variants spread too', () => {
    expect(results.german!.code).toBe(0);
    expect(results.german!.stdout).toContain('Languages: 2 letters in German (de).');
    const [first, second] = pdfs.german!.pages.map((page) => flat(pageText(page)));
    for (const page of [first!, second!]) {
      expect(page).toContain('Sehr geehrter Herr Minister,');
      expect(page).toContain('22. November 2026');
      expect(page).toContain('Mit freundlichen Grüßen');
      expect(page).toContain('Unterschrift');
    }
    expect(first).toContain('Ich bitte Sie, sie sofort freizulassen.');
    expect(second).toContain('Lassen Sie sie bitte umgehend frei.');
  });

  test('--language a case lacks is refused before anything is made', () => {
    expect(results.french!.code).toBe(64);
    expect(results.french!.stderr).toContain('miftakhov-2026: --language fr: miftakhov-2026 has no letter in French (fr).');
  });
});
