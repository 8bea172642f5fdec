import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/temp-dir';
import { REPO_ROOT, runCli } from '../helpers/run-cli';

const SEEDS = join(REPO_ROOT, 'test', 'fixtures', 'seeds');

/** The model letter as the document prints it, from the salutation's next line to the closing. */
function modelLetterBody(seed: string, salutation: string): string[] {
  const text = readFileSync(join(SEEDS, seed), 'utf8');
  const start = text.indexOf(salutation) + salutation.length;
  const end = text.indexOf('Yours sincerely,', start);
  return text.slice(start, end).split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

function paragraphsBetween(letter: string, salutation: string): string[] {
  const start = letter.indexOf(`${salutation}\n`) + salutation.length;
  const end = letter.indexOf('Yours sincerely,', start);
  return letter.slice(start, end).split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('appeal write, plain text', () => {
  test.each([
    ['150.19', '1', 'Dear Prosecutor General,', '000_92003a08cab18073.txt', 'Dear Prosecutor General,'],
    ['150.19', 'ambassador', 'Dear Ambassador,', '000_92003a08cab18073.txt', 'Dear Prosecutor General,'],
    ['miftakhov', '1', 'Dear Mr. Mityayev,', '004_737a6855aebb442a.txt', 'Dear Mr. Mityayev,'],
  ])('write %s --target %s opens with "%s", gives the model letter word for word and ends with the name', async (caseId, target, salutation, seed, seedSalutation) => {
    const result = await runCli(['write', caseId, '--target', target, '--name', 'Jane Doe', '--stdout', '--language', 'en'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    const letter = result.stdout;
    const lines = letter.trimEnd().split('\n');
    // The official's postal block heads the letter (no sender address was given), then the date.
    const date = lines.indexOf('22 November 2026');
    expect(lines[date - 1]).toBe('');
    expect(lines.slice(0, date - 1).length).toBeGreaterThan(2);
    expect(lines.slice(date + 1).find((line) => line.trim() !== '')).toBe(salutation);
    expect(paragraphsBetween(letter, salutation)).toEqual(modelLetterBody(seed, seedSalutation));
    expect(letter).toContain('\nYours sincerely,\n\nJane Doe\n');
    expect(lines.at(-1)).toBe('Jane Doe');
  });

  test('the date comes from the clock', async () => {
    const result = await runCli(['write', '150.19', '--target', '1', '--name', 'Jane Doe', '--stdout'], { cwd: temp.dir, env: { APPEAL_NOW: '2027-01-05' } });
    expect(result.stdout).toContain('\n\n5 January 2027\n\n');
  });

  test('writes one file per official, named after case, official and sender, and prints each path', async () => {
    const result = await runCli(['write', 'UA 150.19', '--target', 'all', '--name', 'Анна Иванова', '--out', 'letters'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    const files = readdirSync(join(temp.dir, 'letters')).sort();
    expect(files).toEqual(['ua-150-19_ambassador_анна-иванова.txt', 'ua-150-19_prosecutor-general_анна-иванова.txt']);
    for (const file of files) expect(result.stdout).toContain(join(temp.dir, 'letters', file));
    const ambassador = readFileSync(join(temp.dir, 'letters', files[0]!), 'utf8');
    expect(ambassador).toContain('Dear Ambassador,');
    expect(ambassador.trimEnd().endsWith('Анна Иванова')).toBe(true);
  });

  test('a sender address from the flags heads the letter', async () => {
    const result = await runCli(['write', '150.19', '-t', '2', '--name', 'Jane Doe', '--address', '12 Harbour Lane', '--address', 'Bristol BS1 4DJ', '--country', 'United Kingdom', '--stdout'], { cwd: temp.dir });
    expect(result.stdout.startsWith('12 Harbour Lane\nBristol BS1 4DJ\nUnited Kingdom\n\nAmbassador Anatoly Antonov\nEmbassy of the Russian Federation\n2650 Wisconsin Ave. NW\nWashington DC 20007\nUSA\n\n22 November 2026\n\nDear Ambassador,\n')).toBe(true);
  });

  test('never overwrites a letter without --force', async () => {
    const args = ['write', '150.19', '--target', '1', '--name', 'Jane Doe'];
    const file = join(temp.dir, 'ua-150-19_prosecutor-general_jane-doe.txt');
    writeFileSync(file, 'my own notes');
    const refused = await runCli(args, { cwd: temp.dir });
    expect(refused.code).toBe(73);
    expect(refused.stderr).toContain('already exists');
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe('my own notes');
    const forced = await runCli([...args, '--force'], { cwd: temp.dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('Dear Prosecutor General,');
  });

  test('when one of several letters exists, none is written', async () => {
    writeFileSync(join(temp.dir, 'ua-150-19_ambassador_jane-doe.txt'), 'mine');
    const result = await runCli(['write', '150.19', '--target', 'all', '--name', 'Jane Doe'], { cwd: temp.dir });
    expect(result.code).toBe(73);
    expect(existsSync(join(temp.dir, 'ua-150-19_prosecutor-general_jane-doe.txt'))).toBe(false);
  });

  test('a closed case refuses unless --allow-closed', async () => {
    const refused = await runCli(['write', '126.19', '--target', 'ambassador', '--name', 'Jane Doe', '--stdout'], { cwd: temp.dir });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('UA 126.19 is closed');
    expect(refused.stderr).toContain('--allow-closed');
    expect(refused.stdout).toBe('');
    const allowed = await runCli(['write', '126.19', '--target', 'ambassador', '--name', 'Jane Doe', '--stdout', '--allow-closed'], { cwd: temp.dir });
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('Dear Ambassador,\n\nI am writing to you concerning the case of human rights defender Emir-Usein Kuku');
  });

  test('an expired case warns and writes', async () => {
    const result = await runCli(['write', 'miftakhov', '--name', 'Jane Doe', '--stdout', '--language', 'en'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('deadline of miftakhov-2026 (2026-07-15) has passed');
    expect(result.stdout).toContain('Dear Mr. Mityayev,');
  });

  test('a petition has no official to write to', async () => {
    const result = await runCli(['write', 'covid-19-kremlin-prisoners', '--name', 'Jane Doe', '--stdout'], { cwd: temp.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has no official to write to');
    expect(result.stderr).toContain('petition addressed to the UN');
  });

  test('an unknown --target lists the officials', async () => {
    const result = await runCli(['write', '150.19', '--target', 'minister', '--name', 'Jane Doe', '--stdout'], { cwd: temp.dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('--target minister: no official of this case matches');
    expect(result.stderr).toContain('2. Ambassador Anatoly Antonov (id: ambassador)');
  });

  test('without a terminal and without --name it stops at once, naming --name', async () => {
    // runCli kills a run that waits longer than timeoutMs, which would fail the status check.
    const result = await runCli(['write', '150.19'], { cwd: temp.dir, timeoutMs: 5000 });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('--name');
    expect(result.signal).toBeNull();
  });

  test('without a terminal and without --target, a case with several officials names --target', async () => {
    const result = await runCli(['write', '150.19', '--name', 'Jane Doe'], { cwd: temp.dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('--target');
    expect(readdirSync(temp.dir).filter((f) => f.endsWith('.txt'))).toEqual([]);
  });

  test('a name with a line break is refused', async () => {
    const result = await runCli(['write', '150.19', '-t', '1', '--name', 'Eve\nMallory', '--stdout'], { cwd: temp.dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('--name contains a line break');
  });
});
