/**
 * `appeal import` checks a draft as "appeal validate" would, on the data it writes the case file
 * from, without reading the file it has just written back in. That is the same check only where
 * the file reads back to exactly that data: these tests hold the case-file writer to it, on every
 * document in the fixtures and on generated values, and show where it does not hold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { caseDocument, caseYamlText, readsBackAsWritten } from '../src/import/case-yaml';
import { importDocument, type ImportCheck } from '../src/import/import-document';
import { REPO_ROOT } from './helpers/run-cli';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
const HEADER = ['Draft made by "appeal import" from a document on 2026-11-22.', 'Check every value marked CHECK against the document, then delete the mark.'];

/** The document as it arrives: a corpus file without its "Source:" line and the blank after it. */
const withoutSource = (text: string) => (text.startsWith('Source:') ? text.split('\n\n').slice(1).join('\n\n') : text);
const documents = [
  ...readdirSync(join(FIXTURES, 'corpus')).filter((name) => name.endsWith('.txt')).map((name) => join('corpus', name)),
  ...readdirSync(join(FIXTURES, 'samples')).filter((name) => name.endsWith('.txt')).map((name) => join('samples', name)),
  ...readdirSync(join(FIXTURES, 'seeds')).map((name) => join('seeds', name)),
];

/** What a reader of the case file gets: the file as import writes it, parsed again. */
const readBack = (data: Record<string, unknown>, checks: readonly ImportCheck[] = []) => parseDocument(caseYamlText(caseDocument(data, checks, HEADER))).toJS() as unknown;

/** A case with these texts in fields of every depth: top level, in a map in a list, in a list in a map. */
const caseWith = (title: string, summary: string, address: string[]) => ({
  id: 'ua-1-26',
  kind: 'urgent-action',
  title,
  status: 'open',
  summary,
  people: [{ name: title }],
  officials: [{ id: 'minister', name: summary, address, post: true }],
  history: [{ stage: 'first', note: summary }],
});

describe('the case file import writes reads back to the data it was made from', () => {
  test.each(documents)('%s', (file) => {
    const imported = importDocument(withoutSource(readFileSync(join(FIXTURES, file), 'utf8')));
    if (imported.found === 'nothing') return;
    expect(readsBackAsWritten(imported.data)).toBe(true);
    expect(readBack(imported.data, imported.checks)).toStrictEqual(imported.data);
  });

  test('whenever readsBackAsWritten says so: one-line texts of any characters, long or short, and their comments', () => {
    const words = fc.constantFrom('word', 'Señor', ' ', '  ', '\t', '- ', '# ', ': ', '"', "'", '\\', '\u00a0', '{{name}}', 'null', '~', 'true', 'no', '0x1F', '1e3', '.nan', '-0', '2017-07-05', '<<', '&a', '*a', '!!str');
    // One line without white space at either end, as import's values are.
    const oneLine = (text: fc.Arbitrary<string>) => text.map((value) => value.replace(/[\n\r\f\u0085\u2028\u2029]/g, ' ').trim());
    const text = fc.oneof(
      oneLine(fc.string()),
      oneLine(fc.string({ unit: 'grapheme', maxLength: 300 })),
      oneLine(fc.string({ unit: 'binary', maxLength: 300 })),
      // Long lines, which are written as folded blocks, with the spaces and marks that fold badly.
      oneLine(fc.array(words, { minLength: 1, maxLength: 120 }).map((parts) => parts.join(''))),
    );
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 3 }), fc.array(text, { maxLength: 2 }), (title, summary, address, messages) => {
        const data = caseWith(title, summary, address);
        const checks = messages.map((message, index) => ({ path: index ? ['officials', 0, 'address'] : ['title'], message }));
        expect(readsBackAsWritten(data)).toBe(true);
        expect(readBack(data, checks)).toStrictEqual(data);
      }),
      { numRuns: 3000 },
    );
  });

  test('texts that read back otherwise are not taken as read back: a line of spaces in a block, a long text that starts with spaces', () => {
    const cases = [
      caseWith('Title', `\n \n${'word'.repeat(14)}\r${'word'.repeat(4)}`, []),
      caseWith(`  {{name}}${'word'.repeat(5)}{{name}}${'word'.repeat(10)} ${'word'.repeat(5)}`, '', []),
    ];
    for (const data of cases) {
      expect(readBack(data)).not.toStrictEqual(data);
      expect(readsBackAsWritten(data)).toBe(false);
    }
  });
});
