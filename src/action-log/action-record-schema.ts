import * as z from '../validation/zod';

// The log's records as zod checks them when the log is read. Only reading needs zod, so writing
// a letter (which appends records) never loads it.

const text = z.string().check(z.minLength(1));

/**
 * One line of the log. Reading is lenient about values a later version may add (another
 * channel or format, extra fields), strict about what the counts need.
 */
const v = z.number().check(z.int(), z.positive());
const at = z.iso.datetime({ offset: true });
/** null for a blank letter, which a member signs by hand. */
const sender = z.nullable(text);

const madeRecordSchema = z.object({
  v,
  kind: z.literal('made'),
  at,
  case: text,
  official: text,
  format: text,
  channel: text,
  sender,
  /** The file written; null when the letter went somewhere other than a file. */
  file: z.nullable(text),
  /** Which of a batch's blank letters to this official (1, 2...): each is a letter of its own. */
  copy: z.optional(z.number().check(z.int(), z.positive())),
});

const sentRecordSchema = z.object({
  v,
  kind: z.literal('sent'),
  at,
  case: text,
  official: text,
  channel: text,
  sender,
});

/**
 * A mark taken back (`appeal sent --undo`): it cancels the latest "sent" record of that letter.
 * The log stays append-only, so what was marked and when it was taken back both stay on record.
 */
const unsentRecordSchema = z.object({
  v,
  kind: z.literal('unsent'),
  at,
  case: text,
  official: text,
  /** The channel of the mark taken back. */
  channel: text,
  sender,
  /** When the mark taken back was made (its record's `at`). */
  undoes: at,
});

export const actionRecordSchema = z.discriminatedUnion('kind', [madeRecordSchema, sentRecordSchema, unsentRecordSchema]);

export type MadeRecord = z.output<typeof madeRecordSchema>;
export type SentRecord = z.output<typeof sentRecordSchema>;
export type UnsentRecord = z.output<typeof unsentRecordSchema>;
export type ActionRecord = z.output<typeof actionRecordSchema>;
