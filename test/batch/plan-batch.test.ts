import { batchChunks, batchLettersMade, CHUNK_LETTERS, signerFontSources } from '../../src/batch/batch-letters';
import { chooseBatchCases, describeLeftOut, planBatchOfficials } from '../../src/batch/plan-batch';
import type { Signer } from '../../src/signers/read-signers';
import { embeddedLibrary } from '../helpers/library';

/**
 * The plan of `appeal batch`, called directly: which cases, which officials, what is left out
 * and why, and how the letters are grouped for the PDF worker. The embedded library on
 * 2026-11-22: UA 150.19 open (two officials who take post), miftakhov-2026 past its deadline,
 * UA 126.19 closed (one official who takes no post), covid-19-kremlin-prisoners a petition.
 */
const library = embeddedLibrary();
const now = new Date('2026-11-22T12:00:00Z');
const ids = (records: readonly { definition: { id: string } }[]) => records.map((record) => record.definition.id);

describe('chooseBatchCases', () => {
  test.each([
    { queries: ['150.19'], chosen: ['ua-150-19'], warnings: 0 },
    { queries: ['150.19', 'ua-150-19', '150/19'], chosen: ['ua-150-19'], warnings: 0 },
    { queries: ['miftakhov', '150.19'], chosen: ['miftakhov-2026', 'ua-150-19'], warnings: 1 },
  ])('named cases $queries: $chosen, $warnings warning(s)', ({ queries, chosen, warnings }) => {
    const result = chooseBatchCases({ cases: library.cases, queries, open: false, allowClosed: false, now });
    expect(ids(result.records)).toEqual(chosen);
    expect(result.warnings).toHaveLength(warnings);
    expect(result.leftOut).toEqual([]);
  });

  test('an expired case is printed with a warning naming its deadline', () => {
    const { warnings } = chooseBatchCases({ cases: library.cases, queries: ['miftakhov'], open: false, allowClosed: false, now });
    expect(warnings[0]).toMatch(/deadline of miftakhov-2026 \(2026-07-15\) has passed/);
  });

  test.each([
    { queries: ['126.19'], allowClosed: false, error: /UA 126\.19 is closed/ },
    { queries: ['covid'], allowClosed: false, error: /has no official to write to/ },
    { queries: ['no-such-case'], allowClosed: false, error: /no-such-case/ },
  ])('refuses $queries', ({ queries, allowClosed, error }) => {
    expect(() => chooseBatchCases({ cases: library.cases, queries, open: false, allowClosed, now })).toThrow(error);
  });

  test('a closed case is printed with allowClosed', () => {
    expect(ids(chooseBatchCases({ cases: library.cases, queries: ['126.19'], open: false, allowClosed: true, now }).records)).toEqual(['ua-126-19']);
  });

  test('--open: every open case that takes letters; petitions left out with the reason', () => {
    const result = chooseBatchCases({ cases: library.cases, queries: [], open: true, allowClosed: false, now });
    expect(ids(result.records)).toEqual(['ua-150-19']);
    expect(result.leftOut.map(describeLeftOut)).toEqual(['covid-19-kremlin-prisoners: a petition, with no official to write to']);
  });

  test('--open with no open case that takes letters is refused, naming the day', () => {
    const petitions = library.cases.filter((record) => record.definition.id === 'covid-19-kremlin-prisoners');
    expect(() => chooseBatchCases({ cases: petitions, queries: [], open: true, allowClosed: false, now })).toThrow('No open case has officials to write to on 2026-11-22.');
  });
});

