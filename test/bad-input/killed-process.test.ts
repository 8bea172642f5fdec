/**
 * Issue 14, items 3 and 4, with real SIGKILLs. A batch relaunches itself in a child process (for
 * its small young generation): when the appeal the person started is killed, the child stops at
 * once and nothing appears afterwards, no PDF and no log record. A run killed outright leaves its
 * temporary file, which names the dead process; the next run removes it and only it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/temp-dir';
import { BIN, runCli, TEST_NOW } from '../helpers/run-cli';
import { removeStaleTempFiles } from '../../src/output/write-output-file';

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  const members = ['name', ...Array.from({ length: 20_000 }, (_, i) => `Member ${i + 1}`)].join('\n');
  temp = makeTempDir({ 'members.csv': `${members}\n`, 'few.csv': 'name\nAnn Smith\n' });
});
afterAll(() => temp.cleanup());

const env = () => ({ PATH: process.env.PATH, HOME: temp.dir, APPEAL_NOW: TEST_NOW, APPEAL_CONFIG: join(temp.dir, '.config'), APPEAL_DATA: join(temp.dir, '.data') });

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts a big batch and waits until its child is writing the PDF; returns both processes. */
async function startBigBatch(out: string): Promise<{ parent: ChildProcess; child: number; temp: string }> {
  const parent = spawn(process.execPath, [BIN, 'batch', '150.19', '--signers', 'members.csv', '--out', `${out}/meeting.pdf`], { cwd: temp.dir, env: env(), stdio: 'ignore' });
  const folder = join(temp.dir, out);
  const tempFile = await waitFor('the batch to start its PDF', () => (existsSync(folder) ? readdirSync(folder).find((name) => name.startsWith('.appeal-tmp-')) : undefined));
  const child = Number(readFileSync(`/proc/${parent.pid}/task/${parent.pid}/children`, 'utf8').trim().split(/\s+/)[0]);
  expect(tempFile).toMatch(new RegExp(`^\\.appeal-tmp-${child}-`));
  return { parent, child, temp: tempFile };
}

const linuxOnly = process.platform === 'linux' ? test : test.skip;

linuxOnly('3. SIGKILL on appeal stops the relaunched batch: no PDF, no temporary file and no log record appear afterwards', async () => {
  const { parent, child } = await startBigBatch('killed-parent');
  const exited = new Promise((resolve) => parent.on('exit', (code, signal) => resolve(signal)));
  parent.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  await waitFor('the batch child to stop', () => !isAlive(child), 30_000);
  expect(readdirSync(join(temp.dir, 'killed-parent'))).toEqual([]);
  expect(existsSync(join(temp.dir, '.data', 'actions.jsonl'))).toBe(false);
}, 120_000);

linuxOnly('4. a batch killed outright leaves its temporary file; the next batch into that folder removes it', async () => {
  const { parent, child, temp: leftover } = await startBigBatch('killed-child');
  const exited = new Promise((resolve) => parent.on('exit', (code) => resolve(code)));
  process.kill(child, 'SIGKILL');
  expect(await exited).toBe(137); // the parent reports the child's death as 128 + 9
  expect(readdirSync(join(temp.dir, 'killed-child'))).toEqual([leftover]);

  const next = await runCli(['batch', '150.19', '--signers', 'few.csv', '--out', 'killed-child/meeting.pdf'], { cwd: temp.dir, timeoutMs: 60_000 });
  expect(next.code).toBe(0);
  expect(readdirSync(join(temp.dir, 'killed-child'))).toEqual(['meeting.pdf']);
}, 120_000);

test('4. stale temporary files are those of processes that are gone: a killed one is removed, a running one kept', async () => {
  const dir = join(temp.dir, 'stale');
  const sleeper = () => spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  const killed = sleeper();
  const running = sleeper();
  try {
    await Promise.all([killed, running].map((child) => new Promise((resolve) => child.once('spawn', resolve))));
    const gone = new Promise((resolve) => killed.on('exit', resolve));
    killed.kill('SIGKILL');
    await gone;
    const files = {
      dead: `.appeal-tmp-${killed.pid}-abc-ua-1-26.yaml`,
      deadHbs: `.appeal-tmp-${killed.pid}-abd-ua-1-26.hbs`,
      alive: `.appeal-tmp-${running.pid}-abc-meeting.pdf`,
      user: 'my-notes.yaml',
    };
    mkdirSync(dir, { recursive: true });
    for (const name of Object.values(files)) writeFileSync(join(dir, name), 'x');
    expect(removeStaleTempFiles(dir).sort()).toEqual([files.dead, files.deadHbs].sort());
    expect(readdirSync(dir).sort()).toEqual([files.alive, files.user].sort());
  } finally {
    running.kill('SIGKILL');
  }
});

/** Waits until a process started with helpers/stop-at-file.cjs has stopped itself where it was told to. */
async function waitUntilStopped(child: ChildProcess, where: string): Promise<void> {
  await waitFor(`the process to stop at ${where}`, () => {
    if (child.exitCode !== null) throw new Error(`the process ended (status ${child.exitCode}) before ${where}`);
    try {
      return readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /, '')[0] === 'T' || undefined;
    } catch {
      return undefined;
    }
  });
}

