import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { dedent, makeTempDir } from '../helpers/temp-dir';
import { KEYS, runInTerminal } from '../helpers/pty';
import { pageText, readPdfs } from '../helpers/read-pdf';
import { runCli } from '../helpers/run-cli';

/*
 * `appeal write` with no case, as someone who never read the manual uses it: at a terminal it
 * offers the open cases, then the formats the chosen officials take, then asks what a posted
 * letter needs and whether to keep it. Without a terminal nothing changes.
 */

/** Two officials: a minister who takes post only, a president who takes post and email. */
const JANE_ROE = dedent(`
  id: jane-roe-2026
  ua_number: "88.26"
  kind: urgent-action
  title: Journalist detained for her reporting
  status: open
  deadline: 2026-12-20
  people: [{ name: Jane Roe }]
  officials:
    - id: minister
      name: Minister Alex Example
      title: Minister of Justice
      address: [1 Main Street, 10000 Capital]
      country: Examplestan
      salutation: Dear Minister
    - id: president
      name: President Sam Example
      address: [2 Palace Road, 10000 Capital]
      country: Examplestan
      email: [president@example.org]
      salutation: Dear President
  letter: { template: jane-roe.hbs }
`);
/** The nearest deadline; its one official takes email and no post. */
const JOHN_DOE = dedent(`
  id: john-doe-2026
  kind: urgent-action
  title: Student at risk of torture
  status: open
  deadline: 2026-12-01
  people: [{ name: John Doe }]
  officials:
    - id: governor
      name: Governor Lee Example
      email: [governor@example.org]
      salutation: Dear Governor
  letter: { template: john-doe.hbs }
`);
/** Closed: never offered. */
const CLOSED = JOHN_DOE.replace('id: john-doe-2026', 'id: closed-case').replace('status: open', 'status: closed').replace('John Doe', 'Rita Closed');

const FILES = {
  'mine/jane-roe.yaml': JANE_ROE,
  'mine/jane-roe.hbs': 'Please release {{case.people_names}} at once.\n',
  'mine/john-doe.yaml': JOHN_DOE,
  'mine/john-doe.hbs': 'Please protect {{case.people_names}} from torture.\n',
  'mine/closed.yaml': CLOSED,
  'mine/closed.hbs': 'Too late.\n',
};

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir(FILES);
});
afterEach(() => temp.cleanup());

const profilePath = () => join(temp.dir, '.config', 'appeal', 'profile.yaml');

/** What the terminal showed for one question: from its text to the answer's tick. */
function screenOf(output: string, question: string): string {
  const start = output.indexOf(question);
  return output.slice(start, output.indexOf('✔', start));
}

