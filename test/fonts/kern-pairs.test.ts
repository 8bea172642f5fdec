import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { kernPairs } from '../../src/fonts/kern-pairs';

// kernPairs reads the 'kern' table itself because fontkit's decoding of it was the slowest part
// of opening a PDF letter; it must give exactly the pairs fontkit gives.
function pairsByFontkit(font: fontkit.Font): Map<number, number> {
  const pairs = new Map<number, number>();
  for (const table of font.kern?.tables ?? []) {
    if (table.format !== 0 || !table.coverage.horizontal || table.coverage.crossStream) continue;
    for (const pair of table.subtable.pairs ?? []) pairs.set(pair.left * 65536 + pair.right, (pairs.get(pair.left * 65536 + pair.right) ?? 0) + pair.value);
  }
  return pairs;
}

const FONTS = join(__dirname, '..', '..', 'dist', 'fonts');

describe('kernPairs', () => {
  test.each(['dejavu-sans-letter.ttf', 'dejavu-sans-full.ttf'])('%s: the same pairs as fontkit decodes', (name) => {
    const bytes = readFileSync(join(FONTS, name));
    const pairs = kernPairs(bytes);
    const expected = pairsByFontkit(fontkit.create(bytes) as fontkit.Font);
    expect(expected.size).toBeGreaterThan(1000);
    expect(pairs).toEqual(expected);
    // "AV" is kerned in DejaVu Sans: a pair a reader would see on the page.
    const font = fontkit.create(bytes) as fontkit.Font;
    const key = font.glyphForCodePoint(0x41).id * 65536 + font.glyphForCodePoint(0x56).id;
    expect(pairs!.get(key)).toBeLessThan(0);
  });

  test('a font cut short, or not a TrueType font, is left to fontkit', () => {
    const bytes = readFileSync(join(FONTS, 'dejavu-sans-letter.ttf'));
    expect(kernPairs(bytes.subarray(0, 20))).toBeUndefined();
    expect(kernPairs(Buffer.from('wOF2 is not read here'))).toBeUndefined();
    const table = bytes.indexOf('kern');
    const cut = Buffer.from(bytes);
    cut.writeUInt32BE(bytes.length, table + 8); // the table starts past the end
    expect(kernPairs(cut)).toBeUndefined();
  });

  test('a font of a collection is found by its index', () => {
    const bytes = readFileSync(join(FONTS, 'dejavu-sans-letter.ttf'));
    // A collection of one font: the header, then the font's own directory and tables unmoved.
    const header = Buffer.alloc(16);
    header.write('ttcf', 0, 'latin1');
    header.writeUInt32BE(0x00010000, 4);
    header.writeUInt32BE(1, 8);
    header.writeUInt32BE(16, 12);
    const shifted = Buffer.from(bytes);
    const tables = shifted.readUInt16BE(4);
    for (let index = 0; index < tables; index++) shifted.writeUInt32BE(shifted.readUInt32BE(12 + index * 16 + 8) + 16, 12 + index * 16 + 8);
    expect(kernPairs(Buffer.concat([header, shifted]), 0)).toEqual(kernPairs(bytes));
    expect(kernPairs(Buffer.concat([header, shifted]), 1)).toBeUndefined();
  });
});
