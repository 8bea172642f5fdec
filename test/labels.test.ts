import { join } from 'node:path';
import { runCli, type CliResult } from './helpers/run-cli';
import { makeTempDir } from './helpers/temp-dir';
import { readPdfs, type PdfPage, type PdfReading } from './helpers/read-pdf';

const MM = 72 / 25.4;
const INCH = 72;
// DejaVu Sans: ascent and descent as fractions of the font size.
const ASCENT = 0.93;
const DESCENT = 0.24;

/** A label sheet as its maker specifies it, written out here apart from appeal's own table. */
interface Sheet {
  columns: number;
  rows: number;
  left: number;
  top: number;
  width: number;
  height: number;
  columnPitch: number;
  rowPitch: number;
}
/** Avery 5160/8160: 30 labels of 2⅝ × 1 in, ½ in from the top, 3/16 in from the side, ⅛ in between columns. */
const AVERY_5160: Sheet = { columns: 3, rows: 10, left: (3 / 16) * INCH, top: 0.5 * INCH, width: 2.625 * INCH, height: INCH, columnPitch: 2.75 * INCH, rowPitch: INCH };
/** The common A4 sheet of 21: 3 × 7 labels of 70 × 42.3 mm, edge to edge. */
const A4_21: Sheet = { columns: 3, rows: 7, left: 0, top: 0, width: 70 * MM, height: (297 / 7) * MM, columnPitch: 70 * MM, rowPitch: (297 / 7) * MM };

/** The cell (from 0, along the rows) each line of text lies wholly inside, or -1. */
function cellsOf(page: PdfPage, sheet: Sheet): { text: string; cell: number }[] {
  return page.items.map((item) => {
    const top = page.height - item.y - ASCENT * item.size;
    const bottom = page.height - item.y + DESCENT * item.size;
    for (let cell = 0; cell < sheet.columns * sheet.rows; cell++) {
      const x = sheet.left + (cell % sheet.columns) * sheet.columnPitch;
      const y = sheet.top + Math.floor(cell / sheet.columns) * sheet.rowPitch;
      if (item.x >= x && item.x + item.width <= x + sheet.width && top >= y && bottom <= y + sheet.height) return { text: item.text, cell };
    }
    return { text: item.text, cell: -1 };
  });
}

const FIRST_LINES = ['Yuriy Yakovlevich Chaika', 'Ambassador Anatoly Antonov'];

describe('address labels follow the paper and start at a given label', () => {
  const temp = makeTempDir();
  const results: Record<string, CliResult> = {};
  const pdfs: Record<string, PdfReading> = {};

  beforeAll(async () => {
    const runs: Record<string, string[]> = {
      // 4 blank letters to each of the two officials of UA 150.19: 8 addresses.
      letter: ['batch', '150.19', '--blank', '4', '--labels', '--paper', 'letter', '--label-start', '28', '--out', 'letter.pdf'],
      a4: ['batch', '150.19', '--blank', '4', '--labels', '--envelopes', '--paper', 'A4', '--label-start', '17', '--out', 'a4.pdf'],
    };
    for (const [name, args] of Object.entries(runs)) results[name] = await runCli(args, { cwd: temp.dir, timeoutMs: 60_000 });
    const read = await readPdfs(Object.keys(runs).map((name) => join(temp.dir, `${name}.pdf`)));
    Object.keys(runs).forEach((name, index) => (pdfs[name] = read[index]!));
  }, 150_000);
  afterAll(() => temp.cleanup());

  test.each([
    ['letter', AVERY_5160, 8 + 0, [27, 28, 29], [0, 1, 2, 3, 4], [612, 792]],
    ['a4', A4_21, 8 + 8, [16, 17, 18, 19, 20], [0, 1, 2], [595.28, 841.89]],
  ] as const)('%s: every line of every address lies inside its label, from the label given', (name, sheet, before, firstSheetCells, secondSheetCells, size) => {
    expect(results[name]!.code).toBe(0);
    const pages = pdfs[name]!.pages;
    expect(pages).toHaveLength(before + 2);
    const sheets = pages.slice(before);
    for (const page of sheets) {
      expect(page.width).toBeCloseTo(size[0], 1);
      expect(page.height).toBeCloseTo(size[1], 1);
    }
    const placed = sheets.map((page) => cellsOf(page, sheet));
    // No line outside a label's cell (-1).
    for (const lines of placed) for (const line of lines) expect({ line: line.text, inside: line.cell >= 0 }).toEqual({ line: line.text, inside: true });
    // Each address starts a label, in the order of the letters: four to each official.
    const firsts = placed.map((lines) => lines.filter((line) => FIRST_LINES.includes(line.text)));
    expect(firsts[0]!.map((line) => line.cell)).toEqual(firstSheetCells);
    expect(firsts[1]!.map((line) => line.cell)).toEqual(secondSheetCells);
    expect([...firsts[0]!, ...firsts[1]!].map((line) => line.text)).toEqual([...Array(4).fill(FIRST_LINES[0]), ...Array(4).fill(FIRST_LINES[1])]);
    // Every line of a label sits in the cell of its address's first line.
    for (const lines of placed) {
      const used = new Set(lines.filter((line) => FIRST_LINES.includes(line.text)).map((line) => line.cell));
      for (const line of lines) expect({ line: line.text, inUsedCell: used.has(line.cell) }).toEqual({ line: line.text, inUsedCell: true });
    }
  });

  test('the summary says which pages are letters, envelopes and labels', () => {
    expect(results.letter!.stdout).toContain('Labels: 8 addresses on 2 sheets of Avery 5160/8160 (US Letter, 3 × 10) labels, from label 28 of the first sheet, in the same order.');
    expect(results.letter!.stdout).toContain('Pages: letters 1–8, labels 9–10 (change the paper in the printer between them).');
    expect(results.a4!.stdout).toContain('Pages: letters 1–8, envelopes 9–16, labels 17–18 (change the paper in the printer between them).');
  });

  test('--label-start beyond the sheet is refused, naming the sheet', async () => {
    const result = await runCli(['batch', '150.19', '--blank', '1', '--labels', '--paper', 'letter', '--label-start', '31', '--out', 'x.pdf'], { cwd: temp.dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('--label-start 31: give the first unused label of the sheet, from 1 to 30 (Avery 5160/8160 (US Letter, 3 × 10))');
  });
});
