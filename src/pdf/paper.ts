import type { PaperSize } from '../profile/profile';

/** PDF points per millimetre and per inch. */
export const MM = 72 / 25.4;
export const INCH = 72;

/** A rectangle in points, measured from the top-left corner of the page. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where each part of a letter goes on one paper size. All values in points, from the top-left. */
export interface PaperLayout {
  size: PaperSize;
  label: string;
  width: number;
  height: number;
  /** Left and right edges of the text, top of following pages, bottom of every page. */
  margins: { left: number; right: number; top: number; bottom: number };
  /** Top of the sender's name and address, set flush right. */
  letterheadTop: number;
  /** The part of the page the envelope window shows; nothing but the address goes in it. */
  window: Box;
  /** The window's top line for the sender's return address, or none (US envelopes print it outside). */
  returnLine: Box | undefined;
  /** Where the recipient's block goes inside the window (its lines start at the text's left edge). */
  recipientZone: Box;
  /** The part of the zone DIN 5008 gives the address itself; a longer block grows upwards from it. */
  preferredRecipientZone: Box;
  /** Top of the date line, and of the text after it, on the first page. */
  bodyTop: number;
  /** Marks on the left edge where the sheet is folded for the envelope. */
  foldMarks: number[];
  /** Baseline area of the page number, centred at the bottom. */
  footerTop: number;
}

/**
 * A4 after DIN 5008 form B, for a DL or C5/6 window envelope: the address field is 85 × 45 mm,
 * 20 mm from the left edge and 45 mm from the top. Its first 17.7 mm are for the return address and
 * notes, the last 27.3 mm for the address; text starts 5 mm in, at the 25 mm margin of the letter.
 * Fold marks at 105 and 210 mm fold the sheet into thirds for a DL envelope.
 */
const A4: PaperLayout = {
  size: 'a4',
  label: 'A4',
  width: 210 * MM,
  height: 297 * MM,
  margins: { left: 25 * MM, right: 20 * MM, top: 20 * MM, bottom: 20 * MM },
  letterheadTop: 12 * MM,
  window: { x: 20 * MM, y: 45 * MM, width: 85 * MM, height: 45 * MM },
  returnLine: { x: 25 * MM, y: 45 * MM + 2 * MM, width: 78 * MM, height: 4 * MM },
  recipientZone: { x: 25 * MM, y: 52 * MM, width: 78 * MM, height: 37 * MM },
  preferredRecipientZone: { x: 25 * MM, y: 62.7 * MM, width: 78 * MM, height: 26.3 * MM },
  bodyTop: 98.46 * MM,
  foldMarks: [105 * MM, 210 * MM],
  footerTop: 285 * MM,
};

/**
 * US Letter for a #10 window envelope (4⅛ × 9½ in; window 1⅛ × 4½ in, ⅞ in from the left and ½ in
 * from the bottom). A sheet folded in thirds that rests at the bottom of the envelope shows the
 * page from 2.042 in to 3.167 in down; the address keeps ⅛ in clear of every edge of the window,
 * as the USPS asks for machine reading. The return address goes on the envelope, not in the window.
 */
const LETTER: PaperLayout = {
  size: 'letter',
  label: 'US Letter',
  width: 8.5 * INCH,
  height: 11 * INCH,
  margins: { left: 1 * INCH, right: 1 * INCH, top: 0.75 * INCH, bottom: 0.75 * INCH },
  letterheadTop: 0.5 * INCH,
  window: { x: 0.875 * INCH, y: 2.042 * INCH, width: 4.5 * INCH, height: 1.125 * INCH },
  returnLine: undefined,
  recipientZone: { x: 1 * INCH, y: 2.167 * INCH, width: 4.25 * INCH, height: 0.875 * INCH },
  preferredRecipientZone: { x: 1 * INCH, y: 2.167 * INCH, width: 4.25 * INCH, height: 0.875 * INCH },
  bodyTop: 3.5 * INCH,
  foldMarks: [(11 / 3) * INCH, (22 / 3) * INCH],
  footerTop: 10.45 * INCH,
};

export const PAPER_LAYOUTS: Readonly<Record<PaperSize, PaperLayout>> = { a4: A4, letter: LETTER };
