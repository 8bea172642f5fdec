import { copyFileSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCli, type CliResult } from './helpers/run-cli';
import { makeTempDir } from './helpers/temp-dir';

/**
 * One group's evening, shared by the tests of this file: Ann writes to both officials of
 * UA 150.19, Ben to the one of the Miftakhov case, and a meeting of twelve members prints three
 * letters each with `appeal batch`.
 */
const MEMBERS = Array.from({ length: 12 }, (_, index) => `Member ${String(index + 1).padStart(2, '0')}`);
const BATCH_LETTERS = [
  ['ua-150-19', 'prosecutor-general'],
  ['ua-150-19', 'ambassador'],
  ['miftakhov-2026', 'yanao-prosecutor'],
] as const;

let dir: string;
let cleanup: () => void;
let logFile: string;
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { cwd: dir, env });
const expectOk = (result: CliResult) => expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: expect.any(String) });

beforeAll(async () => {
  ({ dir, cleanup } = makeTempDir());
  logFile = join(dir, '.data', 'appeal', 'actions.jsonl');
  expectOk(await cli(['write', 'UA 150.19', '--name', 'Ann Smith', '--target', 'all', '--out', 'letters']));
  // Ben wrote two days earlier, which the period tests use.
  expectOk(await cli(['write', 'miftakhov', '--name', 'Ben Okafor', '--out', 'letters'], { APPEAL_NOW: '2026-11-20T18:00:00' }));
  writeFileSync(join(dir, 'members.csv'), ['name', ...MEMBERS].join('\n') + '\n');
  expectOk(await cli(['batch', 'UA 150.19', 'miftakhov', '--signers', 'members.csv', '--out', 'meeting.pdf'], { APPEAL_NOW: '2026-11-22T19:30:00Z' }));
  // After posting: every letter of UA 150.19 (Ann's plain-text ones go by post, the only way
  // these officials take), and Ben's letter, which he emailed.
  expectOk(await cli(['sent', '150/19', '--target', 'all', '--all-senders']));
  expectOk(await cli(['sent', 'miftakhov', '--name', 'Ben Okafor', '--channel', 'email']));
});

afterAll(() => cleanup());

