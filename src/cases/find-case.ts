import { basename, extname } from 'node:path';
import type { CaseRecord } from './case-library';
import { formatCaseProblem, type CaseProblem } from './case-problem';
import { DataError, UsageError } from '../errors/app-error';

/**
 * The UA number in a query, however it is written: "UA 150.19", "150/19", "ua-150-19",
 * "Urgent Action 150.19" all give "150.19". Anything else gives undefined.
 */
export function uaNumberKey(query: string): string | undefined {
  const match = /^\s*(?:(?:ua|urgent\s*action)[\s._-]*)?(\d{1,4})\s*[./_-]\s*(\d{2,4})\s*$/i.exec(query);
  return match ? `${Number(match[1])}.${match[2]}` : undefined;
}

/** Lower case, without accents and punctuation, for forgiving name matches. */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The case in a library that a new document is a later (or the same) issue of: the one with its
 * UA number, else the one with the id import gives it.
 */
export function findCaseOfDocument(cases: readonly CaseRecord[], document: { uaNumber?: string; id: string; title?: string }): CaseRecord | undefined {
  const key = document.uaNumber ? uaNumberKey(document.uaNumber) : undefined;
  const byNumber = key ? cases.find((record) => record.definition.ua_number && uaNumberKey(record.definition.ua_number) === key) : undefined;
  // A document with no number (a petition) is the same case when its title is the same.
  const title = document.title ? foldForMatch(document.title) : undefined;
  return byNumber ?? cases.find((record) => record.definition.id === document.id) ?? (title ? cases.find((record) => !record.definition.ua_number && foldForMatch(record.definition.title) === title) : undefined);
}

export type CaseMatch = { record: CaseRecord } | { suggestions: CaseRecord[]; ambiguous: boolean };

/**
 * Finds one case by its id, its UA number in any written form, or a unique part of the name of
 * a person it concerns. When nothing or more than one case matches, returns the near matches.
 */
export function matchCase(cases: readonly CaseRecord[], query: string): CaseMatch {
  const trimmed = query.trim();
  const byId = cases.find((record) => record.definition.id === trimmed.toLowerCase());
  if (byId) return { record: byId };

  const key = uaNumberKey(trimmed);
  if (key) {
    const byNumber = cases.filter((record) => record.definition.ua_number && uaNumberKey(record.definition.ua_number) === key);
    if (byNumber.length === 1) return { record: byNumber[0]! };
    if (byNumber.length > 1) return { suggestions: byNumber, ambiguous: true };
  }

  const folded = foldForMatch(trimmed);
  if (folded.length >= 3) {
    const byName = cases.filter((record) =>
      record.definition.people.some((person) => foldForMatch(person.name).includes(folded)) || foldForMatch(record.definition.id).includes(folded),
    );
    if (byName.length === 1) return { record: byName[0]! };
    if (byName.length > 1) return { suggestions: byName, ambiguous: true };
  }

  const scored = cases
    .map((record) => ({ record, distance: Math.min(...candidateNames(record).map((name) => editDistance(folded, name))) }))
    .filter(({ distance }) => distance <= Math.max(2, Math.floor(folded.length / 3)))
    .sort((a, b) => a.distance - b.distance);
  return { suggestions: scored.slice(0, 5).map(({ record }) => record), ambiguous: false };
}

function candidateNames(record: CaseRecord): string[] {
  const names = [foldForMatch(record.definition.id)];
  if (record.definition.ua_number) names.push(foldForMatch(`ua ${record.definition.ua_number}`), foldForMatch(record.definition.ua_number));
  for (const person of record.definition.people) {
    names.push(foldForMatch(person.name), ...foldForMatch(person.name).split(' '));
  }
  return names;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

export function caseLabel(record: CaseRecord): string {
  const { definition } = record;
  const number = definition.ua_number ? `UA ${definition.ua_number}` : definition.id;
  const people = definition.people.map((p) => p.name).join(', ');
  return `${number} (${definition.id}): ${people}`;
}

/**
 * The problems of a case left out of the library whose id or UA number is the query, or (with
 * `byFileName`) whose file name contains it: "no case matches" would send the person looking for a typo instead of at the broken file.
 */
export function brokenCaseFileFor(problems: readonly CaseProblem[], query: string, { byFileName = true } = {}): CaseProblem[] {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const id = query.trim().toLowerCase();
  const key = uaNumberKey(query);
  const folded = foldForMatch(query);
  const named = (problem: CaseProblem) => problem.caseId === id || (key !== undefined && problem.uaNumber !== undefined && uaNumberKey(problem.uaNumber) === key);
  const byName = (problem: CaseProblem) => byFileName && folded.length >= 3 && /\.ya?ml$/i.test(problem.file) && foldForMatch(basename(problem.file, extname(problem.file))).includes(folded);
  const found = errors.find(named) ?? errors.find(byName);
  if (!found) return [];
  // A case is left out for the problems of its file and of its model letter, which is another file.
  return errors.filter((problem) => problem.file === found.file || (found.caseId !== undefined && problem.caseId === found.caseId));
}

/**
 * Finds one case or throws a usage error listing the near matches; a case file left out because
 * of errors (`problems`, from loading the library) is named as such, as bad data.
 */
export function findCase(cases: readonly CaseRecord[], query: string, problems: readonly CaseProblem[] = []): CaseRecord {
  const match = matchCase(cases, query);
  if ('record' in match) return match.record;
  // Its exact id or UA number names a broken case before any near match; part of a file name only when nothing is near.
  const broken = match.ambiguous ? [] : brokenCaseFileFor(problems, query, { byFileName: !match.suggestions.length });
  if (broken.length) {
    const file = broken.find((problem) => /\.ya?ml$/i.test(problem.file))?.file ?? broken[0]!.file;
    throw new DataError(`${file}: this case is left out because of errors: run appeal validate`, {
      details: broken.map(formatCaseProblem),
      hint: 'Fix the lines above (appeal validate checks the file again), then write the letter.',
    });
  }
  const details = match.suggestions.map((record) => caseLabel(record));
  if (match.ambiguous) {
    throw new UsageError(`"${query}" matches more than one case:`, { details, hint: 'Give the case id or UA number instead.' });
  }
  throw new UsageError(`No case matches "${query}".`, {
    details: details.length ? ['Did you mean:', ...details.map((d) => `  ${d}`)] : [],
    hint: 'See the cases with: appeal list --all',
  });
}
