import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { readCaseFile } from '../src/cases/read-case-file';
import { makeTempDir } from './helpers/temp-dir';
import { BIN, REPO_ROOT, TEST_NOW, runCli } from './helpers/run-cli';

const SHARED = join(REPO_ROOT, 'test', 'fixtures');
const SEEDS = join(SHARED, 'seeds');
const seed = (prefix: string) => join(SEEDS, readdirSync(SEEDS).find((name) => name.startsWith(prefix))!);
const HONDURAS = join(SHARED, 'samples', 'hn-ua60-16-3.txt');

/** The text laid out as a PDF by pdfkit, with a font that has every character of it. */
function textPdf(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(Date.UTC(2026, 0, 1)) } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.font(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')).fontSize(10);
    for (const paragraph of text.split(/\n\s*\n/)) {
      doc.text(paragraph.trim());
      doc.moveDown();
    }
    doc.end();
  });
}

describe('appeal import', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());
  const ownCases = join(temp.dir, '.config', 'appeal', 'cases');

  test('a document that is not an Urgent Action: a clear message, a non-zero exit, nothing written', async () => {
    writeFileSync(join(temp.dir, 'minutes.txt'), 'Minutes of the meeting\n\nWe agreed to meet again on Tuesday.\n');
    const result = await runCli(['import', 'minutes.txt', '--cases', 'none'], { cwd: temp.dir });
    expect(result.code).toBe(65);
    expect(result.stderr).toMatch(/^appeal: No Urgent Action found in minutes\.txt: .*Nothing was written\.\n/);
    expect(result.stdout).toBe('');
    expect(existsSync(join(temp.dir, 'none'))).toBe(false);
  });

  test('a missing file names the file', async () => {
    const result = await runCli(['import', 'nowhere.pdf'], { cwd: temp.dir });
    expect(result.code).toBe(66);
    expect(result.stderr).toContain('Cannot read nowhere.pdf: there is no such file.');
  });

  test('from standard input into the user\'s own case folder, which every command then reads', async () => {
    const result = await runCli(['import', '-', '--no-builtin'], { cwd: temp.dir, input: readFileSync(seed('004'), 'utf8') });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(ownCases).sort()).toEqual(['miftakhov-2026.hbs', 'miftakhov-2026.yaml']);
    expect(result.stdout).toContain('Wrote:\n  .config/appeal/cases/miftakhov-2026.yaml\n  .config/appeal/cases/miftakhov-2026.hbs\n');
    expect(result.stdout).toContain('  - deadline: the document gives "15 July" without a year');
    const list = await runCli(['list', '--all', '--no-builtin', '--json'], { cwd: temp.dir });
    expect(JSON.parse(list.stdout).map((entry: { id: string }) => entry.id)).toEqual(['miftakhov-2026']);
    const letter = await runCli(['write', 'miftakhov', '--no-builtin', '--name', 'Jane Doe', '--target', 'all', '--stdout', '--yes'], { cwd: temp.dir });
    expect(letter.code).toBe(0);
    expect(letter.stdout).toContain('\n\nDear Mr. Mityayev,\n\nI am writing to express my deep concern');
  });

  test('importing the same document again changes nothing', async () => {
    const result = await runCli(['import', seed('004'), '--no-builtin'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('miftakhov-2026 is already in the library: .config/appeal/cases/miftakhov-2026.yaml.');
    expect(result.stdout).toContain('changes nothing there; nothing was written.');
  });

  test('a PDF: its text is extracted and read like a text file', async () => {
    writeFileSync(join(temp.dir, 'hn.pdf'), await textPdf(readFileSync(HONDURAS, 'utf8')));
    const result = await runCli(['import', 'hn.pdf', '--cases', 'pdf', '--no-builtin'], { cwd: temp.dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { definition } = readCaseFile(join(temp.dir, 'pdf', 'ua-60-16.yaml'));
    expect(definition).toMatchObject({
      ua_number: '60.16',
      country: 'Honduras',
      deadline: '2017-08-16',
      preferred_languages: ['Spanish'],
      officials: [{ name: 'General de División Julián Pacheco', email: ['comunicacionCNDS@gmail.com', 'sprudott@yahoo.com'], salutation: 'Dear Minister', country: 'Honduras' }],
    });
    expect(readFileSync(join(temp.dir, 'pdf', 'ua-60-16.hbs'), 'utf8')).toMatch(/^I am concerned to hear about another violent attack .* organization\.\n$/s);
  });

  test('--stdout prints the case file and its model letter and writes nothing', async () => {
    const result = await runCli(['import', seed('000'), '--cases', 'printed', '--no-builtin', '--stdout'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Draft made by "appeal import" from 000_[0-9a-f]+\.txt on 2026-11-22\.\n/);
    expect(result.stdout).toContain('    # CHECK: the document\'s email address is hidden ("[email protected]"');
    expect(result.stdout).toContain('--- ua-150-19.hbs\nI am writing concerning the case of Server Mustafayev');
    expect(result.stderr).toContain('Found: UA 150.19, first issue');
    expect(existsSync(join(temp.dir, 'printed'))).toBe(false);
  });

  test('a file of the same name that is not this case is not replaced without --force', async () => {
    const folder = makeTempDir({ 'cases/ua-150-19.yaml': 'not: a case\n' });
    try {
      const refused = await runCli(['import', seed('000'), '--cases', 'cases', '--no-builtin'], { cwd: folder.dir });
      expect(refused.code).toBe(73);
      expect(refused.stderr).toContain('appeal: cases/ua-150-19.yaml already exists; nothing was written.');
      expect(readFileSync(join(folder.dir, 'cases', 'ua-150-19.yaml'), 'utf8')).toBe('not: a case\n');
      expect(existsSync(join(folder.dir, 'cases', 'ua-150-19.hbs'))).toBe(false);
      const forced = await runCli(['import', seed('000'), '--cases', 'cases', '--no-builtin', '--force'], { cwd: folder.dir });
      expect(forced.code).toBe(0);
      expect(readCaseFile(join(folder.dir, 'cases', 'ua-150-19.yaml')).definition?.id).toBe('ua-150-19');
    } finally {
      folder.cleanup();
    }
  });

  test('an update of a case in the library shows the difference and, without a terminal, needs --yes', async () => {
    await runCli(['import', seed('001'), '--cases', 'upd', '--no-builtin'], { cwd: temp.dir });
    const before = readFileSync(join(temp.dir, 'upd', 'ua-126-19.yaml'), 'utf8');
    const refused = await runCli(['import', seed('003'), '--cases', 'upd', '--no-builtin'], { cwd: temp.dir });
    expect(refused.code).toBe(64);
    expect(refused.stdout).toContain('UA 126.19 is already in the library: upd/ua-126-19.yaml.\nThis document is the final output of it. Importing it changes:\n  status: open → closed\n');
    expect(refused.stderr).toBe('appeal: Change upd/ua-126-19.yaml: no answer, since there is no terminal to ask at.\nGive it with --yes.\n');
    expect(readFileSync(join(temp.dir, 'upd', 'ua-126-19.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(join(temp.dir, 'upd')).sort()).toEqual(['ua-126-19.hbs', 'ua-126-19.yaml']);

    const accepted = await runCli(['import', seed('003'), '--cases', 'upd', '--no-builtin', '--yes'], { cwd: temp.dir });
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('Changed upd/ua-126-19.yaml.');
    const after = readFileSync(join(temp.dir, 'upd', 'ua-126-19.yaml'), 'utf8');
    // The draft's own comments stay; only the changed fields are rewritten.
    expect(after).toContain('# Draft made by "appeal import" from 001_');
    expect(after).toContain('status: closed');
    const show = await runCli(['show', '126/19', '--cases', 'upd', '--no-builtin'], { cwd: temp.dir });
    expect(show.stdout).toContain('Status: closed (no further action is requested)');
  });

  // util-linux's script(1) gives the command a pseudo-terminal, so the question is really asked.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  (hasScript ? test : test.skip)('at a terminal, the difference is confirmed by answering the question', async () => {
    await runCli(['import', seed('001'), '--cases', 'tty', '--no-builtin'], { cwd: temp.dir });
    const atTerminal = (answer: string) =>
      spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" import "${seed('003')}" --cases tty --no-builtin`, '/dev/null'], {
        cwd: temp.dir,
        input: answer,
        encoding: 'utf8',
        timeout: 20_000,
        env: { PATH: process.env.PATH, HOME: temp.dir, APPEAL_NOW: TEST_NOW, APPEAL_CONFIG: join(temp.dir, '.config', 'appeal'), TZ: 'UTC', NO_COLOR: '1' },
      });
    const declined = atTerminal('n\r');
    expect(declined.stdout).toContain('Change tty/ua-126-19.yaml?');
    expect(declined.stdout).toContain('Left tty/ua-126-19.yaml as it was.');
    expect(readCaseFile(join(temp.dir, 'tty', 'ua-126-19.yaml')).definition?.status).toBe('open');
    const accepted = atTerminal('y\r');
    expect(accepted.stdout).toContain('Changed tty/ua-126-19.yaml.');
    expect(readCaseFile(join(temp.dir, 'tty', 'ua-126-19.yaml')).definition?.status).toBe('closed');
  });

  test('a case that comes with appeal is not changed; an issue it already holds changes nothing', async () => {
    const same = await runCli(['import', seed('003'), '--cases', 'empty'], { cwd: temp.dir });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('(it comes with appeal).\nThis document is the final output of it and changes nothing there; nothing was written.');
    const older = await runCli(['import', seed('001'), '--cases', 'empty'], { cwd: temp.dir });
    expect(older.code).toBe(0);
    expect(older.stdout).toContain('This document is an update of it and changes nothing there');
    expect(existsSync(join(temp.dir, 'empty'))).toBe(false);
  });
});
