import { DataError } from '../src/errors/app-error';
import { fitRecipientBlock, layoutPersonalParts, layoutSharedLetter, wrapText, type SharedLetterContent, type TextMeasure } from '../src/pdf/letter-layout';
import { MM, PAPER_LAYOUTS } from '../src/pdf/paper';
import { ENVELOPES, LABEL_SHEETS, layoutEnvelope, layoutLabelSheet, planLabelSheets } from '../src/pdf/envelope-layout';

/** Every character half as wide as the font size: simple to reason about in the tables below. */
const measure: TextMeasure = { widthOf: (text, size) => [...text].length * size * 0.5, ascent: 0.93, descent: 0.24 };
const a4 = PAPER_LAYOUTS.a4;
const letter = PAPER_LAYOUTS.letter;

describe('wrapText', () => {
  test.each([
    ['short text stays on one line', 'Dear Minister', 100, ['Dear Minister']],
    ['breaks at spaces', 'aaa bbb ccc', 35, ['aaa bbb', 'ccc']],
    ['collapses runs of spaces and line breaks', 'aaa   bbb\n ccc', 35, ['aaa bbb', 'ccc']],
    ['cuts a word wider than the line', 'abcdefghij', 25, ['abcde', 'fghij']],
    ['keeps a cut word’s tail with the next word when they fit', 'abcdefg hi', 25, ['abcde', 'fg hi']],
    ['empty text gives no lines', '   ', 50, []],
  ])('%s', (_, text, width, expected) => {
    expect(wrapText(text, width, 10, measure)).toEqual(expected);
  });

  test('joins decomposed accents first, so "e" and U+0301 measure as one "é"', () => {
    expect(wrapText('Ze\u0301ro', 100, 10, measure)).toEqual(['Zéro']);
  });
});

describe('fitRecipientBlock', () => {
  const lines = (count: number, text = 'Short line') => Array.from({ length: count }, (_, i) => `${text} ${i + 1}`);
  const bottomOf = (block: ReturnType<typeof fitRecipientBlock>) => block.top + (block.lines.length - 1) * block.size * block.leading + block.size * (measure.ascent + measure.descent);

  test.each([
    ['A4: five lines sit in the address zone DIN 5008 gives them', a4, 5, 10, a4.preferredRecipientZone.y],
    ['A4: nine lines grow upwards into the window, below the return line', a4, 9, 10, undefined],
    ['Letter: eight lines shrink to fit the #10 window', letter, 8, undefined, letter.recipientZone.y],
  ])('%s', (_, paper, count, size, top) => {
    const block = fitRecipientBlock(lines(count), paper, measure);
    expect(block.lines).toHaveLength(count);
    if (size !== undefined) expect(block.size).toBe(size);
    else expect(block.size).toBeLessThan(10);
    if (top !== undefined) expect(block.top).toBeCloseTo(top, 5);
    expect(block.top).toBeGreaterThanOrEqual(paper.recipientZone.y);
    expect(bottomOf(block)).toBeLessThanOrEqual(paper.recipientZone.y + paper.recipientZone.height + 1e-9);
    expect(block.zone.x + block.zone.width).toBeLessThanOrEqual(paper.window.x + paper.window.width);
  });

  test('wraps a line wider than the window', () => {
    const block = fitRecipientBlock(['Minister', 'Prosecutor for Supervision of Law Enforcement in Correctional Institutions of the Yamalo-Nenets Autonomous Okrug'], a4, measure);
    expect(block.lines.length).toBeGreaterThan(2);
    for (const line of block.lines) expect(measure.widthOf(line, block.size)).toBeLessThanOrEqual(block.zone.width);
  });

  test('an address too long for the window is an error naming the official, not a clipped block', () => {
    expect(() => fitRecipientBlock(lines(20, 'Minister Alex Example'), letter, measure)).toThrow(DataError);
    expect(() => fitRecipientBlock(lines(20, 'Minister Alex Example'), letter, measure)).toThrow(/Minister Alex Example 1 has more lines than the envelope window of US Letter/);
  });
});

const content = (paragraphs: number, words = 60): SharedLetterContent => ({
  recipientLines: ['Minister Alex Example', '1 Main Street', '10000 Capital', 'FREEDONIA'],
  date: '22 November 2026',
  salutation: 'Dear Minister,',
  paragraphs: Array.from({ length: paragraphs }, (_, p) => Array.from({ length: words }, (_, w) => `p${p}w${w}`).join(' ')),
  closing: 'Yours sincerely,',
});