const STOP_AT = join(__dirname, '..', 'helpers', 'stop-at-file.cjs');

/** Starts appeal stopped at `stop` (see helpers/stop-at-file.cjs), ready to be killed there. */
async function startStoppedAt(args: readonly string[], stop: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', STOP_AT, BIN, ...args], { cwd: temp.dir, env: { ...env(), APPEAL_TEST_STOP: stop }, stdio: 'ignore' });
  await waitUntilStopped(child, stop);
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  const gone = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

const UA_DOCUMENT = join(__dirname, '..', 'fixtures', 'samples', 'hn-ua60-16-3.txt');
const uaText = () => readFileSync(UA_DOCUMENT, 'utf8').split('\n\n').slice(1).join('\n\n');

linuxOnly('4. an import killed between placing the model letter and the case file blocks nothing: the next import takes that back and writes both', async () => {
  writeFileSync(join(temp.dir, 'ua.txt'), uaText());
  const clean = await runCli(['import', 'ua.txt', '--cases', 'clean', '--no-builtin'], { cwd: temp.dir });
  expect(clean.code).toBe(0);
  expect(readdirSync(join(temp.dir, 'clean')).sort()).toEqual(['ua-60-16.hbs', 'ua-60-16.yaml']);

  await kill(await startStoppedAt(['import', 'ua.txt', '--cases', 'killed-import', '--no-builtin'], 'link:ua-60-16.yaml'));
  // What the issue saw: the model letter in place, the case file only under its temporary name.
  const left = readdirSync(join(temp.dir, 'killed-import')).sort();
  expect(left.filter((name) => !name.startsWith('.appeal-tmp-'))).toEqual(['ua-60-16.hbs']);
  expect(left.filter((name) => name.startsWith('.appeal-tmp-'))).toHaveLength(2);

  const again = await runCli(['import', 'ua.txt', '--cases', 'killed-import', '--no-builtin'], { cwd: temp.dir });
  expect(again.stderr).toBe('');
  expect(again.code).toBe(0);
  expect(again.stdout).toContain('Wrote:');
  expect(readdirSync(join(temp.dir, 'killed-import')).sort()).toEqual(['ua-60-16.hbs', 'ua-60-16.yaml']);
  for (const name of ['ua-60-16.hbs', 'ua-60-16.yaml']) expect(readFileSync(join(temp.dir, 'killed-import', name), 'utf8')).toBe(readFileSync(join(temp.dir, 'clean', name), 'utf8'));
}, 120_000);

linuxOnly('4. an import killed after placing both files, while tidying, is whole: the next import finds the case and only the temporary files go', async () => {
  writeFileSync(join(temp.dir, 'ua.txt'), uaText());
  await kill(await startStoppedAt(['import', 'ua.txt', '--cases', 'killed-tidy', '--no-builtin'], 'unlink:ua-60-16.hbs'));
  expect(readdirSync(join(temp.dir, 'killed-tidy')).filter((name) => name.startsWith('.appeal-tmp-'))).toHaveLength(2);

  const again = await runCli(['import', 'ua.txt', '--cases', 'killed-tidy', '--no-builtin'], { cwd: temp.dir });
  expect(again.code).toBe(0);
  expect(again.stdout).toContain('changes nothing there; nothing was written.');
  expect(readdirSync(join(temp.dir, 'killed-tidy')).sort()).toEqual(['ua-60-16.hbs', 'ua-60-16.yaml']);
}, 120_000);

linuxOnly('4. files replaced together and killed half-way get their old content back from the next run', async () => {
  const dir = join(temp.dir, 'killed-replace');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'a.hbs'), 'old letter\n');
  writeFileSync(join(dir, 'a.yaml'), 'old: case\n');
  // The same writer import uses for an update (both files replaced), stopped before the second.
  const script = `require(${JSON.stringify(join(__dirname, '..', '..', 'dist', 'output', 'write-files-together.js'))}).writeFilesTogether(${JSON.stringify([
    { path: join(dir, 'a.hbs'), content: 'new letter\n', replace: true },
    { path: join(dir, 'a.yaml'), content: 'new: case\n', replace: true },
  ])})`;
  const child = spawn(process.execPath, ['-r', STOP_AT, '-e', script], { env: { ...env(), APPEAL_TEST_STOP: 'link:a.yaml' }, stdio: 'ignore' });
  await waitUntilStopped(child, 'link:a.yaml');
  await kill(child);
  expect(readFileSync(join(dir, 'a.hbs'), 'utf8')).toBe('new letter\n'); // half done: the letter is new, the case old

  removeStaleTempFiles(dir);
  expect(readdirSync(dir).sort()).toEqual(['a.hbs', 'a.yaml']);
  expect(readFileSync(join(dir, 'a.hbs'), 'utf8')).toBe('old letter\n');
  expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('old: case\n');
}, 60_000);
