import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCaseFile } from '../../src/cases/read-case-file';
import { formatCaseProblem } from '../../src/cases/case-problem';
import { dedent, makeTempDir } from '../helpers/temp-dir';

const GOOD = dedent(`
  id: ua-1-26
  ua_number: "1.26"
  title: A test case
  status: open
  people:
    - name: Test Person
  officials:
    - id: minister
      name: Minister Someone
      address:
        - 1 Main Street
      country: Nowhere
      email:
        - minister@example.org
      salutation: Dear Minister
  letter:
    template: ../templates/x.hbs
`);

function problemsOf(yaml: string): string[] {
  const { dir, cleanup } = makeTempDir();
  try {
    const file = join(dir, 'case.yaml');
    writeFileSync(file, yaml);
    return readCaseFile(file, 'case.yaml').problems.map(formatCaseProblem);
  } finally {
    cleanup();
  }
}

describe('readCaseFile reports every problem at once, with file:line:col and the field', () => {
  test('a good file has no problems', () => {
    expect(problemsOf(GOOD)).toEqual([]);
  });

  test.each([
    ['a misspelt field', GOOD.replace('title:', 'titel:'), ['case.yaml:3:1: titel: is not a case field', 'case.yaml:1:1: title: is missing']],
    ['a bad status', GOOD.replace('status: open', 'status: opened'), ['case.yaml:4:9: status: must be "open" or "closed"']],
    ['a hidden email', GOOD.replace('minister@example.org', '"[email protected]"'), ['case.yaml:14:9: officials[0].email[0]: is a hidden address']],
    ['two addresses in one field', GOOD.replace('minister@example.org', '"a@x.org, b@y.org"'), ['case.yaml:14:9: officials[0].email[0]: must be exactly one address']],
    ['a missing salutation', GOOD.replace('    salutation: Dear Minister\n', ''), ['case.yaml:8:5: officials[0].salutation: is missing']],
    ['a date that is not a date', GOOD.replace('status: open', 'status: open\ndeadline: 2026-02-30'), ['case.yaml:5:11: deadline: is not a real calendar date']],
    ['a line break in a name', GOOD.replace('name: Minister Someone', 'name: "Minister\\nSomeone"'), ['case.yaml:9:11: officials[0].name: contains a line break']],
  ])('%s', (_, yaml, expected) => {
    const problems = problemsOf(yaml);
    for (const line of expected) expect(problems.some((problem) => problem.startsWith(line))).toBe(true);
    expect(problems.length).toBe(expected.length);
  });

  test('several problems come back together', () => {
    const yaml = GOOD.replace('status: open', 'status: maybe').replace('id: minister', 'id: Minister!').replace('minister@example.org', 'no-at-sign');
    expect(problemsOf(yaml)).toHaveLength(3);
  });

  test('broken YAML gives the position of the break', () => {
    const [problem] = problemsOf('id: x\ntitle: [unclosed\nstatus: open\n');
    expect(problem).toMatch(/^case\.yaml:\d+:\d+: YAML: /);
  });

  test('a duplicate key names the positions of both keys', () => {
    const [problem] = problemsOf(GOOD.replace('status: open', 'status: open\nstatus: closed'));
    expect(problem).toMatch(/^case\.yaml:5:1: .*unique.*first appears at line 4, column 1/);
  });
});
