import type { Letter } from '../letters/letter';
import type { Sender } from '../profile/sender';
import { DataError } from '../errors/app-error';
import { languageWords, pageNumberLabel } from '../letters/languages';
import { MM, type Box, type PaperLayout } from './paper';
import { RIGHT_TO_LEFT } from './shape-line';

/** Widths of text in the letter font; ascent and descent are fractions of the font size. */
export interface TextMeasure {
  widthOf(text: string, size: number): number;
  ascent: number;
  descent: number;
}

/** One line of text; y is the top of its line box (the font's ascent above the baseline), as pdfkit takes it. */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  size: number;
}

export interface PlacedRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}

/** What one page shows, as data: a PDF writer draws it, tests read it. */
export interface PageDrawing {
  texts: PlacedText[];
  rules: PlacedRule[];
}

/** The parts of a letter that are the same for everyone who signs it to one official. */
export type SharedLetterContent = Pick<Letter, 'recipientLines' | 'date' | 'salutation' | 'paragraphs' | 'closing'> & {
  /** The letter's language, for the words around it (page numbers, return line); English when left out. */
  language?: string;
};

/** The parts that belong to one signer, or a blank block for a name and address written by hand. */
export type PersonalContent = { kind: 'signed'; sender: Sender; signature: string[] } | { kind: 'blank' };

export interface SharedLayout {
  pages: PageDrawing[];
  /** Top of the room to sign, after the closing. */
  signature: { page: number; y: number };
  language?: string;
}

export const TEXT_SIZE = 10;
export const LINE_HEIGHT = 14;
const PARAGRAPH_GAP = 8;
const SIGNING_ROOM = 34;
/** Room kept after the closing for the signature and up to four lines under it. */
const SIGNATURE_BLOCK = SIGNING_ROOM + 4 * LINE_HEIGHT;
const SMALL_SIZE = 8.5;
const RECIPIENT_SIZES = [10, 9.5, 9, 8.5, 8, 7.5, 7];
const RECIPIENT_LEADINGS = [1.2, 1.1];

export function sharedContentOf(letter: Letter): SharedLetterContent {
  return { recipientLines: letter.recipientLines, date: letter.date, salutation: letter.salutation, paragraphs: letter.paragraphs, closing: letter.closing, language: letter.language };
}

export function personalContentOf(letter: Letter): PersonalContent {
  return { kind: 'signed', sender: letter.sender, signature: letter.signature };
}

/** Every piece of text the shared part of a letter prints, to check the font can show it before any work. */
export function sharedTexts(content: SharedLetterContent): string[] {
  return [...content.recipientLines, content.date, content.salutation, ...content.paragraphs, content.closing];
}

/** Lines a text breaks into within a width: at spaces, and inside a word only when it is wider than the line. */
export function wrapText(text: string, width: number, size: number, measure: TextMeasure): string[] {
  const whole = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!whole) return [];
  if (measure.widthOf(whole, size) <= width) return [whole];
  const words = whole.split(' ');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (measure.widthOf(candidate, size) <= width) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = '';
    if (measure.widthOf(word, size) <= width) {
      current = word;
      continue;
    }
    // A word wider than the line (a long URL or reference): cut it where it must be cut.
    let piece = '';
    for (const char of word) {
      if (piece && measure.widthOf(piece + char, size) > width) {
        lines.push(piece);
        piece = '';
      }
      piece += char;
    }
    current = piece;
  }
  if (current) lines.push(current);
  return lines;
}

export interface FittedBlock {
  lines: string[];
  size: number;
  leading: number;
  zone: Box;
  top: number;
}

/**
 * The largest size (of `sizes`) at which lines, long ones wrapped, fit a box; set at its top, or
 * at its foot, where the city and country lines of an address are safest.
 */
export function fitLines(lines: readonly string[], box: Box, measure: TextMeasure, options: { sizes?: readonly number[]; align?: 'top' | 'bottom' } = {}): FittedBlock | undefined {
  for (const size of options.sizes ?? RECIPIENT_SIZES) {
    for (const leading of RECIPIENT_LEADINGS) {
      const wrapped = lines.flatMap((line) => wrapText(line, box.width, size, measure));
      const height = (wrapped.length - 1) * size * leading + size * (measure.ascent + measure.descent);
      if (height <= box.height) return { lines: wrapped, size, leading, zone: box, top: options.align === 'bottom' ? box.y + box.height - height : box.y };
    }
  }
  return undefined;
}