describe('appeal write with no case, at a terminal', () => {
  test('offers the open cases, nearest deadline first; the chosen case gives its letter, with only the formats its official takes', () => {
    const session = runInTerminal(['write', '--cases', 'mine', '--out', 'letters'], temp.dir, [
      { expect: 'Which case do you write about?', send: `${KEYS.down}${KEYS.enter}` },
      { expect: 'Whom do you write to?', send: KEYS.enter },
      { expect: 'What do you want to make?', send: `${KEYS.down}${KEYS.enter}` },
      { expect: 'Your name', send: `Jane Doe${KEYS.enter}` },
      { expect: 'A sentence of your own', send: `I teach history in Bristol.${KEYS.enter}` },
      { expect: 'for next time?', send: `n${KEYS.enter}` },
    ]);
    expect(session.stuck_at).toBeUndefined();
    expect(session.status).toBe(0);

    const cases = screenOf(session.output, 'Which case do you write about?');
    const john = cases.indexOf('john-doe-2026  John Doe (9 days left): Student at risk of torture');
    const jane = cases.indexOf('UA 88.26  Jane Roe (28 days left): Journalist detained for her reporting');
    const over = cases.indexOf('UA 150.19  Server Mustafayev (probably over: check before writing)');
    expect(john).toBeGreaterThan(-1);
    expect(jane).toBeGreaterThan(john);
    expect(over).toBeGreaterThan(jane);
    // Closed cases, cases past their deadline (Miftakhov's) and petitions are not offered.
    expect(cases).not.toContain('Rita Closed');
    expect(cases).not.toContain('Miftakhov');
    expect(cases).not.toContain('COVID');

    // The minister takes post and no email: a PDF or a text letter, no email draft.
    const formats = screenOf(session.output, 'What do you want to make?');
    expect(formats).toContain('PDF: a letter to print, sign and post');
    expect(formats).toContain('Text: a plain letter');
    expect(formats).not.toContain('Email');

    const letter = readFileSync(join(temp.dir, 'letters', 'jane-roe-2026_minister_jane-doe.txt'), 'utf8');
    expect(letter).toContain('Dear Minister,');
    expect(letter).toContain('Please release Jane Roe at once.');
    expect(letter).toContain('I teach history in Bristol.');
    expect(letter.trimEnd().endsWith('Jane Doe')).toBe(true);
    expect(readdirSync(join(temp.dir, 'letters'))).toEqual(['jane-roe-2026_minister_jane-doe.txt']);
    // "No" to saving: no profile.
    expect(existsSync(profilePath())).toBe(false);
  });

  test('an official with email and no post is offered an email draft first and no PDF; the sender’s email is asked and may be kept', () => {
    const session = runInTerminal(['write', '--cases', 'mine', '--out', 'letters'], temp.dir, [
      { expect: 'Which case do you write about?', send: KEYS.enter },
      { expect: 'What do you want to make?', send: KEYS.enter },
      { expect: 'Your name', send: `Jane Doe${KEYS.enter}` },
      { expect: 'Your email address', send: `jane@example.org${KEYS.enter}` },
      { expect: 'A sentence of your own', send: KEYS.enter },
      { expect: 'Save your name and email address for next time?', send: KEYS.enter },
    ]);
    expect(session.stuck_at).toBeUndefined();
    expect(session.status).toBe(0);
    const formats = screenOf(session.output, 'What do you want to make?');
    expect(formats).toContain('❯ Email: a draft to open in your mail program and send');
    expect(formats).not.toContain('PDF');
    // One official: nothing to choose.
    expect(session.output).not.toContain('Whom do you write to?');

    const draft = readFileSync(join(temp.dir, 'letters', 'john-doe-2026_governor_jane-doe.eml'), 'utf8');
    expect(draft).toMatch(/^To: governor@example\.org$/m);
    expect(draft).toMatch(/^From: .*jane@example\.org/m);
    expect(draft).toContain('Dear Governor,');
    expect(draft).toContain('Please protect John Doe from torture.');
    expect(parse(readFileSync(profilePath(), 'utf8'))).toEqual({ name: 'Jane Doe', email: 'jane@example.org' });
  });

  test('with no profile, a PDF asks the return address; saved, the next write asks none of it', async () => {
    const first = runInTerminal(['write', '--cases', 'mine', '--out', 'letters'], temp.dir, [
      { expect: 'Which case do you write about?', send: `${KEYS.down}${KEYS.enter}` },
      { expect: 'Whom do you write to?', send: KEYS.enter },
      { expect: 'What do you want to make?', send: KEYS.enter },
      { expect: 'Your name', send: `Jane Doe${KEYS.enter}` },
      { expect: 'Your postal address', send: `12 Harbour Lane | Bristol BS1 4DJ${KEYS.enter}` },
      { expect: 'Your country', send: `United Kingdom${KEYS.enter}` },
      { expect: 'A sentence of your own', send: KEYS.enter },
      { expect: 'Save your name and address for next time?', send: KEYS.enter },
    ]);
    expect(first.stuck_at).toBeUndefined();
    expect(first.status).toBe(0);
    // PDF is the default: the minister takes post.
    expect(screenOf(first.output, 'What do you want to make?')).toContain('❯ PDF: a letter to print, sign and post');
    expect(parse(readFileSync(profilePath(), 'utf8'))).toEqual({ name: 'Jane Doe', address: ['12 Harbour Lane', 'Bristol BS1 4DJ'], country: 'United Kingdom' });
    const [pdf] = await readPdfs([join(temp.dir, 'letters', 'jane-roe-2026_minister_jane-doe.pdf')]);
    const text = pageText(pdf!.pages[0]!);
    for (const line of ['12 Harbour Lane', 'Bristol BS1 4DJ', 'United Kingdom', 'Dear Minister,', 'Please release Jane Roe at once.', 'Jane Doe']) expect(text).toContain(line);

    const second = runInTerminal(['write', '--cases', 'mine', '--out', 'again'], temp.dir, [
      { expect: 'Which case do you write about?', send: `${KEYS.down}${KEYS.enter}` },
      { expect: 'Whom do you write to?', send: KEYS.enter },
      { expect: 'What do you want to make?', send: KEYS.enter },
      { expect: 'A sentence of your own', send: KEYS.enter },
    ]);
    expect(second.stuck_at).toBeUndefined();
    expect(second.status).toBe(0);
    for (const asked of ['Your name', 'Your postal address', 'Your country', 'for next time?']) expect(second.output).not.toContain(asked);
    const [again] = await readPdfs([join(temp.dir, 'again', 'jane-roe-2026_minister_jane-doe.pdf')]);
    expect(pageText(again!.pages[0]!)).toContain('12 Harbour Lane');
  });

  test('choosing both officials offers only what both take: no email, since the minister has none', () => {
    const session = runInTerminal(['write', '--cases', 'mine', '--stdout'], temp.dir, [
      { expect: 'Which case do you write about?', send: `${KEYS.down}${KEYS.enter}` },
      { expect: 'Whom do you write to?', send: `${KEYS.down}${KEYS.space}${KEYS.enter}` },
      { expect: 'Your name', send: `Jane Doe${KEYS.enter}` },
      { expect: 'A sentence of your own', send: KEYS.enter },
      { expect: 'for next time?', send: `n${KEYS.enter}` },
    ]);
    expect(session.stuck_at).toBeUndefined();
    expect(session.status).toBe(0);
    // --stdout prints letters, so no PDF either: a text letter is all that is left, and not asked.
    expect(session.output).not.toContain('What do you want to make?');
    expect(session.output).toContain('Dear Minister,');
    expect(session.output).toContain('Dear President,');
  });

  test('Ctrl-C at the case or the format question exits 130 and writes nothing', () => {
    const atCase = runInTerminal(['write', '--cases', 'mine', '--out', 'letters'], temp.dir, [{ expect: 'Which case do you write about?', send: KEYS.ctrlC }]);
    expect(atCase.status).toBe(130);
    const atFormat = runInTerminal(['write', '--cases', 'mine', '--out', 'letters'], temp.dir, [
      { expect: 'Which case do you write about?', send: KEYS.enter },
      { expect: 'What do you want to make?', send: KEYS.ctrlC },
    ]);
    expect(atFormat.status).toBe(130);
    const atSave = runInTerminal(['write', '--cases', 'mine', '--out', 'letters'], temp.dir, [
      { expect: 'Which case do you write about?', send: KEYS.enter },
      { expect: 'What do you want to make?', send: `${KEYS.down}${KEYS.enter}` },
      { expect: 'Your name', send: `Jane Doe${KEYS.enter}` },
      { expect: 'A sentence of your own', send: KEYS.enter },
      { expect: 'for next time?', send: KEYS.ctrlC },
    ]);
    expect(atSave.status).toBe(130);
    expect(existsSync(join(temp.dir, 'letters'))).toBe(false);
    expect(existsSync(profilePath())).toBe(false);
  });

  test('with no open case to offer, says so and how to write for another', () => {
    const session = runInTerminal(['write', '--no-builtin', '--cases', 'none'], temp.dir, [], {});
    expect(session.status).toBe(1);
    expect(session.output).toContain('There is no open case to write about');
    expect(session.output).toContain('appeal list --all');
  });

  test('with --yes nothing is asked: the case is missing, as without a terminal', () => {
    const session = runInTerminal(['write', '--yes'], temp.dir, []);
    expect(session.status).toBe(64);
    expect(session.output).toContain("missing required argument 'case'");
  });
});

