import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliResult } from './helpers/run-cli';
import { runInTerminal } from './helpers/pty';
import { makeTempDir } from './helpers/temp-dir';
import { pageText, readPdfs, type PdfReading } from './helpers/read-pdf';

const MM = 72 / 25.4;
const MEMBERS = [
  'Анна Иванова',
  'José Núñez',
  'Zoë Brontë',
  'Ахмед Алиев',
  'François Lefèvre',
  'Jane Doe',
  'Ελένη Παπαδοπούλου',
  'Søren Kierkegaard',
  'Łukasz Wójcik',
  'Şəhla Ağayeva',
  'Jürgen Müller',
  'Ólafur Þórsson',
];
const MEMBERS_CSV = ['name,address,country', ...MEMBERS.map((name, i) => `${name},"${i + 1} Harbour Lane | Bristol BS1 4DJ",United Kingdom`)].join('\n') + '\n';

describe('appeal batch', () => {
  const temp = makeTempDir({
    'members.csv': MEMBERS_CSV,
    'members.yaml': '- name: Анна Иванова\n  country: Russia\n- name: Jane Doe\n',
    'bad-no-name.csv': 'surname,address\nDoe,1 Elm St\n',
    'bad-empty-row.csv': 'name,country\nJane,UK\n,\nLi Wei,China\n',
    'bad-latin1.csv': Buffer.concat([Buffer.from('name,country\nJane,UK\n'), Buffer.from('Fran\xe7ois,France\n', 'latin1')]),
  });
  const run = (args: string[]) => runCli(args, { cwd: temp.dir });
  const results: Record<string, CliResult> = {};
  const pdfs: Record<string, PdfReading> = {};

  beforeAll(async () => {
    const runs: Record<string, string[]> = {
      meeting: ['batch', 'UA 150.19', 'miftakhov', '--signers', 'members.csv', '--out', 'meeting.pdf', '--language', 'en'],
      again: ['batch', 'UA 150.19', 'miftakhov', '--signers', 'members.csv', '--out', 'again/meeting.pdf', '--language', 'en'],
      blank: ['batch', '150.19', 'miftakhov', '--blank', '5', '--out', 'blank.pdf', '--language', 'en'],
      envelopes: ['batch', '150.19', '--blank', '2', '--duplex', '--envelopes', '--out', 'envelopes.pdf'],
      labels: ['batch', 'miftakhov', '--signers', 'members.csv', '--labels', '--paper', 'letter', '--out', 'labels.pdf', '--language', 'en'],
      closed: ['batch', '126.19', '--allow-closed', '--signers', 'members.yaml', '--out', 'closed.pdf'],
      'bad-no-name': ['batch', '150.19', '--signers', 'bad-no-name.csv', '--out', 'bad-no-name.pdf'],
      'bad-empty-row': ['batch', '150.19', '--signers', 'bad-empty-row.csv', '--out', 'bad-empty-row.pdf'],
      'bad-latin1': ['batch', '150.19', '--signers', 'bad-latin1.csv', '--out', 'bad-latin1.pdf'],
    };
    const names = Object.keys(runs);
    const done = await Promise.all(names.map((name) => run(runs[name]!)));
    names.forEach((name, index) => (results[name] = done[index]!));
    const files = ['meeting', 'blank', 'envelopes', 'labels', 'closed'];
    const read = await readPdfs(files.map((name) => join(temp.dir, `${name}.pdf`)));
    files.forEach((name, index) => (pdfs[name] = read[index]!));
  }, 180_000);
  afterAll(() => temp.cleanup());

  test('12 members and two cases give one PDF of 36 letters, grouped by official, each member on 3 of them', () => {
    expect(results.meeting!.stderr).not.toMatch(/error/i);
    expect(results.meeting!.code).toBe(0);
    const pages = pdfs.meeting!.pages;
    expect(pages).toHaveLength(36);
    const salutations = pages.map((page) => page.items.find((item) => item.text.startsWith('Dear '))!.text);
    expect(salutations).toEqual([...Array(12).fill('Dear Prosecutor General,'), ...Array(12).fill('Dear Ambassador,'), ...Array(12).fill('Dear Mr. Mityayev,')]);
    MEMBERS.forEach((name, index) => {
      const pagesWithName = pages.map((page, number) => (pageText(page).includes(name) ? number : -1)).filter((number) => number >= 0);
      // In mailing order: the member's letter to each official comes at the same place in its stack.
      expect([name, pagesWithName]).toEqual([name, [index, 12 + index, 24 + index]]);
    });
    for (const page of pages) expect(pageText(page)).not.toMatch(/^Signature$/m);
  });

  test('says what is in the PDF: letters per case and official, sheets, signers', () => {
    const { stdout } = results.meeting!;
    expect(stdout).toContain(`Wrote ${join(temp.dir, 'meeting.pdf')}`);
    expect(stdout).toContain('36 letters on 36 sheets of A4, 36 pages in all.');
    expect(stdout).toMatch(/UA 150\.19 \(ua-150-19\)\n\s+12 {2}1\. Yuriy Yakovlevich Chaika, Prosecutor General of the Russian Federation\n\s+12 {2}2\. Ambassador Anatoly Antonov, Embassy of the Russian Federation\n {2}miftakhov-2026\n\s+12 {2}1\. Mityayev Mikhail Arkadyevich/);
    expect(stdout).toContain('Signers: 12 members, 3 letters each to sign.');
    expect(stdout).not.toContain('Left out');
  });

  test('gives the same bytes for the same members, cases and clock', () => {
    expect(readFileSync(join(temp.dir, 'again', 'meeting.pdf')).equals(readFileSync(join(temp.dir, 'meeting.pdf')))).toBe(true);
  });

  test('records every letter in the action log, with its signer', () => {
    const log = readFileSync(join(temp.dir, '.data', 'appeal', 'actions.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const meeting = log.filter((record) => record.file === join(temp.dir, 'meeting.pdf'));
    expect(meeting).toHaveLength(36);
    expect(meeting.every((record) => record.format === 'pdf' && record.channel === 'post')).toBe(true);
    expect(meeting.filter((record) => record.sender === 'Şəhla Ağayeva').map((record) => `${record.case}/${record.official}`)).toEqual(['ua-150-19/prosecutor-general', 'ua-150-19/ambassador', 'miftakhov-2026/yanao-prosecutor']);
    expect(log.filter((record) => record.file === join(temp.dir, 'blank.pdf')).every((record) => record.sender === null)).toBe(true);
  });

  test('--blank 5 gives 15 letters with empty signature blocks', () => {
    expect(results.blank!.code).toBe(0);
    const pages = pdfs.blank!.pages;
    expect(pages).toHaveLength(15);
    for (const page of pages) {
      const text = pageText(page);
      expect(text).toMatch(/^Yours sincerely,\nSignature\nName\nAddress$/m);
      for (const name of MEMBERS) expect(text).not.toContain(name);
    }
    expect(results.blank!.stdout).toContain('15 letters on 15 sheets of A4');
    expect(results.blank!.stdout).toContain('Blank letters: 5 for each official, with empty signature blocks to sign and address by hand.');
  });

  test('--duplex starts each letter on a new sheet, and --envelopes adds a DL envelope per letter', () => {
    expect(results.envelopes!.code).toBe(0);
    const pages = pdfs.envelopes!.pages;
    // 4 one-page letters, each followed by an empty back, then 4 envelopes.
    expect(pages).toHaveLength(12);
    [1, 3, 5, 7].forEach((index) => expect(pages[index]!.items).toEqual([]));
    const envelopes = pages.slice(8);
    for (const envelope of envelopes) {
      expect(envelope.width).toBeCloseTo(220 * MM, 0);
      expect(envelope.height).toBeCloseTo(110 * MM, 0);
    }
    expect(envelopes.map((page) => page.items[0]!.text)).toEqual(['Yuriy Yakovlevich Chaika', 'Yuriy Yakovlevich Chaika', 'Ambassador Anatoly Antonov', 'Ambassador Anatoly Antonov']);
    expect(pageText(envelopes[3]!)).toContain('Washington DC 20007');
    expect(results.envelopes!.stdout).toContain('4 letters on 4 sheets of A4 (printed on both sides, each letter starting on a new sheet), 12 pages in all.');
    expect(results.envelopes!.stdout).toContain('Envelopes: 4 DL envelope pages after the letters, in the same order.');
  });

  test('--labels on US Letter adds Avery 5160 sheets (Letter size) in the order of the letters', () => {
    expect(results.labels!.code).toBe(0);
    const pages = pdfs.labels!.pages;
    expect(pages).toHaveLength(13);
    expect([pages[0]!.width, pages[0]!.height]).toEqual([612, 792]);
    const sheet = pages[12]!;
    expect([sheet.width, sheet.height]).toEqual([612, 792]);
    expect(sheet.items.filter((item) => item.text === 'Mityayev Mikhail Arkadyevich')).toHaveLength(12);
    expect(sheet.items.filter((item) => item.text === '629420')).toHaveLength(12);
    expect(results.labels!.stdout).toContain('Labels: 12 addresses on 1 sheet of Avery 5160/8160 (US Letter, 3 × 10) labels, in the same order.');
    expect(results.labels!.stdout).toContain('Pages: letters 1–12, labels 13 (change the paper in the printer between them).');
  });

  test('leaves out officials who take no post, and says why', () => {
    expect(results.closed!.code).toBe(0);
    expect(pdfs.closed!.pages.map((page) => page.items.find((item) => item.text.startsWith('Dear '))!.text)).toEqual(['Dear Ambassador,', 'Dear Ambassador,']);
    expect(results.closed!.stdout).toContain('Left out (no printed letter):\n  UA 126.19: Valeriy Georgievich Petrov, Chief Military Prosecutor: takes no post (Due to postal restrictions caused by COVID-19, please only send physical mail to the Embassy)');
    // A member in Russia writes to the embassy in Washington; the country line is the destination's.
    expect(pageText(pdfs.closed!.pages[0]!)).toMatch(/Washington DC 20007\nUSA/);
  });

  test.each([
    ['bad-no-name', 'bad-no-name.csv:1: no "name" column'],
    ['bad-empty-row', 'bad-empty-row.csv:3: the row is empty'],
    ['bad-latin1', 'bad-latin1.csv:3: the file is not UTF-8 text'],
  ])('%s: an error naming the line, exit 65, and no PDF', (name, message) => {
    const result = results[name]!;
    expect(result.code).toBe(65);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
    expect(existsSync(join(temp.dir, `${name}.pdf`))).toBe(false);
    expect(readdirSync(temp.dir).filter((file) => file.startsWith('.appeal-tmp'))).toEqual([]);
  });

  test('never replaces a PDF without --force', async () => {
    const before = readFileSync(join(temp.dir, 'blank.pdf'));
    const again = await run(['batch', '150.19', '--blank', '1', '--out', 'blank.pdf']);
    expect(again.code).toBe(73);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(join(temp.dir, 'blank.pdf')).equals(before)).toBe(true);
  });

  test.each([
    [['batch', '150.19'], 'Who signs? Give --signers FILE'],
    [['batch', '--blank', '1'], 'Which cases?'],
    [['batch', '150.19', '--open', '--blank', '1'], 'Give cases or --open, not both.'],
    [['batch', '150.19', '--blank', '0'], '--blank 0: give how many blank letters'],
    [['batch', '150.19', '--blank', '1', '--labels', '--label-start', '22'], '--label-start 22: give the first unused label of the sheet, from 1 to 21 (A4, 3 × 7)'],
    [['batch', '150.19', '--blank', '1', '--target', 'nobody'], 'UA 150.19: --target nobody: no official of this case matches.'],
  ])('refuses %j with a usage error', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain(message);
  });

  test('shows a progress bar at a terminal, and none in a pipe or with NO_COLOR', async () => {
    const args = ['batch', '150.19', '--blank', '60', '--force', '--out', 'progress.pdf'];
    const terminal = runInTerminal(args, temp.dir, []);
    expect(terminal.status).toBe(0);
    expect(terminal.output).toContain('Laying out letters');
    const noColor = runInTerminal(args, temp.dir, [], { NO_COLOR: '1' });
    expect(noColor.status).toBe(0);
    expect(noColor.output).not.toContain('Laying out letters');
    const piped = await runCli(args, { cwd: temp.dir, env: { NO_COLOR: undefined } });
    expect(piped.code).toBe(0);
    expect(piped.stderr + piped.stdout).not.toContain('Laying out letters');
  });
});
