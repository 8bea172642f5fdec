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
 * Letters made and letters marked as sent, per case, per official, per channel and per member.
 * Post and email are always listed, since the UA's report form asks for both.
 */
export function computeTotals(records: readonly ActionRecord[]): ActionTotals {
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
  for (const record of records) {
    all[record.kind] += 1;
    tally(cases, record.case, record);
    tally(officials, `${record.case}\u0000${record.official}`, record);
    tally(channels, record.channel, record);
    if (record.sender === null) {
      blank[record.kind] += 1;
    } else {
      const key = senderKey(record.sender);
      if (!memberNames.has(key)) memberNames.set(key, record.sender.trim());
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
