import { readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dedent, makeTempDir } from '../helpers/temp-dir';
import { runCli } from '../helpers/run-cli';

// The cache is kept in appeal's cache folder (APPEAL_CACHE), here .data/cache in the test's folder.
// A library is only cached once its files are 2 s old (an edit during the build must never be
// cached), so each test waits that long after writing its files before the run that caches.
const SETTLE_MS = 2100;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

const caseFile = (title: string, template = 'letter.hbs') => dedent(`
  id: test-case
  kind: urgent-action
  title: ${title}
  status: open
  people:
    - name: Ann Example
  officials:
    - id: minister
      name: Minister Bea Official
      address:
        - 1 Main Street
      country: Freedonia
      salutation: Dear Minister
  letter:
    template: ${template}
`);
const template = (body: string) => `{{> date}}\n\n{{salutation}},\n\n${body}\n\n{{> closing}}\n\n{{> signature}}\n`;

function setup() {
  const temp = makeTempDir({
    'cases/test-case.yaml': caseFile('Journalist Detained Alpha'),
    'cases/letter.hbs': template('I am writing about Ann Example: version one.'),
  });
  const run = (...args: string[]) => runCli([...args, '--no-builtin', '--cases', 'cases'], { cwd: temp.dir, env: { APPEAL_CACHE: join(temp.dir, '.data', 'cache') } });
  const cacheFiles = () => {
    try {
      // The folder also keeps appeal's compiled code (code/); only the case library's files count here.
      return readdirSync(join(temp.dir, '.data', 'cache')).filter((name) => name.startsWith('case-library-')).map((name) => join(temp.dir, '.data', 'cache', name));
    } catch {
      return [];
    }
  };
  /** The one cache file's identity: unchanged when a run used the cache, new when it built it again. */
  const cacheStamp = () => {
    const files = cacheFiles();
    expect(files).toHaveLength(1);
    const stats = statSync(files[0]!, { bigint: true });
    return `${stats.ino}:${stats.mtimeNs}`;
  };
  return { temp, run, cacheFiles, cacheStamp };
}

/** Builds the cache, then checks the next run uses it: the case library as cached is what is tested. */
async function cached(t: ReturnType<typeof setup>) {
  await settle();
  const first = await t.run('list', '--json');
  expect(first.code).toBe(0);
  const stamp = t.cacheStamp();
  const second = await t.run('list', '--json');
  expect(second.stdout).toBe(first.stdout);
  expect(t.cacheStamp()).toBe(stamp);
  return stamp;
}

const titles = (stdout: string) => (JSON.parse(stdout) as { title: string; file: string }[]).map((c) => c.title);

describe('the case-library cache is never stale', () => {
  test('a case file changed in the same second, to the same size, with its mtime put back, is seen', async () => {
    const t = setup();
    try {
      await cached(t);
      const file = join(t.temp.dir, 'cases', 'test-case.yaml');
      const before = statSync(file);
      writeFileSync(file, caseFile('Journalist Detained Omega'));
      utimesSync(file, before.atime, before.mtime);
      expect(statSync(file).size).toBe(before.size);
      const result = await t.run('show', 'test-case');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Journalist Detained Omega');
      expect(result.stdout).not.toContain('Alpha');
    } finally {
      t.temp.cleanup();
    }
  });

  test('a template changed to the same size is seen in the letter', async () => {
    const t = setup();
    try {
      await cached(t);
      const file = join(t.temp.dir, 'cases', 'letter.hbs');
      const before = statSync(file);
      writeFileSync(file, template('I am writing about Ann Example: version two.'));
      utimesSync(file, before.atime, before.mtime);
      const result = await t.run('write', 'test-case', '--target', '1', '--name', 'Jo Writer', '--stdout');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('version two.');
      expect(result.stdout).not.toContain('version one.');
    } finally {
      t.temp.cleanup();
    }
  });

  test('a case file added, then renamed, then removed is seen each time', async () => {
    const t = setup();
    try {
      await cached(t);
      writeFileSync(join(t.temp.dir, 'cases', 'second.yaml'), caseFile('Second Case Title').replace('id: test-case', 'id: second-case'));
      const added = await t.run('list', '--json');
      expect(titles(added.stdout).sort()).toEqual(['Journalist Detained Alpha', 'Second Case Title']);

      renameSync(join(t.temp.dir, 'cases', 'second.yaml'), join(t.temp.dir, 'cases', 'renamed.yaml'));
      const renamed = await t.run('list', '--json');
      const files = (JSON.parse(renamed.stdout) as { file: string }[]).map((c) => c.file);
      expect(files).toContain(join(t.temp.dir, 'cases', 'renamed.yaml'));
      expect(files).not.toContain(join(t.temp.dir, 'cases', 'second.yaml'));

      rmSync(join(t.temp.dir, 'cases', 'renamed.yaml'));
      const removed = await t.run('list', '--json');
      expect(titles(removed.stdout)).toEqual(['Journalist Detained Alpha']);
    } finally {
      t.temp.cleanup();
    }
  });

  test('a case that starts naming another template, and that template appearing later, are seen', async () => {
    const t = setup();
    try {
      await cached(t);
      const file = join(t.temp.dir, 'cases', 'test-case.yaml');
      writeFileSync(file, caseFile('Journalist Detained Alpha', 'other.hbs'));
      const missing = await t.run('list', '--json');
      expect(missing.stderr).toContain('other.hbs');
      expect(titles(missing.stdout)).toEqual([]);
      writeFileSync(join(t.temp.dir, 'cases', 'other.hbs'), template('The other letter.'));
      const found = await t.run('write', 'test-case', '--target', '1', '--name', 'Jo Writer', '--stdout');
      expect(found.code).toBe(0);
      expect(found.stdout).toContain('The other letter.');
    } finally {
      t.temp.cleanup();
    }
  });

  test('a case file replaced by a link to another file is seen, and a link leading outside its folder refused', async () => {
    const t = setup();
    try {
      await cached(t);
      const { symlinkSync } = await import('node:fs');
      const caseLink = join(t.temp.dir, 'cases', 'test-case.yaml');
      // A link within the folder is read (a .txt file is not a case of its own)...
      writeFileSync(join(t.temp.dir, 'cases', 'linked.txt'), caseFile('Linked Case Title'));
      rmSync(caseLink);
      symlinkSync(join(t.temp.dir, 'cases', 'linked.txt'), caseLink);
      const result = await t.run('list', '--json');
      expect(titles(result.stdout)).toEqual(['Linked Case Title']);
      // ...one leading outside it is not (case folders come from anyone), cached library or not.
      writeFileSync(join(t.temp.dir, 'elsewhere.yaml'), caseFile('Outside Case Title'));
      rmSync(caseLink);
      symlinkSync(join(t.temp.dir, 'elsewhere.yaml'), caseLink);
      const outside = await t.run('list', '--json');
      expect(titles(outside.stdout)).toEqual([]);
      expect(outside.stderr).toContain('outside its folder');
    } finally {
      t.temp.cleanup();
    }
  });
});