/** Each line of a fitted block, placed. */
export function placeBlock(block: FittedBlock): PlacedText[] {
  return block.lines.map((text, index) => ({ text, x: block.zone.x, y: block.top + index * block.size * block.leading, size: block.size }));
}

/**
 * Fits the official's postal block into the envelope window: the largest size at which its lines
 * (long ones wrapped) fit the address zone DIN 5008 gives them, or else the whole window below
 * the return line, set at its foot so the city and country lines are never the ones at risk.
 */
export function fitRecipientBlock(recipientLines: readonly string[], paper: PaperLayout, measure: TextMeasure): FittedBlock {
  for (const size of RECIPIENT_SIZES) {
    const block = fitLines(recipientLines, paper.preferredRecipientZone, measure, { sizes: [size] }) ?? fitLines(recipientLines, paper.recipientZone, measure, { sizes: [size], align: 'bottom' });
    if (block) return block;
  }
  throw new DataError(`The postal address of ${recipientLines[0] ?? 'the official'} has more lines than the envelope window of ${paper.label} paper holds.`, {
    details: recipientLines.map((line) => `| ${line}`),
    hint: paper.size === 'letter' ? 'Try --paper a4, whose window is larger, or shorten the address lines in the case file.' : 'Shorten the address lines (title, organisation) in the case file.',
  });
}

/**
 * Lays out what every signer of one letter shares: the address in the window, the date, the
 * salutation, the paragraphs (no paragraph leaves a single line alone at the foot or head of a
 * page), the closing, page numbers when it runs over a page, and fold marks. Done once per
 * distinct letter, however many people sign it.
 */
export function layoutSharedLetter(content: SharedLetterContent, paper: PaperLayout, measure: TextMeasure): SharedLayout {
  const pages: PageDrawing[] = [{ texts: [], rules: [] }];
  let page = pages[0]!;
  const left = paper.margins.left;
  const right = paper.width - paper.margins.right;
  const width = right - left;
  const bottom = paper.height - paper.margins.bottom;
  // Following pages begin under the header line that names the sender.
  const followingTop = paper.margins.top + 2 * LINE_HEIGHT;

  page.texts.push(...placeBlock(fitRecipientBlock(content.recipientLines, paper, measure)));

  const date = content.date.normalize('NFC');
  page.texts.push({ text: date, x: right - measure.widthOf(date, TEXT_SIZE), y: paper.bodyTop, size: TEXT_SIZE });
  let y = paper.bodyTop + 2 * LINE_HEIGHT;
  const place = (text: string) => {
    page.texts.push({ text, x: left, y, size: TEXT_SIZE });
    y += LINE_HEIGHT;
  };
  const newPage = () => {
    page = { texts: [], rules: [] };
    pages.push(page);
    y = followingTop;
  };
  const linesLeft = () => Math.floor((bottom - y) / LINE_HEIGHT);

  place(content.salutation.normalize('NFC'));
  for (const paragraph of content.paragraphs) {
    y += PARAGRAPH_GAP;
    let lines = wrapText(paragraph, width, TEXT_SIZE, measure);
    while (lines.length) {
      const room = linesLeft();
      if (room >= lines.length) {
        lines.forEach(place);
        lines = [];
      } else if (room < 2) {
        newPage();
      } else {
        const take = lines.length - room === 1 ? room - 1 : room;
        if (take < 2) {
          newPage();
          continue;
        }
        lines.slice(0, take).forEach(place);
        lines = lines.slice(take);
        newPage();
      }
    }
  }
  y += PARAGRAPH_GAP;
  if (y + LINE_HEIGHT + SIGNATURE_BLOCK > bottom) newPage();
  place(content.closing.normalize('NFC'));
  const signature = { page: pages.length - 1, y };

  for (const mark of paper.foldMarks) pages[0]!.rules.push({ x1: 4 * MM, y1: mark, x2: 9 * MM, y2: mark, width: 0.4 });
  if (pages.length > 1) {
    pages.forEach((drawing, index) => {
      const label = pageNumberLabel(languageWords(content.language ?? 'en'), index + 1, pages.length);
      drawing.texts.push({ text: label, x: (paper.width - measure.widthOf(label, SMALL_SIZE)) / 2, y: paper.footerTop, size: SMALL_SIZE });
    });
  }
  return { pages, signature, language: content.language };
}

