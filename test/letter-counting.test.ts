import type { ActionRecord, MadeRecord } from '../src/action-log/action-record';
import { unmatchedSenders } from '../src/action-log/sender-match';
import { computeTotals, letterCounts } from '../src/action-log/totals';

const made = (official: string, sender: string | null, format: string, at = '2026-11-22T12:00:00.000Z', extra: Partial<MadeRecord> = {}): ActionRecord => ({
  v: 1,
  kind: 'made',
  at,
  case: 'ua-150-19',
  official,
  format,
  channel: format === 'pdf' ? 'post' : format === 'email' ? 'email' : 'unknown',
  sender,
  file: `/letters/${official}.${format}`,
  ...extra,
});
const sent = (official: string, sender: string | null, at = '2026-11-23T12:00:00.000Z'): ActionRecord => ({ v: 1, kind: 'sent', at, case: 'ua-150-19', official, channel: 'post', sender });

describe('a letter is counted once, however many files it became', () => {
  test.each([
    ['write --format all to two officials: text, email and PDF of each', [...['text', 'email', 'pdf'].flatMap((format) => [made('prosecutor-general', 'Ann Smith', format), made('ambassador', 'Ann Smith', format)])], 2],
    ['the same batch printed three times (envelopes, labels, Letter paper)', [1, 2, 3].flatMap(() => [made('ambassador', 'Ann Smith', 'pdf'), made('ambassador', 'Bo Li', 'pdf'), made('ambassador', 'Cy Ng', 'pdf')]), 3],
    ['the name spaced or capitalised otherwise', [made('ambassador', 'Ann Smith', 'pdf'), made('ambassador', 'ann  smith', 'text')], 1],
    ['the next day is another letter', [made('ambassador', 'Ann Smith', 'pdf'), made('ambassador', 'Ann Smith', 'pdf', '2026-11-23T12:00:00.000Z')], 2],
    ['each blank letter of a batch is one, and a re-run prints the same ones', [1, 2].flatMap(() => [1, 2, 3].map((copy) => made('ambassador', null, 'pdf', undefined, { copy }))), 3],
    ['blank letters from before copies were numbered stay one each', [made('ambassador', null, 'pdf'), made('ambassador', null, 'pdf')], 2],
  ])('%s', (_what, records, letters) => {
    expect(computeTotals(records).all.made).toBe(letters);
  });

  test('a letter made as text and as PDF counts under post', () => {
    const totals = computeTotals([made('ambassador', 'Ann Smith', 'pdf'), made('ambassador', 'Ann Smith', 'text')]);
    expect(totals.channels.find((row) => row.channel === 'post')!.made).toBe(1);
    expect(totals.channels.find((row) => row.channel === 'unknown')).toBeUndefined();
  });

  test('a mark taken back no longer counts, and the log keeps both', () => {
    const records: ActionRecord[] = [made('ambassador', 'Ann Smith', 'pdf'), sent('ambassador', 'Ann Smith'), { v: 1, kind: 'unsent', at: '2026-11-24T12:00:00.000Z', case: 'ua-150-19', official: 'ambassador', channel: 'post', sender: 'Ann Smith', undoes: '2026-11-23T12:00:00.000Z' }];
    expect(computeTotals(records).all).toEqual({ made: 1, sent: 0 });
    expect(letterCounts(records, 'ua-150-19', 'ambassador', 'ann smith')).toMatchObject({ made: 1, sent: 0 });
    expect(computeTotals(records.slice(0, 2)).all).toEqual({ made: 1, sent: 1 });
  });
});

describe('names that sign no letter made', () => {
  const records = [made('ambassador', 'Anna Schmidt', 'pdf'), made('ambassador', 'Anna Smith', 'pdf'), made('ambassador', 'Bo Li', 'pdf'), made('prosecutor-general', 'Zoë Brontë', 'pdf')];
  test.each([
    ['Anna Schmidt', []],
    ['anna  schmidt', []],
    ['Anna Shmidt', [{ name: 'Anna Shmidt', suggestions: ['Anna Schmidt'] }]],
    ['Zoe Bronte', [{ name: 'Zoe Bronte', suggestions: [] }]], // made to another official
    ['Somebody Else', [{ name: 'Somebody Else', suggestions: [] }]],
  ])('%s', (name, expected) => {
    expect(unmatchedSenders(records, 'ua-150-19', ['ambassador'], [name])).toEqual(expected);
  });
});
