import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { LETTER_FONT_FILE } from '../src/package-paths';
import { checksum, LETTER_SCRIPTS, readSfntTables } from '../src/fonts/trim-font';

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
    const view = new DataView(trimmedFile.buffer, trimmedFile.byteOffset, trimmedFile.byteLength);
    const tables = readSfntTables(trimmedFile);
    expect([...tables.keys()].sort()).toEqual(['OS/2', 'cmap', 'cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'kern', 'loca', 'maxp', 'name', 'post', 'prep']);
    for (let i = 0; i < tables.size; i++) {
      const record = 12 + i * 16;
      const tag = trimmedFile.subarray(record, record + 4).toString('latin1');
      const table = tables.get(tag)!.slice();
      if (tag === 'head') new DataView(table.buffer).setUint32(8, 0);
      expect([tag, view.getUint32(record + 4)]).toEqual([tag, checksum(table)]);
    }
    expect(checksum(trimmedFile)).toBe(0xb1b0afba);
    expect(trimmedFile.length).toBeLessThan(fullFile.length / 3);
  });
});
