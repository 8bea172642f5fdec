/**
 * Issue 14, items 5 to 8: case folders are shared between groups, so everything in them is
 * untrusted. A model letter cannot lead out of its case's folder; only regular files are read,
 * never more than a limit; templates cannot make a letter of gigabytes; control characters are
 * refused in case files and templates, and never reach a terminal from any command.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dedent, makeTempDir } from '../helpers/temp-dir';
import { runCli } from '../helpers/run-cli';
import { terminalSafe } from '../../src/text/terminal-text';

const SECRET = 'TOP SECRET: the group treasurer password';

/** A case file of `id` whose model letter is `template`, plus any other lines. */
function caseFile(id: string, template: string, extra = ''): string {
  const [, n] = /ua-(\d+)-26/.exec(id)!;
  return dedent(`
    id: ${id}
    ua_number: "${n}/26"
    title: A case
    status: open
    people:
      - name: Someone Held
    officials:
      - id: minister
        name: Minister Jane Doe
        salutation: Dear Minister
        email: [minister@example.org]
        address: ["Ministry of Justice", "1 Main Road", "Capital"]
    letter:
      template: ${template}
  `) + extra;
}

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir({
    'secret.hbs': `${SECRET}\n`,
    'mine/good.hbs': 'Please release {{case.people_names}}.\n',
    'mine/good.yaml': caseFile('ua-1-26', 'good.hbs'),
    'mine/up.yaml': caseFile('ua-2-26', '../secret.hbs'),
    'mine/absolute.yaml': caseFile('ua-3-26', 'ABSOLUTE'),
    'mine/linked.yaml': caseFile('ua-4-26', 'linked.hbs'),
  });
  writeFileSync(join(temp.dir, 'mine/absolute.yaml'), caseFile('ua-3-26', join(temp.dir, 'secret.hbs')));
  symlinkSync(join(temp.dir, 'secret.hbs'), join(temp.dir, 'mine/linked.hbs'));
});
afterAll(() => temp.cleanup());

