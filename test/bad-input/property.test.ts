/**
 * Issue "Hardening", property-based: thousands of generated case files, sender names and signer
 * rows thrown at loading and rendering. Nothing may throw an unexpected exception or hang; every rejection is a
 * reported problem, and every accepted name comes out of the letter exactly as given.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { readCaseFile } from '../../src/cases/read-case-file';
import { buildLetter, formatLetterText } from '../../src/letters/letter';
import { findUnsafeCharacter } from '../../src/text/plain-text';
import { safeNamePart } from '../../src/output/safe-file-name';
import { embeddedLibrary } from '../helpers/library';
import { readSigners } from '../../src/signers/read-signers';
import { AppError } from '../../src/errors/app-error';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => temp.cleanup());

function readYaml(text: string) {
  const file = join(temp.dir, 'case.yaml');
  writeFileSync(file, text);
  return readCaseFile(file, 'case.yaml');
}

const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('', '~', '*a', '&a x', '!!binary x', '__proto__', '{{x}}', '"', "'", '- x', ': y', '\t'));
const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, anyText, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(anyText, tie('value'), { maxKeys: 4 })),
})).value;

const plausibleCase = fc.record({
  id: fc.oneof(fc.constant('ua-1-26'), anyText),
  title: anyText,
  status: fc.constantFrom('open', 'closed', 'maybe', 1),
  people: fc.array(fc.record({ name: anyText, pronouns: fc.option(anyText, { nil: undefined }) }), { maxLength: 3 }),
  officials: fc.array(
    fc.record({ id: anyText, name: anyText, salutation: anyText, email: fc.array(anyText, { maxLength: 2 }), address: fc.array(anyText, { maxLength: 3 }) }, { requiredKeys: ['name'] }),
    { maxLength: 3 },
  ),
  extra: anyValue,
}, { requiredKeys: [] });

describe('loading generated case files', () => {
  test('arbitrary text never throws: it loads, or every problem is reported with a file name', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = readYaml(text);
        expect(result.definition !== undefined || result.problems.length > 0).toBe(true);
        for (const problem of result.problems) expect(problem.file).toBe('case.yaml');
      }),
      { numRuns: 1500 },
    );
  });

  test('near-valid case files never throw, and a loaded case holds only safe one-line names', () => {
    fc.assert(
      fc.property(plausibleCase, (data) => {
        const result = readYaml(stringify(data));
        if (result.definition) {
          for (const official of result.definition.officials) expect(findUnsafeCharacter(official.name)).toBeUndefined();
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('rendering with generated names', () => {
  const library = embeddedLibrary();
  const record = library.cases.find((c) => c.definition.id === 'ua-150-19')!;
  const official = record.definition.officials[1]!;

  test('any one-line name is signed exactly as given, and its file name stays one plain name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }).filter((name) => !findUnsafeCharacter(name) && name.trim() !== ''), (name) => {
        const letter = buildLetter(record, official, { name: name.trim() }, new Date('2026-11-22T12:00:00Z'), library.templates);
        const text = formatLetterText(letter);
        expect(text.trimEnd().endsWith(name.trim())).toBe(true);
        expect(text).toContain('Dear Ambassador,');
        expect(safeNamePart(name)).not.toMatch(/[\\/]|^\.|^$/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('reading generated signer rows', () => {
  const cell = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', '"', '""', ',', ';', '\n', '\r\n', 'Анна Иванова', 'José Núñez', '=cmd()', '\u202e'));
  const csv = fc.record({
    header: fc.oneof(fc.constant('name,address,country,email'), fc.constant('name'), fc.constant('surname'), fc.array(cell, { maxLength: 4 }).map((cells) => cells.join(','))),
    rows: fc.array(fc.array(cell, { maxLength: 5 }).map((cells) => cells.join(',')), { maxLength: 8 }),
  });

  test('any CSV either gives members with a one-line name each, or a clear error naming lines; never a crash', () => {
    fc.assert(
      fc.property(csv, fc.boolean(), ({ header, rows }, latin1) => {
        const file = join(temp.dir, 'members.csv');
        const text = [header, ...rows].join('\n');
        writeFileSync(file, latin1 ? Buffer.from(text, 'latin1') : text);
        try {
          const { signers } = readSigners(file, 'members.csv');
          for (const signer of signers) {
            expect(signer.name.trim()).not.toBe('');
            expect(findUnsafeCharacter(signer.name)).toBeUndefined();
            expect(signer.line).toBeGreaterThanOrEqual(2);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).message).toContain('members.csv');
        }
      }),
      { numRuns: 1500 },
    );
  });
});
