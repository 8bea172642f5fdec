import { DataError } from '../errors/app-error';
import type { PaperSize } from '../profile/profile';
import { fitLines, placeBlock, type PageDrawing, type TextMeasure } from './letter-layout';
import { INCH, MM, type Box } from './paper';

/** An envelope to print the addresses on: its size, and where the return address and the address go. */
export interface EnvelopeLayout {
  label: string;
  width: number;
  height: number;
  returnBox: Box;
  addressBox: Box;
}

/**
 * The envelope that goes with each paper: DL (220 × 110 mm) for A4 folded in thirds, with the
 * address in the right half after DIN 5008; #10 (9½ × 4⅛ in) for US Letter, with the address in
 * the USPS reading area, clear of the bottom ⅝ in where the barcode goes.
 */
export const ENVELOPES: Readonly<Record<PaperSize, EnvelopeLayout>> = {
  a4: {
    label: 'DL',
    width: 220 * MM,
    height: 110 * MM,
    returnBox: { x: 12 * MM, y: 10 * MM, width: 85 * MM, height: 28 * MM },
    addressBox: { x: 105 * MM, y: 50 * MM, width: 105 * MM, height: 45 * MM },
  },
  letter: {
    label: '#10',
    width: 9.5 * INCH,
    height: 4.125 * INCH,
    returnBox: { x: 0.35 * INCH, y: 0.35 * INCH, width: 3.2 * INCH, height: 1.1 * INCH },
    addressBox: { x: 3.9 * INCH, y: 1.6 * INCH, width: 5.1 * INCH, height: 1.85 * INCH },
  },
};

/** A4 sheets of 3 × 7 address labels, 70 × 42.3 mm each, edge to edge (the common "21 per sheet"). */
export const LABEL_SHEET = { width: 210 * MM, height: 297 * MM, columns: 3, rows: 7, labelWidth: 70 * MM, labelHeight: (297 / 7) * MM, padding: 5 * MM } as const;
export const LABELS_PER_SHEET = LABEL_SHEET.columns * LABEL_SHEET.rows;

const ENVELOPE_SIZES = [11, 10.5, 10, 9.5, 9, 8.5, 8];
const LABEL_SIZES = [9, 8.5, 8, 7.5, 7, 6.5, 6];

function tooLong(recipientLines: readonly string[], where: string): DataError {
  return new DataError(`The postal address of ${recipientLines[0] ?? 'the official'} has more lines than ${where} holds.`, {
    details: recipientLines.map((line) => `| ${line}`),
    hint: 'Shorten the address lines (title, organisation) in the case file.',
  });
}

/** One envelope: the sender's return address at the top left (none on a blank letter's), the address on the right. */
export function layoutEnvelope(recipientLines: readonly string[], returnLines: readonly string[] | undefined, paper: PaperSize, measure: TextMeasure): PageDrawing {
  const envelope = ENVELOPES[paper];
  const address = fitLines(recipientLines, envelope.addressBox, measure, { sizes: ENVELOPE_SIZES, align: 'bottom' });
  if (!address) throw tooLong(recipientLines, `a ${envelope.label} envelope`);
  const texts = placeBlock(address);
  if (returnLines?.length) {
    // The return address repeats the letter's head; if it cannot fit it is left to be written by hand.
    const back = fitLines(returnLines, envelope.returnBox, measure, { sizes: [8, 7.5, 7, 6.5, 6] });
    if (back) texts.push(...placeBlock(back));
  }
  return { texts, rules: [] };
}

/** One sheet of up to 21 address labels, filled row by row in mailing order. */
export function layoutLabelSheet(blocks: readonly (readonly string[])[], measure: TextMeasure): PageDrawing {
  const sheet = LABEL_SHEET;
  const texts = blocks.slice(0, LABELS_PER_SHEET).flatMap((lines, index) => {
    const column = index % sheet.columns;
    const row = Math.floor(index / sheet.columns);
    const box = { x: column * sheet.labelWidth + sheet.padding, y: row * sheet.labelHeight + sheet.padding, width: sheet.labelWidth - 2 * sheet.padding, height: sheet.labelHeight - 2 * sheet.padding };
    const block = fitLines(lines, box, measure, { sizes: LABEL_SIZES });
    if (!block) throw tooLong(lines, 'a 70 × 42 mm label');
    return placeBlock(block);
  });
  return { texts, rules: [] };
}
