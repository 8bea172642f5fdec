/**
 * Issue 14, item 11: a year of a large group's meetings must not break `appeal log` (130,000
 * records crashed it with "Maximum call stack size exceeded", exit 70). The log is read as a
 * stream, so `log` and `report` handle it with memory that does not grow with it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeRecord } from '../../src/action-log/log-file';
import type { ActionRecord } from '../../src/action-log/action-record';
import { distinctLetters } from '../../src/action-log/totals';
import { makeTempDir } from '../helpers/temp-dir';
import { runCli } from '../helpers/run-cli';

const RECORDS = 130_000;
const names = ['Ann Smith', 'Анна Иванова', 'José Núñez', null];

const written: ActionRecord[] = [];

function writeLog(dir: string): void {
  const lines: string[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    const sender = names[i % names.length]!;
    const record: ActionRecord = i % 5 === 4
      ? { v: 1, kind: 'sent', at, case: 'ua-150-19', official: 'ambassador', channel: 'post', sender }
      : { v: 1, kind: 'made', at, case: i % 2 ? 'ua-150-19' : 'ua-126-19', official: 'ambassador', format: 'pdf', channel: 'post', sender, file: `/letters/${i}.pdf` };
    written.push(record);
    lines.push(serializeRecord(record));
  }
  mkdirSync(join(dir, '.data', 'appeal'), { recursive: true });
  // A torn line in the middle is still reported by number with the rest counted.
  lines.splice(1000, 0, '{"v":1,"kind":"made","at":"2026-\n');
  writeFileSync(join(dir, '.data', 'appeal', 'actions.jsonl'), lines.join(''));
}

describe('11. a log of 130,000 records', () => {
  const temp = makeTempDir();
  beforeAll(() => writeLog(temp.dir));
  afterAll(() => temp.cleanup());

  test('appeal log lists every record, exit 0', async () => {
    const result = await runCli(['log'], { cwd: temp.dir, timeoutMs: 120_000 });
    expect(result.stderr).not.toContain('Maximum call stack');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    // The summary, a blank line, the header, then one line per record.
    expect(lines).toHaveLength(RECORDS + 3);
    expect(lines[0]).toBe(`104000 letters made, 26000 marked as sent; log: ${join(temp.dir, '.data', 'appeal', 'actions.jsonl')}`);
    expect(lines[2]).toMatch(/^When +What +Case +Official +Format +Channel +Sender +File$/);
    expect(lines[lines.length - 1]).toMatch(/^2026-04-01 \d\d:\d\d +sent +ua-150-19 +ambassador +- +post +blank +-$/);
    expect(result.stderr).toContain('line 1001: not complete JSON');
  }, 180_000);

  test('appeal log --json gives every record', async () => {
    const result = await runCli(['log', '--json', '--case', 'ua-126-19'], { cwd: temp.dir, timeoutMs: 120_000 });
    expect(result.code).toBe(0);
    const records = JSON.parse(result.stdout) as ActionRecord[];
    expect(records).toHaveLength(RECORDS / 5 * 2);
    expect(records.every((record) => record.case === 'ua-126-19')).toBe(true);
  }, 180_000);

  test('appeal report counts them all, and each member once', async () => {
    const result = await runCli(['report', '--json'], { cwd: temp.dir, timeoutMs: 120_000 });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { letters: { made: number; sent: number }; members: { name: string; made: number; sent: number }[]; blank: { made: number; sent: number } };
    // Each letter once (a member's letters to one official on one day are one letter; main's true
    // counts), as the in-memory count of the same records has it: the streamed report agrees.
    expect(report.letters).toEqual({ made: distinctLetters(written, (date) => date.toISOString().slice(0, 10)).made.length, sent: 26_000 });
    expect(report.members.map((member) => member.name).sort()).toEqual(['Ann Smith', 'José Núñez', 'Анна Иванова'].sort());
    expect(report.blank.made + report.blank.sent).toBe(RECORDS / 4);
  }, 180_000);
});
