/**
 * Issue "Hardening", items 13–16: output files. Names made from case ids, officials and senders
 * stay inside the output folder; nothing is replaced without --force; links are replaced, never
 * followed; an interrupted run's temporary file is tidied by the next.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeNamePart, letterFileName } from '../../src/output/safe-file-name';
import { makeTempDir } from '../helpers/temp-dir';
import { runCli } from '../helpers/run-cli';

describe('13. safe file names', () => {
  test.each([
    ['../../x', 'x'],
    ['/abs', 'abs'],
    ['C:\\x', 'c-x'],
    ['a/b', 'a-b'],
    ['CON', 'con-'],
    ['nul.txt', 'nul-txt'],
    ['lpt1', 'lpt1-'],
    ['name. ', 'name'],
    ['name...', 'name'],
    ['  spaced  out  ', 'spaced-out'],
    ['Анна Иванова', 'анна-иванова'],
    ["O'Brien & Søn <x>", 'o-brien-søn-x'],
    ['...', 'letter'],
    ['', 'letter'],
    ['a\u202eb', 'ab'],
  ])('%j -> %j', (text, safe) => {
    expect(safeNamePart(text)).toBe(safe);
  });

  test('every generated name is one plain file name', () => {
    const name = letterFileName(['../../etc', '/abs', 'C:\\Windows\\x'], 'txt');
    expect(name).not.toMatch(/[\\/]/);
    expect(name).toBe('etc_abs_c-windows-x.txt');
  });

  test('a hostile sender name writes inside --out and nowhere else', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const result = await runCli(['write', '150.19', '-t', '1', '--name', '../../../escaped', '--out', 'out'], { cwd: dir });
      expect(result.code).toBe(0);
      expect(readdirSync(join(dir, 'out'))).toEqual(['ua-150-19_prosecutor-general_escaped.txt']);
      expect(readdirSync(dir).filter((f) => f !== '.data').sort()).toEqual(['out']);
    } finally {
      cleanup();
    }
  });
});

describe('14. two outputs with one name', () => {
  test('two officials whose names fold to the same file name both keep their letter', async () => {
    const { dir, cleanup } = makeTempDir({
      'mine/case.yaml': [
        'id: twins',
        'title: Twins',
        'status: open',
        'people:',
        '  - name: Someone',
        'officials:',
        '  - id: a-b',
        '    name: One',
        '    salutation: Dear One',
        '  - id: a--b',
        '    name: Two',
        '    salutation: Dear Two',
        'letter:',
        '  template: letter.hbs',
        '',
      ].join('\n'),
      'mine/letter.hbs': 'Body.\n',
    });
    try {
      // Both ids fold to the file-name part "a-b": the second letter gets a name of its own.
      const result = await runCli(['write', 'twins', '--cases', 'mine', '-t', 'all', '--name', 'X', '--out', 'out'], { cwd: dir });
      expect(result.code).toBe(0);
      const files = readdirSync(join(dir, 'out')).sort();
      expect(files).toHaveLength(2);
      const texts = files.map((file) => readFileSync(join(dir, 'out', file), 'utf8'));
      expect(texts.some((t) => t.includes('Dear One,'))).toBe(true);
      expect(texts.some((t) => t.includes('Dear Two,'))).toBe(true);
    } finally {
      cleanup();
    }
  });
});

describe('15. existing files and links', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir({ 'precious.txt': 'do not touch' });
  });
  afterEach(() => temp.cleanup());
  const args = ['write', '150.19', '-t', '1', '--name', 'Jane Doe'];
  const out = () => join(temp.dir, 'ua-150-19_prosecutor-general_jane-doe.txt');

  test('a symbolic link where the letter goes is refused without --force', async () => {
    symlinkSync(join(temp.dir, 'precious.txt'), out());
    const result = await runCli(args, { cwd: temp.dir });
    expect(result.code).toBe(73);
    expect(result.stderr).toContain('already exists; nothing was written');
    expect(readFileSync(join(temp.dir, 'precious.txt'), 'utf8')).toBe('do not touch');
  });

  test('with --force the link itself is replaced, never followed', async () => {
    symlinkSync(join(temp.dir, 'precious.txt'), out());
    const result = await runCli([...args, '--force'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(lstatSync(out()).isSymbolicLink()).toBe(false);
    expect(readFileSync(out(), 'utf8')).toContain('Dear Prosecutor General,');
    expect(readFileSync(join(temp.dir, 'precious.txt'), 'utf8')).toBe('do not touch');
  });

  test('a dangling link counts as an existing file', async () => {
    symlinkSync(join(temp.dir, 'nowhere.txt'), out());
    const result = await runCli(args, { cwd: temp.dir });
    expect(result.code).toBe(73);
    expect(existsSync(join(temp.dir, 'nowhere.txt'))).toBe(false);
  });
});

describe('16. temporary files', () => {
  test('a leftover temporary file from an interrupted run is removed by the next run, and none is left behind', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      writeFileSync(join(dir, '.appeal-tmp-999-abc-ua-150-19_prosecutor-general_jane-doe.txt'), 'half a lett');
      const result = await runCli(['write', '150.19', '-t', '1', '--name', 'Jane Doe'], { cwd: dir });
      expect(result.code).toBe(0);
      // .data holds the action log (APPEAL_DATA points there in tests).
      expect(readdirSync(dir).filter((f) => f !== '.data')).toEqual(['ua-150-19_prosecutor-general_jane-doe.txt']);
    } finally {
      cleanup();
    }
  });

  test('a folder that cannot be written gets a clear error and no file', async () => {
    const { dir, cleanup } = makeTempDir({ 'blocker': 'a file, not a folder' });
    try {
      const result = await runCli(['write', '150.19', '-t', '1', '--name', 'Jane Doe', '--out', 'blocker/sub'], { cwd: dir });
      expect(result.code).toBe(73);
      expect(result.stderr).toMatch(/Cannot write .*blocker\/sub/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      cleanup();
    }
  });
});

describe('folders and files that are not what they seem', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    temp = makeTempDir({ 'mine/x.yaml/inside.txt': 'a folder named like a case file', 'mine/.appeal-tmp-1-abc-ua-150-19.yaml': 'id: ua-150-19\n', 'doc/readme.txt': 'x' });
  });
  afterAll(() => temp.cleanup());

  test('a folder named like a case file is reported and the rest still load; temporary files are never cases', async () => {
    const result = await runCli(['list', '--cases', 'mine'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('mine/x.yaml: is a folder, not a regular file');
    expect(result.stderr).not.toContain('.appeal-tmp');
    expect(result.stdout).toContain('UA 150.19  Server Mustafayev');
  });

  test('importing a folder says it is a folder', async () => {
    const result = await runCli(['import', 'doc'], { cwd: temp.dir });
    expect(result.code).toBe(66);
    expect(result.stderr).toContain('Cannot read doc: it is a folder, not a file.');
  });

  test('a batch into a place that cannot be written names the PDF, not a temporary file', async () => {
    const result = await runCli(['batch', '150.19', '--blank', '1', '--out', 'doc/readme.txt/meeting.pdf'], { cwd: temp.dir });
    expect(result.code).toBe(73);
    expect(result.stderr).toMatch(/Cannot write .*readme\.txt/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
