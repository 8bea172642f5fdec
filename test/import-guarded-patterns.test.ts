/**
 * The UA number and the contact labels are found with their look-behind, (?<![\p{L}]) under i,
 * taken out of the pattern and asked of the character before each match instead (GuardedPattern
 * in language-patterns.ts). These hold that to finding exactly what the pattern with its
 * look-behind finds: every match, where, and its groups.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { documentLines } from '../src/import/document-lines';
import { CONTACT_LABELS, UA_NUMBER, firstGuardedMatch, guardedMatches, isLetterUnderI, type GuardedPattern } from '../src/import/language-patterns';
import { REPO_ROOT } from './helpers/run-cli';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
const texts = ['corpus', 'samples', 'seeds'].flatMap((folder) =>
  readdirSync(join(FIXTURES, folder))
    .filter((name) => !name.endsWith('.json'))
    .map((name) => readFileSync(join(FIXTURES, folder, name), 'utf8')),
);

/** Each guarded pattern beside the pattern as it was written, with its look-behind. */
const guarded: [string, GuardedPattern, RegExp][] = [
  ['UA number', UA_NUMBER, new RegExp(`(?<![\\p{L}])${UA_NUMBER.pattern.source}`, 'giu')],
  ['contact label', CONTACT_LABELS, new RegExp(String.raw`(?<![\p{L}@.\-])${CONTACT_LABELS.pattern.source}`, 'giu')],
];

const found = (matches: Iterable<RegExpExecArray>) => [...matches].map((match) => [match.index, ...match]);

function expectSameMatches(samples: readonly string[]): void {
  for (const [name, pattern, written] of guarded) {
    for (const text of samples) {
      const expected = found(text.matchAll(written));
      if (JSON.stringify(found(guardedMatches(pattern, text))) !== JSON.stringify(expected)) throw new Error(`${name} finds otherwise in ${JSON.stringify(text.slice(0, 200))}`);
      written.lastIndex = 0;
      const first = new RegExp(written.source, 'iu').exec(text);
      expect(firstGuardedMatch(pattern, text)?.[0]).toBe(first?.[0]);
      expect(firstGuardedMatch(pattern, text)?.index).toBe(first?.index);
    }
  }
}

const characters = function* () {
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) yield String.fromCodePoint(codePoint);
};

describe('the UA number and contact labels, their look-behind asked of the character before', () => {
  test('a letter under i is what [\\p{L}] matches under i, for every character there is', () => {
    const letter = /^[\p{L}]$/iu;
    const contactBoundary = /^[\p{L}@.\-]$/iu;
    for (const character of characters()) {
      if (isLetterUnderI(character) !== letter.test(character)) throw new Error(`U+${character.codePointAt(0)!.toString(16)}`);
      if (CONTACT_LABELS.refused(character) !== contactBoundary.test(character)) throw new Error(`U+${character.codePointAt(0)!.toString(16)} (contact)`);
    }
  });

  test('the same matches in every document, line by line and whole, in capitals and small letters', () => {
    const lines = texts.flatMap((text) => documentLines(text));
    expectSameMatches([...texts, ...lines, ...lines.map((line) => line.toUpperCase()), ...lines.map((line) => line.toLowerCase())]);
  });

  test('the same matches after any character: letters, U+0345, "@", ".", "-", surrogate pairs and lone halves', () => {
    const before = fc.constantFrom('', ' ', 'a', 'É', 'ж', '\u0345', '@', '.', '-', '_', '1', '𝐀', '😀', '\ud835', '\udc00', '\n', ':');
    const label = fc.constantFrom('UA 60/16', 'Urgent Action 132.19', 'AU: 72/24', 'UAN Letter: 74/12', 'UA: Russian Federation: 40.23', 'Fax: +1 202', 'Email: a@b.org', 'Tél. 01', 'Twitter @x', 'Salutation: Dear Minister', 'online form in English:');
    const text = fc.array(fc.tuple(before, fc.oneof(label, fc.string({ maxLength: 4 }))), { maxLength: 6 }).map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (samples) => {
        expectSameMatches(samples);
      }),
      { numRuns: 1000 },
    );
  });
});
