/**
 * The bundle makes import's case-insensitive patterns without the i flag, each letter written as
 * the class of the letters it matches (scripts/caseless-patterns.js, src/import/case-patterns.ts).
 * Each rewritten pattern must find exactly what the pattern as written finds: the same matches,
 * at the same places, with the same groups, in every document of the fixtures and in texts made to
 * try the letters whose other cases are not their upper and lower case (ſ, K, Å, ẞ, ᲀ, U+0345),
 * which also tell \b and \w apart with and without i.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { caseInsensitiveSources } from '../src/import/case-patterns';
import { importDocument } from '../src/import/import-document';
import { documentLines } from '../src/import/document-lines';
import { REPO_ROOT, runCli } from './helpers/run-cli';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { caselessSources } = require('../scripts/caseless-patterns.js') as { caselessSources(sources: readonly string[]): Record<string, string> };

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
const texts = ['corpus', 'samples', 'seeds'].flatMap((folder) =>
  readdirSync(join(FIXTURES, folder))
    .filter((name) => !name.endsWith('.json'))
    .map((name) => readFileSync(join(FIXTURES, folder, name), 'utf8')),
);

// The patterns import's modules make as they load, and those its finders make on the way.
for (const text of texts) importDocument(text);
const sources = caseInsensitiveSources();
const table = caselessSources(sources);
const rewritten = Object.entries(table);

/** Every match, as the g flag finds them one after the other: where, what, and each group. */
const matches = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((match) => [match.index, ...match]);

function expectSameMatches(texts: readonly string[]): void {
  for (const [source, caseless] of rewritten) {
    const written = new RegExp(source, 'giu');
    const withoutI = new RegExp(caseless, 'gu');
    for (const text of texts) {
      const expected = matches(written, text);
      const actual = matches(withoutI, text);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`${source}\nfinds otherwise in ${JSON.stringify(text.slice(0, 200))}`);
    }
  }
}

/**
 * A text with each letter that has a third case written in it ("s" as ſ, "k" as the Kelvin sign,
 * "в" as ᲀ, ...): what the i flag matches and toUpperCase and toLowerCase do not give.
 */
const THIRD_CASES: [RegExp, string][] = [[/s/g, 'ſ'], [/[kK]/g, '\u212a'], [/[åÅ]/g, '\u212b'], [/ß/g, 'ẞ'], [/µ/g, 'μ'], [/в/g, 'ᲀ'], [/д/g, 'ᲁ'], [/о/g, 'ᲂ'], [/с/g, 'ᲃ'], [/т/g, 'ᲄ'], [/ъ/g, 'ᲆ']];
const inThirdCases = (text: string) => THIRD_CASES.reduce((out, [letter, third]) => out.replace(letter, third), text);

/** Letters whose other cases are not simply toUpperCase and toLowerCase, and U+0345, which \p{L} matches under i. */
const ODD_CASES = ['ſ', 'K', 'Å', 'ẞ', 'ß', 'µ', 'μ', 'Μ', 'ᲀ', 'ᲂ', 'ᲃ', 'ᲄ', 'ᲅ', 'ᲆ', 'İ', 'ı', 'ΐ', '\u0345', 'ǅ', 'ǆ', 'Ǆ', 'ϐ', 'ẛ', 'ﬅ', 'ﬆ'];

