import { documentLines, isCapitalsHeading, nextFilled } from './document-lines';
import { findCountry, findDeadline, findIssueDate, findPreferredLanguages, findStage, findSummary, findTitle, findUaNumber, saysUrgentAction, type Stage } from './ua-header';
import { addressCountries, assignSalutations, findOfficials, type ImportedOfficial } from './officials';
import { composeLetter, findBulletAppeals, findModelLetter, letterTemplate, type ModelLetter } from './model-letter';
import { fallbackOfficials, inlineOfficials } from './fallback-officials';
import { SECTION_LINE } from './language-patterns';
import { firstTemplate, prepareLines } from './segments';
import { languageByCode, languageOf } from './languages';
import { findPeople, type ImportedPerson } from './people';
import { findPetition } from './petition';
import { HONORIFICS, OFFICE_WORDS } from './official-words';
import { latestDateMentioned } from './document-dates';
import { swapStandIns } from './stand-ins';

/** A value to check, by its path in the case file ("officials", 1, "country"). */
export interface ImportCheck {
  path: (string | number)[];
  message: string;
}

/** A case file's fields as import writes them, in the order the hand-made cases use. */
export type CaseData = Record<string, unknown> & { id: string; title: string; status: 'open' | 'closed' };

export interface ImportedCase {
  found: 'urgent-action' | 'petition';
  stage: Stage;
  data: CaseData;
  /** The model letter's body, for the .hbs file beside the case file. */
  template?: string;
  letter?: ModelLetter;
  officials: ImportedOfficial[];
  people: ImportedPerson[];
  checks: ImportCheck[];
  /** Things the coordinator should know that have no field: copies to embassies, counters. */
  notes: ImportNote[];
}

/**
 * A note for the coordinator. "document": something the document says that has no field (copies
 * to embassies); "counter": a petition page's signature counter, which the case file keeps as a
 * comment and the summary does not repeat; "more-templates": the page held more letters.
 */
export interface ImportNote {
  kind: 'document' | 'counter' | 'more-templates';
  text: string;
}

export const noteOf = (kind: ImportNote['kind'], text: string): ImportNote => ({ kind, text });

export interface NotAnUrgentAction {
  found: 'nothing';
  reason: string;
}

