import { LOG_CHANNELS, senderKey, type ActionRecord } from './action-record';

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

function tally<K>(map: Map<K, Count>, key: K, record: ActionRecord): void {
  const count = map.get(key) ?? { made: 0, sent: 0 };
  count[record.kind] += 1;
  map.set(key, count);
}

const channelRank = (channel: string) => {
  const rank = (LOG_CHANNELS as readonly string[]).indexOf(channel);
  return rank === -1 ? LOG_CHANNELS.length : rank;
};

/**
 * Letters made and letters marked as sent, per case, per official, per channel and per member,
 * counted one record at a time so a log of any length can be read as a stream. Post and email
 * are always listed, since the UA's report form asks for both.
 */
export class TotalsCounter {
  private readonly all: Count = { made: 0, sent: 0 };
  private readonly cases = new Map<string, Count>();
  private readonly officials = new Map<string, Count>();
  private readonly channels = new Map<string, Count>([
    ['post', { made: 0, sent: 0 }],
    ['email', { made: 0, sent: 0 }],
  ]);
  private readonly members = new Map<string, Count>();
  private readonly memberNames = new Map<string, string>();
  /** A group has tens of members and a log many thousand lines: normalise each spelling once. */
  private readonly keys = new Map<string, string>();
  private readonly blank: Count = { made: 0, sent: 0 };

  add(record: ActionRecord): void {
    this.all[record.kind] += 1;
    tally(this.cases, record.case, record);
    tally(this.officials, `${record.case}\u0000${record.official}`, record);
    tally(this.channels, record.channel, record);
    if (record.sender === null) {
      this.blank[record.kind] += 1;
      return;
    }
    let key = this.keys.get(record.sender);
    if (key === undefined) {
      key = senderKey(record.sender);
      this.keys.set(record.sender, key);
    }
    if (!this.memberNames.has(key)) this.memberNames.set(key, record.sender.trim());
    tally(this.members, key, record);
  }

  totals(): ActionTotals {
    return {
      all: this.all,
      cases: [...this.cases].map(([id, count]) => ({ case: id, ...count })).sort((a, b) => a.case.localeCompare(b.case)),
      officials: [...this.officials]
        .map(([key, count]) => {
          const [caseId, official] = key.split('\u0000') as [string, string];
          return { case: caseId, official, ...count };
        })
        .sort((a, b) => a.case.localeCompare(b.case) || a.official.localeCompare(b.official)),
      channels: [...this.channels].map(([channel, count]) => ({ channel, ...count })).sort((a, b) => channelRank(a.channel) - channelRank(b.channel) || a.channel.localeCompare(b.channel)),
      members: [...this.members].map(([key, count]) => ({ name: this.memberNames.get(key)!, ...count })).sort((a, b) => a.name.localeCompare(b.name)),
      blank: this.blank,
    };
  }
}

export function computeTotals(records: readonly ActionRecord[]): ActionTotals {
  const counter = new TotalsCounter();
  for (const record of records) counter.add(record);
  return counter.totals();
}

/**
 * How many letters one member made to one official and how many are marked as sent, so
 * `appeal sent` marks a letter once, not each time it is run.
 */
export function letterCounts(records: readonly ActionRecord[], caseId: string, official: string, sender: string | null): Count & { lastMade?: ActionRecord; lastSent?: ActionRecord } {
  const key = senderKey(sender);
  const out: Count & { lastMade?: ActionRecord; lastSent?: ActionRecord } = { made: 0, sent: 0 };
  for (const record of records) {
    if (record.case !== caseId || record.official !== official || senderKey(record.sender) !== key) continue;
    out[record.kind] += 1;
    if (record.kind === 'made') out.lastMade = record;
    else out.lastSent = record;
  }
  return out;
}