/** Labels of the lines a person fills in by hand on a blank letter, in the letter's language. */
export function blankLabels(language = 'en'): [string, string, string] {
  const { signature, name, address } = languageWords(language).blankLabels;
  return [signature, name, address];
}
/** The English labels: every font check of a blank batch includes them. */
export const BLANK_LABELS = blankLabels('en');

/**
 * Lays out what belongs to one signer, on each page of a shared layout: their name and address at
 * the head of the first page, the return address above the window, their printed name under the
 * room to sign, and their name at the head of every following page. A blank letter gets lines to
 * sign and to write a name and address by hand instead.
 */
export function layoutPersonalParts(personal: PersonalContent, shared: SharedLayout, paper: PaperLayout, measure: TextMeasure): PageDrawing[] {
  const pages: PageDrawing[] = shared.pages.map(() => ({ texts: [], rules: [] }));
  const first = pages[0]!;
  const left = paper.margins.left;
  const right = paper.width - paper.margins.right;
  const signatureTop = shared.signature.y;
  const signaturePage = pages[shared.signature.page]!;

  if (personal.kind === 'blank') {
    const lineEnd = left + 80 * MM;
    let y = signatureTop + SIGNING_ROOM;
    for (const label of [...blankLabels(shared.language), '']) {
      signaturePage.rules.push({ x1: left, y1: y, x2: lineEnd, y2: y, width: 0.5 });
      if (label) signaturePage.texts.push({ text: label, x: left, y: y + 1.5, size: 6.5 });
      y += LINE_HEIGHT + 4;
    }
    return pages;
  }

  const { sender } = personal;
  const name = sender.name.normalize('NFC');
  const addressLines = [...(sender.address ?? []), ...(sender.address?.length && sender.country ? [sender.country] : [])].map((line) => line.normalize('NFC'));
  const letterheadWidth = right - (paper.window.x + paper.window.width + 8 * MM);
  let y = paper.letterheadTop;
  for (const line of wrapText(name, letterheadWidth, 12, measure)) {
    first.texts.push({ text: line, x: right - measure.widthOf(line, 12), y, size: 12 });
    y += 15;
  }
  y += 2;
  for (const line of [...addressLines, ...(sender.email ? [sender.email] : [])].flatMap((text) => wrapText(text, letterheadWidth, SMALL_SIZE, measure))) {
    first.texts.push({ text: line, x: right - measure.widthOf(line, SMALL_SIZE), y, size: SMALL_SIZE });
    y += SMALL_SIZE * 1.3;
  }

  if (paper.returnLine && addressLines.length) {
    // The return address in the window's top line; it only repeats the letterhead, so a line too
    // long for the window is left out rather than shrunk past reading.
    const label = languageWords(shared.language ?? 'en').returnLineLabel;
    // With right-to-left text each part is a bidi isolate, so an Arabic name never takes the house number after it.
    const parts = [name, ...addressLines];
    const text = `${label ? `${label} ` : ''}${(parts.some((part) => RIGHT_TO_LEFT.test(part)) ? parts.map((part) => `\u2068${part}\u2069`) : parts).join(' · ')}`;
    const size = [6.5, 6, 5.5].find((candidate) => measure.widthOf(text, candidate) <= paper.returnLine!.width);
    if (size) {
      first.texts.push({ text, x: paper.returnLine.x, y: paper.returnLine.y, size });
      const underline = paper.returnLine.y + size * (measure.ascent + measure.descent) + 0.5;
      first.rules.push({ x1: paper.returnLine.x, y1: underline, x2: paper.returnLine.x + measure.widthOf(text, size), y2: underline, width: 0.3 });
    }
  }

  let signatureY = signatureTop + SIGNING_ROOM;
  for (const line of personal.signature) {
    signaturePage.texts.push({ text: line.normalize('NFC'), x: left, y: signatureY, size: TEXT_SIZE });
    signatureY += LINE_HEIGHT;
  }
  pages.slice(1).forEach((drawing) => drawing.texts.push({ text: name, x: left, y: paper.margins.top, size: SMALL_SIZE }));
  return pages;
}