describe("the bundle's patterns without the i flag find what the patterns as written find", () => {
  test('the large ones are rewritten, and each rewritten one has no i to close over', () => {
    expect(rewritten.length).toBeGreaterThanOrEqual(25);
    for (const [, caseless] of rewritten) expect(() => new RegExp(caseless, 'u')).not.toThrow();
  });

  test('in every line of every document, as written, in capitals and in small letters', () => {
    const lines = texts.flatMap((text) => documentLines(text));
    expectSameMatches([...texts, ...lines, ...lines.map((line) => line.toUpperCase()), ...lines.map((line) => line.toLowerCase())]);
  });

  test('in every line with its letters in their third case, and with U+0345 (a letter only under i) for its spaces', () => {
    const lines = texts.flatMap((text) => documentLines(text));
    expectSameMatches([...lines.map(inThirdCases), ...lines.map((line) => inThirdCases(line.toLowerCase())), ...lines.map((line) => line.replace(/ /g, '\u0345'))]);
  });

  test("in texts of the patterns' own words, cased any way, with the odd cases in them", () => {
    const words = [...new Set(sources.join(' ').match(/\p{L}+/gu) ?? [])];
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((word) => word.toUpperCase()),
      fc.constantFrom(...ODD_CASES),
      fc.constantFrom(' ', ':', ', ', '.', '-', "'", '’', '\n', '1', '60.16', '/', '(', ')'),
      fc.string({ maxLength: 3 }),
    );
    const text = fc.array(piece, { maxLength: 12 }).chain((pieces) =>
      fc.array(fc.boolean(), { minLength: pieces.length, maxLength: pieces.length }).map((flips) =>
        pieces.map((part, index) => (flips[index] ? part.replace(/s/g, 'ſ').replace(/k/g, 'K').replace(/å/g, 'Å') : part)).join(''),
      ),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (batch) => {
        expectSameMatches(batch);
      }),
      { numRuns: 300 },
    );
  });

  test('the built import makes no pattern with the i and u flags: each one the build rewrote is the one it runs', async () => {
    // A pattern the bundle writes otherwise than the build listed it (esbuild escapes a String.raw's
    // letters, say) is not found in the table, and is compiled with i, as slowly as before.
    const folder = mkdtempSync(join(tmpdir(), 'appeal-caseless-'));
    try {
      const record = join(folder, 'made.txt');
      const watch = join(folder, 'watch.cjs');
      writeFileSync(
        watch,
        `const fs = require('node:fs');
const Written = RegExp;
globalThis.RegExp = new Proxy(Written, {
  construct(target, args, newTarget) {
    if (/i/.test(String(args[1] ?? '')) && /u/.test(String(args[1] ?? ''))) fs.appendFileSync(${JSON.stringify(record)}, String(args[0]) + '\\n');
    return Reflect.construct(target, args, newTarget);
  },
});`,
      );
      writeFileSync(record, '');
      for (const name of ['samples/hn-ua60-16-3.txt', 'corpus/bi-nkina-fr.txt', 'corpus/cn-chen-guangcheng-de.txt', 'corpus/ve-ua72-24-upd.txt']) {
        const result = await runCli(['import', join(FIXTURES, name), '--stdout'], { cwd: folder, env: { NODE_OPTIONS: `--require ${watch}` } });
        expect(result.stdout).toContain('id: ');
      }
      expect(readFileSync(record, 'utf8').split('\n').filter(Boolean)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('\\p{Lu} and \\p{Ll}, which i widens to every letter that has a case, are written out to the same letters', () => {
    // The contact labels ("online form in \\p{Lu}\\p{Ll}+"), the UA number and the fused greeting hold them.
    expect(rewritten.some(([source]) => source.includes('\\p{Lu}'))).toBe(true);
    const written = caselessSources(['^\\p{Lu}$', '^\\p{Ll}$', '^[\\p{Lu}\\d]$', '^[^\\p{Ll}]$']);
    const pairs = Object.entries(written).map(([source, caseless]) => [new RegExp(source, 'iu'), new RegExp(caseless, 'u')] as const);
    expect(pairs).toHaveLength(4);
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const text = String.fromCodePoint(codePoint);
      for (const [withI, withoutI] of pairs) {
        if (withI.test(text) !== withoutI.test(text)) throw new Error(`${withI} and ${withoutI} differ on U+${codePoint.toString(16)}`);
      }
    }
    // Under i they match small letters too: "online form in germany" is a label as written.
    expect(new RegExp(written['^\\p{Lu}$']!, 'u').test('g')).toBe(true);
  });
});
