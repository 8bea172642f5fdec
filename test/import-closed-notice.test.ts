/**
 * A closed notice ("NO FURTHER ACTION IS REQUESTED" with its sentence around it) is looked for as
 * the notice alone first, then with its context from a little before it (findClosedNotice in
 * language-patterns.ts). These hold that to finding what the whole pattern finds from the start of
 * the text: the same words at the same place, or nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CLOSED_NOTICE_SOURCE, findClosedNotice } from '../src/import/language-patterns';
import { LANGUAGES } from '../src/import/languages';
import { REPO_ROOT } from './helpers/run-cli';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
const texts = ['corpus', 'samples', 'seeds'].flatMap((folder) =>
  readdirSync(join(FIXTURES, folder))
    .filter((name) => !name.endsWith('.json'))
    .map((name) => readFileSync(join(FIXTURES, folder, name), 'utf8')),
);
/** Notices in every language as the documents could write them, made from the words' patterns. */
const notice = fc.oneof(...LANGUAGES.flatMap((language) => language.closedNotices).map((words) => fc.stringMatching(new RegExp(`^(?:${words})$`))));

/** The pattern as written, searched from the start of the text. */
const written = new RegExp(CLOSED_NOTICE_SOURCE, 'iu');

function expectSame(text: string): void {
  const expected = written.exec(text);
  const actual = findClosedNotice(text);
  if (actual?.index !== expected?.index || actual?.[0] !== expected?.[0]) {
    throw new Error(`finds ${JSON.stringify(actual?.[0])} at ${actual?.index}, not ${JSON.stringify(expected?.[0])} at ${expected?.index}, in ${JSON.stringify(text.slice(0, 300))}`);
  }
}

describe('a closed notice, looked for as its words first', () => {
  test('finds in every document what the whole pattern finds, and in the final outputs a notice', () => {
    for (const text of texts) expectSame(text);
    expect(texts.filter((text) => findClosedNotice(text) !== null).length).toBeGreaterThan(0);
  });

  test('finds what the whole pattern finds in texts of notices, sentences, line breaks and other writing around them', () => {
    const piece = fc.oneof(
      { weight: 3, arbitrary: notice },
      { weight: 3, arbitrary: notice.map((words) => words.toUpperCase()) },
      { weight: 4, arbitrary: fc.constantFrom(' ', '. ', '.', '\n', ', ', 'Please ', 'the case ', 'x'.repeat(30), 'y'.repeat(45), '😀', '𝐀𝐁', 'é', '\u0345') },
      { weight: 2, arbitrary: fc.string({ maxLength: 50 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        expectSame(pieces.join(''));
      }),
      { numRuns: 3000 },
    );
  });
});
