import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { DataError, UsageError } from '../errors/app-error';
import { emailAddressProblem } from '../text/email-address';
import type { Sender } from '../profile/sender';
import { LANGUAGE_TAG } from '../text/plain-text';
import { mixedScriptWarning, normalizePersonText, personTextProblem, PERSON_TEXT_LIMITS } from '../text/person-name';
import { FileRefusal, readRegularFile } from '../files/read-regular-file';

/** One member who signs letters at a meeting, and where they were written in the file. */
export interface Signer extends Sender {
  /** The member's language: their letters are in it where the case has a letter in it. */
  language?: string;
  /** The member's own sentence, a paragraph of its own in each of their letters. */
  personal?: string;
  /** 1-based line of the file where the member's row or entry starts, for messages. */
  line: number;
}

export interface SignerProblem {
  line: number;
  message: string;
}

/** A list of a thousand members with their addresses is some 100 KB: this is room to spare. */
const MAX_SIGNERS_BYTES = 5 * 1024 * 1024;

/** Column names a spreadsheet may use, in plain words, and the field each fills. */
const COLUMN_NAMES: Record<string, 'name' | 'address' | 'country' | 'email' | 'language' | 'personal'> = {
  name: 'name',
  'full name': 'name',
  member: 'name',
  signer: 'name',
  address: 'address',
  'postal address': 'address',
  street: 'address',
  city: 'address',
  postcode: 'address',
  'post code': 'address',
  'zip code': 'address',
  zip: 'address',
  country: 'country',
  email: 'email',
  'e-mail': 'email',
  'email address': 'email',
  language: 'language',
  lang: 'language',
  personal: 'personal',
  'personal sentence': 'personal',
  'own words': 'personal',
};
const ADDRESS_LINE = /^address(?: line)? ?\d+$/;

function columnField(header: string): (typeof COLUMN_NAMES)[string] | undefined {
  const plain = header.trim().toLowerCase().replace(/[_\s]+/g, ' ');
  return COLUMN_NAMES[plain] ?? (ADDRESS_LINE.test(plain) ? 'address' : undefined);
}

/**
 * Reads the members who sign, from a CSV (header row with plain column names: name, address,
 * country, email, language) or a YAML list. Every problem is collected with its line, and any
 * problem stops the batch before anything is made.
 */
export function readSigners(file: string, shownAs = file): { signers: Signer[]; warnings: string[] } {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, MAX_SIGNERS_BYTES);
  } catch (error) {
    if (!(error instanceof FileRefusal)) throw error;
    const reason = error.code ? `cannot read the file (${error.code})` : `the file ${error.reason}`;
    throw new UsageError(`--signers ${shownAs}: ${reason}.`, { hint: error.tooLarge ? 'A list of members is a few hundred lines; give the list of the members who sign.' : 'Give the path of a CSV or YAML file of members.' });
  }
  const text = decodeUtf8(bytes, shownAs);
  const extension = extname(file).toLowerCase();
  const parsed = extension === '.yaml' || extension === '.yml' ? parseYamlSigners(text) : extension === '.csv' || extension === '.txt' || extension === '.tsv' ? parseCsvSigners(text) : undefined;
  if (!parsed) throw new UsageError(`--signers ${shownAs}: appeal reads members from .csv or .yaml files.`, { hint: 'Save the list as CSV (a spreadsheet can) or YAML.' });
  if (parsed.problems.length) {
    const sorted = [...parsed.problems].sort((a, b) => a.line - b.line);
    throw new DataError(`${shownAs}: the list of members has ${sorted.length === 1 ? 'a problem' : `${sorted.length} problems`}; no PDF was made.`, {
      details: sorted.map((problem) => `${shownAs}:${problem.line}: ${problem.message}`),
      hint: 'Fix the lines named above and run the batch again.',
    });
  }
  if (!parsed.signers.length) throw new DataError(`${shownAs}: the list names no member; no PDF was made.`, { hint: 'Add a row with a name for each member who signs.' });
  return { signers: parsed.signers, warnings: parsed.warnings.map((warning) => `${shownAs}: ${warning}`) };
}

