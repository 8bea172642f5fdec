/**
 * Issue "Hardening", items 8 and 10 for printed letters: names appear as written, and text the
 * fonts cannot show (emoji, scripts they lack) stops the run with the characters listed and no file.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/temp-dir';
import { runCli } from '../helpers/run-cli';
import { pageText, readPdfs } from '../helpers/read-pdf';

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => temp.cleanup());

const pdfArgs = (name: string, out: string) => ['write', '150.19', '--target', 'ambassador', '--name', name, '--format', 'pdf', '--out', out];

test("8. O'Brien & Søn <x> is printed as written, with no HTML escaping", async () => {
  const result = await runCli(pdfArgs("O'Brien & Søn <x>", 'obrien'), { cwd: temp.dir });
  expect(result.code).toBe(0);
  const [file] = readdirSync(join(temp.dir, 'obrien'));
  const [reading] = await readPdfs([join(temp.dir, 'obrien', file!)]);
  const text = reading!.pages.map(pageText).join('\n');
  expect(text).toContain("O'Brien & Søn <x>");
  expect(text).not.toContain('&amp;');
});

test.each([
  ['an emoji', 'Jane 🕊 Doe', '🕊'],
  ['a script the font lacks', '山田太郎', '山'],
  ['Devanagari', 'देवनागरी', 'द'],
])('10. %s in the name stops the PDF with the characters listed, and writes no file', async (_, name, char) => {
  const out = `lacks-${char.codePointAt(0)}`;
  // No font on the computer is looked for, so the result is the same wherever the test runs.
  const result = await runCli(pdfArgs(name, out), { cwd: temp.dir, env: { APPEAL_SYSTEM_FONTS: 'none' } });
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain(char);
  expect(result.stderr).toContain('--font');
  expect(result.stderr).not.toMatch(/\n\s+at /);
  let files: string[] = [];
  try {
    files = readdirSync(join(temp.dir, out));
  } catch {
    // no folder at all is fine too
  }
  expect(files.filter((file) => !file.startsWith('.'))).toEqual([]);
});
