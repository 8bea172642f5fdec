import { join } from 'node:path';
import { dedent, makeTempDir } from '../helpers/temp-dir';
import { runCli } from '../helpers/run-cli';

const GOOD_CASE = dedent(`
  id: ua-7-26
  ua_number: "7.26"
  title: A good case of our group
  status: open
  deadline: 2026-12-24
  people:
    - name: Maria Good
      pronouns: she/her
  officials:
    - id: minister
      name: Minister Someone
      address:
        - 1 Main Street
        - 1000 Capital
      country: Nowhere
      email:
        - minister@example.org
      salutation: Dear Minister
  letter:
    template: good.hbs
`);

const BROKEN_CASE = dedent(`
  id: ua-8-26
  title: A broken case
  status: open
  people:
    - name: Broken Person
  officials:
    - id: minister
      name: Minister Someone
      email:
        - "[email protected]"
  letter:
    template: good.hbs
`);

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir({
    'mine/good.yaml': GOOD_CASE,
    'mine/broken.yaml': BROKEN_CASE,
    'mine/good.hbs': 'I write about {{case.people_names}}, on behalf of our group.\n',
    'typo/typo.yaml': GOOD_CASE.replace('ua-7-26', 'ua-9-26').replace('"7.26"', '"9.26"').replace('good.hbs', 'typo.hbs'),
    'typo/typo.hbs': 'I write about {{case.poeple_names}}.\n\n{{#if official.nmae}}x{{/if}}\n{{> footer}}\n',
    'clean/good.yaml': GOOD_CASE,
    'clean/good.hbs': 'I write about {{case.people_names}}.\n',
  });
});
afterAll(() => temp.cleanup());

describe('appeal validate', () => {
  test('a broken case file gets file:line:col and the field for each problem, and a non-zero exit', async () => {
    const result = await runCli(['validate', '--cases', 'mine'], { cwd: temp.dir });
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('mine/broken.yaml:7:5: officials[0].salutation: is missing');
    expect(result.stderr).toContain('mine/broken.yaml:10:9: officials[0].email[0]: is a hidden address');
    expect(result.stderr).toContain('2 problems in 1 file; 1 case is fine.');
  });

  test('a template variable that does not exist is an error, with the template line and column', async () => {
    const result = await runCli(['validate', '--cases', 'typo'], { cwd: temp.dir });
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('typo/typo.hbs:1:17: (template of ua-9-26): unknown variable "case.poeple_names"');
    expect(result.stderr).toContain('typo/typo.hbs:3:7: (template of ua-9-26): unknown variable "official.nmae"');
    expect(result.stderr).toContain('typo/typo.hbs:4:1: (template of ua-9-26): the partial "footer" does not exist');
  });

  test('good files pass', async () => {
    const result = await runCli(['validate', '--cases', 'clean'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('All 1 case and their templates are valid.');
  });

  test('the embedded library is valid', async () => {
    const result = await runCli(['validate'], { cwd: temp.dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('All 4 cases');
  });

  test('other commands warn about the broken file, naming it, and go on with the good cases', async () => {
    const result = await runCli(['list', '--cases', 'mine'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: 1 case file has problems and was left out');
    expect(result.stderr).toContain('mine/broken.yaml');
    expect(result.stdout).toContain('UA 7.26  Maria Good');
    expect(result.stdout).toContain('deadline: 2026-12-24 (32 days left)');
  });

  test('a user case is written with its own template', async () => {
    const result = await runCli(['write', '7/26', '--name', 'Jane Doe', '--stdout', '--cases', 'mine'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Dear Minister,\n\nI write about Maria Good, on behalf of our group.\n\nYours sincerely,\n\nJane Doe\n');
  });

  test('APPEAL_CASES adds folders too, and --no-builtin leaves the embedded ones out', async () => {
    const result = await runCli(['list', '--all', '--json', '--no-builtin'], { cwd: temp.dir, env: { APPEAL_CASES: 'clean' } });
    expect(JSON.parse(result.stdout).map((c: { id: string }) => c.id)).toEqual(['ua-7-26']);
  });

  test('a case of your own with the id of an embedded case wins over it, and validate names both', async () => {
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(join(temp.dir, 'copy'), { recursive: true });
    writeFileSync(join(temp.dir, 'copy', 'mine.yaml'), GOOD_CASE.replace('id: ua-7-26', 'id: ua-150-19'));
    writeFileSync(join(temp.dir, 'copy', 'good.hbs'), 'Body.\n');
    const result = await runCli(['list', '--cases', 'copy'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('UA 7.26  Maria Good');
    expect(result.stdout).not.toContain('Server Mustafayev');
    const validate = await runCli(['validate', '--cases', 'copy', '--no-builtin'], { cwd: temp.dir });
    expect(validate.code).toBe(0);
    const both = await runCli(['validate'], { cwd: temp.dir, env: { APPEAL_CASES: 'copy' } });
    expect(both.code).toBe(0);
    expect(both.stderr).toMatch(/cases\/ua-150-19\.yaml: warning: id: "ua-150-19" is also the id of copy\/mine\.yaml \(your case folder\), which is used instead/);
  });

  test('the same id in two files is an error naming both', async () => {
    const result = await runCli(['validate', '--cases', 'mine', '--cases', 'clean'], { cwd: temp.dir });
    expect(result.code).toBe(65);
    expect(result.stderr).toMatch(/clean\/good\.yaml: id: "ua-7-26" is also the id of mine\/good\.yaml/);
  });
});