describe('planBatchOfficials', () => {
  const record = (id: string) => library.cases.find((candidate) => candidate.definition.id === id)!;

  test.each([
    { cases: ['ua-150-19'], targets: [], letters: 3, plans: ['ua-150-19 1. prosecutor-general ×3', 'ua-150-19 2. ambassador ×3'], leftOut: [] },
    { cases: ['ua-150-19'], targets: ['ambassador'], letters: 1, plans: ['ua-150-19 2. ambassador ×1'], leftOut: [] },
    { cases: ['ua-150-19'], targets: ['2', '1', 'all'], letters: 2, plans: ['ua-150-19 1. prosecutor-general ×2', 'ua-150-19 2. ambassador ×2'], leftOut: [] },
    {
      cases: ['ua-126-19', 'ua-150-19'],
      targets: [],
      letters: 1,
      plans: ['ua-126-19 2. ambassador ×1', 'ua-150-19 1. prosecutor-general ×1', 'ua-150-19 2. ambassador ×1'],
      leftOut: [/^UA 126\.19: .*takes no post/],
    },
  ])('$cases, --target $targets, $letters letter(s) each', ({ cases, targets, letters, plans, leftOut }) => {
    const result = planBatchOfficials(cases.map(record), targets, letters);
    expect(result.plans.map((plan) => `${plan.record.definition.id} ${plan.number}. ${plan.official.id} ×${plan.letters}`)).toEqual(plans);
    expect(result.leftOut.map(describeLeftOut)).toEqual(leftOut.map((pattern) => expect.stringMatching(pattern)));
  });

  test('a --target no official of a case fits names the case', () => {
    expect(() => planBatchOfficials([record('ua-150-19')], ['nobody'], 1)).toThrow(/^UA 150\.19: --target nobody: no official of this case matches\./);
  });

  test('a batch where nobody takes post is refused, listing what was left out', () => {
    let error: unknown;
    try {
      planBatchOfficials([record('ua-126-19')], ['chief-military-prosecutor'], 1);
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).message).toBe('No letters to print: none of the chosen officials takes post.');
    expect((error as { details: string[] }).details).toEqual([expect.stringMatching(/^UA 126\.19: .*: takes no post \(/)]);
  });
});

describe('batchChunks', () => {
  const signer = (name: string, line: number, country?: string): Signer => ({ name, line, country, address: ['1 High Street', 'Leeds'] });
  const plan = planBatchOfficials([library.cases.find((candidate) => candidate.definition.id === 'ua-150-19')!], ['ambassador'], 0).plans[0]!;

  test.each([
    { what: 'members from one country share one letter', countries: [undefined, undefined, undefined], shared: 1 },
    // The Ambassador is in the USA: a member there gets the address without its country line.
    { what: 'members in the official’s country get their own letter, the others share one', countries: [undefined, 'USA', 'Germany', 'USA', 'France'], shared: 2 },
  ])('$what', ({ countries, shared }) => {
    const signers = countries.map((country, index) => signer(`Member ${index + 1}`, index + 2, country));
    const chunks = [...batchChunks({ plans: [{ ...plan, letters: signers.length }], signers, signersFile: 'members.csv', signerCount: signers.length, templates: library.templates, now })];
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.shared).toHaveLength(shared);
    expect(chunks[0]!.letters.map((letter) => (letter.personal.kind === 'signed' ? letter.personal.sender.name : 'blank'))).toEqual(signers.map((member) => member.name));
  });

  test(`letters go to the worker ${CHUNK_LETTERS} at a time, shared letters only in the chunk that first needs them`, () => {
    const count = CHUNK_LETTERS * 2 + 1;
    const chunks = [...batchChunks({ plans: [{ ...plan, letters: count }], signers: undefined, signersFile: undefined, signerCount: count, templates: library.templates, now })];
    expect(chunks.map((chunk) => chunk.letters.length)).toEqual([CHUNK_LETTERS, CHUNK_LETTERS, 1]);
    expect(chunks.map((chunk) => chunk.shared.length)).toEqual([1, 0, 0]);
    expect(chunks.every((chunk) => chunk.letters.every((letter) => letter.personal.kind === 'blank' && letter.shared === 0))).toBe(true);
  });

  test('signers’ characters outside ASCII are checked once each, with the line they first appear on', () => {
    const sources = signerFontSources([signer('Zoë Brown', 2), signer('Chloë Ø', 3), signer('Ann', 4)], 'members.csv');
    expect(sources).toEqual([
      { what: 'members.csv:2 (Zoë Brown)', texts: ['ë'] },
      { what: 'members.csv:3 (Chloë Ø)', texts: ['Ø'] },
    ]);
  });

  test('every letter made is logged, each with its signer (null when blank)', () => {
    const made = [...batchLettersMade([{ ...plan, letters: 2 }], [signer('Ann', 2), signer('Bo', 3)], 2, '/x/meeting.pdf')];
    expect(made).toEqual([
      { case: 'ua-150-19', official: 'ambassador', format: 'pdf', channel: 'post', sender: 'Ann', file: '/x/meeting.pdf' },
      { case: 'ua-150-19', official: 'ambassador', format: 'pdf', channel: 'post', sender: 'Bo', file: '/x/meeting.pdf' },
    ]);
  });
});
