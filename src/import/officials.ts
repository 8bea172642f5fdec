import { isCapitalsHeading, isProse, listItemText, nextFilled, wordCount } from './document-lines';
import { countryByName, splitTrailingCountry } from './countries';
import { HONORIFICS, NAME_PARTICLES, OFFICE_WORDS, ORGANISATION_WORDS, firstWord, isNameWord, isOrganisationLine, isPersonNameLine, isTitleLine } from './official-words';
import { LANGUAGES } from './languages';
import { segmentAt, segmentDocument, type SegmentKind } from './segments';
import { CLOSING, CONTACT_LABELS, COPIES_LINE, GREETING_WORD, HEADER_LINE, LETTER_OPENING, NUMBER_OR, contactKind, firstGuardedMatch, greetingLanguage, guardedMatches, type ContactKind } from './language-patterns';

/** A value of an official the import is unsure of, and why. */
export interface OfficialCheck {
  field: string;
  message: string;
}

export interface ImportedOfficial {
  name: string;
  title?: string;
  organisation?: string;
  address: string[];
  country?: string;
  post?: boolean;
  postNote?: string;
  email: string[];
  emailHidden: boolean;
  fax: string[];
  phone: string[];
  twitter?: string;
  facebook?: string;
  instagram?: string;
  salutation?: string;
  /** Where the salutation came from: its own "Salutation:" line, the model letter, or a guess. */
  salutationSource?: 'line' | 'letter' | 'guess';
  /** A bilingual salutation as written ("Dear Minister/Estimado Señor Secretario de Seguridad"). */
  salutationWritten?: string;
  /** A "copies to" recipient rather than one of the officials the appeal is addressed to. */
  copy: boolean;
  notes: string[];
  checks: OfficialCheck[];
}