/** Every file under the temporary folder, with its content, to check where a text went. */
function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('secret.hbs'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

describe('5. a model letter must stay inside its case folder', () => {
  test('validate names each way out (../, an absolute path, a link) and says nothing of the file read', async () => {
    const result = await runCli(['validate', '--cases', 'mine'], { cwd: temp.dir });
    expect(result.code).toBe(65);
    expect(result.stderr).toContain("mine/up.yaml:14:13: letter.template: names secret.hbs, which is outside the case's folder; it was not read");
    expect(result.stderr).toContain(`mine/absolute.yaml:14:13: letter.template: names secret.hbs, which is outside the case's folder; it was not read`);
    expect(result.stderr).toContain(`mine/linked.yaml:14:13: letter.template: names mine/linked.hbs, which is outside the case's folder (it leads to secret.hbs); it was not read`);
    expect(result.stderr).toContain('1 case is fine');
    expect(result.stderr + result.stdout).not.toContain(SECRET);
  });

  test('write and an email draft cannot carry the file: the case is left out, nothing is written', async () => {
    for (const id of ['2/26', '3/26', '4/26']) {
      const result = await runCli(['write', id, '--cases', 'mine', '--name', 'Ann Smith', '--email', 'ann@example.org', '--format', 'all', '--out', 'out'], { cwd: temp.dir });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/outside the case's folder/);
    }
    expect(allText(temp.dir)).not.toContain(SECRET);
    expect(readdirSync(temp.dir)).not.toContain('out');
  });
});

describe('6. only regular files are read from a case folder, and never more than a limit', () => {
  let folder: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    folder = makeTempDir({ 'cases/good.hbs': 'Please release {{case.people_names}}.\n', 'cases/good.yaml': caseFile('ua-1-26', 'good.hbs') });
    execFileSync('mkfifo', [join(folder.dir, 'cases/a.yaml')]);
    symlinkSync('/dev/zero', join(folder.dir, 'cases/zero.yaml'));
    writeFileSync(join(folder.dir, 'cases/fifo-letter.yaml'), caseFile('ua-5-26', 'pipe.hbs'));
    execFileSync('mkfifo', [join(folder.dir, 'cases/pipe.hbs')]);
    writeFileSync(join(folder.dir, 'cases/big.yaml'), caseFile('ua-6-26', 'big.hbs'));
    writeFileSync(join(folder.dir, 'cases/big.hbs'), `Please release {{case.people_names}}.\n${'A long letter. '.repeat(7000)}\n`);
  });
  afterAll(() => folder.cleanup());

  test('a FIFO, a link to /dev/zero and a FIFO as a template are named; list does not hang and shows the good case', async () => {
    const result = await runCli(['list', '--cases', 'cases', '--no-builtin'], { cwd: folder.dir, timeoutMs: 30_000 });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('cases/a.yaml: is a named pipe (FIFO), not a regular file');
    expect(result.stderr).toContain('cases/zero.yaml: is a link to /dev/zero, outside its folder cases; it was not read');
    expect(result.stderr).toContain('cases/fifo-letter.yaml:14:13: letter.template: names cases/pipe.hbs, which is a named pipe (FIFO), not a regular file');
    expect(result.stdout).toContain('UA 1/26');
  });

  test('a profile that is a named pipe stops every command at once with its name, instead of hanging', async () => {
    execFileSync('mkdir', ['-p', join(folder.dir, 'config')]);
    execFileSync('mkfifo', [join(folder.dir, 'config/profile.yaml')]);
    const result = await runCli(['list'], { cwd: folder.dir, env: { APPEAL_CONFIG: join(folder.dir, 'config') }, timeoutMs: 30_000 });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(65);
    expect(result.stderr).toContain(`appeal: ${join(folder.dir, 'config/profile.yaml')}: the profile is a named pipe (FIFO), not a regular file.`);
  });

  test('7. a template over 64 KB is refused by validate, before any command renders it', async () => {
    const result = await runCli(['validate', '--cases', 'cases'], { cwd: folder.dir, timeoutMs: 30_000 });
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('cases/big.yaml:14:13: letter.template: names cases/big.hbs, which is 103 KB; at most 64 KB is read; a model letter is a page or two');
  });
});

describe('7. templates cannot exhaust memory', () => {
  let folder: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    const people = Array.from({ length: 1000 }, (_, i) => `  - name: Person number ${i + 1}\n`).join('');
    const withPeople = (id: string, template: string) => caseFile(id, template).replace('  - name: Someone Held\n', people);
    folder = makeTempDir({
      'cases/three.yaml': withPeople('ua-1-26', 'three.hbs'),
      'cases/three.hbs': '{{#each case.people}}{{#each ../case.people}}{{#each ../../case.people}}{{name}}{{/each}}{{/each}}{{/each}}\n',
      'cases/two.yaml': withPeople('ua-2-26', 'two.hbs'),
      'cases/two.hbs': 'Please release {{#each case.people}}{{#each ../case.people}}{{name}}, {{/each}}{{/each}}.\n',
      'cases/repeat.yaml': withPeople('ua-3-26', 'repeat.hbs'),
      'cases/repeat.hbs': `${'{{case.people_names}} '.repeat(2000)}\n`,
    });
  });
  afterAll(() => folder.cleanup());

  test('three nested #each blocks are refused by validate, with the line and column', async () => {
    const result = await runCli(['validate', '--cases', 'cases'], { cwd: folder.dir });
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('cases/three.hbs:1:46: (template of ua-1-26): {{#each}} inside 2 other {{#each}} blocks; a letter may nest them 2 deep at most');
  });

  test.each([
    ['two nested #each over 1,000 people', '2/26', 'two.hbs'],
    ['a long value repeated 2,000 times', '3/26', 'repeat.hbs'],
  ])('%s: write stops with a clear error and writes nothing', async (_, id, template) => {
    const result = await runCli(['write', id, '--cases', 'cases', '--no-builtin', '--name', 'Ann Smith', '--target', '1', '--out', 'out'], { cwd: folder.dir, timeoutMs: 60_000 });
    expect(result.code).toBe(65);
    expect(result.stderr).toContain(`cases/${template}: the model letter of ua-${id.replace('/', '-')}: the letter would be longer than 50,000 characters; a letter is a few pages at most; nothing was written.`);
    expect(readdirSync(folder.dir)).not.toContain('out');
  });
});

