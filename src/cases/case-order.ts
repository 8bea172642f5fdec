import type { CaseRecord } from './case-library';
import { caseState, probablyOverReason, type CaseState } from './case-summary';
import { caseLetterCheck } from './case-for-letters';
import { daysUntil } from '../time/clock';

/** A case as lists show it: its state today, the days to its deadline, and whether it is probably over. */
export interface DatedCase {
  record: CaseRecord;
  state: CaseState;
  daysLeft: number | null;
  /** Why an open case with no deadline has probably outlived itself. */
  probablyOver: string | undefined;
}

export function datedCase(record: CaseRecord, today: Date): DatedCase {
  const { definition } = record;
  return { record, state: caseState(definition, today), daysLeft: definition.deadline ? daysUntil(definition.deadline, today) : null, probablyOver: probablyOverReason(definition, today) };
}

/** Ids are lower-case ASCII slugs: code-unit order is theirs, without starting ICU's collator. */
const byId = (a: DatedCase, b: DatedCase) => (a.record.definition.id < b.record.definition.id ? -1 : a.record.definition.id > b.record.definition.id ? 1 : 0);

/** Open cases first by nearest deadline, cases without a deadline after them, then those probably over. */
export function byDeadline(a: DatedCase, b: DatedCase): number {
  const rank = (item: DatedCase) => (item.state === 'open' ? (item.probablyOver ? 1 : 0) : item.state === 'expired' ? 2 : 3);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a.daysLeft === null || b.daysLeft === null) return (a.daysLeft === null ? 1 : 0) - (b.daysLeft === null ? 1 : 0) || byId(a, b);
  return a.state === 'open' ? a.daysLeft - b.daysLeft : b.daysLeft - a.daysLeft;
}

/**
 * The cases a letter can be written for today, in the order to offer them: open ones with an
 * official to write to, nearest deadline first, those probably over last. Petitions, closed cases
 * and cases past their deadline are left out: `appeal write <case>` still takes them by name.
 */
export function casesToWrite(records: readonly CaseRecord[], today: Date): DatedCase[] {
  return records
    .map((record) => datedCase(record, today))
    .filter((item) => item.state === 'open' && !caseLetterCheck(item.record.definition, today, false).refusal)
    .sort(byDeadline);
}