const HIDDEN_EMAIL = /\[email[\s\u00a0]*protected\]/gi;
const POST_LIMIT = /\b(?:only send (?:physical |postal )?(?:mail|letters|post)|do not send (?:physical |postal )?(?:mail|letters|post)|don['’]t send (?:physical |postal )?(?:mail|letters|post)|postal restrictions|no (?:physical|postal) (?:mail|letters)|(?:letters|post|mail) (?:cannot|can not|will not) be delivered)/i;
/** What ends a line for "." and "$" in a pattern: a line that holds one is not one contact line. */
const LINE_END = /[\n\r\u2028\u2029]/;

/**
 * A contact line's label (group 1) and the value after it, as ^label(.*)$ reads it: the first
 * label found in the line, when it is at the line's start (a label there is the first the search
 * meets), and the rest of the line is one line.
 */
function contactLine(line: string): { label: string; value: string } | undefined {
  const found = firstGuardedMatch(CONTACT_LABELS, line);
  if (found?.index !== 0 || LINE_END.test(line)) return undefined;
  return { label: found[1]!, value: line.slice(found[0].length) };
}
const EMAIL_TOKEN = /^[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}$/;

/**
 * The e-mail addresses in a text. Read token by token, so a long run of characters with no
 * spaces costs one pass rather than a pattern retried at every position.
 */
export function findEmails(text: string): string[] {
  const found: string[] = [];
  for (const raw of text.split(/[\s,;:<>()[\]"“”«»|]+/)) {
    if (raw.length > 254 || !raw.includes('@')) continue;
    const token = raw.replace(/^[^A-Za-z0-9]+/, '').replace(/[^A-Za-z]+$/, '');
    if (EMAIL_TOKEN.test(token) && !found.includes(token)) found.push(token);
  }
  return found;
}

/**
 * Lines whose contact details run together ("Phone: 202 298 5700 I Fax: 202 298 5735", or a
 * whole official on one line) split before each label, and before "And copies to:".
 */
export function splitRunTogetherLine(line: string): string[] {
  const pieces: string[] = [];
  // "Shaikh Hamad ... King of Bahrain Due to postal restrictions ..., please only send physical
  // mail to the Embassy Fax: ...": the post note is a sentence of its own.
  const post = POST_LIMIT.exec(line);
  if (post && line.length < 600) {
    const before = line.slice(0, post.index);
    const start = /\s((?:Due to|Because of|Owing to|As a result of|Please)\b)[^.]*$/i.exec(before);
    if (start && start.index > 3 && !POST_LIMIT.test(before.slice(0, start.index))) {
      const rest = line.slice(start.index + 1);
      const label = firstGuardedMatch(CONTACT_LABELS, rest);
      const note = label ? rest.slice(0, label.index).trim() : rest;
      return [...splitRunTogetherLine(before.slice(0, start.index)), note, ...(label ? splitRunTogetherLine(rest.slice(label.index)) : [])];
    }
  }
  const copies = /^(.*?\S)\s+((?:and\s+)?copies\s+to\s*:.*)$/i.exec(line);
  if (copies) return [...splitRunTogetherLine(copies[1]!), ...splitRunTogetherLine(copies[2]!)];
  const copiesHead = /^((?:and\s+)?copies\s+to\s*:)\s*(\S.*)$/i.exec(line);
  if (copiesHead) return [copiesHead[1]!, ...splitRunTogetherLine(copiesHead[2]!)];
  const starts = [...guardedMatches(CONTACT_LABELS, line)].map((match) => match.index);
  if (!starts.length) return [line];
  if (starts.length === 1 && starts[0] === 0) return splitRunOnSalutation(line);
  // Running text that mentions "email:" in passing stays as it is.
  if (isProse(line.slice(0, starts[0])) && starts[0]! > 0) return [line];
  let from = 0;
  for (const start of starts) {
    if (start > from) pieces.push(line.slice(from, start).trim().replace(/\s+(?:I|\||\/)$/, '').replace(/[,;]$/, ''));
    from = start;
  }
  pieces.push(line.slice(from).trim());
  return pieces.filter(Boolean).flatMap((piece) => splitRunOnSalutation(piece));
}

const SALUTATION_MODIFIERS = new Set(['chief', 'deputy', 'military', 'first', 'vice', 'acting', 'senior', 'high', 'supreme', 'state', 'federal', 'national', 'prime']);

/**
 * "Salutation: Dear Minister Attorney General Óscar Chinchilla ..." on one line: the salutation
 * ends where the next official's block begins. Only long values are cut; a salutation on a line
 * of its own is kept whole.
 */
function splitRunOnSalutation(piece: string): string[] {
  const match = /^(salutation\s*:\s*)(.*)$/i.exec(piece);
  if (!match) return [piece];
  const value = match[2]!;
  if (wordCount(value) <= 6 || /\/\s*\p{L}/u.test(value)) return [piece];
  const words = value.split(/\s+/);
  const word = (index: number) => (words[index] ?? '').toLowerCase().replace(/[,.]$/, '');
  let end = 1; // after "Dear"
  if (/^your$/i.test(words[0]!)) end = 2; // "Your Excellency"
  else if (HONORIFICS.test(words[1] ?? '')) end = 3; // "Dear Mr. Mityayev"
  else {
    // "Dear [Chief Military] Prosecutor [General]": modifiers, one office, and a following
    // "General"; the next office word starts the next official's block.
    while (end < words.length && SALUTATION_MODIFIERS.has(word(end))) end++;
    end++;
    if (word(end) === 'general') end++;
  }
  const rest = words.slice(end).join(' ');
  return rest ? [`${match[1]}${words.slice(0, end).join(' ').replace(/,$/, '')}`, rest] : [piece];
}

type LineKind = 'blank' | 'label' | 'contact' | 'continuation' | 'heading' | 'opening' | 'closing' | 'prose' | 'item' | 'copies' | 'postnote' | 'plain';

interface Classified {
  text: string;
  kind: LineKind;
  contact?: ContactKind;
  value?: string;
  /** The section the line falls in. */
  segment?: SegmentKind;
}

function classify(lines: readonly string[]): Classified[] {
  const segments = segmentDocument(lines);
  const out: Classified[] = [];
  let lastContact: ContactKind | undefined;
  for (const [index, text] of lines.entries()) {
    const segment = segmentAt(segments, index);
    if (!text) {
      out.push({ text, kind: 'blank', segment });
      continue;
    }
    const label = contactLine(text);
    if (label) {
      lastContact = contactKind(label.label);
      out.push({ text, kind: 'contact', contact: lastContact, value: label.value.trim().replace(/\)$/, ''), segment });
      continue;
    }
    // "emails: a@x" followed by "b@y" on lines of their own (asked only after a contact line).
    const onlyAddresses = () => !text.replace(HIDDEN_EMAIL, ' ').split(/[\s,;/]+/).some((token) => token && !findEmails(token).length);
    const onlyNumbers = () => /^[+\d][\d\s()./-]{5,}$/.test(text);
    if (lastContact && ((lastContact === 'email' && onlyAddresses()) || ((lastContact === 'phone' || lastContact === 'fax') && onlyNumbers()))) {
      out.push({ text, kind: 'continuation', contact: lastContact, value: text, segment });
      continue;
    }
    lastContact = undefined;
    const isLabel = segments.some((one) => one.label === index);
    if (isLabel && segment === 'copies') out.push({ text, kind: 'copies', segment });
    else if (isLabel) out.push({ text, kind: 'label', segment });
    else if (COPIES_LINE.test(text) && !/\btarget/i.test(text)) out.push({ text, kind: 'copies', segment });
    else if (LETTER_OPENING.test(text)) out.push({ text, kind: 'opening', segment });
    else if (CLOSING.test(text)) out.push({ text, kind: 'closing', segment });
    else if (POST_LIMIT.test(text)) out.push({ text, kind: 'postnote', segment });
    else if (listItemText(text) !== undefined) out.push({ text, kind: 'item', segment });
    else if (isCapitalsHeading(text)) out.push({ text, kind: 'heading', segment });
    else if (isProse(text)) out.push({ text, kind: 'prose', segment });
    else out.push({ text, kind: 'plain', segment });
  }
  return out;
}

interface Block {
  head: Classified[];
  contacts: Classified[];
  copy: boolean;
  /** Where the official came from when the document gives no contact details. */
  found?: string;
}

const inContactSection = (line: Classified) => line.segment === 'targets' || line.segment === 'copies';

function headAbove(lines: readonly Classified[], from: number, stopAt: number): Classified[] {
  const head: Classified[] = [];
  let blanks = 0;
  for (let h = from; h > stopAt && head.length < 12; h--) {
    const line = lines[h]!;
    if (line.kind === 'blank') {
      if (++blanks >= 2) break;
      continue;
    }
    // In a contact section, a line in capitals over a block is the official's office or body
    // ("STAATSPRÄSIDENT", "BOTSCHAFT DER VEREINIGTEN MEXIKANISCHEN STAATEN").
    if (line.kind === 'heading' && inContactSection(line) && blanks === 0 && !/^\(/.test(line.text)) {
      head.unshift(line);
      // A country in capitals ends the address; a line in capitals over the name starts the block.
      if (head.length > 1) break;
      continue;
    }
    if (line.kind !== 'plain' && line.kind !== 'postnote') break;
    blanks = 0;
    head.unshift(line);
  }
  return head;
}

/** Lines of a section up to the next blank line (or the next two, where every line is spaced). */
function groupsIn(lines: readonly Classified[], start: number, end: number): Classified[][] {
  const groups: Classified[][] = [[]];
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    if (line.kind === 'blank') {
      if (groups[groups.length - 1]!.length) groups.push([]);
      continue;
    }
    if (line.kind === 'opening' || line.kind === 'prose' || line.kind === 'label' || line.kind === 'copies') break;
    groups[groups.length - 1]!.push(line);
  }
  return groups.filter((group) => group.length);
}

function findBlocks(lines: readonly Classified[]): Block[] {
  const blocks: Block[] = [];
  let lastEnd = -1;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.kind !== 'contact') continue;
    let end = i;
    for (let j = i + 1; j < lines.length; j++) {
      const kind = lines[j]!.kind;
      if (kind === 'contact' || kind === 'continuation') end = j;
      else if (kind !== 'blank') break;
    }
    const head = headAbove(lines, i - 1, lastEnd);
    const copy = lines[i]!.segment === 'copies' || (lines[i]!.segment === undefined && lines.slice(0, i).some((line) => line.kind === 'copies' && !/diplomatic representatives/i.test(line.text)));
    if (head.some((line) => line.kind === 'plain')) {
      blocks.push({ head, contacts: lines.slice(i, end + 1).filter((line) => line.kind !== 'blank'), copy });
    }
    lastEnd = end;
    i = end;
  }
  blocks.push(...sectionBlocks(lines, blocks));
  if (blocks.length) return blocks;
  return letterAddressBlocks(lines);
}

/**
 * Officials in a contact section that gives no contact labels: "To: Name / Title" headers, or
 * one line that runs name, office and address together.
 */
function sectionBlocks(lines: readonly Classified[], found: readonly Block[]): Block[] {
  const taken = new Set(found.flatMap((block) => [...block.head, ...block.contacts]));
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if ((line.kind !== 'label' && line.kind !== 'copies') || (line.segment !== 'targets' && line.segment !== 'copies')) continue;
    const header = HEADER_LINE.exec(line.text);
    let end = i + 1;
    while (end < lines.length && lines[end]!.kind !== 'label' && lines[end]!.kind !== 'copies') end++;
    if (lines.slice(i, end).some((one) => taken.has(one))) continue;
    const copy = line.segment === 'copies';
    if (header) {
      const first: Classified = { text: header[2]!.trim(), kind: 'plain', segment: line.segment };
      const rest = groupsIn(lines, i + 1, end)[0] ?? [];
      blocks.push({ head: [first, ...(rest.length && lines[i + 1]!.kind !== 'blank' ? rest : [])], contacts: [], copy, found: 'header' });
      continue;
    }
    for (const group of groupsIn(lines, i + 1, end)) {
      const plain = group.filter((one) => one.kind === 'plain' || one.kind === 'heading' || one.kind === 'postnote');
      if (plain.length !== group.length || !plain.some((one) => one.kind === 'plain')) continue;
      if (!group.some((one) => /\d/.test(one.text) || isPersonNameLine(one.text) || splitRunOnHead(one.text).length > 1)) continue;
      blocks.push({ head: group, contacts: [], copy, found: 'section' });
    }
  }
  return blocks;
}

