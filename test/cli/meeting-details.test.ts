import { runCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

const BROKEN = 'id: my-case\nkind: urgent-action\ntitle: A case\nstatus: opn\npeople: []\n';
const OLD_CASE = [
  'id: old-case',
  'ua_number: "12.21"',
  'kind: urgent-action',
  'title: An old case',
  'status: open',
  'people: [{ name: Jane Roe }]',
  'officials:',
  '  - id: minister',
  '    name: Minister Alex Example',
  '    address: [1 Main Street, 10000 Capital]',
  '    salutation: Dear Minister',
  'letter: { template: old-case.hbs }',
  '',
].join('\n');

describe('details a group meets on the night', () => {
  const temp = makeTempDir({ 'mine/my-case.yaml': BROKEN, 'old/old-case.yaml': OLD_CASE, 'old/old-case.hbs': 'Please release {{case.people_names}}.\n' });
  afterAll(() => temp.cleanup());
  const run = (args: string[]) => runCli(args, { cwd: temp.dir });

  test('write names a case file left out because of errors, exit 65, not "no case matches"', async () => {
    const result = await run(['write', 'my-case', '--cases', 'mine', '--name', 'X', '--stdout']);
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('appeal: mine/my-case.yaml: this case is left out because of errors: run appeal validate');
    expect(result.stderr).toContain('mine/my-case.yaml:4:9: status: must be "open" or "closed"');
    expect(result.stderr).not.toContain('No case matches');
  });

  test('a case with no deadline issued years ago is "probably over", listed after current cases', async () => {
    const list = await run(['list', '--cases', 'old']);
    expect(list.code).toBe(0);
    const lines = list.stdout.split('\n');
    expect(lines).toContain('  probably over: check before writing (its UA number is from 2019; no deadline)');
    expect(lines).toContain('  probably over: check before writing (its UA number is from 2021; no deadline)');
    // The current case (no deadline, no UA number) comes before both.
    expect(lines.indexOf('covid-19-kremlin-prisoners  (no one person named)')).toBeLessThan(lines.indexOf('UA 150.19  Server Mustafayev'));
    const json = JSON.parse((await run(['list', '--cases', 'old', '--json'])).stdout) as { id: string; probably_over: string | null }[];
    expect(json.map((item) => [item.id, item.probably_over])).toEqual([
      ['covid-19-kremlin-prisoners', null],
      ['old-case', 'its UA number is from 2021; no deadline'],
      ['ua-150-19', 'its UA number is from 2019; no deadline'],
    ]);
    const write = await run(['write', 'old-case', '--cases', 'old', '--name', 'X', '--stdout']);
    expect(write.code).toBe(0);
    expect(write.stderr).toContain('warning: UA 12.21 is probably over (its UA number is from 2021; no deadline): check with the Amnesty office in your country that it is still current before sending.');
  });

  test('show names the case folder a user’s case came from', async () => {
    const result = await run(['show', 'old-case', '--cases', 'old']);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('Case file: old/old-case.yaml, from your case folder old (--cases, APPEAL_CASES or your profile).');
    expect(result.stdout).toContain('Status: probably over: check before writing (its UA number is from 2021; no deadline)');
  });

  test('--paper is accepted in any case', async () => {
    const result = await run(['write', 'miftakhov', '--name', 'X', '--format', 'pdf', '--paper', 'A4', '--out', 'paper']);
    expect(result.stderr).not.toContain('invalid');
    expect(result.code).toBe(0);
  });

  test('the "no email" refusal points to a PDF for post', async () => {
    const result = await run(['write', '150.19', '--target', 'all', '--name', 'X', '--format', 'email']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('For a letter to print and post: appeal write ua-150-19 --target 1 --target 2 --format pdf');
  });
});
