import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/temp-dir';
import { runCli } from '../helpers/run-cli';

// Issue 14, item 9: a hostile document cannot tie import up. The principle: read at most 20 MB
// from any source (file, pipe, device), and read the text with patterns that stay linear.
describe('import of hostile documents', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  test('standard input over 20 MB stops at the limit with a clear error, and writes nothing', async () => {
    const result = await runCli(['import', '-', '--cases', 'big', '--no-builtin'], { cwd: temp.dir, input: 'a'.repeat(21 * 1024 * 1024) });
    expect(result.code).toBe(65);
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
});