/**
 * A letter with the addressee's block just above its opening (a subject line between them is
 * skipped), or just below it, as some pages print the salutation first.
 */
function letterAddressBlocks(lines: readonly Classified[]): Block[] {
  const opening = lines.findIndex((line) => line.kind === 'opening');
  if (opening < 0) return [];
  let above = opening - 1;
  while (above >= 0 && lines[above]!.kind === 'blank') above--;
  // "Salaheddin al-Tabbaa" alone between the address and the salutation is the letter's subject.
  if (above > 1 && lines[above - 1]!.kind === 'blank' && isPersonNameLine(lines[above]!.text) && lines[above - 2]!.kind === 'plain') above -= 2;
  const head = headAbove(lines, above, -1);
  if (head.length >= 2 && head.some((line) => /\d/.test(line.text))) return [{ head, contacts: [], copy: false, found: 'letter' }];
  const below: Classified[] = [];
  for (let i = opening + 1; i < lines.length && below.length < 4; i++) {
    const line = lines[i]!;
    if (line.kind !== 'plain' || isProse(line.text) || wordCount(line.text) > 16) break;
    below.push(line);
  }
  if (below.length && below.some((line) => /\d/.test(line.text))) return [{ head: below, contacts: [], copy: false, found: 'letter-below' }];
  return [];
}

