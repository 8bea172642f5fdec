import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli';
import { dedent, makeTempDir } from '../helpers/temp-dir';
import { rawLines, readWithMailparser, readWithPython } from '../helpers/read-email';

const MIFTAKHOV_TO = ['proknadzor-iu-yanao@89.mailop.ru', 'prokyanao@89.mailop.ru', 'prokyan-iu@yandex.ru'];
const MIFTAKHOV_SUBJECT = 'Azat Miftakhov (Imprisoned Activist Allegedly Tortured)';

/** A case of our own: the first official takes only post, the second takes email too. */
const MIXED_CASE = {
  'my-cases/ua-9-26.yaml': dedent(`
    id: ua-9-26
    ua_number: "9.26"
    title: Student Detained
    status: open
    people:
      - name: Leyla Aliyeva
    officials:
      - id: minister
        name: Minister of Justice
        address:
          - 1 Main Street
          - Capital City
        country: Freedonia
        fax:
          - +1 555 0100
        salutation: Dear Minister
      - id: embassy
        name: Ambassador of Freedonia
        address:
          - 2 Embassy Row
        email:
          - embassy@freedonia.example
        salutation: Dear Ambassador
    letter:
      template: ua-9-26.hbs
      subject: Release Leyla Aliyeva now
  `),
  'my-cases/ua-9-26.hbs': 'I urge you to release Leyla Aliyeva.\n',
};

/** Every draft any test here wrote or printed, read back at the end for Bcc lines. */
const everyDraft: Buffer[] = [];

function draftsIn(dir: string): Buffer[] {
  if (!existsSync(dir)) return [];
  const drafts = readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .map((name) => readFileSync(join(dir, name)));
  everyDraft.push(...drafts);
  return drafts;
}

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir(MIXED_CASE);
});
afterEach(() => temp.cleanup());

