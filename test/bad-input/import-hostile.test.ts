import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/temp-dir';
import { BIN, TEST_NOW, runCli } from '../helpers/run-cli';

// Issue 14, item 9: a hostile document cannot tie import up. The principle: read at most 20 MB
// from any source (file, pipe, device), and read the text with patterns that stay linear.
describe('import of hostile documents', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  test('"import - < /dev/zero" stops at the 20 MB limit with a clear error, and writes nothing', () => {
    const zero = openSync('/dev/zero', 'r');
    const result = spawnSync(process.execPath, [BIN, 'import', '-', '--cases', 'big', '--no-builtin'], {
      cwd: temp.dir,
      env: { PATH: process.env.PATH, HOME: temp.dir, APPEAL_NOW: TEST_NOW, APPEAL_CONFIG: join(temp.dir, '.config'), APPEAL_DATA: join(temp.dir, '.data'), TZ: 'UTC' },
      stdio: [zero, 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 60_000,
    });
    closeSync(zero);
    expect(result.status).toBe(65);
    expect(result.stderr).toContain('standard input is over 20 MB; an Urgent Action is a few pages. Nothing was written.');
    expect(existsSync(join(temp.dir, 'big'))).toBe(false);
  });

  test('a device is refused rather than read without end', async () => {
    const result = await runCli(['import', '/dev/zero', '--cases', 'dev', '--no-builtin'], { cwd: temp.dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('/dev/zero is not a regular file (a device or a pipe)');
    expect(existsSync(join(temp.dir, 'dev'))).toBe(false);
  });

  test('a 400 KB unbroken token (the e-mail pattern used to backtrack on it) is read and refused', async () => {
    writeFileSync(join(temp.dir, 'token.txt'), `Urgent Action\n${'a.'.repeat(200 * 1024)}@\n`);
    const result = await runCli(['import', 'token.txt', '--cases', 'token', '--no-builtin'], { cwd: temp.dir });
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('No Urgent Action found in token.txt');
    expect(existsSync(join(temp.dir, 'token'))).toBe(false);
    expect(readdirSync(temp.dir).filter((name) => name.startsWith('.appeal-tmp'))).toEqual([]);
  });

  test('SIGTERM while import waits on its input ends it at once, with nothing on disk', async () => {
    const child = spawn(process.execPath, [BIN, 'import', '-', '--cases', 'term', '--no-builtin'], {
      cwd: temp.dir,
      env: { PATH: process.env.PATH, HOME: temp.dir, APPEAL_NOW: TEST_NOW, APPEAL_CONFIG: join(temp.dir, '.config'), APPEAL_DATA: join(temp.dir, '.data'), TZ: 'UTC' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.write('Urgent Action\n');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill('SIGTERM');
    const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    // 143 from appeal's own handler; a start-up slower than the wait ends by the signal itself.
    expect(ended.code === 143 || ended.signal === 'SIGTERM').toBe(true);
    expect(existsSync(join(temp.dir, 'term'))).toBe(false);
  });
});