/** "+7495 987 58 41/ +7495 692 17 25" gives two numbers; "202 298 5700 I" loses its stray "I". */
export function splitNumbers(value: string): string[] {
  const cleaned = value.replace(/\s+(?:I|\||\/|;|,)\s*$/, '').trim();
  const parts = cleaned.split(new RegExp(`\\s*(?:\\/|;|,|\\s\\|\\s|\\sI\\s|${NUMBER_OR.source})\\s*`, 'iu'));
  const digits = (text: string) => text.replace(/\D/g, '').length;
  const numbers = parts.every((part) => digits(part) >= 6) ? parts : [cleaned];
  return numbers.map((number) => number.trim().replace(/[.,;:]+$/, '')).filter((number) => digits(number) >= 3);
}

function handle(value: string, site: string): string | undefined {
  const url = new RegExp(`${site}\\.com/(?:#!/)?@?([A-Za-z0-9_.]+)`, 'i').exec(value);
  if (url) return `@${url[1]}`;
  const token = value.split(/\s+/)[0];
  return token ? token.replace(/[,;]$/, '') : undefined;
}

const OTHER_GREETINGS: [RegExp, string][] = [
  [/^(?:caro|cara|gentile|egregio)/i, 'Italian'],
  [/^(?:prezad|exm)/i, 'Portuguese'],
  [/^уважаем/iu, 'Russian'],
];

function greetingLanguageName(greeting: string): string | undefined {
  return greetingLanguage(greeting)?.name ?? OTHER_GREETINGS.find(([pattern]) => pattern.test(greeting))?.[1];
}

/**
 * A salutation as the letter uses it. One given in several languages ("Dear Minister/Estimado
 * Señor Secretario de Seguridad", "Estimado Presidente Calderón / Dear President Calderón/ Sehr
 * geehrter Herr Präsident") gives the part in the letter's language (English when none is in
 * it), and the others as written; "Dear Sir/Madam" is one salutation, not two.
 */