describe('appeal write --format email', () => {
  it('writes one draft for the Miftakhov prosecutor that both MIME parsers read as the letter', async () => {
    const out = join(temp.dir, 'DIR');
    const result = await runCli(['write', 'miftakhov', '--language', 'en', '--target', '1', '--name', 'Анна Иванова', '--email', 'anna@example.org', '--format', 'email', '--out', out], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: the deadline of miftakhov-2026 \(2026-07-15\) has passed/);
    const files = readdirSync(out);
    expect(files).toEqual(['miftakhov-2026_yanao-prosecutor_анна-иванова.eml']);
    expect(result.stdout).toBe(`Wrote ${join(out, files[0]!)}\n`);

    const [raw] = draftsIn(out);
    const [python] = readWithPython([raw!]);
    const node = await readWithMailparser(raw!);
    for (const read of [node, python!]) {
      expect(read.to).toEqual(MIFTAKHOV_TO);
      expect(read.from).toEqual([{ name: 'Анна Иванова', address: 'anna@example.org' }]);
      expect(read.subject).toBe(MIFTAKHOV_SUBJECT);
      expect(read.xUnsent).toBe('1');
      expect(read.date).toMatch(/^2026-11-22T12:00:00(\.000Z|\+00:00)$/);
      expect(read.body.startsWith('Dear Mr. Mityayev,\n\nI am writing to express my deep concern')).toBe(true);
      expect(read.body.trimEnd().endsWith('Yours sincerely,\n\nАнна Иванова')).toBe(true);
      expect(read.headerNames).not.toContain('bcc');
    }
    expect(python!.defects).toEqual([]);
    expect(rawLines(raw!).filter((line) => line.length > 78)).toEqual([]);
  });

  it('makes the same bytes on a second run', async () => {
    const args = ['write', 'miftakhov', '--name', 'Анна Иванова', '--email', 'anna@example.org', '--format', 'email', '--out'];
    const [first, second] = await Promise.all([runCli([...args, 'one'], { cwd: temp.dir }), runCli([...args, 'two'], { cwd: temp.dir })]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const [a] = draftsIn(join(temp.dir, 'one'));
    const [b] = draftsIn(join(temp.dir, 'two'));
    expect(a!.equals(b!)).toBe(true);
  });

  it('prints the draft with --stdout', async () => {
    const result = await runCli(['write', 'miftakhov', '--language', 'en', '--name', 'Jane Doe', '--email', 'jane@example.org', '--format', 'email', '--stdout'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    const raw = Buffer.from(result.stdout, 'utf8');
    everyDraft.push(raw);
    const read = await readWithMailparser(raw);
    expect(read.to).toEqual(MIFTAKHOV_TO);
    expect(read.body.trimEnd().endsWith('Jane Doe')).toBe(true);
    expect(readdirSync(temp.dir).filter((name) => name.endsWith('.eml'))).toEqual([]);
  });

  it('refuses UA 150.19, where no official gives a usable email, and writes nothing', async () => {
    const out = join(temp.dir, 'DIR');
    for (const args of [['--out', out], []]) {
      const result = await runCli(['write', '150.19', '--target', 'all', '--name', 'X', '--format', 'email', ...args], { cwd: temp.dir });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('No email draft was written: UA 150.19 gives no email address for Yuriy Yakovlevich Chaika and Ambassador Anatoly Antonov.');
      expect(result.stderr).toMatch(/Yuriy Yakovlevich Chaika \(--target 1\): the case gives no email address; other ways to reach: post to Ul\. B\. Dmitrovka, d\. 15a, 125993 Moscow GSP-3, Russian Federation; fax \+7495 987 58 41 or \+7495 692 17 25; Twitter @Genproc\./);
      expect(result.stderr).toMatch(/Ambassador Anatoly Antonov \(--target 2\): the document hid the address \("\[email protected\]"\); other ways to reach: post to 2650 Wisconsin Ave\. NW, Washington DC 20007, USA; fax 202 298 5735; phone 202 298 5700; Twitter @RusEmbUSA/);
      expect(result.stderr).toContain('Nobody in UA 150.19 takes email.');
      expect(result.stderr).toContain('For a letter to print and post: appeal write ua-150-19 --target 1 --target 2 --format pdf');
    }
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(temp.dir).sort()).toEqual(['.config', 'my-cases'].filter((name) => existsSync(join(temp.dir, name))).sort());
  });

  it('checks every chosen official before writing any draft, and names who does take email', async () => {
    const out = join(temp.dir, 'DIR');
    const result = await runCli(['write', '9.26', '--cases', 'my-cases', '--target', 'all', '--name', 'X', '--email', 'x@example.org', '--format', 'email', '--out', out], { cwd: temp.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('UA 9.26 gives no email address for Minister of Justice.');
    expect(result.stderr).toContain('other ways to reach: post to 1 Main Street, Capital City, Freedonia; fax +1 555 0100.');
    expect(result.stderr).toContain('In UA 9.26, email goes to: Ambassador of Freedonia (--target 2).');
    expect(result.stderr).toContain('For an email draft, choose --target 2.');
    expect(existsSync(out)).toBe(false);

    const chosen = await runCli(['write', '9.26', '--cases', 'my-cases', '--target', 'embassy', '--name', 'X', '--email', 'x@example.org', '--format', 'email', '--out', out], { cwd: temp.dir });
    expect(chosen.code).toBe(0);
    const [raw] = draftsIn(out);
    const read = await readWithMailparser(raw!);
    expect([read.to, read.subject]).toEqual([['embassy@freedonia.example'], 'Release Leyla Aliyeva now']);
  });

  it.each([
    ['--name with CRLF', ['--name', 'Eve\r\nBcc: x@example.org', '--email', 'eve@example.org'], {}, /--name contains a carriage return \(U\+000D\)/],
    ['--name with a bare LF', ['--name', 'Eve\nBcc: x@example.org', '--email', 'eve@example.org'], {}, /--name contains a line break \(U\+000A\)/],
    ['--email with CRLF', ['--name', 'Eve', '--email', 'eve@example.org\r\nBcc: x@example.org'], {}, /--email contains a carriage return/],
    ['--email that is two addresses', ['--name', 'Eve', '--email', 'eve@example.org, x@example.org'], {}, /--email "eve@example.org, x@example.org" must be exactly one address/],
    ['APPEAL_NAME with CRLF', ['--email', 'eve@example.org'], { APPEAL_NAME: 'Eve\r\nBcc: x@example.org' }, /APPEAL_NAME contains a carriage return/],
    ['APPEAL_EMAIL with LF', ['--name', 'Eve'], { APPEAL_EMAIL: 'eve@example.org\nBcc: x@example.org' }, /APPEAL_EMAIL contains a line break/],
  ] as [string, string[], NodeJS.ProcessEnv, RegExp][])('rejects %s before anything is built', async (_name, args, env, message) => {
    const out = join(temp.dir, 'DIR');
    const result = await runCli(['write', 'miftakhov', '--format', 'email', '--out', out, ...args], { cwd: temp.dir, env });
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/Bcc: x@example\.org/); // the unsafe value is not echoed back as a header line
    expect(existsSync(out)).toBe(false);
  });

  it('leaves out a case file whose subject has a line break', async () => {
    writeFileSync(join(temp.dir, 'my-cases', 'ua-9-26.yaml'), MIXED_CASE['my-cases/ua-9-26.yaml'].replace('subject: Release Leyla Aliyeva now', 'subject: "Hi\\r\\nBcc: x@example.org"'));
    const result = await runCli(['write', '9.26', '--cases', 'my-cases', '--target', 'embassy', '--name', 'X', '--email', 'x@example.org', '--format', 'email', '--out', 'DIR'], { cwd: temp.dir });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/ua-9-26\.yaml:\d+:\d+: letter\.subject: contains a carriage return/);
    expect(existsSync(join(temp.dir, 'DIR'))).toBe(false);
  });

  it('asks for the sender’s email, and without a terminal names the flag', async () => {
    const result = await runCli(['write', 'miftakhov', '--name', 'Eve', '--format', 'email'], { cwd: temp.dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/Your email address, for the From line of the drafts: no answer.*\nGive it with --email\./);
  });

  it.each([
    ['--stdout with --format all', ['write', 'miftakhov', '--name', 'X', '--format', 'all', '--stdout'], /--stdout prints one format; --format all writes several/],
    ['an unknown format', ['write', 'miftakhov', '--name', 'X', '--format', 'fax'], /--format fax: not a format appeal can write\.\nChoose one of: text, email, mailto, pdf, all\./],
  ] as [string, string[], RegExp][])('refuses %s', async (_name, args, refusal) => {
    const result = await runCli(args, { cwd: temp.dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(refusal);
  });

  it('prints one draft with --stdout, not several', async () => {
    const file = join(temp.dir, 'my-cases', 'ua-9-26.yaml');
    writeFileSync(file, MIXED_CASE['my-cases/ua-9-26.yaml'].replace('      - +1 555 0100\n', '      - +1 555 0100\n    email:\n      - minister@freedonia.example\n'));
    const args = ['write', '9.26', '--cases', 'my-cases', '--name', 'X', '--email', 'x@example.org', '--format', 'email', '--stdout', '--target'];
    const several = await runCli([...args, 'all'], { cwd: temp.dir });
    expect(several.code).toBe(64);
    expect(several.stderr).toContain('--stdout prints one email draft, and this run makes several.');
    const one = await runCli([...args, 'minister'], { cwd: temp.dir });
    expect(one.code).toBe(0);
    const raw = Buffer.from(one.stdout, 'utf8');
    everyDraft.push(raw);
    expect((await readWithMailparser(raw)).to).toEqual(['minister@freedonia.example']);
  });

  it('never overwrites a draft without --force', async () => {
    const args = ['write', 'miftakhov', '--name', 'Eve', '--email', 'eve@example.org', '--format', 'email', '--out', 'DIR'];
    expect((await runCli(args, { cwd: temp.dir })).code).toBe(0);
    const again = await runCli(args, { cwd: temp.dir });
    expect(again.code).toBe(73);
    expect(again.stderr).toMatch(/already exists; nothing was written/);
    expect((await runCli([...args, '--force'], { cwd: temp.dir })).code).toBe(0);
    draftsIn(join(temp.dir, 'DIR'));
  });
});

describe('appeal write --format mailto', () => {
  it('prints one link per official, encoded, and warns about links past 2,000 characters', async () => {
    const result = await runCli(['write', 'miftakhov', '--language', 'en', '--name', 'Анна Иванова', '--format', 'mailto'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    const links = result.stdout.trimEnd().split('\n');
    expect(links).toHaveLength(1);
    const link = new URL(links[0]!);
    expect(link.protocol).toBe('mailto:');
    expect(link.pathname.split(',')).toEqual(MIFTAKHOV_TO);
    expect(link.searchParams.get('subject')).toBe(MIFTAKHOV_SUBJECT);
    const body = link.searchParams.get('body')!;
    expect(body.startsWith('Dear Mr. Mityayev,\r\n\r\nI am writing')).toBe(true);
    expect(body.endsWith('Yours sincerely,\r\n\r\nАнна Иванова\r\n')).toBe(true);
    expect(result.stderr).toContain(`warning: the link to Mityayev Mikhail Arkadyevich is ${links[0]!.length.toLocaleString('en')} characters long; some mail programs cut links longer than 2,000`);
  });

  it('prints short links without a warning', async () => {
    const result = await runCli(['write', '9.26', '--cases', 'my-cases', '--target', 'embassy', '--name', 'X', '--format', 'mailto'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'mailto:embassy@freedonia.example?subject=Release%20Leyla%20Aliyeva%20now&body=Dear%20Ambassador%2C%0D%0A%0D%0AI%20urge%20you%20to%20release%20Leyla%20Aliyeva.%0D%0A%0D%0AYours%20sincerely%2C%0D%0A%0D%0AX%0D%0A\n',
    );
    expect(result.stderr).toBe('');
  });

  it('refuses an official without email, as drafts do', async () => {
    const result = await runCli(['write', '150.19', '--target', '1', '--name', 'X', '--format', 'mailto'], { cwd: temp.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('No mailto: link was printed: UA 150.19 gives no email address for Yuriy Yakovlevich Chaika.');
  });
});

describe('appeal write --format all', () => {
  it('writes each format every chosen official can take, and says what it left out', async () => {
    const result = await runCli(['write', '9.26', '--cases', 'my-cases', '--target', 'all', '--name', 'X', '--email', 'x@example.org', '--format', 'all', '--out', 'DIR'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(readdirSync(join(temp.dir, 'DIR')).sort()).toEqual(['ua-9-26_embassy_x.eml', 'ua-9-26_embassy_x.pdf', 'ua-9-26_embassy_x.txt', 'ua-9-26_minister_x.pdf', 'ua-9-26_minister_x.txt']);
    expect(result.stderr).toBe('note: no email draft for Minister of Justice: the case gives no email address.\n');
    const [raw] = draftsIn(join(temp.dir, 'DIR'));
    expect((await readWithMailparser(raw!)).to).toEqual(['embassy@freedonia.example']);
  });

  it('needs no sender email when nobody chosen takes email', async () => {
    const result = await runCli(['write', '150.19', '--target', 'all', '--name', 'X', '--format', 'all', '--out', 'DIR'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(readdirSync(join(temp.dir, 'DIR')).sort()).toEqual(['ua-150-19_ambassador_x.pdf', 'ua-150-19_ambassador_x.txt', 'ua-150-19_prosecutor-general_x.pdf', 'ua-150-19_prosecutor-general_x.txt']);
    expect(result.stderr).toContain('note: no email draft for Ambassador Anatoly Antonov: the document hid the address.');
  });
});

describe('appeal write --open', () => {
  const args = ['write', 'miftakhov', '--name', 'Eve', '--email', 'eve@example.org', '--format', 'email', '--out', 'DIR', '--open'];

  it('says what it did where there is no desktop', async () => {
    const result = await runCli(args, { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Wrote .*\.eml\nNot opened: there is no desktop here \(neither DISPLAY nor WAYLAND_DISPLAY is set\)\. Open the \.eml file above in your mail program/);
    draftsIn(join(temp.dir, 'DIR'));
  });

  it('hands each draft to xdg-open where there is a desktop', async () => {
    // A stand-in xdg-open, first on PATH, that only notes what it was asked to open.
    const bin = join(temp.dir, 'fake-bin');
    const log = join(temp.dir, 'opened.log');
    mkdirSync(bin);
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$1" >> '${log}'\n`);
    chmodSync(join(bin, 'xdg-open'), 0o755);
    const result = await runCli(args, { cwd: temp.dir, env: { DISPLAY: ':0', PATH: `${bin}:/usr/bin:/bin` } });
    expect(result.code).toBe(0);
    const draft = join(temp.dir, 'DIR', 'miftakhov-2026_yanao-prosecutor_eve.eml');
    expect(result.stdout).toBe(`Wrote ${draft}\nOpened ${draft} with xdg-open\n`);
    // The opener runs on its own after appeal has finished; wait for its note.
    for (let tries = 0; tries < 100 && !existsSync(log); tries++) await new Promise((done) => setTimeout(done, 50));
    expect(readFileSync(log, 'utf8')).toBe(`${draft}\n`);
  });

  it('says so when the opener cannot be started, after writing the drafts', async () => {
    const empty = join(temp.dir, 'empty-bin');
    mkdirSync(empty);
    const result = await runCli(args, { cwd: temp.dir, env: { WAYLAND_DISPLAY: 'wayland-0', PATH: empty } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/The drafts were written, but xdg-open could not be started to open them: .*ENOENT/);
    expect(draftsIn(join(temp.dir, 'DIR'))).toHaveLength(1);
  });

  it('is refused for formats that make no draft', async () => {
    const result = await runCli(['write', 'miftakhov', '--name', 'Eve', '--format', 'text', '--open'], { cwd: temp.dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('--open hands email drafts to your mail program, and this run makes none.');
  });
});

describe('every draft written above', () => {
  it('has no Bcc line and no line over 78 characters, as both parsers read it', async () => {
    expect(everyDraft.length).toBeGreaterThanOrEqual(8);
    const fromPython = readWithPython(everyDraft);
    for (const [index, raw] of everyDraft.entries()) {
      expect(rawLines(raw).filter((line) => /^bcc:/i.test(line) || line.length > 78)).toEqual([]);
      expect((await readWithMailparser(raw)).headerNames).not.toContain('bcc');
      expect(fromPython[index]!.headerNames).not.toContain('bcc');
      expect(fromPython[index]!.defects).toEqual([]);
    }
  });
});
