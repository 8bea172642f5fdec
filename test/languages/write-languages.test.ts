import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliResult } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';
import { pageText, readPdfs, type PdfReading } from '../helpers/read-pdf';
import { readWithMailparser, type ReadEmail } from '../helpers/read-email';

const RUSSIAN_OPENING = 'Я пишу Вам, чтобы выразить глубокую обеспокоенность обращением с Азатом Фанисовичем Мифтаховым (1993 года рождения)';
const RUSSIAN_DEMANDS = 'Я призываю Вас обеспечить безотлагательное, независимое, эффективное и беспристрастное расследование';
const SENDER = ['--name', 'Анна Иванова', '--address', 'ул. Ленина, 1', '--address', '101000 Москва', '--email', 'anna@example.org'];

/** Text with its lines joined, as a PDF breaks a paragraph into lines. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the Miftakhov letter in Russian and in English', () => {
  const temp = makeTempDir();
  const run = (args: string[]) => runCli(args, { cwd: temp.dir, timeoutMs: 60_000 });
  const results: Record<string, CliResult> = {};
  const pdfs: Record<string, PdfReading> = {};
  const emails: Record<string, ReadEmail> = {};
  const texts: Record<string, string> = {};

  beforeAll(async () => {
    // Without --language the letter is in Russian, the first of the case's preferred languages.
    for (const [key, language] of [['ru', []], ['en', ['--language', 'en']]] as const) {
      results[key] = await run(['write', 'miftakhov', ...SENDER, '--format', 'all', '--out', key, ...language]);
      const files = readdirSync(join(temp.dir, key));
      const path = (ext: string) => join(temp.dir, key, files.find((file) => file.endsWith(ext))!);
      texts[key] = readFileSync(path('.txt'), 'utf8');
      emails[key] = await readWithMailparser(readFileSync(path('.eml')));
      pdfs[key] = (await readPdfs([path('.pdf')]))[0]!;
    }
    results.fr = await run(['write', 'miftakhov', ...SENDER, '--language', 'fr', '--out', 'fr']);
  }, 180_000);
  afterAll(() => temp.cleanup());

  test('the text letter in Russian: date, salutation, the translated body, the closing', () => {
    expect(results.ru!.code).toBe(0);
    const paragraphs = texts.ru!.trimEnd().split('\n\n');
    // The sender's address, the official's postal block, then the date: as on the printed letter.
    expect(paragraphs[0]).toBe('ул. Ленина, 1\n101000 Москва');
    expect(paragraphs[1]!.startsWith('Mityayev Mikhail Arkadyevich\n')).toBe(true);
    expect(paragraphs[2]).toBe('22 ноября 2026 г.');
    expect(paragraphs[3]).toBe('Уважаемый Михаил Аркадьевич,');
    expect(paragraphs[4]!.startsWith(RUSSIAN_OPENING)).toBe(true);
    expect(paragraphs[7]!.startsWith(RUSSIAN_DEMANDS)).toBe(true);
    expect(paragraphs.slice(-2)).toEqual(['С уважением,', 'Анна Иванова']);
    expect(texts.ru).not.toMatch(/Dear|Yours sincerely|I am writing/);
  });

  test('the email draft in Russian: Russian subject, Content-Language ru, the same letter as body', () => {
    const email = emails.ru!;
    expect(email.subject).toBe('Азат Мифтахов (сообщения о пытках в заключении)');
    expect(email.headerNames).toContain('content-language');
    expect(email.body.startsWith(`Уважаемый Михаил Аркадьевич,\n\n${RUSSIAN_OPENING}`)).toBe(true);
    expect(email.body.trimEnd().endsWith('С уважением,\n\nАнна Иванова')).toBe(true);
  });

  test('the PDF in Russian, read back with pdf.js: date, salutation, body, closing, page numbers and return line', () => {
    const pdf = pdfs.ru!;
    const text = flat(pdf.pages.map(pageText).join('\n'));
    expect(text).toContain('22 ноября 2026 г.');
    expect(text).toContain('Уважаемый Михаил Аркадьевич,');
    expect(text).toContain(flat(RUSSIAN_OPENING));
    expect(text).toContain('и инициировать пересмотр его дела и законности его содержания под стражей.');
    expect(text).toContain('С уважением,');
    expect(text).toContain('От кого: Анна Иванова · ул. Ленина, 1 · 101000 Москва');
    // The Russian letter runs over a page: numbered in Russian.
    expect(pdf.pages.length).toBe(2);
    expect(text).toContain('Страница 1 из 2');
    expect(text).toContain('Страница 2 из 2');
    expect(text).not.toMatch(/Dear|Yours sincerely|November/);
  });

  test('--language en gives the document’s English letter in every format', () => {
    expect(results.en!.code).toBe(0);
    const english = texts.en!.split('\n\n');
    expect([english[0], ...english.slice(2, 4)]).toEqual(['ул. Ленина, 1\n101000 Москва', '22 November 2026', 'Dear Mr. Mityayev,']);
    expect(texts.en!.trimEnd().endsWith('Yours sincerely,\n\nАнна Иванова')).toBe(true);
    expect(emails.en!.subject).toBe('Azat Miftakhov (Imprisoned Activist Allegedly Tortured)');
    expect(emails.en!.body.startsWith('Dear Mr. Mityayev,\n\nI am writing to express my deep concern')).toBe(true);
    const text = flat(pageText(pdfs.en!.pages[0]!));
    for (const expected of ['22 November 2026', 'Dear Mr. Mityayev,', 'I am writing to express my deep concern', 'Yours sincerely,', 'Анна Иванова · ул. Ленина, 1 · 101000 Москва']) expect(text).toContain(expected);
    expect(text).not.toContain('От кого');
  });

  test('--language fr is refused, naming the languages the case has, and nothing is written', () => {
    expect(results.fr!.code).toBe(64);
    expect(results.fr!.stderr).toContain('appeal: --language fr: miftakhov-2026 has no letter in French (fr).\nIts letters are in English (en) and Russian (ru). Choose one of: en, ru.');
    expect(() => readdirSync(join(temp.dir, 'fr'))).toThrow();
  });
});

describe('which language a letter is in, without --language', () => {
  const temp = makeTempDir({
    'cases/two.yaml': [
      'id: two-languages',
      'title: Two Languages',
      'status: open',
      'preferred_languages: [Spanish]',
      'people: [{ name: Jane Roe }]',
      'officials:',
      '  - id: minister',
      '    name: Minister Alex Example',
      '    salutation: Dear Minister',
      '    salutations: { de: Sehr geehrter Herr Minister }',
      'letter: { template: two.hbs, language: en }',
      'letters:',
      '  - { language: de, template: two.de.hbs }',
      '',
    ].join('\n'),
    'cases/two.hbs': 'Please release Jane Roe.\n',
    'cases/two.de.hbs': 'Bitte lassen Sie Jane Roe frei.\n',
  });
  const write = (env: NodeJS.ProcessEnv, args: string[] = []) => runCli(['write', 'two-languages', '--cases', 'cases', '--no-builtin', '--name', 'Max', '--stdout', ...args], { cwd: temp.dir, env });
  afterAll(() => temp.cleanup());

  test('no preferred language it has: the sender’s own language when the case has it, else the case’s main one', async () => {
    const german = await write({ APPEAL_LANGUAGE: 'de' });
    expect(german.stdout).toBe('Minister Alex Example\n\n22. November 2026\n\nSehr geehrter Herr Minister,\n\nBitte lassen Sie Jane Roe frei.\n\nMit freundlichen Grüßen\n\nMax\n');
    const french = await write({ APPEAL_LANGUAGE: 'fr' });
    expect(french.stdout).toContain('\n\n22 November 2026\n\nDear Minister,\n\n');
    const asked = await write({ APPEAL_LANGUAGE: 'de' }, ['--language', 'English']);
    expect(asked.stdout).toContain('Please release Jane Roe.');
  });
});