describe('appeal report', () => {
  test('gives the exact totals after two writes and a 12-member batch, in JSON', async () => {
    const result = await cli(['report', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.letters).toEqual({ made: 2 + 1 + 12 * 3, sent: 2 + 12 * 2 + 1 });
    expect(report.cases).toEqual([
      { case: 'miftakhov-2026', ua_number: null, people: ['Azat Miftakhov'], made: 13, sent: 1 },
      { case: 'ua-150-19', ua_number: '150.19', people: ['Server Mustafayev'], made: 26, sent: 26 },
    ]);
    expect(report.officials).toEqual([
      { case: 'miftakhov-2026', official: 'yanao-prosecutor', name: 'Mityayev Mikhail Arkadyevich', made: 13, sent: 1 },
      { case: 'ua-150-19', official: 'ambassador', name: 'Ambassador Anatoly Antonov', made: 13, sent: 13 },
      { case: 'ua-150-19', official: 'prosecutor-general', name: 'Yuriy Yakovlevich Chaika', made: 13, sent: 13 },
    ]);
    expect(report.channels).toEqual([
      { channel: 'post', made: 36, sent: 26 },
      { channel: 'email', made: 0, sent: 1 },
      { channel: 'unknown', made: 3, sent: 0 },
    ]);
    expect(report.member_count).toBe(14);
    expect(report.members).toEqual([
      { name: 'Ann Smith', made: 2, sent: 2 },
      { name: 'Ben Okafor', made: 1, sent: 1 },
      ...MEMBERS.map((name) => ({ name, made: 3, sent: 2 })),
    ]);
    expect(report.blank).toEqual({ made: 0, sent: 0 });
  });

  test('prints the same totals for people', async () => {
    const result = await cli(['report']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Letters made and sent, all dates');
    expect(lines[1]).toBe(`Log: ${logFile}`);
    const row = (label: string) => lines.find((line) => line.trimStart().startsWith(label))?.trim().split(/\s{2,}/);
    expect(row('All letters')).toEqual(['All letters', '39', '27']);
    expect(row('UA 150.19 (Server Mustafayev)')).toEqual(['UA 150.19 (Server Mustafayev)', '26', '26']);
    expect(row('miftakhov-2026 (Azat Miftakhov)')).toEqual(['miftakhov-2026 (Azat Miftakhov)', '13', '1']);
    expect(row('UA 150.19: Ambassador Anatoly Antonov')).toEqual(['UA 150.19: Ambassador Anatoly Antonov', '13', '13']);
    expect(row('post')).toEqual(['post', '36', '26']);
    expect(row('email')).toEqual(['email', '0', '1']);
    expect(row('not known yet (plain text)')).toEqual(['not known yet (plain text)', '3', '0']);
    expect(lines).toContain('Members who wrote: 14');
    expect(row('Member 12')).toEqual(['Member 12', '3', '2']);
  });

  test('--csv parses as CSV with a header, one row per total', async () => {
    const result = await cli(['report', '--csv']);
    expect(result.code).toBe(0);
    const rows = parse(result.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['section', 'case', 'ua_number', 'official', 'official_name', 'channel', 'member', 'made', 'sent', 'since', 'until']);
    const pick = (section: string) => rows.filter((row) => row.section === section);
    expect(pick('total')).toEqual([expect.objectContaining({ made: '39', sent: '27' })]);
    expect(pick('case').map((row) => [row.case, row.ua_number, row.made, row.sent])).toEqual([
      ['miftakhov-2026', '', '13', '1'],
      ['ua-150-19', '150.19', '26', '26'],
    ]);
    expect(pick('official').map((row) => [row.official_name, row.made, row.sent])).toEqual([
      ['Mityayev Mikhail Arkadyevich', '13', '1'],
      ['Ambassador Anatoly Antonov', '13', '13'],
      ['Yuriy Yakovlevich Chaika', '13', '13'],
    ]);
    expect(pick('channel').map((row) => [row.channel, row.made, row.sent])).toEqual([
      ['post', '36', '26'],
      ['email', '0', '1'],
      ['unknown', '3', '0'],
    ]);
    expect(pick('member')).toHaveLength(14);
    expect(pick('member').reduce((sum, row) => sum + Number(row.made), 0)).toBe(39);
  });

  test('counts one case, found by its UA number as written anywhere', async () => {
    const report = JSON.parse((await cli(['report', 'UA 150.19', '--json'])).stdout);
    expect(report.case).toBe('ua-150-19');
    expect(report.letters).toEqual({ made: 26, sent: 26 });
    expect(report.member_count).toBe(13);
  });

  test('counts a period, both days included', async () => {
    const onlyBen = JSON.parse((await cli(['report', '--until', '2026-11-20', '--json'])).stdout);
    expect(onlyBen.letters).toEqual({ made: 1, sent: 0 });
    const csv = parse((await cli(['report', '--since', '2026-11-21', '--until', '2026-11-22', '--csv'])).stdout, { columns: true }) as Record<string, string>[];
    expect(csv[0]).toMatchObject({ section: 'total', made: '38', sent: '27', since: '2026-11-21', until: '2026-11-22' });
  });

  test.each([
    [['report', '--json', '--csv'], /--json and --csv cannot be used together/],
    [['report', '--since', '22.11.2026'], /--since 22\.11\.2026: not a date\.\nWrite --since as YYYY-MM-DD/],
    [['report', 'no-such-case'], /No case matches "no-such-case"/],
  ])('%j is a usage error', async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

describe('a log whose last line was cut in half', () => {
  test('still reports every complete line, with a warning, and the next letter is counted', async () => {
    const other = join(dir, 'torn-data');
    mkdirSync(other);
    const tornLog = join(other, 'actions.jsonl');
    copyFileSync(logFile, tornLog);
    const whole = readFileSync(tornLog, 'utf8');
    const lines = whole.trimEnd().split('\n');
    // The last line is Ben's letter marked as sent by email: cut it in the middle.
    truncateSync(tornLog, Buffer.byteLength(whole) - Math.ceil(Buffer.byteLength(lines.at(-1)!) / 2) - 1);

    const torn = await cli(['report', '--json'], { APPEAL_DATA: other });
    expect(torn.code).toBe(0);
    expect(torn.stderr).toBe(
      `warning: ${tornLog} line ${lines.length}: the log ends in the middle of this line (a write was cut off); it was skipped.\n` +
        `Counted the ${lines.length - 1} complete records. Removing the damaged text on line ${lines.length} stops this warning.\n`,
    );
    const report = JSON.parse(torn.stdout);
    expect(report.letters).toEqual({ made: 39, sent: 26 });
    expect(report.channels[1]).toEqual({ channel: 'email', made: 0, sent: 0 });

    // The next letter lands on the torn line's end; it is counted, the torn part skipped.
    expect((await cli(['write', '150.19', '-n', 'Cleo', '-t', 'ambassador', '-o', 'later'], { APPEAL_DATA: other })).code).toBe(0);
    const after = await cli(['report', '--json'], { APPEAL_DATA: other });
    expect(after.code).toBe(0);
    expect(after.stderr).toMatch(new RegExp(`line ${lines.length}: begins with a record that was cut off .*; it was skipped and the record after it on this line was kept`));
    expect(JSON.parse(after.stdout).letters).toEqual({ made: 40, sent: 26 });
  });
});

describe('appeal log', () => {
  test('lists what was made and sent, oldest first, with the file written', async () => {
    const result = await cli(['log', '--case', '150.19', '--sender', 'ann']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`2 letters made, 2 marked as sent (filtered); log: ${logFile}`);
    expect(lines[2]).toMatch(/^When\s+What\s+Case\s+Official\s+Format\s+Channel\s+Sender\s+File$/);
    expect(lines.slice(3).map((line) => line.split(/\s{2,}/))).toEqual([
      ['2026-11-22 12:00', 'made', 'ua-150-19', 'prosecutor-general', 'text', 'unknown', 'Ann Smith', join(dir, 'letters', 'ua-150-19_prosecutor-general_ann-smith.txt')],
      ['2026-11-22 12:00', 'made', 'ua-150-19', 'ambassador', 'text', 'unknown', 'Ann Smith', join(dir, 'letters', 'ua-150-19_ambassador_ann-smith.txt')],
      ['2026-11-22 12:00', 'sent', 'ua-150-19', 'prosecutor-general', '-', 'post', 'Ann Smith', '-'],
      ['2026-11-22 12:00', 'sent', 'ua-150-19', 'ambassador', '-', 'post', 'Ann Smith', '-'],
    ]);
  });

  test('--json gives the records; --since leaves out older ones', async () => {
    const all = JSON.parse((await cli(['log', '--json'])).stdout);
    expect(all).toHaveLength(39 + 27);
    expect(all[0]).toEqual({
      v: 1,
      kind: 'made',
      at: '2026-11-22T12:00:00.000Z',
      case: 'ua-150-19',
      official: 'prosecutor-general',
      format: 'text',
      channel: 'unknown',
      sender: 'Ann Smith',
      file: join(dir, 'letters', 'ua-150-19_prosecutor-general_ann-smith.txt'),
    });
    const recent = JSON.parse((await cli(['log', '--since', '2026-11-21', '--sender', 'ben', '--json'])).stdout);
    expect(recent.map((record: { kind: string; channel: string }) => `${record.kind} ${record.channel}`)).toEqual(['sent email']);
  });

  test('says where the log is when nothing is recorded yet', async () => {
    const empty = await cli(['log'], { APPEAL_DATA: join(dir, 'no-log-yet') });
    expect(empty.code).toBe(0);
    expect(empty.stdout).toBe(`No letters recorded yet in ${join(dir, 'no-log-yet', 'actions.jsonl')}.\nLetters made with "appeal write" are recorded there; mark them as sent with "appeal sent".\n`);
  });
});

describe('appeal sent', () => {
  test('does not count a letter twice', async () => {
    const before = readFileSync(logFile, 'utf8');
    const again = await cli(['sent', '150.19', '-n', 'ann smith', '-t', 'ambassador']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("Ann Smith's letter to Ambassador Anatoly Antonov was already marked as sent on 2026-11-22; not counted again.\nNothing new to mark as sent.\n");
    expect(readFileSync(logFile, 'utf8')).toBe(before);
  });

  test('marks a letter made outside appeal, once, when --made-elsewhere says so', async () => {
    const data = join(dir, 'outside');
    const refused = await cli(['sent', '150.19', '-n', 'Dora', '-t', 'prosecutor'], { APPEAL_DATA: data });
    expect(refused.code).toBe(64);
    expect(refused.stderr).toContain('add --made-elsewhere for a letter made outside appeal');
    const first = await cli(['sent', '150.19', '-n', 'Dora', '-t', 'prosecutor', '--made-elsewhere'], { APPEAL_DATA: data });
    expect(first.stdout).toBe(`Marked as sent: UA 150.19 to Yuriy Yakovlevich Chaika by post (Dora)\nRecorded in ${join(data, 'actions.jsonl')}\n`);
    const second = await cli(['sent', '150.19', '-n', 'Dora', '-t', 'prosecutor', '--made-elsewhere'], { APPEAL_DATA: data });
    expect(second.stdout).toMatch(/already marked as sent/);
    expect(readFileSync(join(data, 'actions.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(1);
  });

  test.each([
    [['sent', '150.19', '-n', 'Ann Smith'], /no answer, since there is no terminal to ask at\.\nGive it with --target/],
    [['sent', '150.19', '-t', 'all'], /no answer, since there is no terminal to ask at\.\nGive it with --name/],
    [['sent', '150.19', '-t', 'all', '-n', 'Ann', '--channel', 'pigeon'], /--channel pigeon: not a way appeal counts\.\nChoose one of: post, email, fax\./],
    [['sent', '150.19', '-t', 'all', '-n', 'Ann', '--all-senders'], /--name and --all-senders cannot be used together/],
  ])('%j is a usage error that names the flag', async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(message);
  });

  test('asks for --channel when the letter could have gone more than one way, and records nothing', async () => {
    const data = join(dir, 'two-ways');
    expect((await cli(['write', 'miftakhov', '-n', 'Eve', '-o', 'eve'], { APPEAL_DATA: data })).code).toBe(0);
    const before = readFileSync(join(data, 'actions.jsonl'), 'utf8');
    const result = await cli(['sent', 'miftakhov', '-n', 'Eve'], { APPEAL_DATA: data });
    expect(result.code).toBe(64);
    expect(result.stderr).toBe(
      'appeal: How was the letter to Mityayev Mikhail Arkadyevich (miftakhov-2026) sent?\n  It was made as text, which can go more than one way.\nSay it with --channel post, --channel email, --channel fax.\n',
    );
    expect(readFileSync(join(data, 'actions.jsonl'), 'utf8')).toBe(before);
  });
});

describe('appeal sent after a blank batch', () => {
  test('marks every blank letter of each official, once', async () => {
    const { dir: blankDir, cleanup: done } = makeTempDir();
    try {
      const run = (args: string[]) => runCli(args, { cwd: blankDir });
      expect((await run(['batch', '150.19', '--blank', '5', '--out', 'm.pdf'])).code).toBe(0);
      expect((await run(['sent', '150.19', '--target', 'all', '--all-senders'])).code).toBe(0);
      const report = JSON.parse((await run(['report', '--json'])).stdout);
      expect(report.letters).toEqual({ made: 10, sent: 10 });
      expect(report.blank).toEqual({ made: 10, sent: 10 });
      const again = await run(['sent', '150.19', '--target', 'all', '--all-senders']);
      expect(again.stdout).toContain('Nothing new to mark as sent.');
    } finally {
      done();
    }
  });
});
