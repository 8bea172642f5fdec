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

type Counted = Pick<MadeRecord | SentRecord, 'kind'>;

function tally<K>(map: Map<K, Count>, key: K, record: Counted, letters: number): void {
  const count = map.get(key) ?? { made: 0, sent: 0 };
  count[record.kind] += letters;
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

/** What the counts need of a letter made: not its file or format, which make up most of a record. */
export type LetterMade = Pick<MadeRecord, 'kind' | 'case' | 'official' | 'channel' | 'sender'>;
/** What the counts, and taking a mark back, need of a mark as sent. */
export type LetterSent = Pick<SentRecord, 'kind' | 'at' | 'case' | 'official' | 'channel' | 'sender'>;
/** Marks as sent as the counts see them, whatever their time. */
type SentKind = Omit<LetterSent, 'at'>;

/** Letters alike for the counts, and how many there are. */
export interface LettersAlike {
  letter: LetterMade | SentKind;
  count: number;
}

/**
 * The letters the log records, each once: its latest rendition (with the channel a rendition
 * says, a PDF's post or an email's, over a text letter's "unknown"), and the marks as sent that
 * still stand (each "unsent" record takes back the mark it names). Fed one record at a time, so
 * the report can read a log of any length as a stream, in memory that grows far slower than the
 * log: a letter is kept as one small shared object per case, official, channel and sender (a
 * year's log repeats a few of each), blank letters that can never be merged only as a count, and
 * a mark as sent as its time and a reference.
 */
export class DistinctLetters {
  private readonly made = new Map<string, LetterMade>();
  /** Blank letters from before copies were numbered: each a letter of its own, so only counted. */
  private readonly single = new Map<string, LettersAlike>();
  /** The marks as sent that stand, in the order they were made: when, and what. */
  private readonly sentAt = new PiecedList<number | string>();
  private readonly sentKind = new PiecedList<SentKind>();
  private readonly shared = new Map<string, LetterMade | SentKind>();
  private index = 0;
  constructor(private readonly dayOf: (date: Date) => string = localDateKey) {}

  add(record: ActionRecord): void {
    const index = this.index++;
    if (record.kind === 'made' && record.sender === null && record.copy === undefined) {
      const letter = this.alike('made', record, record.channel);
      const key = `${letter.case}\u0000${letter.official}\u0000${letter.channel}`;
      const counted = this.single.get(key);
      if (counted) counted.count += 1;
      else this.single.set(key, { letter, count: 1 });
    } else if (record.kind === 'made') {
      const key = letterKey(record, index, this.dayOf);
      const before = this.made.get(key);
      const channel = before && record.channel === 'unknown' && before.channel !== 'unknown' ? before.channel : record.channel;
      this.made.set(key, this.alike('made', record, channel));
    } else if (record.kind === 'sent') {
      this.sentAt.push(compactTime(record.at));
      this.sentKind.push(this.alike('sent', record, record.channel));
    } else {
      let undone = -1;
      for (let i = this.sentKind.length - 1; i >= 0; i--) {
        if (!sameLetterOf(this.sentKind.at(i), record)) continue;
        if (undone === -1) undone = i; // the latest, unless one has the very time the record names
        if (timeText(this.sentAt.at(i)) === record.undoes) {
          undone = i;
          break;
        }
      }
      if (undone !== -1) {
        this.sentAt.removeAt(undone);
        this.sentKind.removeAt(undone);
      }
    }
  }

  /** Every letter and standing mark, one by one: for the few of one member and official. */
  letters(): { made: LetterMade[]; sent: LetterSent[] } {
    const made = [...this.made.values()];
    for (const { letter, count } of this.single.values()) for (let i = 0; i < count; i++) made.push(letter as LetterMade);
    const sent: LetterSent[] = [];
    for (let i = 0; i < this.sentKind.length; i++) sent.push({ ...this.sentKind.at(i), at: timeText(this.sentAt.at(i)) });
    return { made, sent };
  }

  /** The letters and marks grouped as the counts need them, without a list of thousands. */
  alikeCounts(): LettersAlike[] {
    const groups = new Map<LetterMade | SentKind, LettersAlike>();
    const add = (letter: LetterMade | SentKind, count: number) => {
      const group = groups.get(letter);
      if (group) group.count += count;
      else groups.set(letter, { letter, count });
    };
    for (const letter of this.made.values()) add(letter, 1);
    for (const { letter, count } of this.single.values()) add(letter, count);
    for (let i = 0; i < this.sentKind.length; i++) add(this.sentKind.at(i), 1);
    return [...groups.values()];
  }

  /** One shared object per kind of letter: the same case, official, channel and sender. */
  private alike<K extends 'made' | 'sent'>(kind: K, record: ActionRecord, channel: string): K extends 'made' ? LetterMade : SentKind {
    const key = `${kind}\u0000${record.case}\u0000${record.official}\u0000${channel}\u0000${record.sender === null ? '\u0001' : record.sender}`;
    let letter = this.shared.get(key);
    if (!letter) {
      const made: LetterMade | SentKind = { kind, case: record.case, official: record.official, channel, sender: record.sender } as LetterMade | SentKind;
      // A log of odd values must not fill the memory with kinds: past the bound, not shared.
      if (this.shared.size < MAX_SHARED) this.shared.set(key, made);
      letter = made;
    }
    return letter as K extends 'made' ? LetterMade : SentKind;
  }
}

/**
 * A mark's time kept small: as a number when it is written as appeal writes times (and so comes
 * back the same), else as a string of its own. The string a log line gives is a slice of that
 * whole line, which keeping would keep too.
 */
function compactTime(at: string): number | string {
  const time = Date.parse(at);
  if (!Number.isNaN(time) && new Date(time).toISOString() === at) return time;
  return Buffer.from(at, 'utf8').toString('utf8');
}

function timeText(time: number | string): string {
  return typeof time === 'number' ? new Date(time).toISOString() : time;
}

const PIECE = 4096;

/**
 * A list kept in pieces of 4,096 items: a long one grows a piece at a time. One array of 100,000
 * would be copied to twice its size again and again as it grew, each copy large enough to wait for
 * the rare full collection (4 MB more memory at the end of a year's log than of a quarter's).
 */
class PiecedList<T> {
  private readonly pieces: T[][] = [];
  length = 0;

  push(item: T): void {
    (this.pieces[Math.floor(this.length / PIECE)] ??= []).push(item);
    this.length++;
  }

  at(index: number): T {
    return this.pieces[Math.floor(index / PIECE)]![index % PIECE]!;
  }

  /** Takes one item out, the later ones moving up (as splice does). */
  removeAt(index: number): void {
    for (let i = index; i < this.length - 1; i++) this.pieces[Math.floor(i / PIECE)]![i % PIECE] = this.at(i + 1);
    this.length--;
    this.pieces[Math.floor(this.length / PIECE)]!.pop();
  }
}

/** Far more kinds of letter (case × official × channel × member) than any group writes. */
const MAX_SHARED = 100_000;

export function distinctLetters(records: readonly ActionRecord[], dayOf: (date: Date) => string = localDateKey): { made: LetterMade[]; sent: LetterSent[] } {
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
    for (const { letter: record, count } of this.letters.alikeCounts()) {
      all[record.kind] += count;
      tally(cases, record.case, record, count);
      tally(officials, `${record.case}\u0000${record.official}`, record, count);
      tally(channels, record.channel, record, count);
      if (record.sender === null) {
        blank[record.kind] += count;
      } else {
        const key = senderKey(record.sender);
        if (!memberNames.has(key)) memberNames.set(key, normalizePersonText(record.sender));
        tally(members, key, record, count);
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
export function letterCounts(records: readonly ActionRecord[], caseId: string, official: string, sender: string | null): Count & { lastMade?: MadeRecord; lastSent?: LetterSent } {
  const key = senderKey(sender);
  const mine = (record: ActionRecord) => record.case === caseId && record.official === official && senderKey(record.sender) === key;
  const letters = distinctLetters(records.filter(mine));
  const lastMade = records.filter((record): record is MadeRecord => record.kind === 'made' && mine(record)).at(-1);
  return { made: letters.made.length, sent: letters.sent.length, lastMade, lastSent: letters.sent.at(-1) };
}
