import { isMap, isScalar, type Document, type Pair } from 'yaml';
import type { CaseDefinition } from '../cases/case-schema';
import { CASE_FIELD_ORDER as FIELD_ORDER, type ImportCheck, type ImportedCase } from './import-document';
import { addCheckComment, foldLongTexts } from './case-yaml';
import { foldForMatch } from '../cases/find-case';

/** One difference between the case in the library and what the new document says. */
export interface CaseChange {
  field: string;
  lines: string[];
}

export interface CaseUpdatePlan {
  changes: CaseChange[];
  /** Top-level fields to write, with their new values. */
  fields: Record<string, unknown>;
  /** The new model letter, when it differs from the case's template. */
  template?: string;
  /** Checks of the imported values that are written, with paths in the updated case. */
  checks: ImportCheck[];
}


function short(text: string, width = 90): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  return plain.length > width ? `${plain.slice(0, width - 3)}...` : plain;
}

function show(value: unknown): string {
  if (value === undefined || value === null || (Array.isArray(value) && !value.length)) return '(none)';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

const sameText = (a: string | undefined, b: string | undefined) => (a ?? '').replace(/\s+/g, ' ').trim() === (b ?? '').replace(/\s+/g, ' ').trim();
const fold = foldForMatch;

const OFFICIAL_FIELDS = ['name', 'title', 'organisation', 'address', 'country', 'post', 'post_note', 'phone', 'fax', 'email', 'email_hidden', 'twitter', 'facebook', 'instagram', 'salutation', 'notes'] as const;

function officialDifferences(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return OFFICIAL_FIELDS.filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null)).map(
    (field) => `${field}: ${show(before[field])} → ${show(after[field])}`,
  );
}

/**
 * What importing a later document of a case changes: status (a final output closes it),
 * deadline, summary, people's pronouns, officials, the model letter, and a history entry for
 * the new stage. Fields the document does not give are kept; the title and id never change.
 */
export function planCaseUpdate(existing: CaseDefinition, existingTemplate: string | undefined, imported: ImportedCase): CaseUpdatePlan {
  const data = imported.data as Record<string, unknown>;
  const changes: CaseChange[] = [];
  const fields: Record<string, unknown> = {};
  const checks: ImportCheck[] = [];
  const checksUnder = (prefix: string) => imported.checks.filter((check) => check.path[0] === prefix);
  // An earlier issue than the case already records (the update after the final output) only
  // fills in what the case lacks: it must not bring back older news.
  const rank = { first: 0, update: 1, final: 2 } as const;
  const older = existing.history.some((entry) => rank[entry.stage] > rank[imported.stage]);
  if (older) return fillGaps(existing, existingTemplate, imported);

  const status = data.status === 'closed' ? 'closed' : existing.status;
  if (status !== existing.status) {
    fields.status = status;
    changes.push({ field: 'status', lines: [`${existing.status} → ${status}`] });
  }
  for (const field of ['country', 'issue_date'] as const) {
    if (data[field] && !existing[field]) {
      fields[field] = data[field];
      changes.push({ field, lines: [`(none) → ${String(data[field])}`] });
      checks.push(...checksUnder(field));
    }
  }
  if (data.deadline && data.deadline !== existing.deadline) {
    fields.deadline = data.deadline;
    changes.push({ field: 'deadline', lines: [`${show(existing.deadline)} → ${String(data.deadline)}`] });
    checks.push(...checksUnder('deadline'));
  }
  const languages = data.preferred_languages as string[] | undefined;
  if (languages && JSON.stringify(languages) !== JSON.stringify(existing.preferred_languages ?? [])) {
    fields.preferred_languages = languages;
    changes.push({ field: 'preferred_languages', lines: [`${show(existing.preferred_languages)} → ${languages.join(', ')}`] });
  }
  const summary = data.summary as string | undefined;
  if (summary && !sameText(summary, existing.summary)) {
    fields.summary = summary;
    changes.push({ field: 'summary', lines: [`was: ${short(existing.summary ?? '(none)')}`, `now: ${short(summary)}`] });
  }

  // People: pronouns the document states are taken; people it lists by name are added.
  const people = existing.people.map((person) => ({ ...person }));
  const peopleLines: string[] = [];
  imported.people.forEach((person, index) => {
    const match = people.find((known) => fold(known.name) === fold(person.name));
    const check = imported.checks.find((c) => c.path[0] === 'people' && c.path[1] === index);
    if (match) {
      if (person.pronouns && person.pronouns !== match.pronouns && (!person.pronounsCheck || !match.pronouns)) {
        peopleLines.push(`${match.name}: pronouns ${match.pronouns ?? '(none)'} → ${person.pronouns}`);
        match.pronouns = person.pronouns;
        if (check) checks.push({ path: ['people', people.indexOf(match), 'pronouns'], message: check.message });
      }
    } else if (!person.pronounsCheck || !existing.people.length) {
      people.push({ name: person.name, ...(person.pronouns ? { pronouns: person.pronouns } : {}) });
      peopleLines.push(`+ ${person.name}${person.pronouns ? ` (${person.pronouns})` : ''}`);
      if (check) checks.push({ path: ['people', people.length - 1, 'pronouns'], message: check.message });
    }
  });
  if (peopleLines.length) {
    fields.people = people;
    changes.push({ field: 'people', lines: peopleLines });
  }

  // Officials: a document that lists them gives the current list; ids of known officials stay.
  const officials = data.officials as Record<string, unknown>[];
  if (officials.length) {
    const known = existing.officials as unknown as Record<string, unknown>[];
    const lines: string[] = [];
    const merged = officials.map((official) => {
      const before = known.find((candidate) => fold(String(candidate.name)) === fold(String(official.name)));
      if (!before) {
        lines.push(`+ ${String(official.name)}`);
        return official;
      }
      for (const difference of officialDifferences(before, official)) lines.push(`${String(official.name)}: ${difference}`);
      return { ...official, id: before.id };
    });
    for (const before of known) {
      if (!officials.some((official) => fold(String(official.name)) === fold(String(before.name)))) lines.push(`- ${String(before.name)} (the document no longer lists this official)`);
    }
    if (lines.length) {
      fields.officials = merged;
      changes.push({ field: 'officials', lines });
      checks.push(...checksUnder('officials'));
    }
  }

  let template: string | undefined;
  if (imported.template && !sameText(imported.template, existingTemplate)) {
    template = imported.template;
    const count = (text: string | undefined) => (text ?? '').split(/\n\s*\n/).filter((part) => part.trim()).length;
    changes.push({ field: 'model letter', lines: [existingTemplate === undefined ? `(none) → ${count(template)} paragraphs` : `changed: ${count(existingTemplate)} → ${count(template)} paragraphs`] });
    if (!existing.letter) {
      fields.letter = data.letter;
      checks.push(...checksUnder('letter'));
    }
  }

  // A stage already in the history is not recorded twice.
  const [entry] = data.history as { stage: string; date?: string; note: string }[];
  if (entry) {
    const recorded = existing.history.some((known) =>
      known.stage === entry.stage && (entry.stage !== 'update' || known.date === entry.date || sameText(known.note, entry.note)),
    );
    if (!recorded) {
      fields.history = [...existing.history, entry];
      changes.push({ field: 'history', lines: [`+ ${entry.stage}${entry.date ? ` (${entry.date})` : ''}: ${short(entry.note)}`] });
    }
  }
  return { changes, fields, template, checks };
}

