/**
 * The marks as sent are kept in pieces of 4,096 (PiecedList in totals.ts), so a year's log leaves
 * no large copies behind as they grow. Taking marks back ("unsent") must still remove exactly the
 * mark it names, in the first piece, at a boundary and in the last, the rest in their order.
 */
import type { ActionRecord } from '../../src/action-log/action-record';
import { distinctLetters } from '../../src/action-log/totals';

const time = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();

describe('marks as sent in a long log', () => {
  test('taking back marks in the first piece, at a boundary and in the last removes those, and keeps the others in order', () => {
    const records: ActionRecord[] = [];
    for (let i = 0; i < 10_000; i++) records.push({ v: 1, kind: 'sent', at: time(i), case: 'ua-150-19', official: 'ambassador', channel: 'post', sender: 'Ann Smith' });
    const takenBack = [5, 4095, 4096, 8191, 9999];
    for (const i of takenBack) records.push({ v: 1, kind: 'unsent', at: time(20_000 + i), case: 'ua-150-19', official: 'ambassador', channel: 'post', sender: 'Ann Smith', undoes: time(i) });
    const sent = distinctLetters(records).sent;
    const expected = Array.from({ length: 10_000 }, (_, i) => i).filter((i) => !takenBack.includes(i)).map(time);
    expect(sent.map((mark) => mark.at)).toEqual(expected);
    expect(sent.every((mark) => mark.case === 'ua-150-19' && mark.sender === 'Ann Smith' && mark.kind === 'sent')).toBe(true);
  });

  test('a mark taken back without its time is the latest of that letter, across pieces', () => {
    const records: ActionRecord[] = [];
    for (let i = 0; i < 5000; i++) records.push({ v: 1, kind: 'sent', at: time(i), case: i % 2 ? 'ua-150-19' : 'ua-126-19', official: 'ambassador', channel: 'post', sender: 'Ann Smith' });
    records.push({ v: 1, kind: 'unsent', at: time(9000), case: 'ua-126-19', official: 'ambassador', channel: 'post', sender: 'Ann Smith', undoes: 'a time no mark has' });
    const sent = distinctLetters(records).sent;
    expect(sent).toHaveLength(4999);
    expect(sent.filter((mark) => mark.case === 'ua-126-19').at(-1)!.at).toBe(time(4996));
    expect(sent.at(-1)!.at).toBe(time(4999));
  });
});
