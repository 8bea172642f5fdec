/**
 * Issue 14, items 1 and 2: a full disk. On a real 200 KB tmpfs, `write` (text, email, PDF, all),
 * `batch`, `sent` and the action log either leave the whole file, or no file and no temporary
 * file, a status that is not 0 and a message naming the disk. Never "Wrote" for a file that is not
 * whole, never a good file replaced by a broken one, never a log record for a letter not written.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/temp-dir';
import { runCli } from '../helpers/run-cli';
import { fillDisk, mountSmallDisk } from '../helpers/small-disk';

let temp: ReturnType<typeof makeTempDir>;
let disk: string;
let skip: string | undefined;
let unmount: (() => void) | undefined;

beforeAll(() => {
  const members = ['name', ...Array.from({ length: 400 }, (_, i) => `Member ${i + 1}`)].join('\n');
  temp = makeTempDir({ 'members.csv': `${members}\n` });
  disk = join(temp.dir, 'disk');
  const mounted = mountSmallDisk(disk);
  if ('skip' in mounted) skip = mounted.skip;
  else unmount = mounted.unmount;
});
afterAll(() => {
  unmount?.();
  temp.cleanup();
});

/** Empties the small disk, then fills it up to `freeBytes`. */
function diskWithRoom(freeBytes: number): void {
  for (const entry of readdirSync(disk)) rmSync(join(disk, entry), { recursive: true, force: true });
  fillDisk(disk, freeBytes);
}

const onDisk = () => readdirSync(disk).filter((name) => name !== '.filler').sort();
const logFile = () => join(temp.dir, '.data', 'appeal', 'actions.jsonl');
const logText = () => (existsSync(logFile()) ? readFileSync(logFile(), 'utf8') : '');

/** Runs a test only where a small disk could be made; otherwise says why it did not run. */
function onSmallDisk(name: string, body: () => Promise<void>, timeout?: number): void {
  test(name, async () => {
    if (skip) {
      console.warn(`skipped "${name}": ${skip}`);
      return;
    }
    await body();
  }, timeout);
}

/**
 * Pads the log with blank lines (which the reader skips) to a whole 4 KB page: tmpfs hands out
 * whole pages, and a record must need a new one for a full disk to refuse it.
 */
function padToPage(file: string): string {
  const size = readFileSync(file).length;
  appendFileSync(file, '\n'.repeat(4096 - (size % 4096)));
  return readFileSync(file, 'utf8');
}

const write = (args: string[]) => runCli(['write', '150.19', '--name', 'Ann Smith', ...args], { cwd: temp.dir });

onSmallDisk('1. a text letter on a full disk: no file, no temporary file, no log record, status 73 naming the disk', async () => {
  diskWithRoom(0);
  const before = logText();
  const result = await write(['--target', '1', '--out', disk]);
  expect(result.code).toBe(73);
  expect(result.stderr).toContain(`Cannot write ${disk}/ua-150-19_prosecutor-general_ann-smith.txt: the disk holding ${disk} is full. Nothing was written there.`);
  expect(result.stdout).not.toContain('Wrote');
  expect(onDisk()).toEqual([]);
  expect(logText()).toBe(before);
});

onSmallDisk('1. an email draft on a full disk: no file, status 73', async () => {
  diskWithRoom(0);
  const result = await runCli(['write', 'miftakhov', '--target', '1', '--name', 'Ann Smith', '--email', 'ann@example.org', '--format', 'email', '--out', disk], { cwd: temp.dir });
  expect(result.code).toBe(73);
  expect(result.stderr).toMatch(/Cannot write .*\.eml: the disk holding .* is full/);
  expect(onDisk()).toEqual([]);
});

onSmallDisk('1. a PDF with 8 KB free: no cut PDF, and --force keeps the good PDF that was there', async () => {
  diskWithRoom(64 * 1024);
  const good = await write(['--target', '1', '--format', 'pdf', '--out', disk]);
  expect(good.code).toBe(0);
  const file = join(disk, 'ua-150-19_prosecutor-general_ann-smith.pdf');
  const goodBytes = readFileSync(file);
  expect(goodBytes.subarray(-6).toString('latin1')).toContain('%%EOF');
  const logBefore = logText();

  rmSync(join(disk, '.filler'));
  fillDisk(disk, 8 * 1024); // the good PDF stays; a new one (15 KB) does not fit
  const result = await write(['--target', '1', '--format', 'pdf', '--out', disk, '--force']);
  expect(result.code).toBe(73);
  expect(result.stderr).toContain(`the disk holding ${disk} is full`);
  expect(result.stdout).not.toContain('Wrote');
  expect(onDisk()).toEqual(['ua-150-19_prosecutor-general_ann-smith.pdf']);
  expect(readFileSync(file).equals(goodBytes)).toBe(true);
  expect(logText()).toBe(logBefore);
});