describe('layoutSharedLetter', () => {
  test('a short letter is one page without page numbers, with fold marks and the date flush right', () => {
    const layout = layoutSharedLetter(content(3), a4, measure);
    expect(layout.pages).toHaveLength(1);
    const texts = layout.pages[0]!.texts;
    expect(texts.some((text) => text.text.includes(' / '))).toBe(false);
    const date = texts.find((text) => text.text === '22 November 2026')!;
    expect(date.x + measure.widthOf(date.text, date.size)).toBeCloseTo(a4.width - a4.margins.right, 5);
    expect(layout.pages[0]!.rules.map((rule) => rule.y1)).toEqual([105 * MM, 210 * MM]);
    expect(layout.signature).toEqual({ page: 0, y: expect.any(Number) });
  });

  test.each([
    ['A4', a4],
    ['US Letter', letter],
  ])('%s: a long letter runs over pages that number themselves, and never leaves a paragraph line alone', (_, paper) => {
    const layout = layoutSharedLetter(content(14, 90), paper, measure);
    expect(layout.pages.length).toBeGreaterThan(1);
    layout.pages.forEach((page, index) => {
      expect(page.texts.map((text) => text.text)).toContain(`${index + 1} / ${layout.pages.length}`);
      const body = page.texts.filter((text) => /^p\d+w/.test(text.text));
      for (const line of body) {
        expect(line.y + 14).toBeLessThanOrEqual(paper.height - paper.margins.bottom + 1e-9);
        expect(line.x + measure.widthOf(line.text, line.size)).toBeLessThanOrEqual(paper.width - paper.margins.right + 1e-9);
      }
      // Each paragraph shows at least two of its lines on a page, at the foot and at the head.
      const perParagraph = new Map<string, number>();
      for (const line of body) {
        const paragraph = /^p(\d+)w/.exec(line.text)![1]!;
        perParagraph.set(paragraph, (perParagraph.get(paragraph) ?? 0) + 1);
      }
      for (const count of perParagraph.values()) expect(count).toBeGreaterThanOrEqual(2);
    });
    const last = layout.pages[layout.pages.length - 1]!;
    expect(last.texts.map((text) => text.text)).toContain('Yours sincerely,');
    expect(layout.signature.page).toBe(layout.pages.length - 1);
    // Room to sign and print the name stays on the closing's page.
    expect(layout.signature.y + 34 + 4 * 14).toBeLessThanOrEqual(paper.height - paper.margins.bottom);
  });
});

describe('layoutPersonalParts', () => {
  const shared = layoutSharedLetter(content(3), a4, measure);
  const sender = { name: 'Zoë Brontë', address: ['12 Harbour Lane', 'Bristol BS1 4DJ'], country: 'United Kingdom', email: 'zoe@example.org' };

  test('puts the sender at the head flush right, the return address in the window, and the printed name under the room to sign', () => {
    const [page] = layoutPersonalParts({ kind: 'signed', sender, signature: ['Zoë Brontë'] }, shared, a4, measure);
    const texts = page!.texts.map((text) => text.text);
    expect(texts).toEqual(['Zoë Brontë', '12 Harbour Lane', 'Bristol BS1 4DJ', 'United Kingdom', 'zoe@example.org', 'Zoë Brontë · 12 Harbour Lane · Bristol BS1 4DJ · United Kingdom', 'Zoë Brontë']);
    for (const text of page!.texts.slice(0, 5)) {
      expect(text.x + measure.widthOf(text.text, text.size)).toBeCloseTo(a4.width - a4.margins.right, 5);
      expect(text.y).toBeLessThan(a4.window.y);
    }
    const returnLine = page!.texts[5]!;
    expect(returnLine.y).toBeGreaterThanOrEqual(a4.window.y);
    expect(returnLine.y + returnLine.size).toBeLessThan(a4.preferredRecipientZone.y);
    expect(page!.texts[6]!.y).toBeGreaterThan(shared.signature.y + 30);
  });

  test('without an address there is no return line; US Letter never has one', () => {
    const [bare] = layoutPersonalParts({ kind: 'signed', sender: { name: 'Anna' }, signature: ['Anna'] }, shared, a4, measure);
    expect(bare!.texts.map((text) => text.text)).toEqual(['Anna', 'Anna']);
    const us = layoutPersonalParts({ kind: 'signed', sender, signature: ['Zoë Brontë'] }, layoutSharedLetter(content(3), letter, measure), letter, measure);
    expect(us[0]!.texts.some((text) => text.text.includes(' · '))).toBe(false);
  });

  test('a blank letter has lines to sign and to write a name and address, and no name', () => {
    const [page] = layoutPersonalParts({ kind: 'blank' }, shared, a4, measure);
    expect(page!.texts.map((text) => text.text)).toEqual(['Signature', 'Name', 'Address']);
    expect(page!.rules).toHaveLength(4);
    for (const rule of page!.rules) expect(rule.y1).toBeGreaterThan(shared.signature.y);
  });

  test('names the sender at the head of every following page', () => {
    const long = layoutSharedLetter(content(14, 90), a4, measure);
    const pages = layoutPersonalParts({ kind: 'signed', sender, signature: ['Zoë Brontë'] }, long, a4, measure);
    expect(pages).toHaveLength(long.pages.length);
    for (const page of pages.slice(1)) expect(page.texts).toContainEqual({ text: 'Zoë Brontë', x: a4.margins.left, y: a4.margins.top, size: 8.5 });
  });
});

