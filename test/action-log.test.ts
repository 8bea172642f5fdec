import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { channelForFormat, type ActionRecord } from '../src/action-log/action-record';
import { appendRecords, chunkLines, parseActionLog, readActionLog, serializeRecord } from '../src/action-log/log-file';
import { filterRecords, parsePeriod } from '../src/action-log/period';
import { recordLetters } from '../src/action-log/record-letters';
import { computeTotals, letterCounts } from '../src/action-log/totals';
import { fixedClock } from '../src/time/clock';
import { makeTempDir } from './helpers/temp-dir';

const made = (over: Partial<ActionRecord> = {}): ActionRecord =>
  ({ v: 1, kind: 'made', at: '2026-11-22T12:00:00.000Z', case: 'ua-150-19', official: 'ambassador', format: 'pdf', channel: 'post', sender: 'Ann Smith', file: '/letters/a.pdf', ...over }) as ActionRecord;
const sent = (over: Partial<ActionRecord> = {}): ActionRecord =>
  ({ v: 1, kind: 'sent', at: '2026-11-23T09:00:00.000Z', case: 'ua-150-19', official: 'ambassador', channel: 'post', sender: 'Ann Smith', ...over }) as ActionRecord;
const utcDay = (date: Date) => date.toISOString().slice(0, 10);

describe('channelForFormat', () => {
  test.each([
    ['pdf', 'post'],
    ['PDF', 'post'],
    ['email', 'email'],
    ['eml', 'email'],
    ['mailto', 'email'],
    ['text', 'unknown'],
  ])('%s letters go by %s', (format, channel) => {
    expect(channelForFormat(format)).toBe(channel);
  });
});

describe('parseActionLog', () => {
  const a = serializeRecord(made());
  const b = serializeRecord(sent());
  test.each<[string, string, number, { line: number; match: RegExp }[]]>([
    ['an empty log', '', 0, []],
    ['two whole lines', a + b, 2, []],
    ['blank lines between records', `${a}\n\n${b}`, 2, []],
    ['Windows line ends', a.replace('\n', '\r\n') + b, 2, []],
    ['a last line cut in half', a + b.slice(0, 40), 1, [{ line: 2, match: /ends in the middle of this line/ }]],
    ['a torn line an append continued after', `${a}${b.slice(0, 40)}${b}`, 2, [{ line: 2, match: /begins with a record that was cut off \(40 bytes\).*record after it on this line was kept/ }]],
    ['a line that is not JSON at all', `${a}oops\n${b}`, 2, [{ line: 2, match: /not complete JSON/ }]],
    ['a line of JSON that is no record', `${a}{"kind":"made"}\n${b}`, 2, [{ line: 2, match: /not a letter record \(v: / }]],
    ['an unknown kind of record', `${a}${JSON.stringify({ ...sent(), kind: 'posted' })}\n`, 1, [{ line: 2, match: /not a letter record/ }]],
  ])('%s', (_name, text, count, problems) => {
    const log = parseActionLog(text);
    expect(log.records).toHaveLength(count);
    expect(log.problems.map((problem) => problem.line)).toEqual(problems.map((problem) => problem.line));
    log.problems.forEach((problem, index) => expect(problem.message).toMatch(problems[index]!.match));
  });

  test('keeps fields a later version adds to a record, without failing', () => {
    const log = parseActionLog(`${JSON.stringify({ ...made(), v: 2, channel: 'sms', batch: 'meeting-3' })}\n`);
    expect(log.problems).toEqual([]);
    expect(log.records[0]).toMatchObject({ channel: 'sms', v: 2 });
  });

  test('a blank letter has a null sender', () => {
    expect(parseActionLog(serializeRecord(made({ sender: null }))).records[0]!.sender).toBeNull();
  });
});

describe('chunkLines', () => {
  test('groups whole lines into writes of at most the limit, and a longer line goes alone', () => {
    const lines = ['aaaa\n', 'bbbb\n', 'cccc\n', `${'x'.repeat(20)}\n`, 'dd\n'];
    expect([...chunkLines(lines, 10)].map(String)).toEqual(['aaaa\nbbbb\n', 'cccc\n', `${'x'.repeat(20)}\n`, 'dd\n']);
  });

  test('never splits a line whose characters take several bytes', () => {
    const line = `${JSON.stringify({ sender: 'Лариса Ивановна' })}\n`;
    const chunks = [...chunkLines([line, line, line], Buffer.byteLength(line) * 2)];
    expect(chunks.map((chunk) => chunk.toString('utf8'))).toEqual([line + line, line]);
  });
});

describe('appendRecords and readActionLog', () => {
  test('creates the folder and the log, then adds to its end', () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const file = join(dir, 'deep', 'er', 'actions.jsonl');
      expect(readActionLog(file)).toEqual({ records: [], problems: [] });
      appendRecords(file, [made()]);
      appendRecords(file, [sent(), made({ official: 'prosecutor-general' })]);
      expect(readActionLog(file).records.map((record) => `${record.kind} ${record.official}`)).toEqual(['made ambassador', 'sent ambassador', 'made prosecutor-general']);
    } finally {
      cleanup();
    }
  });

  test('after a run was cut off mid-line, the next record appended is still read', () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const file = join(dir, 'actions.jsonl');
      writeFileSync(file, serializeRecord(made()) + serializeRecord(sent()).slice(0, 30));
      appendRecords(file, [made({ official: 'prosecutor-general' })]);
      const log = readActionLog(file);
      expect(log.records.map((record) => record.official)).toEqual(['ambassador', 'prosecutor-general']);
      expect(log.problems).toEqual([{ line: 2, message: expect.stringMatching(/begins with a record that was cut off/) }]);
    } finally {
      cleanup();
    }
  });
});

