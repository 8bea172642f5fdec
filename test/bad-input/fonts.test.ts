/**
 * Issue 14, item 14: a damaged or missing font is a clear error naming the file, never an
 * "unexpected error". A --font cut short, a device given as --font, and appeal's own letter font
 * missing or damaged (in a copy of the installation, so the real one is untouched).
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/temp-dir';
import { REPO_ROOT, runCli } from '../helpers/run-cli';
import { LETTER_FONT_FILE } from '../../src/package-paths';

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  const font = readFileSync(join(REPO_ROOT, 'dist', 'fonts', 'dejavu-sans-letter.ttf'));
  temp = makeTempDir({ 'cut.ttf': font.subarray(0, 30_000), 'stub.ttf': font.subarray(0, 100), 'notes.ttf': 'not a font at all\n' });
});
afterAll(() => temp.cleanup());

const writePdf = (args: string[], bin?: string) =>
  runCli(['write', '150.19', '--target', '1', '--name', 'Ann Smith', '--format', 'pdf', '--out', 'out', ...args], { cwd: temp.dir, ...(bin ? { bin } : {}) });

test.each([
  ['a font cut short', 'cut.ttf', 'is not a font appeal can read (the file is cut short: its glyf table runs past the end)'],
  ['a font of 100 bytes', 'stub.ttf', 'is not a font appeal can read (the file is cut short)'],
  ['a text file', 'notes.ttf', 'is not a font appeal can read'],
  ['a device', '/dev/zero', 'is a device, not a regular file'],
])('14. --font with %s is an error naming the file (status 64), and no PDF is written', async (_, font, message) => {
  const result = await writePdf(['--font', font]);
  expect(result.code).toBe(64);
  expect(result.stderr).toContain(`appeal: --font ${font}: ${font.startsWith('/') ? font : join(temp.dir, font)} ${message}`);
  expect(result.stderr).not.toContain('unexpected error');
  expect(existsSync(join(temp.dir, 'out'))).toBe(false);
});

describe('14. appeal’s own letter font, in a copy of the installation', () => {
  let install: string;
  beforeAll(() => {
    install = join(temp.dir, 'install');
    for (const part of ['bin', 'dist', 'cases', 'templates', 'package.json']) cpSync(join(REPO_ROOT, part), join(install, part), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(install, 'node_modules'));
  });
  const installedFont = () => join(install, 'dist', 'fonts', 'dejavu-sans-letter.ttf');

  test.each([
    ['missing', () => rmSync(installedFont()), 'is missing'],
    ['damaged', () => writeFileSync(installedFont(), readFileSync(LETTER_FONT_FILE).subarray(0, 40_000)), 'is damaged (the file is cut short: its'],
  ])('%s: status 72 naming the file, how to mend it, and no PDF', async (_, damage, message) => {
    damage();
    const result = await writePdf([], join(install, 'bin', 'appeal.js'));
    expect(result.code).toBe(72);
    expect(result.stderr).toContain(`appeal: The letter font that comes with appeal ${message}`);
    expect(result.stderr).toContain(installedFont());
    expect(result.stderr).toContain('npm run build');
    expect(existsSync(join(temp.dir, 'out'))).toBe(false);
    // Text letters need no font and still work.
    const text = await runCli(['write', '150.19', '--target', '1', '--name', 'Ann Smith', '--out', 'text'], { cwd: temp.dir, bin: join(install, 'bin', 'appeal.js') });
    expect(text.code).toBe(0);
    expect(readdirSync(join(temp.dir, 'text'))).toHaveLength(1);
    rmSync(join(temp.dir, 'text'), { recursive: true });
  });
});