onSmallDisk('1. --format all is all or nothing: room for the text letter but not the PDF leaves neither', async () => {
  diskWithRoom(8 * 1024);
  const result = await write(['--target', '1', '--format', 'all', '--out', disk]);
  expect(result.code).toBe(73);
  expect(result.stderr).toMatch(/Cannot write .*\.pdf: the disk holding .* is full/);
  expect(result.stdout).not.toContain('Wrote');
  expect(onDisk()).toEqual([]);
});

onSmallDisk('2. a batch on a full disk ends (no hang) with status 73, and leaves no PDF, no temporary file, no record', async () => {
  diskWithRoom(8 * 1024);
  const before = logText();
  const result = await runCli(['batch', '150.19', '--signers', 'members.csv', '--out', join(disk, 'meeting.pdf')], { cwd: temp.dir, timeoutMs: 120_000 });
  expect(result.signal).toBeNull(); // not killed by the time limit: it ended on its own
  expect(result.code).toBe(73);
  expect(result.stderr).toContain(`Cannot write ${disk}/meeting.pdf: the disk holding ${disk} is full.`);
  expect(onDisk()).toEqual([]);
  expect(logText()).toBe(before);
}, 130_000);

onSmallDisk('the action log on a full disk: the letter is whole, the log gains no part of a record, status 74 says so', async () => {
  diskWithRoom(64 * 1024);
  const data = join(disk, 'data');
  const env = { APPEAL_DATA: data };
  const first = await runCli(['write', '150.19', '--target', '1', '--name', 'Ann Smith', '--out', 'letters'], { cwd: temp.dir, env });
  expect(first.code).toBe(0);
  const log = join(data, 'actions.jsonl');
  expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(1);
  const records = padToPage(log);

  rmSync(join(disk, '.filler'));
  fillDisk(disk, 0);
  const result = await runCli(['write', '150.19', '--target', 'all', '--name', 'Bob Jones', '--out', 'letters'], { cwd: temp.dir, env });
  expect(result.code).toBe(74);
  expect(result.stdout).toContain('Wrote');
  expect(result.stderr).toContain(`The letters were written, but could not be recorded in the action log ${log}: the disk holding ${data} is full. None of them is in the log`);
  expect(readFileSync(join(temp.dir, 'letters', 'ua-150-19_ambassador_bob-jones.txt'), 'utf8')).toContain('Bob Jones');
  expect(readFileSync(log, 'utf8')).toBe(records);
});

onSmallDisk('sent on a full disk: status 73 naming the disk, and the log as it was', async () => {
  diskWithRoom(64 * 1024);
  const data = join(disk, 'data');
  const env = { APPEAL_DATA: data };
  expect((await runCli(['write', '150.19', '--target', '1', '--name', 'Ann Smith', '--out', 'letters', '--force'], { cwd: temp.dir, env })).code).toBe(0);
  const log = join(data, 'actions.jsonl');
  const records = padToPage(log);
  rmSync(join(disk, '.filler'));
  fillDisk(disk, 0);
  const result = await runCli(['sent', '150.19', '--target', '1', '--name', 'Ann Smith'], { cwd: temp.dir, env });
  expect(result.code).toBe(73);
  expect(result.stderr).toContain(`Cannot write ${log}: the disk holding ${data} is full.`);
  expect(result.stdout).not.toContain('Marked as sent');
  expect(readFileSync(log, 'utf8')).toBe(records);
});

onSmallDisk('a whole letter when it fits: the same small disk with room writes a PDF a reader opens', async () => {
  diskWithRoom(64 * 1024);
  const result = await write(['--target', '1', '--format', 'pdf', '--out', disk]);
  expect(result.code).toBe(0);
  const pdf = readFileSync(join(disk, 'ua-150-19_prosecutor-general_ann-smith.pdf'));
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
  expect(onDisk()).toEqual(['ua-150-19_prosecutor-general_ann-smith.pdf']);
});
