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
