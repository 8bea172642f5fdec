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

/** A sheet of address labels: its size, and where each label's cell is. */
export interface LabelSheet {
  /** How the sheet is sold, for the summary. */
  label: string;
  width: number;
  height: number;
  columns: number;
  rows: number;
  /** The top-left corner of the first cell. */
  left: number;
  top: number;
  labelWidth: number;
  labelHeight: number;
  /** From one cell's left (top) edge to the next one's: the label plus the gap between labels. */
  columnPitch: number;
  rowPitch: number;
  /** Kept clear inside each label, for the printer's drift. */
  padding: number;
}

/**
 * The labels that go with each paper: on US Letter, Avery 5160/8160 (3 × 10, 2⅝ × 1 in, ½ in top
 * margin, ⅛ in between columns); on A4 the common 21-per-sheet (3 × 7, 70 × 42.3 mm, edge to edge).
 */
export const LABEL_SHEETS: Readonly<Record<PaperSize, LabelSheet>> = {
  letter: {
    label: 'Avery 5160/8160 (US Letter, 3 × 10)',
    width: 8.5 * INCH,
    height: 11 * INCH,
    columns: 3,
    rows: 10,
    left: (3 / 16) * INCH,
    top: 0.5 * INCH,
    labelWidth: 2.625 * INCH,
    labelHeight: 1 * INCH,
    columnPitch: 2.75 * INCH,
    rowPitch: 1 * INCH,
    padding: 0.1 * INCH,
  },
  a4: {
    label: 'A4, 3 × 7',
    width: 210 * MM,
    height: 297 * MM,
    columns: 3,
    rows: 7,
    left: 0,
    top: 0,
    labelWidth: 70 * MM,
    labelHeight: (297 / 7) * MM,
    columnPitch: 70 * MM,
    rowPitch: (297 / 7) * MM,
    padding: 5 * MM,
  },
};

export const labelsPerSheet = (sheet: LabelSheet): number => sheet.columns * sheet.rows;

/** The cell of label `index` (from 0, row by row) on its sheet. */
export function labelCell(sheet: LabelSheet, index: number): Box {
  const column = index % sheet.columns;
  const row = Math.floor(index / sheet.columns) % sheet.rows;
  return { x: sheet.left + column * sheet.columnPitch, y: sheet.top + row * sheet.rowPitch, width: sheet.labelWidth, height: sheet.labelHeight };
}

/**
 * Which addresses go on which sheet: a part-used sheet starts at label `firstLabel` (from 1), so
 * the first sheet holds fewer; every later sheet starts at its first label.
 */
export function planLabelSheets(addresses: number, sheet: LabelSheet, firstLabel: number): { start: number; count: number; firstCell: number }[] {
  const perSheet = labelsPerSheet(sheet);
  const sheets: { start: number; count: number; firstCell: number }[] = [];
  let firstCell = Math.min(Math.max(firstLabel, 1), perSheet) - 1;
  for (let start = 0; start < addresses; ) {
    const count = Math.min(perSheet - firstCell, addresses - start);
    sheets.push({ start, count, firstCell });
    start += count;
    firstCell = 0;
  }
  return sheets;
}

const ENVELOPE_SIZES = [11, 10.5, 10, 9.5, 9, 8.5, 8];
const LABEL_SIZES = [9, 8.5, 8, 7.5, 7, 6.5, 6, 5.5];

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

/** One sheet of address labels, filled row by row in mailing order from cell `firstCell` (from 0). */
export function layoutLabelSheet(blocks: readonly (readonly string[])[], sheet: LabelSheet, firstCell: number, measure: TextMeasure): PageDrawing {
  const texts = blocks.slice(0, labelsPerSheet(sheet) - firstCell).flatMap((lines, index) => {
    const cell = labelCell(sheet, firstCell + index);
    const box = { x: cell.x + sheet.padding, y: cell.y + sheet.padding / 2, width: cell.width - 2 * sheet.padding, height: cell.height - sheet.padding };
    const block = fitLines(lines, box, measure, { sizes: LABEL_SIZES });
    if (!block) throw tooLong(lines, `a label of ${sheet.label}`);
    return placeBlock(block);
  });
  return { texts, rules: [] };
}
