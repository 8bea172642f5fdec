import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

const FIXTURES = join(__dirname, '..', 'fixtures', 'languages');
const ENGLISH = join(FIXTURES, 'ua-150-19-en.txt');
const GERMAN = join(FIXTURES, 'ua-150-19-de.txt');

describe('importing one Urgent Action in English and in German', () => {
  const temp = makeTempDir();
  const run = (args: string[]) => runCli(args, { cwd: temp.dir, timeoutMs: 60_000 });
  const mine = ['--cases', 'mine', '--no-builtin'];
  afterAll(() => temp.cleanup());

  test('gives one case with two letters, the second shown as a difference and confirmed like an update', async () => {
    expect((await run(['import', ENGLISH, ...mine])).code).toBe(0);

    // Without a terminal and without --yes: the difference is shown, nothing is written.
    const asked = await run(['import', GERMAN, ...mine]);
    expect(asked.code).toBe(64);
    expect(asked.stdout).toContain('UA 150.19 is already in the library: mine/ua-150-19.yaml.\nThis document is its letter in German (de), which the case does not have yet. Importing it adds:\n  letters: + de: ua-150-19.de.hbs, 3 paragraphs, closing "Mit freundlichen Grüßen"\n  officials[0].salutations.de: + Sehr geehrter Herr Generalstaatsanwalt');
    expect(asked.stderr).toContain('Give it with --yes.');
    expect(readdirSync(join(temp.dir, 'mine')).sort()).toEqual(['ua-150-19.hbs', 'ua-150-19.yaml']);

    const added = await run(['import', GERMAN, ...mine, '--yes']);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Changed mine/ua-150-19.yaml and wrote mine/ua-150-19.de.hbs.');
    expect(readdirSync(join(temp.dir, 'mine')).sort()).toEqual(['ua-150-19.de.hbs', 'ua-150-19.hbs', 'ua-150-19.yaml']);
    const caseFile = readFileSync(join(temp.dir, 'mine', 'ua-150-19.yaml'), 'utf8');
    expect(caseFile).toContain('letters:\n  - language: de\n    template: ua-150-19.de.hbs\n    closing: Mit freundlichen Grüßen\n');
    expect(caseFile).toContain('salutations:\n      de: Sehr geehrter Herr Botschafter');
    // The case's facts stay as the English document gives them.
    expect(caseFile).toContain('title: Human Rights Defender Imprisoned and Ill-Treated');

    expect((await run(['validate', '--cases', 'mine'])).code).toBe(0);
    const list = await run(['list', ...mine]);
    expect(list.stdout).toContain('letters in English (en) and German (de)');
    expect(list.stdout.match(/UA 150\.19/g)).toHaveLength(1);

    const german = await run(['write', 'ua-150-19', ...mine, '--language', 'de', '--target', '1', '--name', 'Max Muster', '--stdout']);
    expect(german.stdout).toContain('\n\n22. November 2026\n\nSehr geehrter Herr Generalstaatsanwalt,\n\n');
    expect(german.stdout).toContain('ich schreibe Ihnen wegen des Falls von Server Mustafayev');
    expect(german.stdout.trimEnd().endsWith('Mit freundlichen Grüßen\n\nMax Muster')).toBe(true);
    const english = await run(['write', 'ua-150-19', ...mine, '--target', '1', '--name', 'Max Muster', '--stdout']);
    expect(english.stdout).toContain('Dear Prosecutor General,\n\nI am writing concerning the case of Server Mustafayev');

    // The same document again changes nothing: the case has its German letter now.
    const again = await run(['import', GERMAN, ...mine, '--yes']);
    expect(again.stdout).not.toContain('Importing it adds');
  });

  test('the other way round: German first, then the English document adds the English letter', async () => {
    const other = ['--cases', 'other', '--no-builtin'];
    expect((await run(['import', GERMAN, ...other])).code).toBe(0);
    const added = await run(['import', ENGLISH, ...other, '--yes']);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('This document is its letter in English (en), which the case does not have yet.');
    expect(readdirSync(join(temp.dir, 'other')).sort()).toEqual(['ua-150-19.en.hbs', 'ua-150-19.hbs', 'ua-150-19.yaml']);
    const english = await run(['write', 'ua-150-19', ...other, '--language', 'en', '--target', '2', '--name', 'Jo', '--stdout']);
    expect(english.stdout).toContain('Dear Ambassador,\n\nI am writing concerning the case of Server Mustafayev');
  });
});
