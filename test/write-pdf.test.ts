import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliResult } from './helpers/run-cli';
import { dedent, makeTempDir } from './helpers/temp-dir';
import { hasPoppler, pageText, poppler, readPdfs, type PdfPage, type PdfReading, type PdfTextItem } from './helpers/read-pdf';

const MM = 72 / 25.4;
const INCH = 72;
// DejaVu Sans: ascent and descent as fractions of the font size.
const ASCENT = 0.93;
const DESCENT = 0.24;

interface Field {
  left: number;
  top: number;
  width: number;
  height: number;
}
/** DIN 5008 address field: 20 mm from the left, 45 mm from the top, 85 × 45 mm. */
const DIN_5008_FIELD: Field = { left: 20 * MM, top: 45 * MM, width: 85 * MM, height: 45 * MM };
/**
 * What a #10 window envelope (window 1⅛ × 4½ in, ⅞ in from the left and ½ in from the bottom of a
 * 4⅛ in envelope) shows of a sheet of US Letter folded in thirds and resting at the bottom.
 */
const NUMBER_10_WINDOW: Field = { left: 0.875 * INCH, top: (4.125 - 0.5 - 1.125 - (4.125 - 11 / 3)) * INCH, width: 4.5 * INCH, height: 1.125 * INCH };

/** Items from the line that starts with `first` down to the line that is `last`, in page order. */
function block(page: PdfPage, first: string, last: string): PdfTextItem[] {
  const start = page.items.findIndex((item) => item.text.startsWith(first));
  const end = page.items.findIndex((item, index) => index >= start && item.text === last);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThanOrEqual(start);
  return page.items.slice(start, end + 1);
}

function expectInside(items: readonly PdfTextItem[], page: PdfPage, field: Field): void {
  for (const item of items) {
    const top = page.height - item.y - ASCENT * item.size;
    const bottom = page.height - item.y + DESCENT * item.size;
    const where = `"${item.text}" (x ${item.x.toFixed(1)}..${(item.x + item.width).toFixed(1)}, y ${top.toFixed(1)}..${bottom.toFixed(1)} pt from the top)`;
    expect({ where, inside: item.x >= field.left && item.x + item.width <= field.left + field.width }).toEqual({ where, inside: true });
    expect({ where, inside: top >= field.top && bottom <= field.top + field.height }).toEqual({ where, inside: true });
  }
}

function pdfsIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.pdf')).map((name) => join(dir, name)) : [];
}

const LONG_CASE = dedent(`
  id: long-letter
  kind: urgent-action
  title: A Long Letter
  status: open
  people:
    - name: Jane Roe
  officials:
    - id: minister
      name: Minister Alex Example
      address: [1 Main Street, 10000 Capital]
      country: Freedonia
      salutation: Dear Minister
  letter:
    template: long-letter.hbs
`);
const LONG_TEMPLATE = Array.from({ length: 14 }, (_, i) =>
  `Paragraph ${i + 1}. I am writing to urge you to release Jane Roe, who has been held without charge for many months, and to make sure she is protected from torture and other ill-treatment while she remains in detention, and that she has access to her family, her lawyer and any medical care she needs.`,
).join('\n\n');