describe('appeal write without a terminal', () => {
  const run = (args: string[]) => runCli(args, { cwd: temp.dir });

  test('no case is a usage error that says what to give', async () => {
    const result = await run(['write', '--cases', 'mine']);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain("missing required argument 'case'");
    expect(result.stderr).toContain('appeal list');
    expect(result.stdout).toBe('');
  });

  test('the "no email" refusal points to a PDF to post', async () => {
    const result = await run(['write', 'jane-roe-2026', '--cases', 'mine', '--target', 'minister', '--format', 'email', '--name', 'X']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('For a letter to print and post: appeal write jane-roe-2026 --target 1 --format pdf');
    expect(result.stderr).not.toContain('--format text');
  });

  test('--paper is taken in any case: A4, a4 and Letter make pages of that size', async () => {
    for (const [paper, out] of [['A4', 'upper'], ['a4', 'lower'], ['Letter', 'letter']] as const) {
      const result = await run(['write', 'jane-roe-2026', '--cases', 'mine', '--target', 'minister', '--name', 'X', '--format', 'pdf', '--paper', paper, '--out', out]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    const pdfs = await readPdfs(['upper', 'lower', 'letter'].map((out) => join(temp.dir, out, 'jane-roe-2026_minister_x.pdf')));
    expect(pdfs.map(({ pages }) => [Math.round(pages[0]!.width), Math.round(pages[0]!.height)])).toEqual([[595, 842], [595, 842], [612, 792]]);
    const wrong = await run(['write', 'jane-roe-2026', '--cases', 'mine', '--name', 'X', '--paper', 'A5']);
    expect(wrong.code).toBe(64);
    expect(wrong.stderr).toContain('give a4 or letter');
  });

  test('show ends by naming the --cases folder the case came from', async () => {
    const result = await run(['show', '88.26', '--cases', 'mine']);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('Case file: mine/jane-roe.yaml, from your case folder mine (--cases, APPEAL_CASES or your profile).');
  });
});

describe('a case left out because of errors', () => {
  const broken = (files: Record<string, string>) => {
    temp.cleanup();
    temp = makeTempDir(files);
  };
  const run = (args: string[]) => runCli(args, { cwd: temp.dir });

  test('is named as such by its id or UA number, though its file is named otherwise: exit 65, not "no case matches"', async () => {
    broken({ 'mine/ours.yaml': JANE_ROE.replace('status: open', 'status: opn'), 'mine/jane-roe.hbs': 'Please release {{case.people_names}}.\n' });
    for (const query of ['jane-roe-2026', 'UA 88/26']) {
      const result = await run(['write', query, '--cases', 'mine', '--name', 'X', '--stdout']);
      expect(result.code).toBe(65);
      expect(result.stderr).toContain('appeal: mine/ours.yaml: this case is left out because of errors: run appeal validate');
      expect(result.stderr).toMatch(/mine\/ours\.yaml:5:9: status: /);
      expect(result.stderr).not.toContain('No case matches');
      expect(result.stdout).toBe('');
    }
  });

  test('a broken model letter leaves its case out, and write says so', async () => {
    broken({ 'mine/jane-roe.yaml': JANE_ROE, 'mine/jane-roe.hbs': 'Please release {{case.people_names}.\n' });
    const result = await run(['write', 'UA 88.26', '--cases', 'mine', '--name', 'X', '--stdout']);
    expect(result.code).toBe(65);
    // The model letter is what is wrong, so the message names it.
    expect(result.stderr).toContain('appeal: mine/jane-roe.hbs: this case is left out because of errors: run appeal validate');
    expect(result.stderr).toMatch(/\n {2}mine\/jane-roe\.hbs:1:\d+: \(template of jane-roe-2026\): the template cannot be read/);
    expect(result.stderr).not.toContain('No case matches');
  });

  test('a query that matches nothing, broken or not, is still "no case matches"', async () => {
    broken({ 'mine/ours.yaml': JANE_ROE.replace('status: open', 'status: opn'), 'mine/jane-roe.hbs': 'x\n' });
    const result = await run(['write', 'nobody-at-all', '--cases', 'mine', '--name', 'X']);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('No case matches "nobody-at-all".');
  });
});
