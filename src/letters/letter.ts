import type { CaseRecord } from '../cases/case-library';
import type { Official } from '../cases/case-schema';
import type { Sender } from '../profile/sender';
import { postalAddressLines } from '../addresses/postal-address';
import { buildLetterContext } from './letter-context';
import { formatLetterDate } from './letter-date';
import { compileLetterTemplate, type LetterTemplates, type RenderTemplate } from './letter-templates';
import { openingSalutation } from './salutation';
import { DataError } from '../errors/app-error';
import { modelLetterOf, type ModelLetter } from './model-letter';

/**
 * A letter as data, before it is text, a PDF page or an email: every format lays out the same
 * parts, so a letter reads the same whichever way it is sent.
 */
export interface Letter {
  caseId: string;
  officialId: string;
  language: string;
  date: string;
  sender: Sender;
  /** The official's postal block, country last when the sender lives elsewhere. */
  recipientLines: string[];
  salutation: string;
  paragraphs: string[];
  closing: string;
  signature: string[];
}

/** Splits rendered text into paragraphs; single line breaks inside one are the source's wrapping. */
export function toParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/[ \t]*\n[ \t]*/g, ' ').trim())
    .filter(Boolean);
}

/** What one member's letter chooses beyond official and sender; each part has a default. */
export interface LetterChoice {
  /** One of the case's letter languages; the case's main language when left out. */
  language?: string;
  /** The member's own paragraph. */
  personal?: string;
  /** Which wording of each {{#variant}} block: member by member in a batch, so letters differ. */
  variant?: number;
}

export function buildLetter(record: CaseRecord, official: Official, sender: Sender, now: Date, templates: LetterTemplates, choice: LetterChoice = {}): Letter {
  const { model, context, part } = letterParts(record, official, sender, now, templates, choice);
  let paragraphs = toParagraphs(renderModelLetter(record, model, context, templates, choice.variant ?? 0));
  if (context.personal && !placesPersonal(model.source)) {
    // A template that does not place the member's words gets them before its closing demands.
    paragraphs = [...paragraphs.slice(0, -1), ...toParagraphs(context.personal), ...paragraphs.slice(-1)];
  }
  return {
    caseId: record.definition.id,
    officialId: official.id,
    language: model.language,
    date: part('date'),
    sender,
    recipientLines: postalAddressLines(official, sender.country),
    salutation: context.salutation,
    paragraphs,
    closing: part('closing'),
    signature: signatureLines(part),
  };
}

/** The model letter's text; a letter that would grow beyond a few pages is an error naming the template. */
function renderModelLetter(record: CaseRecord, model: ModelLetter, context: Parameters<RenderTemplate>[0], templates: LetterTemplates, variant: number): string {
  try {
    return compileLetterTemplate(templates, model.source)(context, variant);
  } catch (error) {
    const file = record.letterTemplates[model.language]?.file ?? record.file;
    if (error instanceof DataError) throw new DataError(`${file}: the model letter of ${record.definition.id}: ${error.message}; nothing was written.`, { hint: error.hint });
    throw error;
  }
}

/** Whether a template puts the member's own paragraph somewhere of its choosing. */
function placesPersonal(source: string): boolean {
  return /\{\{~?>\s*personal\b/.test(source);
}

/** The signature lines of one sender's letter: all that differs between signers of a letter that names no sender in its text. */
export function buildSignature(record: CaseRecord, official: Official, sender: Sender, now: Date, templates: LetterTemplates, choice: LetterChoice = {}): string[] {
  return signatureLines(letterParts(record, official, sender, now, templates, choice).part);
}

/**
 * Whether the text of a case's letter (model letter, date and closing) can change with who signs
 * it. When it cannot, every member's letter to one official is the same but for the signature
 * and the country line of the address.
 */
export function letterTextNamesSender(record: CaseRecord, templates: LetterTemplates): boolean {
  const sources = Object.values(record.letterTemplates).map((template) => template.source);
  return [...sources, templates.partials.date ?? '', templates.partials.closing ?? ''].some((source) => /\bsender\b/.test(source));
}

function letterParts(record: CaseRecord, official: Official, sender: Sender, now: Date, templates: LetterTemplates, choice: LetterChoice) {
  const { definition } = record;
  if (!definition.letter || record.templateSource === undefined) {
    throw new Error(`case ${definition.id} has no model letter`);
  }
  const model = modelLetterOf(record, choice.language ?? definition.letter.language);
  const context = buildLetterContext(definition, official, sender, {
    language: model.language,
    date: formatLetterDate(now, model.language),
    salutation: openingSalutation(official, definition, model.language),
    closing: model.closing,
    personal: choice.personal?.trim() || null,
  });
  const part = (name: string) => compileLetterTemplate(templates, templates.partials[name] ?? '')(context).trim();
  return { model, context, part };
}

function signatureLines(part: (name: string) => string): string[] {
  return part('signature').split('\n').map((line) => line.trim()).filter(Boolean);
}

/**
 * The letter as plain text to paste or print, laid out as the PDF is: the sender's address, the
 * official's postal block, the date, each after a blank line; then salutation, body, closing, and
 * the signature last.
 */
export function formatLetterText(letter: Letter): string {
  const senderLines = [...(letter.sender.address ?? []), ...(letter.sender.address?.length && letter.sender.country ? [letter.sender.country] : [])];
  const head = [senderLines, letter.recipientLines].filter((lines) => lines.length).map((lines) => lines.join('\n'));
  return [...head, letter.date, letter.salutation, ...letter.paragraphs, letter.closing, letter.signature.join('\n')].join('\n\n') + '\n';
}

/** The body of an email: no address block or date, since the message carries both. */
export function formatLetterEmailBody(letter: Letter): string {
  return [letter.salutation, ...letter.paragraphs, letter.closing, letter.signature.join('\n')].join('\n\n') + '\n';
}
