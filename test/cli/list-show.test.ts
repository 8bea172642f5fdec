import { makeTempDir } from '../helpers/temp-dir';
import { runCli } from '../helpers/run-cli';

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => temp.cleanup());

describe('appeal list', () => {
  test('lists the open cases only, with deadline, people and channels', async () => {
    const result = await runCli(['list'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('UA 150.19  Server Mustafayev');
    expect(result.stdout).toContain('2 officials: post 2, fax 2, phone 1, Twitter 2');
    expect(result.stdout).toContain('deadline: no deadline');
    // Closed and past their deadline at the test clock (2026-11-22):
    expect(result.stdout).not.toContain('UA 126.19');
    expect(result.stdout).not.toContain('miftakhov');
  });

  test('--all adds closed and expired cases with their status', async () => {
    const result = await runCli(['list', '--all'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/UA 126\.19 .*\[closed\]/);
    expect(result.stdout).toMatch(/miftakhov-2026 {2}Azat Miftakhov {2}\[expired\]/);
    expect(result.stdout).toContain('deadline: 2026-07-15 (passed 130 days ago)');
  });

  test('--all --json gives every case with its id, status and deadline', async () => {
    const result = await runCli(['list', '--all', '--json'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    const cases = JSON.parse(result.stdout) as { id: string; status: string; deadline: string | null }[];
    const byId = Object.fromEntries(cases.map((c) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual(['covid-19-kremlin-prisoners', 'miftakhov-2026', 'ua-126-19', 'ua-150-19']);
    expect(byId['ua-126-19']).toMatchObject({ status: 'closed', deadline: null });
    expect(byId['miftakhov-2026']).toMatchObject({ status: 'expired', deadline: '2026-07-15' });
    expect(byId['ua-150-19']).toMatchObject({ status: 'open', deadline: null });
  });

  test('when nothing is open it says so and how to see the rest', async () => {
    const result = await runCli(['list', '--no-builtin', '--cases', '.'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No open cases');
    expect(result.stdout).toContain('appeal list --all');
  });

  test('an earlier clock shows the Miftakhov case open, nearest deadline first', async () => {
    const result = await runCli(['list'], { cwd: temp.dir, env: { APPEAL_NOW: '2026-07-01' } });
    expect(result.stdout).toContain('deadline: 2026-07-15 (14 days left)');
    expect(result.stdout.indexOf('miftakhov-2026')).toBeLessThan(result.stdout.indexOf('UA 150.19'));
  });
});

describe('appeal show', () => {
  test('shows officials numbered, with contacts, salutation and ways to reach them', async () => {
    const result = await runCli(['show', '150/19'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('UA 150.19: Human Rights Defender Imprisoned and Ill-Treated');
    expect(result.stdout).toContain('1. Yuriy Yakovlevich Chaika');
    expect(result.stdout).toContain('2. Ambassador Anatoly Antonov');
    expect(result.stdout).toContain('Salutation: Dear Ambassador');
    expect(result.stdout).toContain('125993 Moscow GSP-3');
    expect(result.stdout).toContain('Fax: +7495 987 58 41, +7495 692 17 25');
    expect(result.stdout).toContain('Email: hidden in the document');
  });

  test('shows people with pronouns, the post limit and the history of a closed case', async () => {
    const result = await runCli(['show', 'UA 126/19'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Emir-Usein Kuku (he/him)');
    expect(result.stdout).toContain('Status: closed');
    expect(result.stdout).toContain('No post: Due to postal restrictions caused by COVID-19, please only send physical mail to the Embassy');
    expect(result.stdout).toContain('Final output: Fourth and final output for UA 126/19');
  });

  test('shows what a petition asks and of whom', async () => {
    const result = await runCli(['show', 'covid-19-kremlin-prisoners'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('A petition, not a letter to an official');
    expect(result.stdout).toContain('the Council of Europe');
    expect(result.stdout).toContain('release all political prisoners in the occupied Crimea and Russia');
  });

  test('--json prints the whole case', async () => {
    const result = await runCli(['show', 'miftakhov', '--json'], { cwd: temp.dir });
    const json = JSON.parse(result.stdout);
    expect(json.officials[0].email).toEqual(['proknadzor-iu-yanao@89.mailop.ru', 'prokyanao@89.mailop.ru', 'prokyan-iu@yandex.ru']);
    expect(json.preferred_languages).toEqual(['Russian', 'English']);
  });

  test('an unknown case gets the near matches and a usage status', async () => {
    const result = await runCli(['show', 'mustafaev'], { cwd: temp.dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('No case matches "mustafaev"');
    expect(result.stderr).toContain('ua-150-19');
  });
});