/** UTF-8 text, or an error naming the first line that is not UTF-8 (a Latin-1 file, say). */
function decodeUtf8(bytes: Buffer, shownAs: string): string {
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    return strict.decode(bytes);
  } catch {
    let start = 0;
    for (let line = 1; ; line++) {
      const end = bytes.indexOf(0x0a, start);
      const lineBytes = bytes.subarray(start, end < 0 ? bytes.length : end);
      try {
        strict.decode(lineBytes);
      } catch {
        const byte = lineBytes.find((value) => value >= 0x80) ?? 0;
        throw new DataError(`${shownAs}:${line}: the file is not UTF-8 text (the byte 0x${byte.toString(16).toUpperCase()} on this line is not UTF-8; the file is probably Latin-1 or Windows-1252); no PDF was made.`, {
          hint: 'Save the file again as "CSV UTF-8" (spreadsheets offer it in Save As), or convert it with: iconv -f latin1 -t utf-8',
        });
      }
      if (end < 0) break;
      start = end + 1;
    }
    throw new DataError(`${shownAs}: the file is not UTF-8 text; no PDF was made.`, { hint: 'Save the file again as UTF-8.' });
  }
}

interface ParsedSigners {
  signers: Signer[];
  problems: SignerProblem[];
  warnings: string[];
}

type RawSigner = { name?: string; address: string[]; country?: string; email?: string; language?: string; personal?: string };

/** Checks one member's fields; adds problems naming the line, and warnings. */
function checkSigner(raw: RawSigner, line: number, problems: SignerProblem[], warnings: string[]): Signer | undefined {
  const before = problems.length;
  const name = raw.name === undefined ? undefined : normalizePersonText(raw.name);
  if (!name) problems.push({ line, message: 'no name: every member needs a name to sign with' });
  const oneLine = (value: string | undefined, field: string, maxCharacters: number) => {
    const problem = value === undefined ? undefined : personTextProblem(value, maxCharacters);
    if (problem) problems.push({ line, message: `${field} ${problem}` });
  };
  oneLine(name, 'the name', PERSON_TEXT_LIMITS.name);
  raw.address = raw.address.map(normalizePersonText);
  raw.address.forEach((part) => oneLine(part, 'the address', PERSON_TEXT_LIMITS.addressLine));
  if (raw.address.length > PERSON_TEXT_LIMITS.addressLines) problems.push({ line, message: `the address has ${raw.address.length} lines; at most ${PERSON_TEXT_LIMITS.addressLines} fit on a letter` });
  raw.country = raw.country === undefined ? undefined : normalizePersonText(raw.country);
  oneLine(raw.country, 'the country', PERSON_TEXT_LIMITS.country);
  oneLine(raw.email, 'the email', PERSON_TEXT_LIMITS.email);
  const mixed = name ? mixedScriptWarning(name) : undefined;
  if (mixed) warnings.push(`line ${line}: ${mixed}`);
  oneLine(raw.personal, 'the personal sentence', PERSON_TEXT_LIMITS.personal);
  const email = raw.email?.trim() || undefined;
  const emailProblem = email === undefined ? undefined : emailAddressProblem(email);
  if (emailProblem) problems.push({ line, message: `the email "${email}" ${emailProblem}` });
  const language = raw.language?.trim() || undefined;
  if (language && !LANGUAGE_TAG.test(language)) problems.push({ line, message: `the language "${language}" is not a language tag such as en, de or ru` });
  if (problems.length > before) return undefined;
  const address = raw.address.map((part) => part.trim()).filter(Boolean);
  const country = raw.country?.trim() || undefined;
  const personal = raw.personal?.trim() || undefined;
  return { name: name!, ...(address.length ? { address } : {}), ...(country ? { country } : {}), ...(email ? { email } : {}), ...(language ? { language } : {}), ...(personal ? { personal } : {}), line };
}

/** An address cell may hold several lines: real line breaks, or " | " between them. */
function addressLines(cell: string): string[] {
  return cell.split(/\r?\n|\s*\|\s*/).map((part) => part.trim()).filter(Boolean);
}

