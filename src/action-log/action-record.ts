import { normalizePersonText } from '../text/person-name';

/**
 * How a letter reaches (or will reach) the official. A PDF is printed and posted, an email
 * draft is emailed; a plain-text letter may be printed or pasted into an email, so until it is
 * marked as sent its channel is "unknown".
 */
export const LOG_CHANNELS = ['post', 'email', 'fax', 'unknown'] as const;
export type LogChannel = (typeof LOG_CHANNELS)[number];

/** The channels a letter can be marked as sent by (`appeal sent --channel`). */
export const SENT_CHANNELS = ['post', 'email', 'fax'] as const;
export type SentChannel = (typeof SENT_CHANNELS)[number];

export function channelForFormat(format: string): LogChannel {
  switch (format.toLowerCase()) {
    case 'pdf':
      return 'post';
    case 'email':
    case 'eml':
    case 'mailto':
      return 'email';
    default:
      return 'unknown';
  }
}

/** The version written in every line, so a later appeal can read older logs. */
export const ACTION_LOG_VERSION = 1;

export type { ActionRecord, MadeRecord, SentRecord, UnsentRecord } from './action-record-schema';
import type { ActionRecord } from './action-record-schema';

/** "blank" for a letter without a sender's name, which is how the log and report show it. */
export function senderLabel(sender: string | null): string {
  return sender ?? 'blank';
}

/**
 * Two spellings of one member's name ("Ann  Smith", "ann smith") count as one member; the
 * key is only for grouping, never shown.
 */
export function senderKey(sender: string | null): string {
  if (sender === null) return '';
  let key = senderKeys.get(sender);
  if (key === undefined) {
    // As names are kept now (NFC, no invisible characters), so records written before group with them.
    key = normalizePersonText(sender).replace(/\s+/g, ' ').toLocaleLowerCase('en');
    if (senderKeys.size >= MAX_SENDER_KEYS) senderKeys.clear();
    senderKeys.set(sender, key);
  }
  return key;
}

/** Keys by name as written: a log of a year names a group's few dozen members thousands of times. */
const senderKeys = new Map<string, string>();
const MAX_SENDER_KEYS = 10_000;

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const nameOrNull = (value: unknown): value is string | null => value === null || nonEmpty(value);
/** The times appeal writes (Date.toISOString): a narrower form than the schema's, which it accepts. */
const WRITTEN_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The record when a parsed line is one as appeal writes it, else undefined. A quick check for
 * the report over a large log: everything it accepts the schema accepts too, with the same result
 * (known fields only, in the schema's order); whatever it does not accept goes to the schema.
 */
export function wellFormedRecord(value: unknown): ActionRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  if (!Number.isSafeInteger(r.v) || (r.v as number) <= 0) return undefined;
  if (typeof r.at !== 'string' || !WRITTEN_AT.test(r.at)) return undefined;
  const time = Date.parse(r.at);
  if (Number.isNaN(time) || new Date(time).toISOString() !== r.at) return undefined;
  if (!nonEmpty(r.case) || !nonEmpty(r.official) || !nonEmpty(r.channel) || !nameOrNull(r.sender)) return undefined;
  const { v, at, case: caseId, official, channel, sender } = r as { v: number; at: string; case: string; official: string; channel: string; sender: string | null };
  if (r.kind === 'sent') return { v, kind: 'sent', at, case: caseId, official, channel, sender };
  if (r.kind !== 'made' || !nonEmpty(r.format) || !nameOrNull(r.file)) return undefined;
  return { v, kind: 'made', at, case: caseId, official, format: r.format, channel, sender, file: r.file };
}
