/**
 * Issue "Hardening", items 1–7: hostile and broken case files. Each is refused by
 * `appeal validate` with file:line:col, a non-zero status, and nothing written; other commands
 * go on without the file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCaseFile } from '../../src/cases/read-case-file';
import { formatCaseProblem } from '../../src/cases/case-problem';
import { dedent, makeTempDir } from '../helpers/temp-dir';
import { runCli } from '../helpers/run-cli';

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
      salutation: Dear Minister
  letter:
    template: letter.hbs
`);

function check(yaml: string | Buffer): string[] {
  const { dir, cleanup } = makeTempDir({ 'letter.hbs': 'Body.\n' });
  try {
    const file = join(dir, 'case.yaml');
    writeFileSync(file, yaml);
    return readCaseFile(file, 'case.yaml').problems.map(formatCaseProblem);
  } finally {
    cleanup();
  }
}

describe('1. broken YAML and duplicate keys', () => {
  test.each([
    ['bad indentation', GOOD.replace('  - name: Test Person', '- name: Test Person\n   pronouns: she/her'), /^case\.yaml:\d+:\d+: YAML: /],
    ['a tab for indentation', GOOD.replace('  - name: Test Person', '\t- name: Test Person'), /^case\.yaml:6:1: YAML: .*\n\s+Indent with spaces, not tabs\./],
    ['a missing colon', GOOD.replace('status: open', 'status open'), /^case\.yaml:\d+:\d+: YAML: /],
  ])('%s is reported with its position and how to fix it', (_, yaml, expected) => {
    const problems = check(yaml);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(expected);
  });

  test('a duplicate key gives the positions of both keys', () => {
    expect(check(GOOD.replace('status: open', 'status: open\nstatus: closed'))).toEqual([
      expect.stringMatching(/^case\.yaml:5:1: Map keys must be unique \("status" first appears at line 4, column 1\)/),
    ]);
  });
});

describe('2. alias bombs', () => {
  test('"billion laughs" is refused at once, without expanding anything', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const before = process.memoryUsage().heapUsed;
    const problems = check(`${levels.join('\n')}\n`);
    expect(problems[0]).toMatch(/^case\.yaml:\d+:\d+: uses a YAML alias \(\*name\); case files may not/);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });
});

describe('3. tags', () => {
  test.each(['!!binary aGVsbG8=', '!!set {a, b}', '!!js/function "function(){}"', '!custom value', '!!timestamp 2026-01-01'])('%s is refused, never turned into an object', (value) => {
    const problems = check(GOOD.replace('title: A test case', `title: ${value}`));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(/case\.yaml:3:\d+: (YAML: .*tag|uses the YAML tag)/);
  });
});

describe('4. __proto__, constructor and prototype keys', () => {
  test.each(['__proto__', 'constructor', 'prototype'])('%s is refused anywhere, and nothing in the program changes', (key) => {
    const nested = GOOD.replace('    salutation: Dear Minister', `    salutation: Dear Minister\n    ${key}:\n      polluted: true`);
    const top = `${key}:\n  polluted: true\n${GOOD}`;
    for (const yaml of [nested, top]) {
      const problems = check(yaml);
      expect(problems.join('\n')).toContain(`"${key}" is not allowed as a key`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });
});

describe('5. empty, several documents, too large', () => {
  test.each([
    ['an empty file', '', /^case\.yaml: is empty/],
    ['only comments', '# nothing here\n', /^case\.yaml: is empty/],
    ['two documents', `${GOOD}---\n${GOOD}`, /^case\.yaml:\d+:\d+: holds 2 YAML documents; a case file holds one/],
    ['a file over 1 MB', `${GOOD}summary: "${'x'.repeat(1024 * 1024)}"\n`, /^case\.yaml: is 1\.0 MB; a case file may be at most 1 MB/],
    ['bytes that are not UTF-8', Buffer.from('id: caf\xe9\n', 'latin1'), /^case\.yaml: is not UTF-8 text/],
  ])('%s is refused with the reason', (_, content, expected) => {
    expect(check(content)[0]).toMatch(expected);
  });
});

describe('6. templates', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    const withTemplate = (name: string, template: string) => ({
      [`${name}/case.yaml`]: GOOD,
      [`${name}/letter.hbs`]: template,
    });
    temp = makeTempDir({
      ...withTemplate('unknown', 'I write about {{nmae}}.\n'),
      ...withTemplate('block', 'Hello.\n\n{{#if nmae}}x{{/if}}\n'),
      ...withTemplate('unclosed', 'Hello.\n\n{{#if sender.name}}x\n'),
      ...withTemplate('partial', 'Hello.\n{{> footer}}\n'),
      ...withTemplate('log', 'Hello {{log "secret"}}.\n'),
      ...withTemplate('lookup', 'Hello {{lookup official "name"}}.\n'),
      'not-string/case.yaml': GOOD.replace('template: letter.hbs', 'template:\n    - letter.hbs'),
    });
  });
  afterAll(() => temp.cleanup());

  test.each([
    ['unknown', /unknown\/letter\.hbs:1:17: \(template of ua-1-26\): unknown variable "nmae"/],
    ['block', /block\/letter\.hbs:3:7: \(template of ua-1-26\): unknown variable "nmae"/],
    ['unclosed', /unclosed\/letter\.hbs:\d+:\d+: \(template of ua-1-26\): the template cannot be read/],
    ['partial', /partial\/letter\.hbs:2:1: \(template of ua-1-26\): the partial "footer" does not exist/],
    ['log', /log\/letter\.hbs:1:7: \(template of ua-1-26\): "log" is a helper; letters use plain variables only/],
    ['lookup', /lookup\/letter\.hbs:1:7: \(template of ua-1-26\): "lookup" is a helper/],
    ['not-string', /not-string\/case\.yaml:16:5: letter\.template: must be the path of a Handlebars file/],
  ])('%s is refused at validation, with the line and column', async (folder, expected) => {
    const result = await runCli(['validate', '--cases', folder], { cwd: temp.dir });
    expect(result.code).toBe(65);
    expect(result.stderr).toMatch(expected);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('7. values that look like templates', () => {
  test('"{{constructor}}" in a name is printed as written, never rendered', async () => {
    const { dir, cleanup } = makeTempDir({
      'mine/case.yaml': GOOD.replace('name: Test Person', 'name: "{{constructor}} {{sender.name}}"').replace('Minister Someone', '"{{#each x}}Minister{{/each}}"'),
      'mine/letter.hbs': 'I write about {{case.people_names}} to {{official.name}}.\n',
    });
    try {
      const result = await runCli(['write', 'ua-1-26', '--cases', 'mine', '--name', '{{sender.email}} {{constructor.name}}', '--stdout'], { cwd: dir });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('I write about {{constructor}} {{sender.name}} to {{#each x}}Minister{{/each}}.');
      expect(result.stdout.trimEnd().endsWith('{{sender.email}} {{constructor.name}}')).toBe(true);
    } finally {
      cleanup();
    }
  });
});