function parseCsvSigners(text: string): ParsedSigners {
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].reduce((best, candidate) => (firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best), ',');
  const problems: SignerProblem[] = [];
  const warnings: string[] = [];
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false, relax_quotes: false }) as string[][];
  } catch (error) {
    const err = error as { lines?: number; message: string };
    return { signers: [], problems: [{ line: err.lines ?? 1, message: `the CSV cannot be read: ${err.message.replace(/^.*?:\s*/, '')}` }], warnings };
  }
  // Line breaks can only be inside quoted cells, so each row spans one line more than it holds.
  const lineSpan = (record: readonly string[]) => 1 + record.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
  const [header, ...body] = records;
  if (!header) return { signers: [], problems: [], warnings };
  const fields = header.map(columnField);
  if (!fields.includes('name')) {
    problems.push({ line: 1, message: `no "name" column: the first row names the columns (name, address, country, email, language, personal), and it has ${header.map((cell) => `"${cell}"`).join(', ')}` });
    return { signers: [], problems, warnings };
  }
  header.forEach((cell, index) => {
    if (!fields[index]) warnings.push(`column "${cell}" is not one appeal uses (name, address, country, email, language, personal), so it is left out`);
  });
  // Blank lines after the last member are the end of the file, not an empty row.
  let last = body.length - 1;
  while (last >= 0 && body[last]!.every((cell) => !cell.trim())) last--;
  const signers: Signer[] = [];
  let line = 1 + lineSpan(header);
  body.slice(0, last + 1).forEach((record) => {
    const start = line;
    line += lineSpan(record);
    if (record.every((cell) => !cell.trim())) {
      problems.push({ line: start, message: 'the row is empty; delete it, or fill it in' });
      return;
    }
    if (record.length > header.length) {
      problems.push({ line: start, message: `the row has ${record.length} fields and the header ${header.length}; a field with a comma in it needs "quotes"` });
      return;
    }
    const raw: RawSigner = { address: [] };
    record.forEach((cell, index) => {
      const field = fields[index];
      if (field === 'address') raw.address.push(...addressLines(cell));
      else if (field) raw[field] = raw[field] ? `${raw[field]} ${cell}` : cell;
    });
    const signer = checkSigner(raw, start, problems, warnings);
    if (signer) signers.push(signer);
  });
  return { signers, problems, warnings };
}

function parseYamlSigners(text: string): ParsedSigners {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const problems: SignerProblem[] = [];
  const lineOf = (node: { range?: [number, number, number] | null } | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  if (doc.errors.length) {
    for (const error of doc.errors) problems.push({ line: error.linePos?.[0]?.line ?? 1, message: `not valid YAML: ${error.message.split('\n')[0]}` });
    return { signers: [], problems, warnings: [] };
  }
  let list: unknown = doc.contents;
  if (isMap(list)) list = list.get('signers', true) ?? list.get('members', true);
  if (!isSeq(list)) {
    problems.push({ line: lineOf(doc.contents as never), message: 'expected a list of members ("- name: ..."), or a "signers:" key holding one' });
    return { signers: [], problems, warnings: [] };
  }
  const signers: Signer[] = [];
  const warnings: string[] = [];
  for (const item of list.items) {
    const line = lineOf(item as never);
    if (isScalar(item) && typeof item.value === 'string') {
      const signer = checkSigner({ name: item.value, address: [] }, line, problems, warnings);
      if (signer) signers.push(signer);
      continue;
    }
    if (!isMap(item)) {
      const empty = !item || (isScalar(item) && (item.value === null || item.value === ''));
      problems.push({ line, message: empty ? 'the entry is empty; delete it, or fill it in' : 'expected a member with a name ("- name: ...")' });
      continue;
    }
    const value = item.toJSON() as Record<string, unknown>;
    const raw: RawSigner = { address: [] };
    for (const [key, field] of Object.entries(value)) {
      const target = columnField(key);
      const keyLine = lineOf(item.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.key as never);
      if (!target) {
        problems.push({ line: keyLine, message: `"${key}" is not a field appeal knows (name, address, country, email, language, personal)` });
      } else if (target === 'address') {
        const parts = Array.isArray(field) ? field : [field];
        if (parts.some((part) => typeof part !== 'string' && typeof part !== 'number')) problems.push({ line: keyLine, message: 'the address must be text, or a list of lines' });
        else raw.address.push(...parts.flatMap((part) => addressLines(String(part))));
      } else if (typeof field === 'string' || typeof field === 'number') {
        raw[target] = String(field);
      } else if (field !== null) {
        problems.push({ line: keyLine, message: `"${key}" must be text` });
      }
    }
    const signer = checkSigner(raw, line, problems, warnings);
    if (signer) signers.push(signer);
  }
  return { signers, problems, warnings };
}
