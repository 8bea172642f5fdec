import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { LETTER_FONT_FILE } from '../src/package-paths';
import { LETTER_SCRIPTS } from '../src/fonts/trim-font';

/**
 * The OpenType checksum, written here from the specification rather than taken from the font
 * writer, so that a mistake in the writer cannot hide behind the same mistake in its check:
 * the sum, modulo 2^32, of the data read as big-endian 32-bit words, the last one padded with zeros.
 */
function referenceChecksum(data: Buffer): number {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0n;
  for (let offset = 0; offset < padded.length; offset += 4) sum += BigInt(padded.readUInt32BE(offset));
  return Number(sum % 2n ** 32n);
}

/** The table directory as the file states it: tag, stated checksum, and the table's bytes. */
function tableDirectory(file: Buffer): { tag: string; stated: number; data: Buffer }[] {
  const count = file.readUInt16BE(4);
  return Array.from({ length: count }, (_, i) => {
    const record = 12 + i * 16;
    const offset = file.readUInt32BE(record + 8);
    return { tag: file.toString('latin1', record, record + 4), stated: file.readUInt32BE(record + 4), data: file.subarray(offset, offset + file.readUInt32BE(record + 12)) };
  });
}

// `npm test` builds first, which makes the trimmed letter font from the dejavu-fonts-ttf package.
const fullFile = readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
const full = fontkit.create(fullFile) as Font;
const trimmedFile = readFileSync(LETTER_FONT_FILE);
const trimmed = fontkit.create(trimmedFile) as Font;

describe('the trimmed letter font', () => {
  test('keeps every character of the letter scripts that DejaVu Sans has, with the same shape and width', () => {
    const ranges = LETTER_SCRIPTS.flatMap((script) => script.ranges);
    const kept = full.characterSet.filter((codePoint) => ranges.some(([first, last]) => codePoint >= first && codePoint <= last));
    expect(kept.length).toBeGreaterThan(2000);
    // The character map's closing segment (U+FFFF, to the empty glyph) is a format requirement, not a character.
    const mapped = trimmed.characterSet.filter((codePoint) => trimmed.hasGlyphForCodePoint(codePoint));
    expect(mapped.sort((a, b) => a - b)).toEqual([...kept].sort((a, b) => a - b));
    for (const codePoint of kept) {
      const before = full.glyphForCodePoint(codePoint) as unknown as { advanceWidth: number; path: { toSVG(): string } };
      const after = trimmed.glyphForCodePoint(codePoint) as unknown as { advanceWidth: number; path: { toSVG(): string } };
      expect([codePoint, after.advanceWidth, after.path.toSVG()]).toEqual([codePoint, before.advanceWidth, before.path.toSVG()]);
    }
  });

  test.each([
    ['Latin', 'Zoë Brontë, Mustafayev, Şəhla Ağayeva'],
    ['Cyrillic', 'Анна Иванова, Ахмед Алиев'],
    ['Greek', 'Ελένη Παπαδοπούλου'],
    ['kerning pairs', 'AVATAR Tokyo WAVE'],
  ])('lays out %s exactly as the full font does', (_, text) => {
    expect(trimmed.layout(text).advanceWidth).toBe(full.layout(text).advanceWidth);
  });

  test.each([
    ['CJK', '山田太郎'],
    ['Arabic, which needs shaping pdfkit does not do', 'محمد'],
    ['Hebrew, written right to left', 'שלום'],
  ])('leaves out %s', (_, text) => {
    for (const char of text) expect(trimmed.hasGlyphForCodePoint(char.codePointAt(0)!)).toBe(false);
  });

  test('is a well-formed TrueType file: table checksums and the whole-file checksum hold', () => {
    const tables = tableDirectory(trimmedFile);
    expect(tables.map((table) => table.tag).sort()).toEqual(['OS/2', 'cmap', 'cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'kern', 'loca', 'maxp', 'name', 'post', 'prep']);
    for (const { tag, stated, data } of tables) {
      // head's own checksum is computed with its checkSumAdjustment field (at offset 8) as zero.
      const counted = Buffer.from(data);
      if (tag === 'head') counted.writeUInt32BE(0, 8);
      expect([tag, stated]).toEqual([tag, referenceChecksum(counted)]);
    }
    // With checkSumAdjustment in place, the whole file sums to the specification's magic number.
    expect(referenceChecksum(trimmedFile)).toBe(0xb1b0afba);
    // fontkit, an independent reader, takes the same tables.
    expect(trimmed.numGlyphs).toBeGreaterThan(2000);
    expect(trimmedFile.length).toBeLessThan(fullFile.length / 3);
  });
});