describe('a damaged cache is ignored and built again', () => {
  const damages: [string, (file: string) => void][] = [
    ['cut short', (file) => writeFileSync(file, readFileSync(file).subarray(0, 200))],
    ['garbage', (file) => writeFileSync(file, Buffer.from('\u0000\u00ff not a cache at all'))],
    ['a byte changed in the cached library', (file) => {
      const bytes = readFileSync(file);
      const at = bytes.indexOf('Journalist Detained Alpha');
      bytes.write('Z', at);
      writeFileSync(file, bytes);
    }],
    ['foreign: another program\'s JSON', (file) => writeFileSync(file, JSON.stringify({ cases: [{ title: 'Injected' }] }))],
    ['foreign: the right first line, another build', (file) => {
      const text = readFileSync(file, 'latin1');
      writeFileSync(file, text.replace(/"build":"[0-9a-f]+"/, '"build":"0000"'), 'latin1');
    }],
  ];
  test.each(damages)('%s', async (_, damage) => {
    const t = setup();
    try {
      const stamp = await cached(t);
      const file = t.cacheFiles()[0]!;
      damage(file);
      const result = await t.run('list', '--json');
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(titles(result.stdout)).toEqual(['Journalist Detained Alpha']);
      // Built again and written whole: the run after uses it.
      const rebuilt = t.cacheStamp();
      expect(rebuilt).not.toBe(stamp);
      await t.run('list', '--json');
      expect(t.cacheStamp()).toBe(rebuilt);
    } finally {
      t.temp.cleanup();
    }
  });
});

test('two processes building the cache at once both work, and leave one whole cache', async () => {
  const t = setup();
  try {
    await settle();
    const [a, b] = await Promise.all([t.run('list', '--json'), t.run('show', 'test-case')]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(titles(a.stdout)).toEqual(['Journalist Detained Alpha']);
    expect(b.stdout).toContain('Journalist Detained Alpha');
    // No temporary file left behind; the cache that won is whole and used.
    const stamp = t.cacheStamp();
    const after = await t.run('list', '--json');
    expect(titles(after.stdout)).toEqual(['Journalist Detained Alpha']);
    expect(t.cacheStamp()).toBe(stamp);
  } finally {
    t.temp.cleanup();
  }
});

test('files changed a moment ago are used but not cached, so an edit during a build cannot be kept', async () => {
  const t = setup();
  try {
    const result = await t.run('list', '--json');
    expect(titles(result.stdout)).toEqual(['Journalist Detained Alpha']);
    expect(t.cacheFiles()).toEqual([]);
  } finally {
    t.temp.cleanup();
  }
});

test('a letter written from the cache, its templates compiled before, is the letter written without it', async () => {
  const t = setup();
  try {
    // Lists, partials, the letter's variants and a member's own paragraph: what a template can do.
    writeFileSync(join(t.temp.dir, 'cases', 'letter.hbs'), template('I write about {{#each case.people}}{{name}} ({{@index}}){{#unless @last}}, {{/unless}}{{/each}}.\n\n{{#variant}}First way.{{else}}Second way.{{/variant}}\n\n{{> personal}}'));
    const args = ['write', 'test-case', '--target', '1', '--name', 'Jo O\'Brien & Søn', '--personal', 'I have written before.', '--stdout'];
    const uncached = await t.run(...args);
    expect(uncached.code).toBe(0);
    expect(t.cacheFiles()).toEqual([]);
    await cached(t);
    const fromCache = await t.run(...args);
    expect(JSON.parse(readFileSync(t.cacheFiles()[0]!, 'utf8').split('\n')[2]!).library.precompiled.length).toBeGreaterThan(3);
    expect(fromCache.stdout).toBe(uncached.stdout);
    expect(fromCache.stdout).toContain('I write about Ann Example (0).');
    expect(fromCache.stdout).toContain('Jo O\'Brien & Søn');
    expect(fromCache.stdout).toContain('I have written before.');
  } finally {
    t.temp.cleanup();
  }
});