/**
 * Writes the planned fields into the case file's own YAML document, so the coordinator's
 * comments and edits elsewhere in the file stay as they were.
 */
export function applyCaseUpdate(doc: Document, plan: CaseUpdatePlan): void {
  for (const [key, value] of Object.entries(plan.fields)) {
    const node = doc.createNode(value);
    foldLongTexts(node);
    doc.set(key, node);
  }
  const contents = doc.contents;
  if (isMap(contents)) {
    const rank = (pair: Pair) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const index = FIELD_ORDER.indexOf(key);
      return index < 0 ? FIELD_ORDER.length : index;
    };
    contents.items.sort((a, b) => rank(a as Pair) - rank(b as Pair));
  }
  for (const check of plan.checks) addCheckComment(doc, check.path, check.message);
}

function fillGaps(existing: CaseDefinition, existingTemplate: string | undefined, imported: ImportedCase): CaseUpdatePlan {
  const data = imported.data as Record<string, unknown>;
  const changes: CaseChange[] = [];
  const fields: Record<string, unknown> = {};
  const checks: ImportCheck[] = [];
  for (const field of ['country', 'issue_date', 'deadline', 'preferred_languages', 'summary'] as const) {
    if (data[field] && !existing[field]) {
      fields[field] = data[field];
      changes.push({ field, lines: [`(none) → ${short(show(data[field]))}`] });
      checks.push(...imported.checks.filter((check) => check.path[0] === field));
    }
  }
  const officials = data.officials as unknown[];
  if (officials.length && !existing.officials.length) {
    fields.officials = officials;
    changes.push({ field: 'officials', lines: (officials as { name: string }[]).map((official) => `+ ${official.name}`) });
    checks.push(...imported.checks.filter((check) => check.path[0] === 'officials'));
  }
  let template: string | undefined;
  if (imported.template && existingTemplate === undefined && !existing.letter) {
    template = imported.template;
    fields.letter = data.letter;
    changes.push({ field: 'model letter', lines: ['(none) → the document\'s model letter'] });
  }
  return { changes, fields, template, checks };
}