describe('envelopes and labels', () => {
  const address = ['Ambassador Anatoly Antonov', 'Embassy of the Russian Federation', '2650 Wisconsin Ave. NW', 'Washington DC 20007', 'USA'];
  const inside = (text: { x: number; y: number; size: number; text: string }, box: { x: number; y: number; width: number; height: number }) =>
    text.x >= box.x && text.x + measure.widthOf(text.text, text.size) <= box.x + box.width && text.y >= box.y && text.y + text.size * (measure.ascent + measure.descent) <= box.y + box.height + 1e-9;

  test.each([
    ['a4', 'DL'],
    ['letter', '#10'],
  ] as const)('%s: a %s envelope has the return address top left and the address on the right', (paper, label) => {
    const envelope = ENVELOPES[paper];
    expect(envelope.label).toBe(label);
    const drawing = layoutEnvelope(address, ['Zoë Brontë', '12 Harbour Lane', 'Bristol BS1 4DJ'], paper, measure);
    const texts = drawing.texts.map((text) => text.text);
    expect(texts).toEqual([...address, 'Zoë Brontë', '12 Harbour Lane', 'Bristol BS1 4DJ']);
    drawing.texts.slice(0, 5).forEach((text) => expect(inside(text, envelope.addressBox)).toBe(true));
    drawing.texts.slice(5).forEach((text) => expect(inside(text, envelope.returnBox)).toBe(true));
    expect(envelope.addressBox.x).toBeGreaterThan(envelope.width / 3);
  });

  test('a blank letter’s envelope has no return address', () => {
    expect(layoutEnvelope(address, undefined, 'a4', measure).texts.map((text) => text.text)).toEqual(address);
  });

  test('a label sheet holds 21 addresses, row by row, each inside its label', () => {
    const sheet = LABEL_SHEETS.a4;
    const blocks = Array.from({ length: 25 }, (_, i) => [`Official ${i + 1}`, '1 Main Street', 'CAPITAL']);
    const drawing = layoutLabelSheet(blocks, sheet, 0, measure);
    const firsts = drawing.texts.filter((text) => text.text.startsWith('Official '));
    expect(firsts.map((text) => text.text)).toEqual(Array.from({ length: 21 }, (_, i) => `Official ${i + 1}`));
    firsts.forEach((text, index) => {
      const label = { x: (index % 3) * sheet.labelWidth, y: Math.floor(index / 3) * sheet.labelHeight, width: sheet.labelWidth, height: sheet.labelHeight };
      expect(inside(text, label)).toBe(true);
    });
  });

  test.each([
    // addresses, sheet, first label → [first address, how many, first cell] per sheet
    [12, 'a4', 1, [[0, 12, 0]]],
    [21, 'a4', 1, [[0, 21, 0]]],
    [22, 'a4', 1, [[0, 21, 0], [21, 1, 0]]],
    [12, 'a4', 16, [[0, 6, 15], [6, 6, 0]]],
    [30, 'letter', 1, [[0, 30, 0]]],
    [5, 'letter', 30, [[0, 1, 29], [1, 4, 0]]],
  ] as const)('%i addresses on %s sheets from label %i', (addresses, paper, start, expected) => {
    expect(planLabelSheets(addresses, LABEL_SHEETS[paper], start).map((page) => [page.start, page.count, page.firstCell])).toEqual(expected);
  });

  test('Avery 5160 on US Letter: 30 labels of 2⅝ × 1 in, three across with ⅛ in between, from the given label', () => {
    const sheet = LABEL_SHEETS.letter;
    expect(sheet.columns * sheet.labelWidth + (sheet.columns - 1) * (sheet.columnPitch - sheet.labelWidth) + 2 * sheet.left).toBeCloseTo(8.5 * 72);
    expect(sheet.top * 2 + sheet.rows * sheet.labelHeight).toBeCloseTo(11 * 72);
    const blocks = Array.from({ length: 4 }, (_, i) => [`Official ${i + 1}`, 'Prosecutor General of the Russian Federation', 'Ul. B. Dmitrovka, d. 15a', '125993 Moscow GSP-3', 'RUSSIAN FEDERATION']);
    const drawing = layoutLabelSheet(blocks, sheet, 4, measure);
    const firsts = drawing.texts.filter((text) => text.text.startsWith('Official '));
    firsts.forEach((text, index) => {
      const cell = 4 + index;
      const label = { x: sheet.left + (cell % 3) * sheet.columnPitch, y: sheet.top + Math.floor(cell / 3) * sheet.rowPitch, width: sheet.labelWidth, height: sheet.labelHeight };
      expect(inside(text, label)).toBe(true);
    });
  });
});
