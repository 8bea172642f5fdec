/**
 * Issue "Hardening", items 8, 11 and 12 for email drafts: names as written, headers only from
 * structured values (nothing smuggled through any field, never a Bcc), and address forms that
 * are not one address refused when the case is checked, while valid international domains are
 * encoded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dedent, makeTempDir } from '../helpers/temp-dir';
import { runCli } from '../helpers/run-cli';
import { rawLines, readWithMailparser } from '../helpers/read-email';

const caseWithEmail = (email: string, extra = '') =>
  dedent(`
    id: ua-5-26
    ua_number: "5.26"
    title: Email checks
    status: open
    people:
      - name: Test Person
    officials:
      - id: minister
        name: Minister Someone
        email:
          - ${JSON.stringify(email)}
        salutation: Dear Minister
    letter:
      template: letter.hbs
  `) + extra;

describe('12. address forms that are not one address are refused when the case is checked', () => {
  test.each([
    ['a@x.org, b@y.org', 'must be exactly one address'],
    ['"u"@ex.com(x)evil.com', 'must be exactly one address'],
    ['user@exa mple.org', 'must be exactly one address'],
    ['[email protected]', 'is a hidden address'],
    ['no-at-sign', 'must have exactly one "@"'],
    ['a@b@c.org', 'must have exactly one "@"'],
    ['user@localhost', 'has an unusable domain'],
    ['user@-bad-.org', 'has an unusable domain'],
  ])('%s: %s', async (email, message) => {
    const { dir, cleanup } = makeTempDir({ 'mine/case.yaml': caseWithEmail(email), 'mine/letter.hbs': 'Body.\n' });
    try {
      const result = await runCli(['validate', '--cases', 'mine'], { cwd: dir });
      expect(result.code).toBe(65);
      expect(result.stderr).toContain(`mine/case.yaml:11:9: officials[0].email[0]: ${message}`);
    } finally {
      cleanup();
    }
  });

  test('a valid international domain is accepted and written in ASCII (punycode) in the draft', async () => {
    const { dir, cleanup } = makeTempDir({ 'mine/case.yaml': caseWithEmail('büro@bücher.example'.replace('büro', 'buero')), 'mine/letter.hbs': 'Body.\n' });
    try {
      const result = await runCli(['write', '5.26', '--cases', 'mine', '--name', 'Jane', '--email', 'jane@例え.jp', '--format', 'email', '--out', 'out'], { cwd: dir });
      expect(result.code).toBe(0);
      const [file] = readdirSync(join(dir, 'out'));
      const raw = readFileSync(join(dir, 'out', file!));
      const mail = await readWithMailparser(raw);
      // mailparser shows the domain in Unicode again; on the wire it is ASCII.
      expect(mail.to).toEqual(['buero@bücher.example']);
      expect(rawLines(raw).some((line) => line.startsWith('To:') && line.includes('buero@xn--bcher-kva.example'))).toBe(true);
      expect(rawLines(raw).some((line) => line.startsWith('From:') && line.includes('jane@xn--r8jz45g.jp'))).toBe(true);
    } finally {
      cleanup();
    }
  });
});

describe('8 and 11. every header from structured values', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    temp = makeTempDir({ 'mine/case.yaml': caseWithEmail('minister@example.org'), 'mine/letter.hbs': 'Body.\n' });
  });
  afterAll(() => temp.cleanup());

  test("O'Brien & Søn <x> is the From name as written, and signs the letter as written", async () => {
    const result = await runCli(['write', '5.26', '--cases', 'mine', '--name', "O'Brien & Søn <x>", '--email', 'ob@example.org', '--format', 'email', '--stdout'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    const mail = await readWithMailparser(Buffer.from(result.stdout));
    expect(mail.from).toEqual([{ name: "O'Brien & Søn <x>", address: 'ob@example.org' }]);
    expect(mail.body.trimEnd().endsWith("O'Brien & Søn <x>")).toBe(true);
    expect(mail.body).not.toContain('&amp;');
  });

  test.each([
    ['--name', 'Eve\r\nBcc: x@example.org'],
    ['--name', 'Eve\nBcc: x@example.org'],
    ['--email', 'eve@example.org\r\nBcc: x@example.org'],
    ['--email', 'eve@example.org, x@example.org'],
  ])('%s %j cannot add a header: refused, nothing written', async (flag, value) => {
    const args = ['write', '5.26', '--cases', 'mine', '--name', 'Eve', '--email', 'eve@example.org', '--format', 'email', '--out', 'smuggle'];
    args[args.indexOf(flag) + 1] = value;
    const result = await runCli(args, { cwd: temp.dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain(flag);
    expect(() => readdirSync(join(temp.dir, 'smuggle'))).toThrow();
  });

  test('a subject with a line break in the case file is refused when the case is checked', async () => {
    const { dir, cleanup } = makeTempDir({
      'mine/case.yaml': caseWithEmail('minister@example.org').replace('  template: letter.hbs', '  template: letter.hbs\n  subject: "Hello\\r\\nBcc: x@example.org"'),
      'mine/letter.hbs': 'Body.\n',
    });
    try {
      const result = await runCli(['validate', '--cases', 'mine'], { cwd: dir });
      expect(result.code).toBe(65);
      expect(result.stderr).toMatch(/mine\/case\.yaml:\d+:\d+: letter\.subject: contains a carriage return/);
    } finally {
      cleanup();
    }
  });
});
