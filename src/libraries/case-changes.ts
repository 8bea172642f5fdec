import { isDeepStrictEqual } from 'node:util';
import type { CaseDefinition, Official } from '../cases/case-schema';
import { caseDisplayId } from '../cases/case-summary';

/** A case as two versions of a library are compared: its definition and its model letter. */
export interface CaseVersion {
  definition: CaseDefinition;
  templateSource?: string;
}

/** One line of "what changed", in a member's words: "closed: UA 126.19". */
export interface CaseChange {
  kind: 'new' | 'closed' | 'reopened' | 'changed' | 'removed';
  /** "UA 126.19", or the case id when it has no UA number. */
  label: string;
  /** What is new or changed, for example "the Ambassador's address". */
  details: string[];
}

const CASE_FIELDS: [keyof CaseDefinition, string][] = [
  ['title', 'the title'],
  ['ua_number', 'the UA number'],
  ['kind', 'the kind of case'],
  ['country', 'the country'],
  ['issue_date', 'the date of issue'],
  ['preferred_languages', 'the preferred language'],
  ['summary', 'the summary'],
  ['people', 'the people concerned'],
  ['petition', 'the petition'],
];

const OFFICIAL_FIELDS: [keyof Official, string][] = [
  ['name', 'name'],
  ['title', 'title'],
  ['organisation', 'organisation'],
  ['address', 'address'],
  ['country', 'country'],
  ['post', 'whether to send post'],
  ['post_note', 'whether to send post'],
  ['email', 'email address'],
  ['email_hidden', 'email address'],
  ['fax', 'fax number'],
  ['phone', 'phone number'],
  ['twitter', 'Twitter'],
  ['facebook', 'Facebook'],
  ['instagram', 'Instagram'],
  ['salutation', 'salutation'],
  ['notes', 'notes'],
];

/**
 * How a member calls an official: the salutation without "Dear" when it is a title ("Dear
 * Ambassador" gives "the Ambassador"), the person's own form when it is a name ("Mr. Mityayev").
 */
export function officialLabel(official: Official): string {
  const rest = /^dear\s+(.+)$/i.exec(official.salutation.trim())?.[1]?.trim();
  if (!rest || /^(sir|madam|all|colleague|friend)/i.test(rest)) return official.name;
  if (/^(mr|mrs|ms|miss|mx|dr|prof)\b\.?/i.test(rest)) return rest;
  return `the ${rest}`;
}

function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

function changedFields<T extends object>(before: T, after: T, fields: [keyof T, string][]): string[] {
  const out: string[] = [];
  for (const [field, words] of fields) {
    if (!isDeepStrictEqual(before[field], after[field]) && !out.includes(words)) out.push(words);
  }
  return out;
}

function officialChanges(before: readonly Official[], after: readonly Official[]): string[] {
  const out: string[] = [];
  for (const official of after) {
    const old = before.find((candidate) => candidate.id === official.id);
    if (!old) {
      out.push(`a new official to write to (${official.name})`);
      continue;
    }
    const fields = changedFields(old, official, OFFICIAL_FIELDS);
    if (fields.length) out.push(`${possessive(officialLabel(official))} ${joinWords(fields)}`);
  }
  for (const official of before) {
    if (!after.some((candidate) => candidate.id === official.id)) out.push(`${officialLabel(official)} is no longer to be written to`);
  }
  return out;
}

function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** What differs between two versions of one case, in words; empty when nothing a member sees does. */
function describeCaseDifference(before: CaseVersion, after: CaseVersion): string[] {
  const [a, b] = [before.definition, after.definition];
  const out = changedFields(a, b, CASE_FIELDS);
  if (a.deadline !== b.deadline) out.push(b.deadline ? `the deadline (now ${b.deadline})` : 'the deadline (now none)');
  out.push(...officialChanges(a.officials, b.officials));
  if (before.templateSource !== after.templateSource || !isDeepStrictEqual(a.letter, b.letter)) out.push('the model letter');
  const added = b.history.slice(a.history.length).filter((entry, index) => !isDeepStrictEqual(entry, a.history[a.history.length + index]));
  if (b.history.length > a.history.length && added.some((entry) => entry.stage === 'update')) out.push('a new update');
  return out;
}

/** What changed between two versions of a library, case by case, in the order members read. */
export function describeCaseChanges(before: readonly CaseVersion[], after: readonly CaseVersion[]): CaseChange[] {
  const changes: CaseChange[] = [];
  const old = new Map(before.map((version) => [version.definition.id, version]));
  const now = new Map(after.map((version) => [version.definition.id, version]));
  for (const version of after) {
    const { definition } = version;
    const label = caseDisplayId(definition);
    const previous = old.get(definition.id);
    if (!previous) {
      const people = definition.people.map((person) => person.name).join(', ');
      changes.push({ kind: 'new', label, details: [`${people ? `${people}: ` : ''}${definition.title}`] });
    } else if (previous.definition.status !== definition.status) {
      changes.push({ kind: definition.status === 'closed' ? 'closed' : 'reopened', label, details: [] });
    } else {
      const details = describeCaseDifference(previous, version);
      if (details.length) changes.push({ kind: 'changed', label, details });
    }
  }
  for (const version of before) {
    if (!now.has(version.definition.id)) changes.push({ kind: 'removed', label: caseDisplayId(version.definition), details: [] });
  }
  const order = ['new', 'closed', 'reopened', 'changed', 'removed'];
  return changes.sort((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind));
}

/** "changed: the Ambassador's address in UA 150.19", one line per change. */
export function formatCaseChange(change: CaseChange): string {
  if (change.kind === 'new') return `new: ${change.label} ${change.details.join('')}`;
  if (change.kind === 'changed') return `changed: ${joinWords(change.details)} in ${change.label}`;
  if (change.kind === 'removed') return `removed: ${change.label} (no longer in the library)`;
  return `${change.kind}: ${change.label}`;
}
