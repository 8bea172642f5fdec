import { distance } from 'fastest-levenshtein';
import { senderKey, type ActionRecord } from './action-record';

/** A name given to `appeal sent` that signs no letter made, with the names that do and are closest to it. */
export interface UnmatchedSender {
  name: string;
  suggestions: string[];
}

/**
 * The names that sign no letter made to these officials of the case: a typo ("Anna Shmidt" for
 * Anna Schmidt) must not mark letters sent that were never made. Each comes with the signers'
 * names nearest to it (at most a few edits away, ignoring case and spacing), for "did you mean".
 */
export function unmatchedSenders(records: readonly ActionRecord[], caseId: string, officialIds: readonly string[], names: readonly string[]): UnmatchedSender[] {
  const signed = new Map<string, string>();
  for (const record of records) {
    if (record.kind === 'made' && record.case === caseId && officialIds.includes(record.official) && record.sender !== null) signed.set(senderKey(record.sender), record.sender.trim());
  }
  return names
    .filter((name) => !signed.has(senderKey(name)))
    .map((name) => {
      const key = senderKey(name);
      const near = [...signed]
        .map(([other, shown]) => ({ shown, edits: distance(key, other) }))
        .filter(({ edits }) => edits <= Math.max(2, Math.floor(key.length / 4)))
        .sort((a, b) => a.edits - b.edits || a.shown.localeCompare(b.shown));
      return { name, suggestions: near.slice(0, 3).map(({ shown }) => shown) };
    });
}
