import { officialChannels } from '../cases/case-summary';
import type { Official } from '../cases/case-schema';
import { UsageError } from '../errors/app-error';
import { localDateKey } from '../time/clock';
import { ACTION_LOG_VERSION, SENT_CHANNELS, senderKey, type ActionRecord, type SentChannel, type SentRecord } from './action-record';
import { letterCounts } from './totals';

export const isSentChannel = (channel: string): channel is SentChannel => (SENT_CHANNELS as readonly string[]).includes(channel);

export interface MarkSentRequest {
  /** The action log as read. */
  records: readonly ActionRecord[];
  caseId: string;
  /** How messages name the case: "UA 150.19". */
  caseLabel: string;
  officials: readonly Official[];
  /** Whose letters were sent: one member's name, or every sender with a letter made (`--all-senders`). */
  senders: { name: string } | 'all-made';
  /** `--channel`, when given. */
  channel?: SentChannel;
  /** The time of the records (the command's clock). */
  at: string;
}

export interface MarkSentPlan {
  /** The records to append, in order. */
  marks: SentRecord[];
  /** What was not marked, and why: already sent, or nothing made to mark. */
  notes: string[];
}

/**
 * The "sent" records for letters marked as sent: one per letter made and not yet marked, for each
 * member and official, never more than were made (one, for a letter made outside appeal), so
 * marking twice does not count a letter twice.
 */
export function planSentMarks({ records, caseId, caseLabel, officials, senders, channel, at }: MarkSentRequest): MarkSentPlan {
  const marks: SentRecord[] = [];
  const notes: string[] = [];
  for (const official of officials) {
    const candidates = senders === 'all-made' ? madeSenders(records, caseId, official.id) : [senders.name];
    if (senders === 'all-made' && !candidates.length) notes.push(`No letter to ${official.name} was made with appeal; give --name to mark one sent all the same.`);
    for (const sender of candidates) {
      const counts = letterCounts(records, caseId, official.id, sender);
      // The name as the letter was signed, however it was typed now.
      const signed = counts.lastMade?.sender ?? counts.lastSent?.sender ?? sender;
      if (counts.sent >= Math.max(counts.made, 1)) {
        if (counts.lastSent) notes.push(`${signed === null ? 'The blank letter' : `${signed}'s letter`} to ${official.name} was already marked as sent on ${localDateKey(new Date(counts.lastSent.at))}; not counted again.`);
        continue;
      }
      const how = sentChannel(channel, counts.lastMade, official, caseLabel);
      // Every letter made and not yet marked (a batch's blank letters share one "sender").
      for (let n = counts.sent; n < Math.max(counts.made, 1); n++) {
        marks.push({ v: ACTION_LOG_VERSION, kind: 'sent', at, case: caseId, official: official.id, channel: how, sender: signed });
      }
    }
  }
  return { marks, notes };
}

/**
 * How a letter went: the flag; else the channel of the letter made, when that says; else the one
 * way among post and email the official takes. A plain-text letter to an official who takes
 * both leaves only the person who sent it able to say.
 */
export function sentChannel(flag: SentChannel | undefined, lastMade: ActionRecord | undefined, official: Official, caseLabel: string): SentChannel {
  if (flag) return flag;
  if (lastMade && isSentChannel(lastMade.channel)) return lastMade.channel;
  const ways = officialChannels(official).filter((channel): channel is 'post' | 'email' => channel === 'post' || channel === 'email');
  if (ways.length === 1) return ways[0]!;
  throw new UsageError(`How was the letter to ${official.name} (${caseLabel}) sent?`, {
    details: [lastMade ? `It was made as ${lastMade.kind === 'made' ? lastMade.format : 'a letter'}, which can go more than one way.` : 'appeal made no letter to this official, so it cannot tell.'],
    hint: `Say it with --channel ${SENT_CHANNELS.join(', --channel ')}.`,
  });
}

/** Every sender with a letter to this official made with appeal, in log order. */
export function madeSenders(records: readonly ActionRecord[], caseId: string, officialId: string): (string | null)[] {
  const seen = new Map<string, string | null>();
  for (const record of records) {
    if (record.kind === 'made' && record.case === caseId && record.official === officialId && !seen.has(senderKey(record.sender))) seen.set(senderKey(record.sender), record.sender);
  }
  return [...seen.values()];
}