describe('readActionLog reads a file piece by piece as parseActionLog reads its text', () => {
  // The file is read a megabyte at a time into one buffer; lines, and characters of several
  // bytes, fall across the pieces, and a line can be longer than a piece.
  test.each([
    ['Cyrillic names across every piece boundary', 0, false],
    ['a torn last line', 0, true],
    ['a line three megabytes long among them', 3 * 1024 * 1024, false],
  ])('%s', (_name, longLine, torn) => {
    const temp = makeTempDir();
    try {
      const lines: string[] = [];
      for (let i = 0, size = 0; size < 2.5 * 1024 * 1024; i++) {
        // Names of varying byte lengths, so that boundaries land inside two-byte characters.
        const line = serializeRecord(made({ sender: `${'Анна Иванова'.slice(0, 1 + (i % 12))} ${'ж'.repeat(i % 7)} ${i}`, file: `/l/${'x'.repeat(i % 5)}.pdf` }));
        lines.push(line);
        size += Buffer.byteLength(line);
        if (longLine > 100 && i === 5000) lines.push(`${'y'.repeat(longLine)}\n`);
      }
      let text = lines.join('');
      // Shifted by a blank line of spaces until the first megabyte ends inside a character (the
      // long line, which spans it, is plain ASCII).
      const midCharacter = () => (Buffer.from(text).at(1024 * 1024)! & 0xc0) === 0x80;
      for (let pad = 0; !longLine && !midCharacter(); pad++) text = `${' '.repeat(pad)}\n${lines.join('')}`;
      expect(midCharacter()).toBe(!longLine);
      if (torn) text += serializeRecord(sent()).slice(0, 30);
      const file = join(temp.dir, 'actions.jsonl');
      writeFileSync(file, text);
      const read = readActionLog(file);
      const parsed = parseActionLog(text);
      expect(read.records.length).toBeGreaterThan(10_000);
      expect(read).toEqual(parsed);
      expect(read.problems.length).toBe((longLine > 100 ? 1 : 0) + (torn ? 1 : 0));
    } finally {
      temp.cleanup();
    }
  });
});

describe('recordLetters', () => {
  test('writes one line per letter, with the time of the clock', () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const context = { env: { APPEAL_DATA: dir }, clock: fixedClock(new Date('2026-11-22T18:30:00Z')) };
      expect(recordLetters(context, [{ case: 'ua-150-19', official: 'ambassador', format: 'pdf', channel: 'post', sender: null, file: '/x/meeting.pdf' }])).toBeUndefined();
      const lines = readFileSync(join(dir, 'actions.jsonl'), 'utf8').split('\n');
      expect(lines).toHaveLength(2);
      expect(JSON.parse(lines[0]!)).toEqual({ v: 1, kind: 'made', at: '2026-11-22T18:30:00.000Z', case: 'ua-150-19', official: 'ambassador', format: 'pdf', channel: 'post', sender: null, file: '/x/meeting.pdf' });
    } finally {
      cleanup();
    }
  });

  test('a log that cannot be written is a warning naming the file, not a failure', () => {
    // A file where the data folder should be stops even root, unlike permissions.
    const { dir, cleanup } = makeTempDir({ 'not-a-folder': 'x' });
    try {
      const context = { env: { APPEAL_DATA: join(dir, 'not-a-folder', 'appeal') }, clock: fixedClock(new Date()) };
      const warning = recordLetters(context, [{ case: 'c', official: 'o', format: 'text', channel: 'unknown', sender: 'Ann', file: null }]);
      expect(warning).toMatch(/^the letters were written, but could not be recorded in the action log .*not-a-folder\/appeal\/actions\.jsonl \(.*not a directory.*\); "appeal report" will not count them/);
    } finally {
      cleanup();
    }
  });
});