export function parseSalutation(value: string, letterLanguage = 'en'): { salutation: string; other?: { text: string; language?: string } } {
  const written = value.trim().replace(/^\(|\)$/g, '').replace(/[,;]$/, '').trim();
  const parts = written.split(/\s*\/\s*/);
  if (parts.length >= 2 && parts.slice(1).every((part) => GREETING_WORD.test(part))) {
    const wanted = LANGUAGES.find((language) => language.code === letterLanguage)?.name ?? 'English';
    const chosen = parts.find((part) => greetingLanguageName(part) === wanted) ?? parts.find((part) => greetingLanguageName(part) === 'English') ?? parts[0]!;
    const others = parts.filter((part) => part !== chosen);
    return { salutation: chosen, other: { text: others.join(' / '), language: greetingLanguageName(others[0]!) } };
  }
  return { salutation: written };
}

const NAME_HONORIFIC = /^(?:his|her|h\.?e\.?|hon\.?|honourable|rt\.?|mr\.?|mrs\.?|ms\.?|dr\.?|prof\.?|sir|madam|excellency|s\.e\.|herrn?|frau|sr\.?|sra\.?|m\.|mme)$/i;
const ADDRESS_START = /^(?:\d|ul\.|ulitsa|p\.?o\.?$|po$|box$|av\.|avda\.|avenida|calle|rue|c\/|via|no\.)/i;
const TRAILING_PHONE = /\s(\+?\(?\d[\d ()-]{6,18}\d)$/;
const ONLINE_FORM = /\s+((?:complaint|online|contact) form(?: online)?|formulaire en ligne)$/i;

const isOffice = (token: string) => OFFICE_WORDS.has(token.toLowerCase().replace(/[,;]$/, '')) && !NAME_HONORIFIC.test(token);
const isBody = (token: string) => ORGANISATION_WORDS.has(token.toLowerCase().replace(/[,;]$/, ''));
const isNameToken = (token: string) => isNameWord(token) || NAME_PARTICLES.has(token.toLowerCase()) || /^\p{Lu}\.?$/u.test(token) || /^\p{Lu}[\p{Lu}'’-]+$/u.test(token) || /^[‘'’]\p{Lu}\p{Ll}+$/u.test(token) || NAME_HONORIFIC.test(token);

/**
 * One line that runs an official's parts together, as some pages print a block: "Ambassador
 * Shaikh Abdullah ... Al Khalifa Embassy of the Kingdom of Bahrain 3502 International Drive NW,
 * Washington DC 20008" gives office, name, body and address; "Krasnov Igor Viktorovich
 * Prosecutor General of the Russian Federation ul. Bolshaya Dmitrovka, ..." a name written
 * surname first, office and address. A line that is not such a run gives itself.
 */
export function splitRunOnHead(line: string): string[] {
  if (line.length > 400) return [line];
  const tokens = line.split(/\s+/);
  let i = 0;
  const office: string[] = [];
  while (i < tokens.length && isOffice(tokens[i]!)) office.push(tokens[i++]!);
  const name: string[] = [];
  while (i < tokens.length && isNameToken(tokens[i]!) && !isOffice(tokens[i]!) && !isBody(tokens[i]!) && !ADDRESS_START.test(tokens[i]!)) {
    name.push(tokens[i++]!);
    if (/,$/.test(name[name.length - 1]!)) return [line];
  }
  while (name.length && NAME_PARTICLES.has(name[name.length - 1]!.toLowerCase())) name.pop(), i--;
  if (name.filter((token) => !NAME_HONORIFIC.test(token)).length < 2 || i >= tokens.length) return [line];
  const middle: string[] = [];
  while (i < tokens.length && !(ADDRESS_START.test(tokens[i]!) && middle.length)) middle.push(tokens[i++]!);
  if (!middle.length || !(isOffice(middle[0]!) || isBody(middle[0]!))) return [line];
  let address = tokens.slice(i).join(' ');
  const pieces = [...(office.length ? [office.join(' ')] : []), name.join(' ')];
  // "Embassy of the Kingdom of Bahrain" after an office, "King of Bahrain" alone: body or office.
  pieces.push(middle.join(' '));
  const tail: string[] = [];
  const form = ONLINE_FORM.exec(address);
  if (form) {
    address = address.slice(0, form.index);
    tail.push(`Web: ${form[1]}`);
  }
  const phone = TRAILING_PHONE.exec(address);
  if (phone && /\D\s*$/.test(address.slice(0, phone.index))) {
    address = address.slice(0, phone.index);
    tail.push(`Phone: ${phone[1]}`);
  }
  return [...pieces, ...(address ? [address.replace(/,$/, '')] : []), ...tail];
}

function emptyOfficial(copy: boolean): ImportedOfficial {
  return { name: '', address: [], email: [], emailHidden: false, fax: [], phone: [], copy, notes: [], checks: [] };
}

/** The lines above an official's contact details: name, title, organisation, postal address. */
function readHead(official: ImportedOfficial, headLines: readonly Classified[]): void {
  const postNotes = headLines.filter((line) => line.kind === 'postnote').map((line) => line.text);
  if (postNotes.length) official.notes.push(...postNotes.map((note) => `post: ${note}`));
  const kept = headLines.filter((line) => line.kind !== 'postnote');
  let lines = kept.map((line) => line.text);
  let office: string | undefined;
  let body: string | undefined;
  if (kept.length > 1 && kept[0]!.kind === 'heading') {
    // "STAATSPRÄSIDENT", "BOTSCHAFT DER VEREINIGTEN MEXIKANISCHEN STAATEN" over the name.
    const words = lines[0]!.split(/\s+/);
    if (!isOffice(words[0]!) && words.some(isBody)) body = lines[0];
    else office = lines[0];
    lines = lines.slice(1);
  }
  const runOn = lines.length ? splitRunOnHead(lines[0]!) : [];
  if (runOn.length > 1) lines = [...runOn, ...lines.slice(1)];
  lines = lines.filter((line) => {
    const contact = /^(Phone|Web): (.*)$/.exec(line);
    if (contact?.[1] === 'Phone') official.phone.push(contact[2]!);
    else if (contact) official.notes.push(contact[2]!);
    return !contact;
  });
  // "S.E. Herrn Prof. Dr. med" on the line above the name is part of it.
  lines = lines.flatMap((line, index) => {
    const next = lines[index + 1];
    if (next && line.split(/\s+/).every((token) => NAME_HONORIFIC.test(token) || /^med\.?$/i.test(token)) && isPersonNameLine(next)) {
      lines[index + 1] = `${line} ${next}`;
      return [];
    }
    return [line];
  });
  // A whole block on one line: "Prosecutor General Yuriy Chaika, Prosecutor General's Office, ...".
  if (lines.length === 1 && (lines[0]!.match(/,/g)?.length ?? 0) >= 2) lines = lines[0]!.split(/\s*,\s*/);

  const header: string[] = [];
  const address: string[] = [];
  let name: string | undefined;
  let title: string | undefined;
  let organisation: string | undefined;
  for (const line of lines) {
    if (address.length) {
      address.push(line);
      continue;
    }
    if (!name && isPersonNameLine(line)) name = line;
    else if (isTitleLine(line)) title = title ? `${title}, ${line}` : line;
    else if (!organisation && /,/.test(line) && isOrganisationLine(line.split(',')[0]!)) {
      // "Secretaría de Estado en el Despacho de Seguridad, Aldea el Ocotal": body, then address.
      organisation = line.split(',')[0]!.trim();
      address.push(line.slice(line.indexOf(',') + 1).trim());
    } else if (!organisation && isOrganisationLine(line)) organisation = line;
    else if (!name && !address.length && header.length === 0 && !/\d/.test(line) && !title && !organisation) {
      header.push(line);
    } else address.push(line);
  }
  if (!name) {
    name = header.shift() ?? title ?? organisation ?? lines[0] ?? 'Unnamed official';
    if (name === title) title = undefined;
    else if (name === organisation) organisation = undefined;
    official.checks.push({ field: 'name', message: 'the document names no person for this official; the name is the first line of its block' });
  }
  address.unshift(...header);
  official.name = name;
  official.title = title ?? office;
  official.organisation = organisation ?? body;
  if (title && office) official.title = `${office}, ${title}`;
  if (organisation && body) official.organisation = `${body}, ${organisation}`;
  readAddress(official, address);
}

/** Address lines as the post reads them, with the country apart, as in the hand-made cases. */
function readAddress(official: ImportedOfficial, lines: readonly string[]): void {
  const address: string[] = [];
  for (const line of lines) {
    // "2650 Wisconsin Ave. NW, Washington DC 20007": street and town on one line.
    const comma = line.lastIndexOf(', ');
    if (comma > 0 && /\d/.test(line.slice(0, comma)) && /\b\d{4,6}\b|\b[A-Z]{2}\s+\d{5}\b/.test(line.slice(comma + 2))) {
      address.push(line.slice(0, comma).trim(), line.slice(comma + 2).trim());
    } else address.push(line);
  }
  const last = address[address.length - 1];
  if (last !== undefined) {
    const split = splitTrailingCountry(last);
    if (split) {
      official.country = split.country.written;
      address.pop();
      if (split.rest) address.push(split.rest);
    } else if (/\b(?:[A-Z]{2}|D\.?\s?C\.?)\s+\d{5}(?:-\d{4})?$/.test(last)) {
      official.country = 'USA';
      official.checks.push({ field: 'country', message: `the document writes no country line; USA is taken from the US ZIP code in "${last}"` });
    }
  }
  official.address = address.filter(Boolean);
}

function readContacts(official: ImportedOfficial, contacts: readonly Classified[], language: string): void {
  for (const line of contacts) {
    const value = line.value ?? '';
    switch (line.contact) {
      case 'email': {
        const hidden = value.match(HIDDEN_EMAIL)?.length ?? 0;
        if (hidden) official.emailHidden = true;
        for (const address of findEmails(value.replace(HIDDEN_EMAIL, ' '))) {
          if (!official.email.includes(address)) official.email.push(address);
        }
        break;
      }
      case 'fax':
        // "Fax: 0207 727 8625 kanc@rusemb.org.uk": an address run on after the number.
        for (const address of findEmails(value)) if (!official.email.includes(address)) official.email.push(address);
        official.fax.push(...splitNumbers(value.split(/\s+/).filter((token) => !token.includes('@')).join(' ')));
        break;
      case 'phone':
        official.phone.push(...splitNumbers(value));
        break;
      case 'twitter':
        official.twitter ??= handle(value, 'twitter') ?? handle(value, 'x');
        break;
      case 'facebook':
        official.facebook ??= handle(value, 'facebook');
        break;
      case 'instagram':
        official.instagram ??= handle(value, 'instagram');
        break;
      case 'web':
        official.notes.push(`${line.text.replace(/\s*:.*$/, '')}: ${value}`);
        break;
      case 'salutation': {
        const { salutation, other } = parseSalutation(value, language);
        if (!salutation) break;
        official.salutation = salutation;
        official.salutationSource = 'line';
        if (other) {
          official.salutationWritten = value.trim();
          const as = value.trim().replace(/^\(|\)$/g, '');
          official.notes.push(`The document's salutation is in several languages: "${as}"; "${other.text}" is for a letter in ${other.language ?? 'the other language'}.`);
          official.checks.push({ field: 'salutation', message: `in several languages in the document ("${as}"); the one in the letter's language is used` });
        }
        break;
      }
      default:
        break;
    }
  }
  if (official.emailHidden) {
    official.checks.push({
      field: 'email_hidden',
      message: `the document's email address${official.email.length ? ' is partly' : ' is'} hidden ("[email protected]", left by the page it was copied from); find the real address on the organisation's site`,
    });
  }
}

export interface OfficialsFinding {
  officials: ImportedOfficial[];
  /** Post limits and similar notes written outside any official's block. */
  notes: string[];
}

/**
 * Every official the document asks to write to, with name, title, organisation, postal
 * address, country, emails, fax, phone, Twitter, Facebook, Instagram and the salutation when a
 * "Salutation:" line gives it; "copies to" recipients are marked. Works on blocks laid out one
 * field a line, blocks whose fields run together on one line, and address blocks with no
 * contact details above a model letter.
 */
export function findOfficials(documentLines: readonly string[], language = 'en'): OfficialsFinding {
  const lines = classify(documentLines.flatMap((line) => (line ? splitRunTogetherLine(line) : [line])));
  const officials = findBlocks(lines).map((block) => {
    const official = emptyOfficial(block.copy);
    readHead(official, block.head);
    readContacts(official, block.contacts, language);
    if (block.copy) official.notes.push('A "copies to" recipient: the document asks for copies of the appeals to go to this official.');
    return official;
  });
  const notes: string[] = [];
  // "Due to postal restrictions ..., please only send physical mail to the Embassy".
  const postNotes = new Set<string>();
  for (const official of officials) for (const note of official.notes) if (note.startsWith('post: ')) postNotes.add(note.slice(6));
  for (const line of lines) if (line.kind === 'postnote') postNotes.add(line.text);
  for (const note of postNotes) applyPostLimit(officials, note);
  for (const official of officials) official.notes = official.notes.filter((note) => !note.startsWith('post: '));
  for (const line of lines) {
    if (line.kind === 'copies' && /diplomatic representatives/i.test(line.text)) notes.push(line.text);
  }
  return { officials, notes };
}

/**
 * A post limit names where post may still go ("only ... to the Embassy"): every other official
 * gets post: false with the note. Without a named place, it is about the official whose block
 * holds it.
 */
function applyPostLimit(officials: ImportedOfficial[], note: string): void {
  const only = /only send (?:physical |postal )?(?:mail|letters|post) to (?:the )?([\p{L}’' -]+)/iu.exec(note);
  for (const official of officials) {
    const own = official.notes.includes(`post: ${note}`);
    if (only) {
      const place = only[1]!.trim().toLowerCase();
      const describes = [official.name, official.title, official.organisation].filter(Boolean).join(' ').toLowerCase();
      if (describes.includes(place)) continue;
    } else if (!own) continue;
    official.post = false;
    official.postNote = note;
  }
}

/** The words of a salutation that say whom it addresses: "Dear Prosecutor General" gives two. */
function salutationWords(salutation: string): string[] {
  return salutation
    .toLowerCase()
    .replace(/^(?:dear|your)\s+/, '')
    .split(/[\s.,/]+/)
    .filter((word) => word && !HONORIFICS.test(word));
}

/**
 * The model letter opens with the salutation of the official it addresses ("Dear Prosecutor
 * General,"; "Dear Mr. Mityayev,"): that official gets it. Officials still without one get a
 * guess from their office, marked for checking.
 */
export function assignSalutations(officials: ImportedOfficial[], letterOpening: string | undefined, language = 'en'): void {
  if (letterOpening) {
    const opening = parseSalutation(letterOpening).salutation;
    const words = salutationWords(opening);
    const scored = officials
      .filter((official) => !official.salutation)
      .map((official) => {
        const describes = new Set(`${official.name} ${official.title ?? ''}`.toLowerCase().split(/[\s,.]+/));
        return { official, score: words.filter((word) => describes.has(word)).length };
      })
      .filter(({ score }) => score > 0)
      .sort((a, b) => b.score - a.score);
    // A letter that names no office is to the first official the document lists without a salutation of their own.
    const unaddressed = officials.filter((official) => !official.salutation && !official.copy);
    const chosen = scored[0]?.official ?? (officials.length === 1 && !officials[0]!.salutation ? officials[0] : unaddressed[0]);
    if (chosen) {
      chosen.salutation = opening;
      chosen.salutationSource = 'letter';
      if (!scored.length) chosen.checks.push({ field: 'salutation', message: `taken from the model letter's opening ("${letterOpening}"), which does not name this official's office` });
    }
  }
  for (const official of officials) {
    if (official.salutation) continue;
    const composed = LANGUAGES.find((one) => one.code === language)?.composed.salutation;
    official.salutation = language === 'en' || !composed ? guessSalutation(official) : composed;
    official.salutationSource = 'guess';
    official.checks.push({ field: 'salutation', message: 'the document gives no salutation for this official; this one is made from the office' });
  }
}

const STANDALONE_OFFICES = new Set(['minister', 'president', 'governor', 'prosecutor', 'procurator', 'ambassador', 'director', 'commissioner', 'mayor', 'judge', 'ombudsman', 'ombudsperson', 'secretary', 'chairman', 'chairperson', 'chancellor', 'premier', 'king', 'queen', 'emir', 'sultan', 'warden', 'governor-general']);

function guessSalutation(official: ImportedOfficial): string {
  const office = official.name.split(/\s+/)[0] ?? '';
  if (OFFICE_WORDS.has(office.toLowerCase()) && !HONORIFICS.test(office) && isPersonNameLine(official.name)) return `Dear ${office}`;
  if (official.title) {
    // "Minister of Security" is addressed "Dear Minister"; "Head of the Press Service" in full.
    const short = official.title.split(/\s+(?:of|for|at|in)\s+|,/)[0]!.trim();
    if (OFFICE_WORDS.has(firstWord(short)) && (wordCount(short) > 1 || STANDALONE_OFFICES.has(short.toLowerCase())) && wordCount(short) <= 4) return `Dear ${short}`;
    if (OFFICE_WORDS.has(firstWord(official.title)) && wordCount(official.title) <= 7) return `Dear ${official.title}`;
  }
  return 'Dear Sir or Madam';
}

/** Whether a line opens a letter ("Dear Minister,"), for the model-letter finder. */
export function isLetterOpening(line: string): boolean {
  return LETTER_OPENING.test(line) && !/^salutation/i.test(line);
}

export function isLetterClosing(line: string): boolean {
  return CLOSING.test(line);
}

/** The country of the officials' addresses, for a document that does not state its country. */
export function addressCountries(officials: readonly ImportedOfficial[]): string[] {
  return officials.filter((official) => !official.checks.some((check) => check.field === 'country')).map((official) => official.country).filter((country): country is string => Boolean(country && countryByName(country)));
}
