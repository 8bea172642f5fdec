import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/temp-dir';
import { runCli } from '../helpers/run-cli';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

const write = (env: NodeJS.ProcessEnv = {}, flags: string[] = []) =>
  runCli(['write', '150.19', '--target', 'ambassador', '--stdout', ...flags], { cwd: temp.dir, env });

describe('the sender profile', () => {
  test('init --yes saves the flags in the config folder (APPEAL_CONFIG)', async () => {
    const result = await runCli(['init', '--yes', '--name', 'Jane Doe', '--country', 'USA', '--email', 'jane@example.org', '--paper', 'letter'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    const file = join(temp.dir, '.config', 'appeal', 'profile.yaml');
    expect(result.stdout).toContain(file);
    const saved = readFileSync(file, 'utf8');
    expect(saved).toContain('name: Jane Doe');
    expect(saved).toContain('paper: letter');
  });

  test('precedence: profile < environment < flags', async () => {
    await runCli(['init', '--yes', '--name', 'Profile Name'], { cwd: temp.dir });
    expect((await write()).stdout.trimEnd().endsWith('Profile Name')).toBe(true);
    expect((await write({ APPEAL_NAME: 'Env Name' })).stdout.trimEnd().endsWith('Env Name')).toBe(true);
    expect((await write({ APPEAL_NAME: 'Env Name' }, ['--name', 'Flag Name'])).stdout.trimEnd().endsWith('Flag Name')).toBe(true);
  });

  test('a bad email in init is refused, naming the flag', async () => {
    const result = await runCli(['init', '--yes', '--name', 'Jane', '--email', 'no-at-sign'], { cwd: temp.dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('--email');
  });

  test('init without a terminal and without --name names --name', async () => {
    const result = await runCli(['init'], { cwd: temp.dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('--name');
  });

  test('a broken profile is reported with its path', async () => {
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(join(temp.dir, '.config', 'appeal'), { recursive: true });
    writeFileSync(join(temp.dir, '.config', 'appeal', 'profile.yaml'), 'name: Jane\npaper: a3\n');
    const result = await write();
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('profile.yaml: the profile has problems');
    expect(result.stderr).toContain('paper:');
  });
});