describe('parsePeriod', () => {
  test.each([
    [{}, {}],
    [{ since: '2026-11-01' }, { since: '2026-11-01' }],
    [{ since: '2026-11-01', until: '2026-11-01' }, { since: '2026-11-01', until: '2026-11-01' }],
  ])('%j is a period', (flags, period) => {
    expect(parsePeriod(flags)).toEqual(period);
  });

  test.each([
    [{ since: '1.11.2026' }, /--since 1\.11\.2026: not a date/],
    [{ until: '2026-02-30' }, /--until 2026-02-30: not a date/],
    [{ since: '2026-12-01', until: '2026-11-01' }, /--since 2026-12-01 is after --until 2026-11-01/],
  ])('%j is refused', (flags, message) => {
    expect(() => parsePeriod(flags)).toThrow(message);
  });
});

describe('filterRecords', () => {
  const records = [
    made({ at: '2026-10-31T23:59:00.000Z' }),
    made({ at: '2026-11-01T00:00:00.000Z', case: 'miftakhov-2026', sender: 'Ben Okafor' }),
    made({ at: '2026-11-30T10:00:00.000Z', sender: null }),
    sent({ at: '2026-12-01T00:00:00.000Z', sender: 'ann  SMITH' }),
  ];
  test.each<[string, Parameters<typeof filterRecords>[1], number[]]>([
    ['no filter', {}, [0, 1, 2, 3]],
    ['a case', { case: 'miftakhov-2026' }, [1]],
    ['since a date, that day included', { since: '2026-11-01' }, [1, 2, 3]],
    ['until a date, that day included', { until: '2026-11-30' }, [0, 1, 2]],
    ['a period', { since: '2026-11-01', until: '2026-11-30' }, [1, 2]],
    ['part of a name, any case and spacing', { sender: 'ann smith' }, [0, 3]],
    ['blank letters', { sender: 'blank' }, [2]],
  ])('%s', (_name, filter, expected) => {
    expect(filterRecords(records, filter, utcDay)).toEqual(expected.map((index) => records[index]));
  });
});

describe('computeTotals', () => {
  test('counts made and sent per case, official, channel and member; one member however the name is spaced', () => {
    const totals = computeTotals([
      made(),
      made({ official: 'prosecutor-general', format: 'text', channel: 'unknown' }),
      made({ case: 'miftakhov-2026', official: 'yanao-prosecutor', format: 'email', channel: 'email', sender: 'Ben Okafor' }),
      made({ sender: null }),
      sent({ sender: 'ann  smith' }),
      sent({ official: 'prosecutor-general', channel: 'fax' }),
    ]);
    expect(totals.all).toEqual({ made: 4, sent: 2 });
    expect(totals.cases).toEqual([
      { case: 'miftakhov-2026', made: 1, sent: 0 },
      { case: 'ua-150-19', made: 3, sent: 2 },
    ]);
    expect(totals.officials).toEqual([
      { case: 'miftakhov-2026', official: 'yanao-prosecutor', made: 1, sent: 0 },
      { case: 'ua-150-19', official: 'ambassador', made: 2, sent: 1 },
      { case: 'ua-150-19', official: 'prosecutor-general', made: 1, sent: 1 },
    ]);
    expect(totals.channels).toEqual([
      { channel: 'post', made: 2, sent: 1 },
      { channel: 'email', made: 1, sent: 0 },
      { channel: 'fax', made: 0, sent: 1 },
      { channel: 'unknown', made: 1, sent: 0 },
    ]);
    expect(totals.members).toEqual([
      { name: 'Ann Smith', made: 2, sent: 2 },
      { name: 'Ben Okafor', made: 1, sent: 0 },
    ]);
    expect(totals.blank).toEqual({ made: 1, sent: 0 });
  });

  test('an empty log still lists post and email, at zero', () => {
    expect(computeTotals([]).channels).toEqual([
      { channel: 'post', made: 0, sent: 0 },
      { channel: 'email', made: 0, sent: 0 },
    ]);
  });
});

describe('letterCounts', () => {
  test('counts one member\'s letters to one official, blank letters apart from named ones', () => {
    // The PDF and the text of one day are one letter; the next day's is another.
    const records = [made(), made({ format: 'text' }), sent(), made({ sender: null }), made({ sender: 'Ben' })];
    expect(letterCounts(records, 'ua-150-19', 'ambassador', 'ANN SMITH')).toMatchObject({ made: 1, sent: 1 });
    expect(letterCounts([...records, made({ at: '2026-11-30T12:00:00.000Z' })], 'ua-150-19', 'ambassador', 'ANN SMITH')).toMatchObject({ made: 2, sent: 1 });
    expect(letterCounts(records, 'ua-150-19', 'ambassador', null)).toMatchObject({ made: 1, sent: 0 });
    expect(letterCounts(records, 'ua-150-19', 'prosecutor-general', 'Ann Smith')).toMatchObject({ made: 0, sent: 0 });
  });
});
