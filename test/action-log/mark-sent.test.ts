import type { ActionRecord } from '../../src/action-log/action-record';
import { planSentMarks, type MarkSentRequest } from '../../src/action-log/mark-sent';
import type { Official } from '../../src/cases/case-schema';

/** The plan of `appeal sent`, called directly: which "sent" records, and what is not marked and why. */
const ambassador = { id: 'ambassador', name: 'Anatoly Antonov', salutation: 'Dear Ambassador', address: ['Embassy', 'Washington'] } as Official;
const prosecutor = { id: 'prosecutor', name: 'Igor Krasnov', salutation: 'Dear Prosecutor General', address: ['Moscow'], email: ['pg@example.org'] } as Official;
const emailOnly = { id: 'office', name: 'The Office', salutation: 'Dear Sir or Madam', email: ['office@example.org'] } as Official;

const at = '2026-11-22T12:00:00.000Z';
const made = (official: string, sender: string | null, format = 'pdf', channel = 'post'): ActionRecord => ({ v: 1, kind: 'made', at: '2026-11-20T10:00:00.000Z', case: 'ua-150-19', official, format, channel, sender, file: null });
const sent = (official: string, sender: string | null): ActionRecord => ({ v: 1, kind: 'sent', at: '2026-11-21T09:00:00.000Z', case: 'ua-150-19', official, channel: 'post', sender });
const request = (over: Partial<MarkSentRequest>): MarkSentRequest => ({ records: [], caseId: 'ua-150-19', caseLabel: 'UA 150.19', officials: [ambassador], senders: { name: 'Ann Smith' }, at, ...over });
/** A plan as "official by channel (sender)" lines, the way the command reports it. */
const marks = (plan: ReturnType<typeof planSentMarks>) => plan.marks.map((mark) => `${mark.official} by ${mark.channel} (${mark.sender ?? 'blank'})`);

describe('planSentMarks', () => {
  test.each([
    { what: 'a letter made and not marked is marked once, by how it was made', over: { records: [made('ambassador', 'Ann Smith')] }, marks: ['ambassador by post (Ann Smith)'], notes: [] },
    { what: 'the name as it was signed, however it is typed now', over: { records: [made('ambassador', 'Ann Smith')], senders: { name: 'ann  smith' } }, marks: ['ambassador by post (Ann Smith)'], notes: [] },
    { what: 'a letter made outside appeal counts once, by the one way the official takes', over: {}, marks: ['ambassador by post (Ann Smith)'], notes: [] },
    { what: 'two letters made, one marked: the other is marked', over: { records: [made('ambassador', 'Ann Smith'), made('ambassador', 'Ann Smith'), sent('ambassador', 'Ann Smith')] }, marks: ['ambassador by post (Ann Smith)'], notes: [] },
    {
      what: 'a letter already marked is not counted again',
      over: { records: [made('ambassador', 'Ann Smith'), sent('ambassador', 'Ann Smith')] },
      marks: [],
      notes: ["Ann Smith's letter to Anatoly Antonov was already marked as sent on 2026-11-21; not counted again."],
    },
    { what: '--channel wins over how the letter was made', over: { records: [made('ambassador', 'Ann Smith')], channel: 'fax' as const }, marks: ['ambassador by fax (Ann Smith)'], notes: [] },
    { what: 'an email draft was sent by email', over: { records: [made('prosecutor', 'Ann Smith', 'email', 'email')], officials: [prosecutor] }, marks: ['prosecutor by email (Ann Smith)'], notes: [] },
    {
      what: 'every sender of a batch, blank letters each counted',
      over: { records: [made('ambassador', 'Ann Smith'), made('ambassador', 'Bo Li'), made('ambassador', null), made('ambassador', null)], senders: 'all-made' as const },
      marks: ['ambassador by post (Ann Smith)', 'ambassador by post (Bo Li)', 'ambassador by post (blank)', 'ambassador by post (blank)'],
      notes: [],
    },
    {
      what: '--all-senders with nothing made says to give --name',
      over: { senders: 'all-made' as const, officials: [ambassador, emailOnly], records: [made('ambassador', 'Ann Smith')] },
      marks: ['ambassador by post (Ann Smith)'],
      notes: ['No letter to The Office was made with appeal; give --name to mark one sent all the same.'],
    },
  ])('$what', ({ over, marks: expected, notes }) => {
    const plan = planSentMarks(request(over));
    expect(marks(plan)).toEqual(expected);
    expect(plan.notes).toEqual(notes);
    expect(plan.marks.every((mark) => mark.kind === 'sent' && mark.at === at && mark.case === 'ua-150-19')).toBe(true);
  });

  test.each([
    { what: 'a text letter to an official who takes post and email', records: [made('prosecutor', 'Ann Smith', 'text', 'unknown')], detail: 'It was made as text, which can go more than one way.' },
    { what: 'no letter made, to an official who takes post and email', records: [], detail: 'appeal made no letter to this official, so it cannot tell.' },
  ])('asks for --channel: $what', ({ records, detail }) => {
    let error: unknown;
    try {
      planSentMarks(request({ records, officials: [prosecutor] }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ message: 'How was the letter to Igor Krasnov (UA 150.19) sent?', details: [detail], hint: 'Say it with --channel post, --channel email, --channel fax.', exitCode: 64 });
  });
});
