import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/temp-dir';
import { KEYS, runInTerminal } from '../helpers/pty';
import { runCli } from '../helpers/run-cli';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('appeal at a terminal', () => {
  test('write asks whom you write to, your name and a sentence of your own (skipped), then writes one letter per official', () => {
    const session = runInTerminal(['write', '150.19', '--out', 'letters'], temp.dir, [
      { expect: 'Whom do you write to?', send: `${KEYS.down}${KEYS.space}${KEYS.enter}` },
      { expect: 'Your name', send: `Jane Doe${KEYS.enter}` },
      { expect: 'A sentence of your own', send: KEYS.enter },
    ]);
    expect(session.stuck_at).toBeUndefined();
    expect(session.status).toBe(0);
    const files = readdirSync(join(temp.dir, 'letters')).sort();
    expect(files).toEqual(['ua-150-19_ambassador_jane-doe.txt', 'ua-150-19_prosecutor-general_jane-doe.txt']);
    expect(readFileSync(join(temp.dir, 'letters', files[0]!), 'utf8')).toContain('Dear Ambassador,');
  });

  test('a sentence typed at the prompt is a paragraph of the letter, before its closing demands', () => {
    const session = runInTerminal(['write', '150.19', '--target', 'ambassador', '--stdout'], temp.dir, [
      { expect: 'Your name', send: `Jane Doe${KEYS.enter}` },
      { expect: 'A sentence of your own', send: `I teach history in Bristol.${KEYS.enter}` },
    ]);
    expect(session.stuck_at).toBeUndefined();
    expect(session.status).toBe(0);
    const own = session.output.indexOf('I teach history in Bristol.');
    expect(own).toBeGreaterThan(session.output.indexOf('Dear Ambassador,'));
    // The model letter's last paragraph, its demands, comes after the member's sentence.
    expect(session.output.indexOf('In light of the above, I urge you')).toBeGreaterThan(own);
  });

  test('with a name in the profile and one official, nothing needs asking', async () => {
    await runCli(['init', '--name', 'Profile Person', '--yes'], { cwd: temp.dir });
    const session = runInTerminal(['write', 'miftakhov', '--stdout', '--language', 'en'], temp.dir, [{ expect: 'Dear Mr. Mityayev', send: '' }]);
    expect(session.status).toBe(0);
    expect(session.output).toContain('Profile Person');
  });

  test('Ctrl-C at a prompt exits with status 130 and writes nothing', () => {
    const session = runInTerminal(['write', '150.19', '--out', 'letters'], temp.dir, [
      { expect: 'Whom do you write to?', send: `${KEYS.enter}` },
      { expect: 'Your name', send: KEYS.ctrlC },
    ]);
    expect(session.status).toBe(130);
    expect(existsSync(join(temp.dir, 'letters'))).toBe(false);
  });

  test('init asks for each detail and keeps them for the next letter', async () => {
    const session = runInTerminal(['init'], temp.dir, [
      { expect: 'Your name', send: `Zoë Brontë${KEYS.enter}` },
      { expect: 'postal address', send: `12 Harbour Lane | Bristol BS1 4DJ${KEYS.enter}` },
      { expect: 'Your country', send: `United Kingdom${KEYS.enter}` },
      { expect: 'Your email', send: `zoe@example.org${KEYS.enter}` },
      { expect: 'Paper size', send: KEYS.enter },
      { expect: 'Language', send: KEYS.enter },
    ]);
    expect(session.stuck_at).toBeUndefined();
    expect(session.status).toBe(0);
    const letter = await runCli(['write', '150.19', '--target', 'ambassador', '--stdout'], { cwd: temp.dir });
    expect(letter.stdout.startsWith('12 Harbour Lane\nBristol BS1 4DJ\nUnited Kingdom\n\n')).toBe(true);
    expect(letter.stdout).toContain('\n\n22 November 2026\n\n');
    expect(letter.stdout.trimEnd().endsWith('Zoë Brontë')).toBe(true);
  });
});
