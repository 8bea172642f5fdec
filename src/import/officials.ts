import { isCapitalsHeading, isProse, listItemText, nextFilled, wordCount } from './document-lines';
import { countryByName, splitTrailingCountry } from './countries';
import { HONORIFICS, OFFICE_WORDS, firstWord, isOrganisationLine, isPersonNameLine, isTitleLine } from './official-words';

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

type ContactKind = 'fax' | 'phone' | 'email' | 'twitter' | 'facebook' | 'instagram' | 'salutation';

const CONTACT_LABEL = String.raw`(?<![\p{L}@.\-])(fax|tel(?:ephone)?|phone|mobile|e-?mails?|twitter|facebook|instagram|salutation)(?:\s*:\s*|\s*\.\s*(?=[+\d(@\[])|\s+(?=[@+]))`;
const COPIES_TO = /^(?:and\s+)?(?:also\s+)?(?:please\s+)?(?:send\s+)?(?:copies|a copy)\s+(?:of your appeals?\s+)?to\b/i;
const HIDDEN_EMAIL = /\[email[\s\u00a0]*protected\]/gi;
const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const POST_LIMIT = /\b(?:only send (?:physical |postal )?(?:mail|letters|post)|do not send (?:physical |postal )?(?:mail|letters|post)|don['’]t send (?:physical |postal )?(?:mail|letters|post)|postal restrictions|no (?:physical|postal) (?:mail|letters)|(?:letters|post|mail) (?:cannot|can not|will not) be delivered)/i;
const LETTER_OPENING = /^(?:dear|your (?:excellency|honou?r|majesty|highness)|estimad[oa]s?|excelent[ií]sim[oa]|señor(?:a)?|sehr geehrte|monsieur|madame|уважаем\p{L}*|prezad[oa]|egregio|gentile)\b.{0,90}[,:!]$/iu;
const CLOSING = /^(?:yours (?:sincerely|faithfully|truly|respectfully)|sincerely(?: yours)?|respectfully(?: yours)?|kind regards|best regards|with respect|atentamente|cordialmente|respetuosamente|с уважением|mit freundlichen grüßen|veuillez agréer.*)[,.!]?$/iu;

function contactKind(label: string): ContactKind {
  const plain = label.toLowerCase().replace('-', '');
  if (plain.startsWith('email')) return 'email';
  if (plain === 'fax') return 'fax';
  if (plain === 'twitter' || plain === 'facebook' || plain === 'instagram' || plain === 'salutation') return plain;
  return 'phone';
}

/**
 * Lines whose contact details run together ("Phone: 202 298 5700 I Fax: 202 298 5735", or a
 * whole official on one line) split before each label, and before "And copies to:".
 */
export function splitRunTogetherLine(line: string): string[] {
  const pieces: string[] = [];
  const copies = /^(.*?\S)\s+((?:and\s+)?copies\s+to\s*:.*)$/i.exec(line);
  if (copies) return [...splitRunTogetherLine(copies[1]!), ...splitRunTogetherLine(copies[2]!)];
  const copiesHead = /^((?:and\s+)?copies\s+to\s*:)\s*(\S.*)$/i.exec(line);
  if (copiesHead) return [copiesHead[1]!, ...splitRunTogetherLine(copiesHead[2]!)];
  const starts = [...line.matchAll(new RegExp(CONTACT_LABEL, 'giu'))].map((match) => match.index!);
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

type LineKind = 'blank' | 'contact' | 'continuation' | 'heading' | 'opening' | 'closing' | 'prose' | 'item' | 'copies' | 'postnote' | 'plain';

interface Classified {
  text: string;
  kind: LineKind;
  contact?: ContactKind;
  value?: string;
}

function classify(lines: readonly string[]): Classified[] {
  const out: Classified[] = [];
  let lastContact: ContactKind | undefined;
  for (const text of lines) {
    if (!text) {
      out.push({ text, kind: 'blank' });
      continue;
    }
    const label = new RegExp(`^${CONTACT_LABEL}(.*)$`, 'iu').exec(text);
    if (label) {
      lastContact = contactKind(label[1]!);
      out.push({ text, kind: 'contact', contact: lastContact, value: label[2]!.trim() });
      continue;
    }
    // "emails: a@x" followed by "b@y" on lines of their own.
    const onlyAddresses = text.replace(HIDDEN_EMAIL, ' ').replace(EMAIL, ' ').replace(/[\s,;/]+/g, '') === '';
    const onlyNumbers = /^[+\d][\d\s()./-]{5,}$/.test(text);
    if (lastContact && ((lastContact === 'email' && onlyAddresses) || ((lastContact === 'phone' || lastContact === 'fax') && onlyNumbers))) {
      out.push({ text, kind: 'continuation', contact: lastContact, value: text });
      continue;
    }
    lastContact = undefined;
    if (COPIES_TO.test(text) && !/\btarget/i.test(text)) out.push({ text, kind: 'copies' });
    else if (LETTER_OPENING.test(text)) out.push({ text, kind: 'opening' });
    else if (CLOSING.test(text)) out.push({ text, kind: 'closing' });
    else if (POST_LIMIT.test(text)) out.push({ text, kind: 'postnote' });
    else if (listItemText(text) !== undefined) out.push({ text, kind: 'item' });
    else if (isCapitalsHeading(text)) out.push({ text, kind: 'heading' });
    else if (isProse(text)) out.push({ text, kind: 'prose' });
    else out.push({ text, kind: 'plain' });
  }
  return out;
}

interface Block {
  head: Classified[];
  contacts: Classified[];
  copy: boolean;
}

function headAbove(lines: readonly Classified[], from: number, stopAt: number): Classified[] {
  const head: Classified[] = [];
  let blanks = 0;
  for (let h = from; h > stopAt && head.length < 12; h--) {
    const line = lines[h]!;
    if (line.kind === 'blank') {
      if (++blanks >= 2) break;
      continue;
    }
    if (line.kind !== 'plain' && line.kind !== 'postnote') break;
    blanks = 0;
    head.unshift(line);
  }
  return head;
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
    const copy = lines.slice(0, i).some((line) => line.kind === 'copies' && !/diplomatic representatives/i.test(line.text));
    if (head.some((line) => line.kind === 'plain')) {
      blocks.push({ head, contacts: lines.slice(i, end + 1).filter((line) => line.kind !== 'blank'), copy });
    }
    lastEnd = end;
    i = end;
  }
  if (blocks.length) return blocks;
  // No contact details at all: the address block just above the model letter's opening.
  const opening = lines.findIndex((line) => line.kind === 'opening');
  if (opening > 0) {
    const head = headAbove(lines, opening - 1, -1);
    if (head.length >= 2 && head.some((line) => /\d/.test(line.text))) blocks.push({ head, contacts: [], copy: false });
  }
  return blocks;
}

/** "+7495 987 58 41/ +7495 692 17 25" gives two numbers; "202 298 5700 I" loses its stray "I". */
export function splitNumbers(value: string): string[] {
  const cleaned = value.replace(/\s+(?:I|\||\/|;|,)\s*$/, '').trim();
  const parts = cleaned.split(/\s*(?:\/|;|,|\s\|\s|\sI\s|\bor\b)\s*/);
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

const GREETING_WORDS = /^(?:dear|your|estimad[oa]s?|excelent[ií]sim[oa]|señor(?:a)?|sr\.?|sra\.?|monsieur|madame|sehr|caro|cara|gentile|egregio|prezad[oa]|exm[oa]\.?|уважаем\p{L}*|шановн\p{L}*|szanown\p{L}*|geachte)$/iu;
const GREETING_LANGUAGES: [RegExp, string][] = [
  [/^(?:estimad|excelent|señor|sr\b|sra\b)/i, 'Spanish'],
  [/^(?:monsieur|madame)/i, 'French'],
  [/^sehr/i, 'German'],
  [/^(?:caro|cara|gentile|egregio)/i, 'Italian'],
  [/^(?:prezad|exm)/i, 'Portuguese'],
  [/^уважаем/iu, 'Russian'],
];

/**
 * A salutation as the letter uses it. A bilingual one ("Dear Minister/Estimado Señor Secretario
 * de Seguridad") gives its English part; "Dear Sir/Madam" is one salutation, not two.
 */
export function parseSalutation(value: string): { salutation: string; other?: { text: string; language?: string } } {
  const written = value.trim().replace(/[,;]$/, '');
  const parts = written.split(/\s*\/\s*/);
  if (parts.length >= 2 && parts.slice(1).every((part) => GREETING_WORDS.test(part.split(/\s+/)[0] ?? ''))) {
    const english = parts.find((part) => /^(?:dear|your)\b/i.test(part)) ?? parts[0]!;
    const other = parts.filter((part) => part !== english).join(' / ');
    const language = GREETING_LANGUAGES.find(([pattern]) => pattern.test(other))?.[1];
    return { salutation: english, other: { text: other, language } };
  }
  return { salutation: written };
}

function emptyOfficial(copy: boolean): ImportedOfficial {
  return { name: '', address: [], email: [], emailHidden: false, fax: [], phone: [], copy, notes: [], checks: [] };
}

/** The lines above an official's contact details: name, title, organisation, postal address. */
function readHead(official: ImportedOfficial, headLines: readonly Classified[]): void {
  const postNotes = headLines.filter((line) => line.kind === 'postnote').map((line) => line.text);
  if (postNotes.length) official.notes.push(...postNotes.map((note) => `post: ${note}`));
  let lines = headLines.filter((line) => line.kind !== 'postnote').map((line) => line.text);
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
  official.title = title;
  official.organisation = organisation;
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

function readContacts(official: ImportedOfficial, contacts: readonly Classified[]): void {
  for (const line of contacts) {
    const value = line.value ?? '';
    switch (line.contact) {
      case 'email': {
        const hidden = value.match(HIDDEN_EMAIL)?.length ?? 0;
        if (hidden) official.emailHidden = true;
        for (const address of value.replace(HIDDEN_EMAIL, ' ').match(EMAIL) ?? []) {
          if (!official.email.includes(address)) official.email.push(address);
        }
        break;
      }
      case 'fax':
        official.fax.push(...splitNumbers(value));
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
      case 'salutation': {
        const { salutation, other } = parseSalutation(value);
        if (!salutation) break;
        official.salutation = salutation;
        official.salutationSource = 'line';
        if (other) {
          official.salutationWritten = value.trim();
          official.notes.push(`The document's salutation is bilingual: "${value.trim()}"; "${other.text}" is for a letter in ${other.language ?? 'the other language'}.`);
          official.checks.push({ field: 'salutation', message: `bilingual in the document ("${value.trim()}"); the English part is used` });
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
export function findOfficials(documentLines: readonly string[]): OfficialsFinding {
  const lines = classify(documentLines.flatMap((line) => (line ? splitRunTogetherLine(line) : [line])));
  const officials = findBlocks(lines).map((block) => {
    const official = emptyOfficial(block.copy);
    readHead(official, block.head);
    readContacts(official, block.contacts);
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
export function assignSalutations(officials: ImportedOfficial[], letterOpening: string | undefined): void {
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
    const chosen = scored[0]?.official ?? (officials.length === 1 && !officials[0]!.salutation ? officials[0] : undefined);
    if (chosen) {
      chosen.salutation = opening;
      chosen.salutationSource = 'letter';
      if (!scored.length) chosen.checks.push({ field: 'salutation', message: `taken from the model letter's opening ("${letterOpening}"), which does not name this official's office` });
    }
  }
  for (const official of officials) {
    if (official.salutation) continue;
    official.salutation = guessSalutation(official);
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
