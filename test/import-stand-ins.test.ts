/**
 * The bundle's import reads typographic punctuation (’ “ ” – — … • and the rest of Windows-1252's)
 * as C1 control codes, so that V8 keeps the text one byte a character (src/import/stand-ins.ts,
 * scripts/stand-ins.js). Whatever the characters, the bundle's findings must be the source's: the
 * same names, titles, letters and checks, with the document's own characters in them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { importDocument, type ImportedCase } from '../src/import/import-document';
import { REPO_ROOT } from './helpers/run-cli';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { STAND_INS, withStandIns, standInsPlugin } = require('../scripts/stand-ins.js') as {
  STAND_INS: [number, number][];
  withStandIns(source: string, file: string): string;
  standInsPlugin(modules: Set<string>): { checkAllWritten(bundled: Set<string>): void };
};

const DIST = join(REPO_ROOT, 'dist', 'cli');
const importerFile = readdirSync(DIST).find((name) => /^importer-\w+\.cjs$/.test(name));
if (!importerFile) throw new Error(`no importer in ${DIST}: run npm run build first`);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const built = require(join(DIST, importerFile)) as { importDocument: typeof importDocument };
const builtSource = readFileSync(join(DIST, importerFile), 'utf8');

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
const documents = ['corpus', 'samples', 'seeds', 'languages'].flatMap((folder) =>
  readdirSync(join(FIXTURES, folder))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => ({ name: `${folder}/${name}`, text: readFileSync(join(FIXTURES, folder, name), 'utf8') })),
);
const CHARACTERS = STAND_INS.map(([character]) => String.fromCharCode(character));

describe('typographic characters in the bundle’s import', () => {
  test('every fixture document gives the bundle the same findings as the source', () => {
    expect(documents.length).toBeGreaterThan(20);
    expect(documents.some(({ text }) => /[’“”–—]/.test(text))).toBe(true);
    for (const { name, text } of documents) expect({ name, found: built.importDocument(text) }).toStrictEqual({ name, found: importDocument(text) });
  });

  test('with the characters put anywhere in a document, the bundle finds what the source finds', () => {
    // Letters beyond Latin-1 too (Š, ł, Ж, 中), which keep a document's text two bytes wide.
    const piece = fc.array(fc.constantFrom(...CHARACTERS, ' ', "'", 's', 'O', 'Š', 'ł', 'Ж', '中'), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''));
    const withCharacters = fc
      .record({
        document: fc.constantFrom(...documents),
        // Around names and other capitalised words, where the finders look closest: “Name”, Name’s, ‹Name›…
        aroundWords: fc.array(fc.record({ before: fc.option(fc.constantFrom('“', '‘', '„', '‚', '‹', '• ', '— ', '€', '(“')), after: fc.option(fc.oneof(fc.constantFrom('’s', '’', '”', '’”', '›', '…', '™', ' –', '—', '†', '‡', '‰'), piece)) }), { minLength: 1, maxLength: 40 }),
        anywhere: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), text: piece }), { maxLength: 8 }),
        curly: fc.boolean(),
        quotedLines: fc.boolean(),
      })
      .map(({ document, aroundWords, anywhere, curly, quotedLines }) => {
        // Straight quotes made curly, as a word processor writes them.
        let text = curly ? document.text.replace(/'/g, '’').replace(/"(\S)/g, '“$1').replace(/"/g, '”').replace(/ - /g, ' – ') : document.text;
        // Lines quoted whole, as a model letter in a web page is: “Dear Minister, … release him.”
        if (quotedLines) text = text.replace(/^(\p{Lu}.*[.!?:])$/gmu, '“$1”');
        let word = 0;
        text = text.replace(/\p{Lu}\p{L}+/gu, (found) => {
          const around = aroundWords[word++ % aroundWords.length]!;
          return `${around.before ?? ''}${found}${around.after ?? ''}`;
        });
        for (const { at, text: insert } of anywhere) {
          const index = Math.floor(at * text.length);
          text = text.slice(0, index) + insert + text.slice(index);
        }
        return text;
      });
    fc.assert(
      fc.property(withCharacters, (text) => {
        expect(built.importDocument(text)).toStrictEqual(importDocument(text));
      }),
      { numRuns: 60 },
    );
  });

  test('a C1 control code in a document comes back as itself, never as the character it stands in for', () => {
    const english = documents.find(({ name }) => name === 'languages/ua-150-19-en.txt')!;
    const text = english.text.replace(/’/g, "'").replace('Human Rights Defender Imprisoned', 'Human Rights Defender\u0092\u0093 Imprisoned');
    const found = built.importDocument(text);
    expect(found.found).toBe('urgent-action');
    const { data } = found as ImportedCase;
    expect(data.title).toContain('Defender\u0092\u0093 Imprisoned');
    expect(JSON.stringify(found)).not.toMatch(/[’“]/);
  });

  test('the bundle’s importer names no typographic character but in the table of stand-ins: the swap is on, and whole', () => {
    const table = /^var STAND_INS = "(.*)";$/m.exec(builtSource);
    expect(table?.[1]).toContain('\\u2019\\x92');
    const named = new RegExp(`[${CHARACTERS.join('')}]|\\\\u(?:${STAND_INS.map(([character]) => character.toString(16)).join('|')})`, 'i');
    expect(builtSource.replace(table![0], '').match(named)).toBeNull();
  });

  test('the build writes each character the importer’s source names as its stand-in, in any of its forms', () => {
    expect(withStandIns(String.raw`/['’]/u.test(a) || a === '\u2019' || b.startsWith("\u{201C}") || /[\u2013\u2014]/.test(c)`, 'x.ts')).toBe(
      String.raw`/['\x92]/u.test(a) || a === '\x92' || b.startsWith("\x93") || /[\x96\x97]/.test(c)`,
    );
    expect(withStandIns('const plain = "It\'s - a -- letter";', 'x.ts')).toBe('const plain = "It\'s - a -- letter";');
  });

  test('a module of the importer that names a C1 code itself stops the build, naming the file', () => {
    for (const source of ['const NEL = /\\u0085/;', "const c = '\\x92';", 'const raw = "\u0091";']) {
      expect(() => withStandIns(source, 'src/import/people.ts')).toThrow(/^src\/import\/people\.ts names the C1 code/);
    }
  });

  const refused = {
    'a property': String.raw`/^\p{Pd}\s/u`,
    'a property in a string that makes a pattern': String.raw`new RegExp('[\\p{P}]+', 'u')`,
    'a range holding a character and not its stand-in': String.raw`/[\u2010-\u2015]/`,
    'a range ending at one': String.raw`/[\u2000-\u2019]/`,
    'a range holding stand-ins only': String.raw`/^[\0-\xff]*$/`,
    'NFKD': 'const plain = text.normalize("NFKD");',
    'collation': 'names.sort((a, b) => a.localeCompare(b));',
  };
  test.each(Object.entries(refused))('so does one that asks what a character and its stand-in answer differently: %s', (_, source) => {
    expect(() => withStandIns(source, 'src/import/people.ts')).toThrow(/^src\/import\/people\.ts /);
  });

  test('what a character and its stand-in answer alike passes: letters, marks, scripts, ranges clear of both, NFKD of the characters themselves', () => {
    const allowed = [String.raw`/[\p{L}\p{M}'’-]+/u`, String.raw`/[a-z\u00c0-\u00ff\u2000-\u200a]/`, 'swapStandIns(swapStandIns(text).normalize("NFKD"))', String.raw`/\p{Script=Cyrillic}/u`];
    for (const source of allowed) expect(() => withStandIns(source, 'src/import/people.ts')).not.toThrow();
  });

  test('a build that bundled one of the importer’s modules without stand-ins fails, and so does one that knows none of their paths', () => {
    const people = '/repo/src/import/people.ts';
    expect(() => standInsPlugin(new Set([people])).checkAllWritten(new Set([people, '/repo/src/entry.ts']))).toThrow(/people\.ts were bundled without stand-ins/);
    expect(() => standInsPlugin(new Set([people])).checkAllWritten(new Set(['/elsewhere/src/import/people.ts']))).toThrow(/paths are not the build's/);
  });
});
