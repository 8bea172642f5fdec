import type { CaseRecord } from '../cases/case-library';
import type { Official } from '../cases/case-schema';
import { caseDisplayId, caseState } from '../cases/case-summary';
import { caseLetterCheck, checkCaseTakesLetters } from '../cases/case-for-letters';
import { findCase } from '../cases/find-case';
import { describeOfficial, noPostReason } from '../cases/official-reach';
import { resolveTargets } from '../cases/resolve-targets';
import { takesPost } from '../addresses/postal-address';
import { RefusalError, UsageError } from '../errors/app-error';
import { localDateKey } from '../time/clock';

/** One official of one case who gets letters: `letters` of them, one per signer. */
export interface OfficialPlan {
  record: CaseRecord;
  official: Official;
  /** The official's number in the case, as `appeal show` gives it. */
  number: number;
  letters: number;
}

/** A case (a petition) or an official (who takes no post) that gets no printed letter, and why. */
export interface LeftOut {
  record: CaseRecord;
  official?: Official;
  reason: string;
}

export interface BatchCasesRequest {
  cases: readonly CaseRecord[];
  /** The cases named on the command line; empty with `open`. */
  queries: readonly string[];
  /** Every open case instead of named ones. */
  open: boolean;
  allowClosed: boolean;
  now: Date;
}

export interface BatchCases {
  records: CaseRecord[];
  leftOut: LeftOut[];
  /** Cases past their deadline: printed all the same, with a word of caution. */
  warnings: string[];
}

/**
 * The cases of a batch: the named ones (each once, in the order given; a petition or a closed
 * case is refused), or every open case that takes letters, the petitions left out.
 */
export function chooseBatchCases({ cases, queries, open, allowClosed, now }: BatchCasesRequest): BatchCases {
  const records: CaseRecord[] = [];
  const leftOut: LeftOut[] = [];
  const warnings: string[] = [];
  if (open) {
    for (const record of cases.filter((candidate) => caseState(candidate.definition, now) === 'open')) {
      if (caseLetterCheck(record.definition, now, allowClosed).refusal) leftOut.push({ record, reason: 'a petition, with no official to write to' });
      else records.push(record);
    }
    if (!records.length) throw new RefusalError(`No open case has officials to write to on ${localDateKey(now)}.`, { hint: 'See the cases with: appeal list --all' });
    return { records, leftOut, warnings };
  }
  for (const query of queries) {
    const record = findCase(cases, query);
    if (records.includes(record)) continue;
    const { warning } = checkCaseTakesLetters(record.definition, now, allowClosed);
    if (warning) warnings.push(warning);
    records.push(record);
  }
  return { records, leftOut, warnings };
}

/**
 * Which officials of the chosen cases get letters, in mailing order (case by case, officials in
 * the case's order): those `targets` names (default: all), when they take post; the others are
 * left out with the reason. Refuses a batch with no letter in it.
 */
export function planBatchOfficials(records: readonly CaseRecord[], targets: readonly string[], letters: number, leftOutBefore: readonly LeftOut[] = []): { plans: OfficialPlan[]; leftOut: LeftOut[] } {
  const plans: OfficialPlan[] = [];
  const leftOut = [...leftOutBefore];
  for (const record of records) {
    const { officials } = record.definition;
    for (const official of chosenOfficials(record, targets)) {
      if (takesPost(official)) plans.push({ record, official, number: officials.indexOf(official) + 1, letters });
      else leftOut.push({ record, official, reason: noPostReason(official) });
    }
  }
  if (!plans.length) {
    throw new RefusalError('No letters to print: none of the chosen officials takes post.', {
      details: leftOut.map(describeLeftOut),
      hint: 'See how else to reach them with: appeal show <case>',
    });
  }
  return { plans, leftOut };
}

/** A --target that fits no official of one case names the case, since a batch has several. */
function chosenOfficials(record: CaseRecord, targets: readonly string[]): Official[] {
  const { officials } = record.definition;
  if (!targets.length) return [...officials];
  try {
    return resolveTargets(officials, targets);
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`${caseDisplayId(record.definition)}: ${error.message}`, { details: error.details, hint: error.hint });
    throw error;
  }
}

export function describeLeftOut(item: LeftOut): string {
  const where = caseDisplayId(item.record.definition);
  return item.official ? `${where}: ${describeOfficial(item.official)}: takes no post (${item.reason})` : `${where}: ${item.reason}`;
}