/** "ua-150-19", "prosecutor-general": lower-case ASCII, as case and official ids are written. */
export function slugify(text: string, maxWords = 6): string {
  // NFKD reads the characters themselves ("™" as "TM"; its stand-in as itself): see stand-ins.ts.
  const decomposed = swapStandIns(swapStandIns(text).normalize('NFKD'));
  return decomposed
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** A short id for an official, from the office it holds: "prosecutor-general", "ambassador". */
function officialId(official: ImportedOfficial, taken: Set<string>, index: number): string {
  const first = official.name.split(/\s+/)[0] ?? '';
  let base = '';
  if (official.title) base = slugify(official.title.split(/\s+(?:of|for|at|in|to)\s+|,|\//)[0]!, 4);
  if (!base && OFFICE_WORDS.has(first.toLowerCase()) && !HONORIFICS.test(first) && official.name.split(/\s+/).length > 2) {
    // "Prosecutor General Yuriy Chaika" gives "prosecutor-general"; "Ambassador Anatoly Antonov" gives "ambassador".
    const words = official.name.split(/\s+/);
    const office = words.slice(0, words.findIndex((word) => !OFFICE_WORDS.has(word.toLowerCase())));
    base = slugify(office.join(' '), 3);
  }
  if (!base && official.organisation) base = slugify(official.organisation, 4);
  if (!base) base = slugify(official.name.split(/\s+/).pop() ?? '', 2);
  if (!base) base = `official-${index + 1}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function officialData(official: ImportedOfficial, id: string): Record<string, unknown> {
  const data: Record<string, unknown> = { id, name: official.name };
  if (official.title) data.title = official.title;
  if (official.organisation) data.organisation = official.organisation;
  if (official.address.length) data.address = official.address;
  if (official.country) data.country = official.country;
  if (official.post === false) {
    data.post = false;
    if (official.postNote) data.post_note = official.postNote;
  }
  if (official.phone.length) data.phone = official.phone;
  if (official.fax.length) data.fax = official.fax;
  if (official.email.length) data.email = official.email;
  if (official.emailHidden) data.email_hidden = true;
  if (official.twitter) data.twitter = official.twitter;
  if (official.facebook) data.facebook = official.facebook;
  if (official.instagram) data.instagram = official.instagram;
  data.salutation = official.salutation;
  if (official.notes.length) data.notes = official.notes.join(' ');
  return data;
}

export const CASE_FIELD_ORDER = ['id', 'ua_number', 'kind', 'title', 'country', 'status', 'issue_date', 'deadline', 'preferred_languages', 'summary', 'people', 'officials', 'letter', 'petition', 'history'];

/** The fields in the order the hand-made cases write them, so an imported file reads the same. */
function inFieldOrder(data: CaseData): CaseData {
  const rank = (key: string) => (CASE_FIELD_ORDER.includes(key) ? CASE_FIELD_ORDER.indexOf(key) : CASE_FIELD_ORDER.length);
  return Object.fromEntries(Object.entries(data).sort(([a], [b]) => rank(a) - rank(b))) as CaseData;
}

const ID_SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'are', 'is', 'be', 'to', 'we', 'our', 'their', 'have', 'has', 'in', 'on', 'and', 'for']);

const STAGE_WORDS: Record<Stage, string> = { first: 'First issue', update: 'Update', final: 'Final output' };

function historyNote(stage: Stage, uaNumber: string | undefined, title: string, evidence: string | undefined, closed: boolean): string {
  if (stage === 'first') return `Urgent Action${uaNumber ? ` ${uaNumber}` : ''} issued: ${title}.`;
  const said = evidence && !/^urgent action update$/i.test(evidence) ? ` The document says: "${evidence}".` : '';
  return `${STAGE_WORDS[stage]}: ${title}.${said}${closed && !/no further action/i.test(evidence ?? '') ? ' No further action is requested.' : ''}`;
}

/**
 * A README or a manual (Markdown with code blocks, or many "#" headings) quotes UA numbers,
 * contact lines and letters as examples; it is never a document to write letters from.
 */
function isProgramDocumentation(lines: readonly string[]): boolean {
  const fences = lines.filter((line) => line.startsWith('```')).length;
  const headings = lines.filter((line) => /^#{1,6} \S/.test(line)).length;
  return fences >= 2 || headings >= 4;
}

/**
 * Reads an Urgent Action (as text) into a draft case: every field the document gives, the
 * model letter as a template, and a check for every value that is a guess. A petition becomes a
 * petition case; anything else is "nothing", with the reason.
 */
export function importDocument(raw: string): ImportedCase | NotAnUrgentAction {
  const { lines, more } = firstTemplate(prepareLines(documentLines(raw)));
  if (!lines.some(Boolean)) return { found: 'nothing', reason: 'the document is empty' };
  if (isProgramDocumentation(lines)) return { found: 'nothing', reason: 'it is documentation written in Markdown, with code blocks and headings, not an Urgent Action' };
  const text = lines.join('\n');
  const language = languageOf(text);
  const found = findOfficials(lines, language.code);
  const notes = found.notes.map((note) => noteOf('document', note));
  let officials = found.officials.length ? found.officials : inlineOfficials(lines);
  const modelLetter = findModelLetter(lines);
  let letter = modelLetter ?? findBulletAppeals(lines);
  const stage = findStage(text);
  const asksToWrite = officials.length > 0 || modelLetter !== undefined || stage.closed || (letter !== undefined && saysUrgentAction(lines));
  // Asked only of a document that does not ask to write on its own (most do).
  const callsToAct = () => lines.some((line) => SECTION_LINE.action.test(line)) || /\b(?:take action|send appeals|please write|write (?:a letter|an appeal|immediately))\b/i.test(text);
  const urgentAction = asksToWrite || (saysUrgentAction(lines) && (stage.stage !== 'first' || callsToAct()));
  if (!urgentAction) {
    const petition = findPetition(lines);
    if (petition) return importPetition(petition, lines);
    return {
      found: 'nothing',
      reason: officials.length || letter
        ? 'the document has no "Urgent Action" heading and no UA number'
        : 'the document has no "Urgent Action" heading, no UA number, no officials to write to and no model letter',
    };
  }

  const checks: ImportCheck[] = [];
  const ua = findUaNumber(text);
  const title = findTitle(lines) ?? { value: 'Untitled Urgent Action', check: 'the document has no title the import could find', line: 0 };
  const issueDate = findIssueDate(lines, language.code);
  const deadline = findDeadline(lines, issueDate?.value, language.code);
  const languages = findPreferredLanguages(lines);
  const summary = findSummary(lines, title.line);
  if (!officials.length && !stage.closed) officials = fallbackOfficials(lines, letter, language);
  if (officials.length && !letter) letter = composeLetter(lines, language.code);
  assignSalutations(officials, letter?.opening, language.code);
  const country = findCountry(lines, title.country, addressCountries(officials));
  const people = findPeople(lines, summary, letter?.paragraphs[0], officials.map((official) => official.name));

  const year = (deadline?.value ?? issueDate?.value ?? latestDateMentioned(text) ?? '').slice(0, 4);
  const surname = people[0]?.name.split(/\s+/).pop();
  const id = ua ? `ua-${ua.value.replace('.', '-')}` : slugify([surname ?? slugify(title.value, 4), year].filter(Boolean).join(' '), 8);

  const data: CaseData = { id, ...(ua ? { ua_number: ua.value } : {}), kind: 'urgent-action', title: title.value, status: stage.closed ? 'closed' : 'open' };
  if (ua?.check) checks.push({ path: ['ua_number'], message: ua.check });
  if (title.check) checks.push({ path: ['title'], message: title.check });
  if (country) {
    data.country = country.value;
    if (country.check) checks.push({ path: ['country'], message: country.check });
  }
  if (issueDate) data.issue_date = issueDate.value;
  if (deadline) {
    data.deadline = deadline.value;
    if (deadline.check) checks.push({ path: ['deadline'], message: deadline.check });
  }
  if (languages) data.preferred_languages = languages.value;
  if (summary) data.summary = summary;
  data.people = people.map((person) => (person.pronouns ? { name: person.name, pronouns: person.pronouns } : { name: person.name }));
  people.forEach((person, index) => {
    if (person.pronounsCheck) checks.push({ path: ['people', index, 'pronouns'], message: person.pronounsCheck });
  });
  if (!people.length) checks.push({ path: ['people'], message: 'the document names no one the import could find; add the people the case is about' });

  const taken = new Set<string>();
  data.officials = officials.map((official, index) => officialData(official, officialId(official, taken, index)));
  officials.forEach((official, index) => {
    for (const check of official.checks) checks.push({ path: ['officials', index, check.field], message: check.message });
  });

  let template: string | undefined;
  if (letter) {
    template = letterTemplate(letter);
    // The letter's language is recorded so that a document in another language can add its letter later.
    const closing = letter.closing ?? languageByCode(letter.language)?.composed.closing ?? 'Yours sincerely,';
    data.letter = { template: `${id}.hbs`, language: letter.language, closing };
    if (letter.source === 'composed') {
      checks.push({ path: ['letter', 'template'], message: "composed from the document's calls to action; the document has no model letter" });
    } else if (letter.source === 'appeals') {
      checks.push({ path: ['letter', 'template'], message: 'the document gives bullet-point appeals, not a model letter: the template was made from them; reword it into a letter' });
    }
    if (!letter.closing) checks.push({ path: ['letter', 'closing'], message: `the model letter has no closing; "${closing}" is used` });
  }
  data.history = [{ stage: stage.stage, ...(issueDate ? { date: issueDate.value } : {}), note: historyNote(stage.stage, ua?.value, title.value, stage.evidence, stage.closed) }];
  if (more) notes.push(noteOf('more-templates', 'The page holds more letter templates after this one; only the first was imported. Save each of the others as a document of its own and import it.'));
  return { found: 'urgent-action', stage: stage.stage, data: inFieldOrder(data), template, letter, officials, people, checks, notes };
}

function importPetition(petition: NonNullable<ReturnType<typeof findPetition>>, lines: readonly string[]): ImportedCase {
  const text = lines.join('\n');
  const checks: ImportCheck[] = [];
  const country = findCountry(lines, undefined, []);
  const link = /https?:\/\/\S+/.exec(text)?.[0];
  const words = petition.title.replace(/[.!?].*$/, '').split(/\s+/).filter((word) => !ID_SMALL_WORDS.has(word.toLowerCase()));
  const data: CaseData = { id: slugify(words.join(' '), 6) || 'petition', kind: 'petition', title: petition.title, status: 'open' };
  if (country) {
    data.country = country.value;
    if (country.check) checks.push({ path: ['country'], message: country.check });
  }
  if (petition.summary) data.summary = petition.summary;
  data.people = [];
  checks.push({ path: ['people'], message: 'a petition names no one person; add whom it is for' });
  data.officials = [];
  data.petition = {
    addressed_to: petition.addressedTo,
    asks: petition.asks,
    how_to_act: link ? `Sign the petition at ${link}` : 'Sign the petition where it is published; the document gives no address to sign it at.',
  };
  if (!petition.addressedTo.length) checks.push({ path: ['petition', 'addressed_to'], message: 'the document does not say whom it calls on; add the addressees' });
  if (!link) checks.push({ path: ['petition', 'how_to_act'], message: 'the document gives no address to sign the petition at' });
  data.history = [];
  const notes = petition.counter ? [noteOf('counter', `The page shows a signature counter: "${petition.counter}".`)] : [];
  const heading = nextFilled(lines, 0);
  if (heading >= 0 && isCapitalsHeading(lines[heading]!)) checks.push({ path: ['title'], message: 'the title is in capitals in the document' });
  return { found: 'petition', stage: 'first', data: inFieldOrder(data), officials: [], people: [], checks, notes };
}