describe('appeal write --format pdf', () => {
  const temp = makeTempDir({ 'cases/long-letter.yaml': LONG_CASE, 'cases/long-letter.hbs': LONG_TEMPLATE, 'fonts/not-a-font.ttf': 'hello' });
  // The runs with 'no-fonts' look for no font on the computer: a machine without Chinese fonts.
  const run = (args: string[]) => runCli(args.filter((arg) => arg !== 'no-fonts'), { cwd: temp.dir, env: args.includes('no-fonts') ? { APPEAL_SYSTEM_FONTS: 'none' } : {} });
  const results: Record<string, CliResult> = {};
  let readings: Record<string, PdfReading> = {};

  beforeAll(async () => {
    const runs: [string, string[]][] = [
      ['a4', ['write', 'miftakhov', '--target', '1', '--name', 'Анна Иванова', '--format', 'pdf', '--paper', 'a4', '--out', 'a4', '--language', 'en']],
      ['a4-again', ['write', 'miftakhov', '--target', '1', '--name', 'Анна Иванова', '--format', 'pdf', '--paper', 'a4', '--out', 'a4-again', '--language', 'en']],
      ['letter', ['write', 'miftakhov', '--target', '1', '--name', 'Анна Иванова', '--format', 'pdf', '--paper', 'letter', '--out', 'letter', '--language', 'en']],
      ['embassy', ['write', '150.19', '--target', 'ambassador', '--name', 'Zoë Brontë', '--address', '12 Harbour Lane', '--address', 'Bristol BS1 4DJ', '--country', 'United Kingdom', '--format', 'pdf', '--out', 'embassy']],
      ['embassy-us', ['write', '150.19', '--target', 'ambassador', '--name', 'Jane Doe', '--address', '1 Elm St', '--address', 'Springfield, IL 62701', '--country', 'USA', '--format', 'pdf', '--paper', 'letter', '--out', 'embassy-us']],
      ['long', ['write', 'long-letter', '--cases', 'cases', '--no-builtin', '--name', 'Grace Hopper', '--address', '1 Navy Way', '--format', 'pdf', '--out', 'long']],
      ['cjk', ['write', 'miftakhov', '--target', '1', '--name', '山田太郎', '--format', 'pdf', '--out', 'cjk', 'no-fonts']],
      ['syllabics', ['write', 'miftakhov', '--target', '1', '--name', 'ᐊᓂ Anni', '--format', 'pdf', '--out', 'syllabics', '--font', require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')]],
      ['syllabics-builtin', ['write', 'miftakhov', '--target', '1', '--name', 'ᐊᓂ Anni', '--format', 'pdf', '--out', 'syllabics-builtin']],
      ['bad-font', ['write', 'miftakhov', '--target', '1', '--name', 'Anna', '--format', 'pdf', '--out', 'bad-font', '--font', 'fonts/not-a-font.ttf']],
      ['no-post', ['write', '126.19', '--allow-closed', '--target', '1', '--format', 'pdf', '--out', 'no-post']],
    ];
    const done = await Promise.all(runs.map(([, args]) => run(args)));
    runs.forEach(([key], index) => (results[key] = done[index]!));
    const read = ['a4', 'letter', 'embassy', 'embassy-us', 'long', 'syllabics', 'syllabics-builtin'];
    const files = read.map((key) => pdfsIn(join(temp.dir, key))[0]!);
    const pdfs = await readPdfs(files);
    readings = Object.fromEntries(read.map((key, index) => [key, pdfs[index]!]));
  });
  afterAll(() => temp.cleanup());

  test('writes a one-page A4 letter with the sender, salutation and the official’s postal block', () => {
    expect(results.a4!.stderr).not.toMatch(/error/i);
    expect(results.a4!.code).toBe(0);
    const [file] = pdfsIn(join(temp.dir, 'a4'));
    expect(results.a4!.stdout).toBe(`Wrote ${file}\n`);
    const pdf = readings.a4!;
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.pages[0]!.width).toBeCloseTo(210 * MM, 0);
    expect(pdf.pages[0]!.height).toBeCloseTo(297 * MM, 0);
    const text = pageText(pdf.pages[0]!);
    for (const expected of ['Анна Иванова', 'Dear Mr. Mityayev,', 'Labytnangi', '629420', 'RUSSIAN FEDERATION', '22 November 2026', 'Yours sincerely,']) expect(text).toContain(expected);
    // The body keeps its paragraphs, wrapped into lines that fit the page.
    expect(text).toContain('I am writing to express my deep concern');
    expect(text).toContain('initiate a review of his case and the legality of his detention.');
    const lines = pdf.pages[0]!.items.filter((item) => item.size === 10);
    for (const line of lines) expect(line.x + line.width).toBeLessThanOrEqual(pdf.pages[0]!.width - 20 * MM + 0.5);
    // The signer's printed name comes after the closing, with room to sign between them.
    const closing = pdf.pages[0]!.items.find((item) => item.text === 'Yours sincerely,')!;
    const signed = pdf.pages[0]!.items.filter((item) => item.text === 'Анна Иванова' && item.y < closing.y);
    expect(signed).toHaveLength(1);
    expect(closing.y - signed[0]!.y).toBeGreaterThan(30);
  });

  test('puts every line of the official’s block inside the DIN 5008 address field', () => {
    const page = readings.a4!.pages[0]!;
    const lines = block(page, 'Mityayev Mikhail Arkadyevich', 'RUSSIAN FEDERATION');
    expect(lines.map((item) => item.text).join(' ')).toContain('Labytnangi, Harp village');
    expectInside(lines, page, DIN_5008_FIELD);
  });

  test('embeds the font as a subset', async () => {
    const fonts = Object.values(readings.a4!.pages[0]!.fonts);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+DejaVuSans$/);
      expect(font.missingFile).toBe(false);
    }
    if (!hasPoppler()) return console.warn('pdffonts (poppler-utils) is not installed: checked the font through pdf.js only');
    const { stdout } = await poppler('pdffonts', [pdfsIn(join(temp.dir, 'a4'))[0]!]);
    const rows = stdout.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+DejaVuSans\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  test('renders without errors or warnings', async () => {
    for (const reading of Object.values(readings)) expect(reading.warnings).toEqual([]);
    if (!hasPoppler()) return console.warn('pdftoppm (poppler-utils) is not installed: checked the PDFs through pdf.js only');
    for (const key of ['a4', 'letter', 'long']) {
      const file = pdfsIn(join(temp.dir, key))[0]!;
      const image = await poppler('pdftoppm', ['-r', '30', '-png', file, join(temp.dir, `${key}-page`)]);
      expect(image.stderr).toBe('');
      const text = await poppler('pdftotext', [file, '-']);
      expect(text.stderr).toBe('');
    }
  });

  test('gives the same bytes for the same inputs and clock', () => {
    const first = readFileSync(pdfsIn(join(temp.dir, 'a4'))[0]!);
    const second = readFileSync(pdfsIn(join(temp.dir, 'a4-again'))[0]!);
    expect(second.equals(first)).toBe(true);
    expect(readings.a4!.info.CreationDate).toBe('D:20261122120000Z');
  });

  test('--paper letter puts the block inside a #10 envelope window', () => {
    const page = readings.letter!.pages[0]!;
    expect([page.width, page.height]).toEqual([612, 792]);
    const lines = block(page, 'Mityayev Mikhail Arkadyevich', 'RUSSIAN FEDERATION');
    expect(lines.map((item) => item.text).join(' ')).toContain('629420');
    expectInside(lines, page, NUMBER_10_WINDOW);
  });

  test('writes the country last in capitals, unless the sender lives there', () => {
    const abroad = pageText(readings.embassy!.pages[0]!);
    expect(abroad).toMatch(/Washington DC 20007\nUSA\n/);
    // The sender's return address sits in the window's top line, above the official's block.
    expect(abroad).toContain('Zoë Brontë · 12 Harbour Lane · Bristol BS1 4DJ · United Kingdom');
    expectInside(block(readings.embassy!.pages[0]!, 'Ambassador Anatoly Antonov', 'USA'), readings.embassy!.pages[0]!, DIN_5008_FIELD);
    const home = readings['embassy-us']!.pages[0]!;
    const lines = block(home, 'Ambassador Anatoly Antonov', 'Washington DC 20007');
    const after = home.items[home.items.indexOf(lines[lines.length - 1]!) + 1]!;
    expect(after.text).toBe('22 November 2026');
    expectInside(lines, home, NUMBER_10_WINDOW);
  });

  test('a letter that runs over a page gets page numbers and the sender’s name on the next page', () => {
    const pdf = readings.long!;
    expect(pdf.pages.length).toBeGreaterThan(1);
    pdf.pages.forEach((page, index) => expect(pageText(page)).toContain(`${index + 1} / ${pdf.pages.length}`));
    for (const page of pdf.pages.slice(1)) {
      const top = page.items.reduce((highest, item) => (item.y > highest.y ? item : highest));
      expect(top.text).toBe('Grace Hopper');
    }
    const all = pdf.pages.map(pageText).join('\n');
    for (let i = 1; i <= 14; i++) expect(all).toContain(`Paragraph ${i}.`);
    expect(pageText(pdf.pages[pdf.pages.length - 1]!)).toContain('Yours sincerely,');
  });

  test('refuses text no font can show, naming the characters and --font, and writes nothing', () => {
    const result = results.cjk!;
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('山 (U+5C71)');
    expect(result.stderr).toContain('郎 (U+90CE)');
    expect(result.stderr).toContain('your name (--name)');
    expect(result.stderr).toContain('--font FILE');
    expect(pdfsIn(join(temp.dir, 'cjk'))).toEqual([]);
  });

  test('characters the letter font leaves out are set in the whole DejaVu Sans that comes with appeal', () => {
    expect(results['syllabics-builtin']!.code).toBe(0);
    const page = readings['syllabics-builtin']!.pages[0]!;
    // The name in two fonts, one run each: the glyphs drawn, in order, spell it.
    expect(page.glyphs.map((glyph) => glyph.unicode).join('')).toContain('ᐊᓂ Anni');
    expect(page.glyphs.filter((glyph) => /[ᐊᓂ]/.test(glyph.unicode)).every((glyph) => glyph.width > 0)).toBe(true);
    expect(Object.values(page.fonts).map((font) => font.missingFile)).toEqual([false, false]);
  });

  test('--font FILE sets the letter in the given font', () => {
    expect(results.syllabics!.code).toBe(0);
    const page = readings.syllabics!.pages[0]!;
    expect(pageText(page)).toContain('ᐊᓂ Anni');
    for (const font of Object.values(page.fonts)) expect(font.name).toMatch(/^[A-Z]{6}\+DejaVuSans$/);
    expect(results['bad-font']!.code).toBe(64);
    expect(results['bad-font']!.stderr).toContain('--font fonts/not-a-font.ttf');
    expect(pdfsIn(join(temp.dir, 'bad-font'))).toEqual([]);
  });

  test('refuses a printed letter to an official who takes no post, naming who does', () => {
    const result = results['no-post']!;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No printed letter: Valeriy Georgievich Petrov takes no post.');
    expect(result.stderr).toContain('please only send physical mail to the Embassy');
    expect(result.stderr).toContain('2. Ambassador Anatoly Antonov, Embassy of the Russian Federation (--target ambassador)');
    expect(pdfsIn(join(temp.dir, 'no-post'))).toEqual([]);
  });

  test('takes the paper size from the profile, and never overwrites a letter without --force', async () => {
    const profileDir = join(temp.dir, '.config', 'appeal');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(join(profileDir, 'profile.yaml'), 'name: Jane Doe\npaper: letter\n');
    try {
      const first = await run(['write', '150.19', '--target', '1', '--format', 'pdf', '--out', 'profile']);
      expect(first.code).toBe(0);
      const [file] = pdfsIn(join(temp.dir, 'profile'));
      const [reading] = await readPdfs([file!]);
      expect([reading!.pages[0]!.width, reading!.pages[0]!.height]).toEqual([612, 792]);
      const before = readFileSync(file!);
      const again = await run(['write', '150.19', '--target', '1', '--format', 'pdf', '--out', 'profile', '--paper', 'a4']);
      expect(again.code).toBe(73);
      expect(again.stderr).toContain('already exists');
      expect(readFileSync(file!).equals(before)).toBe(true);
      const forced = await run(['write', '150.19', '--target', '1', '--format', 'pdf', '--out', 'profile', '--paper', 'a4', '--force']);
      expect(forced.code).toBe(0);
      const [replaced] = await readPdfs([file!]);
      expect(replaced!.pages[0]!.width).toBeCloseTo(210 * MM, 0);
    } finally {
      writeFileSync(join(profileDir, 'profile.yaml'), '');
    }
  });
});
