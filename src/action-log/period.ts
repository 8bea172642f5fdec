import { UsageError } from '../errors/app-error';
import { localDateKey } from '../time/clock';
import { senderKey, type ActionRecord } from './action-record';

/** Calendar dates, both ends included, compared in the local time zone. */
export interface Period {
  since?: string;
  until?: string;
}

function checkDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) && new Date(`${trimmed}T00:00:00Z`).toISOString().startsWith(trimmed);
  if (!valid) throw new UsageError(`${flag} ${value}: not a date.`, { hint: `Write ${flag} as YYYY-MM-DD, for example ${flag} 2026-11-01.` });
  return trimmed;
}

export function parsePeriod(flags: { since?: string; until?: string }): Period {
  const since = checkDate(flags.since, '--since');
  const until = checkDate(flags.until, '--until');
  if (since && until && since > until) {
    throw new UsageError(`--since ${since} is after --until ${until}.`, { hint: 'Give the earlier date to --since and the later one to --until.' });
  }
  return { since, until };
}

export interface RecordFilter extends Period {
  /** A case id, exactly as the log holds it. */
  case?: string;
  /** Part of a sender's name, any case; "blank" finds letters without a name. */
  sender?: string;
}

export function inPeriod(at: string, period: Period, dayOf: (date: Date) => string = localDateKey): boolean {
  const day = dayOf(new Date(at));
  return (!period.since || day >= period.since) && (!period.until || day <= period.until);
}

export function filterRecords(records: readonly ActionRecord[], filter: RecordFilter, dayOf: (date: Date) => string = localDateKey): ActionRecord[] {
  return records.filter(recordFilter(filter, dayOf));
}

/** The filter as a test of one record, for a log read as a stream. */
export function recordFilter(filter: RecordFilter, dayOf: (date: Date) => string = localDateKey): (record: ActionRecord) => boolean {
  const wanted = filter.sender === undefined ? undefined : senderKey(filter.sender);
  return (record) => {
    if (filter.case !== undefined && record.case !== filter.case) return false;
    if ((filter.since || filter.until) && !inPeriod(record.at, filter, dayOf)) return false;
    if (wanted !== undefined) {
      if (record.sender === null) return wanted === 'blank';
      if (!senderKey(record.sender).includes(wanted)) return false;
    }
    return true;
  };
}