describe('8. terminal escapes', () => {
  let folder: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    folder = makeTempDir({
      'cases/good.hbs': 'Please release {{case.people_names}}.\n',
      'cases/raw.yaml': caseFile('ua-1-26', 'good.hbs', 'summary: "A summary \u001b]0;owned\u0007 that retitles the window"\n'),
      'cases/escaped.yaml': caseFile('ua-2-26', 'good.hbs', 'summary: "A summary \\e[2J that clears the screen"\n'),
      'cases/bidi.yaml': caseFile('ua-3-26', 'good.hbs', 'summary: "Release \u202egnorw eht\u202c them"\n'),
      'cases/c1.yaml': caseFile('ua-4-26', 'good.hbs', 'summary: "Hidden \\u009b8m text"\n'),
      'cases/letter.yaml': caseFile('ua-5-26', 'letter.hbs'),
      'cases/letter.hbs': 'Please release {{case.people_names}}.\u001b[8m hidden\n',
      // A file name is data too: it reaches the terminal in every warning about the file.
      'cases/\u001b]0;owned\u0007name.yaml': 'id: [unclosed\n',
    });
  });
  afterAll(() => folder.cleanup());

  test('validate refuses ESC, CSI, OSC and bidi controls in case files and templates, with their position', async () => {
    const result = await runCli(['validate', '--cases', 'cases'], { cwd: folder.dir });
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('cases/raw.yaml:15:21: contains ESC (U+001B), which starts terminal escape sequences; case files are plain text');
    expect(result.stderr).toContain('cases/escaped.yaml:15:10: summary: contains ESC (U+001B), which starts terminal escape sequences; case files are plain text');
    expect(result.stderr).toContain('cases/bidi.yaml:15:19: contains a bidi control (U+202E), which reorders text on screen; case files are plain text');
    expect(result.stderr).toContain('cases/c1.yaml:15:10: summary: contains a control character (U+009B); case files are plain text');
    expect(result.stderr).toContain('cases/letter.hbs:1:38: (template of ua-5-26): contains ESC (U+001B), which starts terminal escape sequences; a model letter is plain text');
  });

  test('no command prints a control character from data: a file name with an escape comes out escaped', async () => {
    for (const args of [['list', '--cases', 'cases'], ['validate', '--cases', 'cases'], ['show', '150.19', '--cases', 'cases']]) {
      const result = await runCli(args, { cwd: folder.dir });
      const printed = result.stdout + result.stderr;
      expect(printed).toContain('cases/\\u001b]0;owned\\u0007name.yaml');
      expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
    }
  });

  test.each([
    ['A \u001b]0;x\u0007 title', 'A \\u001b]0;x\\u0007 title'],
    ['CSI \u009b2J and OSC \u009d', 'CSI \\u009b2J and OSC \\u009d'],
    ['bidi \u202e and \u2066isolate\u2069', 'bidi \\u202e and \\u2066isolate\\u2069'],
    ['line\nbreaks, tabs\tand CRLF\r\n stay; a lone \r does not', 'line\nbreaks, tabs\tand CRLF\r\n stay; a lone \\u000d does not'],
    ['Анна, José, עברית, العربية', 'Анна, José, עברית, العربية'],
  ])('terminalSafe(%j)', (text, shown) => {
    expect(terminalSafe(text)).toBe(shown);
  });
});
