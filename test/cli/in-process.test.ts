import { existsSync, readFileSync } from 'node:fs';
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
    ['a language the case has no letter in', ['write', '150.19', '--name', 'Ann', '--target', '1', '--language', 'xx'], 64, '--language xx: UA 150.19 has no letter in xx.'],
    ['text letters to a mail program', ['write', '150.19', '--name', 'Ann', '--target', '1', '--format', 'text', '--open'], 64, '--open hands email drafts to your mail program, and this run makes none.'],
    ['every format on standard output', ['write', '150.19', '--name', 'Ann', '--target', '1', '--format', 'all', '--stdout'], 64, '--stdout prints one format; --format all writes several.'],
    ['a batch with no signers', ['batch', '150.19'], 64, 'Give --signers FILE'],
    ['a batch with no cases', ['batch', '--blank', '1'], 64, 'Which cases? Name them, or give --open for every open case.'],
    ['a batch of named cases and --open', ['batch', '150.19', '--open', '--blank', '1'], 64, 'Give cases or --open, not both.'],
    ['a batch with both signers and blank letters', ['batch', '150.19', '--signers', 'members.csv', '--blank', '1'], 64, 'Give --signers or --blank, not both.'],
    ['a batch of no blank letters', ['batch', '150.19', '--blank', '0'], 64, '--blank 0: give how many blank letters each official gets'],
    ['a label past the end of the sheet', ['batch', '150.19', '--blank', '1', '--labels', '--label-start', '22'], 64, '--label-start 22: give the first unused label of the sheet, from 1 to 21 (A4, 3 × 7)'],
    ['a batch for an official the case does not have', ['batch', '150.19', '--blank', '1', '--target', 'nobody'], 64, 'UA 150.19: --target nobody: no official of this case matches.'],
    ['a batch for a closed case', ['batch', '126.19', '--blank', '1'], 1, 'UA 126.19 is closed: no further action is requested.'],
    ['a batch only for officials who take no post', ['batch', '126.19', '--allow-closed', '--target', 'chief-military-prosecutor', '--blank', '1'], 1, 'No letters to print: none of the chosen officials takes post.'],
    ['a batch letter in a language the case has no letter in', ['batch', '150.19', '--blank', '1', '--language', 'xx'], 64, 'UA 150.19: --language xx: UA 150.19 has no letter in xx.'],
    ['a way of sending appeal does not count', ['sent', '150.19', '--target', 'ambassador', '--name', 'Ann', '--channel', 'pigeon'], 64, '--channel pigeon: not a way appeal counts.'],
    ['one sender and every sender at once', ['sent', '150.19', '--target', 'ambassador', '--name', 'Ann', '--all-senders'], 64, '--name and --all-senders cannot be used together.'],
    ['marking a petition with no official', ['sent', 'covid', '--name', 'Ann'], 64, 'covid-19-kremlin-prisoners has no official to write to, so no letter to mark.'],
    ['marking a letter appeal never made', ['sent', '150.19', '--target', 'ambassador', '--name', 'Nobody'], 64, 'No letter made with appeal to Ambassador Anatoly Antonov in UA 150.19 is signed "Nobody"; nothing was marked.'],
    ['marking with no official and no terminal to ask at', ['sent', '150.19', '--name', 'Ann'], 64, 'Give it with --target'],
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

describe('flag combinations that write: letters, marks as sent and batches, in one folder', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());
  const actionLog = () => join(temp.dir, '.data', 'appeal', 'actions.jsonl');
  const records = () => (existsSync(actionLog()) ? readFileSync(actionLog(), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) : []);

  test('write --out writes the letter once, refuses to replace it, and replaces it with --force', async () => {
    const write = ['write', '150.19', '--target', 'ambassador', '--name', 'Ann Example', '--format', 'text', '--out', 'letters'];
    const file = join(temp.dir, 'letters', 'ua-150-19_ambassador_ann-example.txt');
    expect((await runInProcess(write, temp.dir)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^Dear Ambassador,$/m);

    const again = await runInProcess(write, temp.dir);
    expect(again.code).toBe(73);
    expect(again.stderr).toContain(`${file} already exists; nothing was written.`);
    expect(again.stderr).toContain('Add --force to replace it');

    expect((await runInProcess([...write, '--force'], temp.dir)).stdout).toBe(`Wrote ${file}\n`);
    expect(records().filter((record) => record.kind === 'made').map((record) => record.sender)).toEqual(['Ann Example', 'Ann Example']);
  });

  test('sent marks the letter made once, not twice; --undo takes it back; --made-elsewhere counts a letter appeal did not make', async () => {
    const sent = ['sent', '150.19', '--target', 'ambassador', '--name', 'Ann Example'];
    const first = await runInProcess(sent, temp.dir);
    expect(first.stdout).toContain('Marked as sent: UA 150.19 to Ambassador Anatoly Antonov by post (Ann Example)');
    expect((await runInProcess(sent, temp.dir)).stdout).toContain('already marked as sent on 2026-11-22; not counted again.\nNothing new to mark as sent.');
    expect((await runInProcess([...sent, '--undo'], temp.dir)).stdout).toContain('Taken back: UA 150.19 to Ambassador Anatoly Antonov (Ann Example)');
    const elsewhere = await runInProcess(['sent', '150.19', '--target', 'prosecutor-general', '--name', 'Bob', '--made-elsewhere', '--channel', 'email'], temp.dir);
    expect(elsewhere.stdout).toContain('Marked as sent: UA 150.19 to Yuriy Yakovlevich Chaika by email (Bob)');
    expect(records().filter((record) => record.kind !== 'made').map((record) => [record.kind, record.official, record.sender])).toEqual([
      ['sent', 'ambassador', 'Ann Example'],
      ['unsent', 'ambassador', 'Ann Example'],
      ['sent', 'prosecutor-general', 'Bob'],
    ]);
  });

  test('batch --preview writes the PDF and records nothing; without it, each letter is recorded as made', async () => {
    const before = records().length;
    const preview = await runInProcess(['batch', '150.19', '--blank', '1', '--out', 'preview.pdf', '--preview'], temp.dir);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('Not recorded in the action log (--preview)');
    expect(readFileSync(join(temp.dir, 'preview.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(records()).toHaveLength(before);

    const counted = await runInProcess(['batch', '150.19', '--blank', '1', '--out', 'meeting.pdf'], temp.dir);
    expect(counted.code).toBe(0);
    expect(counted.stdout).not.toContain('Not recorded');
    expect(records().slice(before).map((record) => [record.kind, record.official, record.file])).toEqual([
      ['made', 'prosecutor-general', join(temp.dir, 'meeting.pdf')],
      ['made', 'ambassador', join(temp.dir, 'meeting.pdf')],
    ]);
  });
});
