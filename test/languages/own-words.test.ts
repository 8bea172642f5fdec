import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliResult } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';
import { pageText, readPdfs, type PdfReading } from '../helpers/read-pdf';
import { readWithMailparser } from '../helpers/read-email';

const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Editors that are small scripts: one changes a sentence, one empties the letter, one saves it as it was. */
const EDITORS = {
  'change.js': `const fs = require('fs');\nconst file = process.argv[2];\nfs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('I urge you to ensure a prompt', 'I call on you, as a fellow citizen of the world, to ensure a prompt'));\n`,
  'empty.js': `require('fs').writeFileSync(process.argv[2], '\\n');\n`,
  'same.js': `// saves the file as it was\n`,
};

describe('appeal write --edit', () => {
  const temp = makeTempDir(EDITORS);
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { cwd: temp.dir, env, timeoutMs: 60_000 });
  const editor = (script: string) => `node ${JSON.stringify(join(temp.dir, script))}`;
  const base = ['write', 'miftakhov', '--language', 'en', '--name', 'Jane Doe', '--email', 'jane@example.org'];
  const results: Record<string, CliResult> = {};
  let pdf: PdfReading;

  beforeAll(async () => {
    results.changed = await run([...base, '--edit', '--format', 'all', '--out', 'changed'], { EDITOR: editor('change.js') });
    results.visual = await run([...base, '--edit', '--stdout'], { VISUAL: editor('change.js'), EDITOR: editor('empty.js') });
    results.emptied = await run([...base, '--edit', '--format', 'all', '--out', 'emptied'], { EDITOR: editor('empty.js') });
    results.same = await run([...base, '--edit', '--out', 'same'], { EDITOR: editor('same.js') });
    results.none = await run([...base, '--edit', '--out', 'none'], { EDITOR: '', VISUAL: '' });
    const pdfFile = readdirSync(join(temp.dir, 'changed')).find((file) => file.endsWith('.pdf'))!;
    pdf = (await readPdfs([join(temp.dir, 'changed', pdfFile)]))[0]!;
  }, 180_000);
  afterAll(() => temp.cleanup());

  test('the sentence the member changed is in the text, the email draft and the PDF', async () => {
    expect(results.changed!.code).toBe(0);
    expect(results.changed!.stderr).toContain('Your changes to the letter to Mityayev Mikhail Arkadyevich are in every format made.');
    const files = readdirSync(join(temp.dir, 'changed'));
    expect(files.map((file) => file.split('.').pop()).sort()).toEqual(['eml', 'pdf', 'txt']);
    const changed = 'I call on you, as a fellow citizen of the world, to ensure a prompt, independent, effective and impartial investigation';
    const text = readFileSync(join(temp.dir, 'changed', files.find((file) => file.endsWith('.txt'))!), 'utf8');
    expect(text).toContain(`\n\n${changed}`);
    expect(text).not.toContain('I urge you');
    const email = await readWithMailparser(readFileSync(join(temp.dir, 'changed', files.find((file) => file.endsWith('.eml'))!)));
    expect(email.body).toContain(changed);
    expect(email.body).not.toContain('I urge you');
    const printed = flat(pdf.pages.map(pageText).join('\n'));
    expect(printed).toContain(changed);
    expect(printed).not.toContain('I urge you');
    // The rest of the letter is as it was: salutation, closing, signature.
    expect(printed).toContain('Dear Mr. Mityayev,');
    expect(printed).toContain('Yours sincerely,');
  });

  test('VISUAL comes before EDITOR', () => {
    expect(results.visual!.code).toBe(0);
    expect(results.visual!.stdout).toContain('I call on you, as a fellow citizen of the world');
  });

  test('an emptied letter is said so, and nothing is written', () => {
    expect(results.emptied!.code).toBe(1);
    expect(results.emptied!.stderr).toContain('appeal: You emptied the letter to Mityayev Mikhail Arkadyevich in the editor, so nothing was written.');
    expect(existsSync(join(temp.dir, 'emptied')) && readdirSync(join(temp.dir, 'emptied')).length).toBeFalsy();
  });

  test('a letter saved unchanged is said so, and written as the model letter', () => {
    expect(results.same!.code).toBe(0);
    expect(results.same!.stderr).toContain('note: the letter to Mityayev Mikhail Arkadyevich was saved unchanged; it is made as the model letter.');
    const [file] = readdirSync(join(temp.dir, 'same'));
    expect(readFileSync(join(temp.dir, 'same', file!), 'utf8')).toContain('I urge you to ensure a prompt');
  });

  test('without a terminal and without VISUAL or EDITOR, it names what to set and the flag', () => {
    expect(results.none!.code).toBe(64);
    expect(results.none!.stderr).toContain('appeal: --edit opens your letter in an editor, and there is no terminal to run one in.\nSet VISUAL or EDITOR to your editor');
    expect(existsSync(join(temp.dir, 'none'))).toBe(false);
  });
});

describe('appeal write --personal', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  test('adds the member’s sentence as a paragraph before the closing demands, in the letter’s language', async () => {
    const result = await runCli(['write', 'miftakhov', '--name', 'Анна', '--personal', 'Я сама математик и слежу за его делом.', '--stdout'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    const paragraphs = result.stdout.trimEnd().split('\n\n');
    expect(paragraphs.at(-4)).toBe('Я сама математик и слежу за его делом.');
    expect(paragraphs.at(-3)!.startsWith('Я призываю Вас')).toBe(true);
  });

  test('a line break in --personal is refused, naming the flag', async () => {
    const result = await runCli(['write', 'miftakhov', '--name', 'Eve', '--personal', 'one\nBcc: x', '--stdout'], { cwd: temp.dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('appeal: --personal contains a line break (U+000A).');
  });
});
