import { localDateKey } from '../time/clock';
import { normalizePersonText } from '../text/person-name';
import { LOG_CHANNELS, senderKey, type ActionRecord, type MadeRecord, type SentRecord } from './action-record';

export interface Count {
  made: number;
  sent: number;
}

export interface ActionTotals {
  all: Count;
  cases: ({ case: string } & Count)[];
  officials: ({ case: string; official: string } & Count)[];
  channels: ({ channel: string } & Count)[];
  /** Members with a name, one entry per member however the name was spaced or capitalised. */
  members: ({ name: string } & Count)[];
  /** Letters without a sender's name. */
  blank: Count;
}

type Counted = MadeRecord | SentRecord;

function tally<K>(map: Map<K, Count>, key: K, record: Counted): void {
  const count = map.get(key) ?? { made: 0, sent: 0 };
  count[record.kind] += 1;
  map.set(key, count);
}

/**
 * Which letter a "made" record is a rendition of. A letter is one sender writing to one official
 * about one case on one day: its text, email draft and PDF, and a batch printed again with other
 * options, are the same letter. Each blank letter of a batch is a letter of its own (its `copy`;
 * a record from before copies were numbered stays one letter).
 */
export function letterKey(record: MadeRecord, index: number, dayOf: (date: Date) => string = localDateKey): string {
  const copy = record.sender === null ? String(record.copy ?? `#${index}`) : '';
  return [record.case, record.official, senderKey(record.sender), dayOf(new Date(record.at)), copy].join('\u0000');
}

const sameLetterOf = (a: { case: string; official: string; sender: string | null }, b: typeof a) => a.case === b.case && a.official === b.official && senderKey(a.sender) === senderKey(b.sender);

/**
 * The letters the log records, each once: its latest rendition (with the channel a rendition
 * says, a PDF's post or an email's, over a text letter's "unknown"), and the marks as sent that
 * still stand (each "unsent" record takes back the mark it names). Fed one record at a time, so
 * the report can read a log of any length as a stream; it keeps one entry per letter, not per line.
 */
export class DistinctLetters {
  private readonly made = new Map<string, MadeRecord>();
  private readonly sent: SentRecord[] = [];
  private index = 0;
  constructor(private readonly dayOf: (date: Date) => string = localDateKey) {}

  add(record: ActionRecord): void {
    const index = this.index++;
    if (record.kind === 'made') {
      const key = letterKey(record, index, this.dayOf);
      const before = this.made.get(key);
      this.made.set(key, before && record.channel === 'unknown' && before.channel !== 'unknown' ? { ...record, channel: before.channel } : record);
    } else if (record.kind === 'sent') {
      this.sent.push(record);
    } else {
      const matching = this.sent.filter((mark) => sameLetterOf(mark, record));
      const undone = matching.find((mark) => mark.at === record.undoes) ?? matching.at(-1);
      if (undone) this.sent.splice(this.sent.indexOf(undone), 1);
    }
  }

  letters(): { made: MadeRecord[]; sent: SentRecord[] } {
    return { made: [...this.made.values()], sent: [...this.sent] };
  }
}

export function distinctLetters(records: readonly ActionRecord[], dayOf: (date: Date) => string = localDateKey): { made: MadeRecord[]; sent: SentRecord[] } {
  const letters = new DistinctLetters(dayOf);
  for (const record of records) letters.add(record);
  return letters.letters();
}

const channelRank = (channel: string) => {
  const rank = (LOG_CHANNELS as readonly string[]).indexOf(channel);
  return rank === -1 ? LOG_CHANNELS.length : rank;
};

/**
 * Letters made and letters marked as sent, per case, per official, per channel and per member,
 * fed one record at a time (see DistinctLetters). Post and email are always listed, since the
 * UA's report form asks for both.
 */
export class TotalsCounter {
  private readonly letters = new DistinctLetters();

  add(record: ActionRecord): void {
    this.letters.add(record);
  }

  totals(): ActionTotals {
    const all: Count = { made: 0, sent: 0 };
    const cases = new Map<string, Count>();
    const officials = new Map<string, Count>();
    const channels = new Map<string, Count>([
      ['post', { made: 0, sent: 0 }],
      ['email', { made: 0, sent: 0 }],
    ]);
    const members = new Map<string, Count>();
    const memberNames = new Map<string, string>();
    const blank: Count = { made: 0, sent: 0 };
    const letters = this.letters.letters();
    for (const record of [...letters.made, ...letters.sent]) {
      all[record.kind] += 1;
      tally(cases, record.case, record);
      tally(officials, `${record.case}\u0000${record.official}`, record);
      tally(channels, record.channel, record);
      if (record.sender === null) {
        blank[record.kind] += 1;
      } else {
        const key = senderKey(record.sender);
        if (!memberNames.has(key)) memberNames.set(key, normalizePersonText(record.sender));
        tally(members, key, record);
      }
    }
    return {
      all,
      cases: [...cases].map(([id, count]) => ({ case: id, ...count })).sort((a, b) => a.case.localeCompare(b.case)),
      officials: [...officials]
        .map(([key, count]) => {
          const [caseId, official] = key.split('\u0000') as [string, string];
          return { case: caseId, official, ...count };
        })
        .sort((a, b) => a.case.localeCompare(b.case) || a.official.localeCompare(b.official)),
      channels: [...channels].map(([channel, count]) => ({ channel, ...count })).sort((a, b) => channelRank(a.channel) - channelRank(b.channel) || a.channel.localeCompare(b.channel)),
      members: [...members].map(([key, count]) => ({ name: memberNames.get(key)!, ...count })).sort((a, b) => a.name.localeCompare(b.name)),
      blank,
    };
  }
}

export function computeTotals(records: readonly ActionRecord[]): ActionTotals {
  const counter = new TotalsCounter();
  for (const record of records) counter.add(record);
  return counter.totals();
}

/**
 * How many letters one member made to one official (each letter once, however many formats) and
 * how many are marked as sent, so `appeal sent` marks a letter once, not each time it is run.
 */
export function letterCounts(records: readonly ActionRecord[], caseId: string, official: string, sender: string | null): Count & { lastMade?: MadeRecord; lastSent?: SentRecord } {
  const key = senderKey(sender);
  const mine = (record: ActionRecord) => record.case === caseId && record.official === official && senderKey(record.sender) === key;
  const letters = distinctLetters(records.filter(mine));
  const lastMade = records.filter((record): record is MadeRecord => record.kind === 'made' && mine(record)).at(-1);
  return { made: letters.made.length, sent: letters.sent.length, lastMade, lastSent: letters.sent.at(-1) };
}
