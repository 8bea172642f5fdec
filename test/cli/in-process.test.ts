import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { run } from '../../src/entry';
import { TEST_NOW } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * The middle layer of the tests: whole command lines through `run(io)`, the function the binary
 * calls, with streams and environment supplied here. No process starts, so flag combinations and
 * refusals are cheap to cover; what a user sees of the built binary stays in the end-to-end tests.
 */
async function runInProcess(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdin = new PassThrough();
  stdin.end();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const env = {
    HOME: cwd,
    APPEAL_NOW: TEST_NOW,
    APPEAL_CONFIG: join(cwd, '.config', 'appeal'),
    APPEAL_DATA: join(cwd, '.data', 'appeal'),
    APPEAL_CACHE: join(cwd, '.cache', 'appeal'),
    XDG_CACHE_HOME: join(cwd, '.cache'),
    TZ: 'UTC',
    NO_COLOR: '1',
  };
  const code = await run({ argv, cwd, env, stdin, stdout, stderr });
  return { code, stdout: out, stderr: err };
}

describe('command lines run in-process through run(io)', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  test.each([
    ['a case that does not exist', ['write', 'nosuch', '--name', 'Ann', '--target', '1'], 64, 'No case matches "nosuch".'],
    ['no name and no terminal to ask at', ['write', '150.19', '--target', '1'], 64, 'Give it with --name.'],
    ['an official number beyond the list', ['write', '150.19', '--name', 'Ann', '--target', '9'], 64, '--target 9: this case has 2 officials.'],
    ['a closed case', ['write', '126.19', '--name', 'Ann', '--target', '1'], 1, 'Add --allow-closed'],
    ['a petition with no official', ['write', 'covid', '--name', 'Ann', '--target', '1'], 1, 'has no official to write to'],
    ['a format appeal cannot write', ['write', '150.19', '--name', 'Ann', '--target', '1', '--format', 'fax'], 64, 'Choose one of: text, email, mailto, pdf, all.'],
    ['a PDF asked for on standard output', ['write', '150.19', '--name', 'Ann', '--target', '1', '--format', 'pdf', '--stdout'], 64, '--stdout prints text letters and email drafts, not PDFs.'],
    ['a batch with no signers', ['batch', '150.19'], 64, 'Give --signers FILE'],
    ['a flag no command has', ['list', '--colour'], 64, "unknown option '--colour'"],
  ])('refuses %s with its exit status and the fix', async (_, argv, code, message) => {
    const result = await runInProcess(argv, temp.dir);
    expect(result.stderr).toContain(message);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
  });

  test('writes the letter to standard output, opened with the official’s own salutation', async () => {
    const result = await runInProcess(['write', '150.19', '--target', 'ambassador', '--name', 'Ann Example', '--stdout'], temp.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Dear Ambassador,');
    expect(result.stdout).toMatch(/Yours sincerely,\s+Ann Example/);
  });

  test('list --json gives the open cases as data', async () => {
    const result = await runInProcess(['list', '--json'], temp.dir);
    expect(result.code).toBe(0);
    const ids = (JSON.parse(result.stdout) as { id: string }[]).map((item) => item.id);
    expect(ids).toContain('ua-150-19');
    expect(ids).not.toContain('ua-126-19');
  });
});
