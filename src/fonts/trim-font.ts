import type { Font } from 'fontkit';
import { readSfntDirectory } from './sfnt-directory';

/** A range of Unicode code points, both ends included. */
export type CodePointRange = readonly [first: number, last: number];

/**
 * The scripts a letter font keeps: those written left to right without contextual shaping, which
 * pdfkit lays out correctly glyph by glyph. Arabic and Hebrew are left out on purpose: without
 * shaping and bidi they would print wrong, and a clear error is better than a wrong letter.
 */
export const LETTER_SCRIPTS: readonly { name: string; ranges: readonly CodePointRange[] }[] = [
  { name: 'Latin', ranges: [[0x0020, 0x007e], [0x00a0, 0x024f], [0x0250, 0x02ff], [0x1e00, 0x1eff], [0xfb00, 0xfb06]] },
  { name: 'combining accents', ranges: [[0x0300, 0x036f]] },
  { name: 'Greek', ranges: [[0x0370, 0x03ff], [0x1f00, 0x1fff]] },
  { name: 'Cyrillic', ranges: [[0x0400, 0x052f]] },
  { name: 'Armenian', ranges: [[0x0530, 0x058f]] },
  { name: 'Georgian', ranges: [[0x10a0, 0x10ff]] },
  // Punctuation, super- and subscripts, currency signs, letterlike symbols such as №, number forms.
  { name: 'punctuation and symbols', ranges: [[0x2000, 0x218f], [0x2212, 0x2212]] },
];

const inRanges = (codePoint: number, ranges: readonly CodePointRange[]) => ranges.some(([first, last]) => codePoint >= first && codePoint <= last);

/**
 * A smaller TrueType font with only the glyphs of the given code points, and everything a font
 * needs to be used on its own: character map, metrics, kerning, names. Letters are laid out with
 * it, so start-up parses a fraction of the full font; no glyph it keeps changes shape or width.
 */
export function trimFont(font: Font, fontFile: Uint8Array, ranges: readonly CodePointRange[]): Uint8Array {
  const original = readSfntTables(fontFile);
  const rawTable = (tag: string) => original.get(tag);
  const codePoints = font.characterSet.filter((codePoint) => inRanges(codePoint, ranges)).sort((a, b) => a - b);
  const subset = font.createSubset();
  // Glyphs are numbered in code point order, so the character map needs few segments.
  const cmap = new Map<number, number>();
  // Kerning applies between glyphs that text maps to; parts of composite glyphs never meet it.
  const oldToNew = new Map<number, number>();
  for (const codePoint of codePoints) {
    const oldId = font.glyphForCodePoint(codePoint).id;
    const newId = subset.includeGlyph(oldId);
    cmap.set(codePoint, newId);
    oldToNew.set(oldId, newId);
  }
  const tables = readSfntTables(subset.encode());
  tables.set('cmap', buildCmap(cmap));
  tables.set('post', buildPost(required(rawTable('post'), 'post')));
  tables.set('name', required(rawTable('name'), 'name'));
  const os2 = rawTable('OS/2');
  if (os2) tables.set('OS/2', withCharIndexRange(os2, codePoints));
  const kern = buildKern(font, oldToNew);
  if (kern) tables.set('kern', kern);
  return writeSfnt(tables);
}

function required(table: Uint8Array | undefined, tag: string): Uint8Array {
  if (!table) throw new Error(`the font has no ${tag} table`);
  return table;
}

/** The tables of an sfnt (TrueType) file by tag. */
export function readSfntTables(file: Uint8Array): Map<string, Uint8Array> {
  // A plain Uint8Array view: a Node Buffer's slice() would share memory instead of copying.
  const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  const directory = readSfntDirectory(bytes);
  if (typeof directory === 'string') throw new Error(`the font file is ${directory === 'cut short' ? 'cut short' : 'not a TrueType font'}`);
  return new Map(directory.map((table) => [table.tag, bytes.subarray(table.offset, table.offset + table.length)]));
}

const dataView = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The sfnt checksum: the sum of big-endian 32-bit words, the last one padded with zeros. */
export function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array((bytes.length + 3) & ~3);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/** Writes an sfnt file: sorted table directory, 4-byte aligned tables, checksums, head adjustment. */
export function writeSfnt(tables: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const headerLength = 12 + tags.length * 16;
  let total = headerLength;
  for (const tag of tags) total += (tables.get(tag)!.length + 3) & ~3;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(tags.length));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tags.length);
  view.setUint16(6, 2 ** entrySelector * 16);
  view.setUint16(8, entrySelector);
  view.setUint16(10, tags.length * 16 - 2 ** entrySelector * 16);
  let offset = headerLength;
  let headOffset = -1;
  tags.forEach((tag, index) => {
    let table = tables.get(tag)!;
    if (tag === 'head') {
      table = table.slice();
      dataView(table).setUint32(8, 0); // checkSumAdjustment is set once the whole file is known
      headOffset = offset;
    }
    const record = 12 + index * 16;
    for (let i = 0; i < 4; i++) out[record + i] = tag.charCodeAt(i);
    view.setUint32(record + 4, checksum(table));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, table.length);
    out.set(table, offset);
    offset += (table.length + 3) & ~3;
  });
  if (headOffset >= 0) view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** A format 4 character map (the Basic Multilingual Plane), for Windows and Unicode platforms. */
function buildCmap(map: ReadonlyMap<number, number>): Uint8Array {
  const entries = [...map].filter(([codePoint]) => codePoint <= 0xfffe).sort((a, b) => a[0] - b[0]);
  const segments: { start: number; end: number; delta: number }[] = [];
  for (const [codePoint, glyph] of entries) {
    const last = segments[segments.length - 1];
    const delta = (glyph - codePoint) & 0xffff;
    if (last && last.end === codePoint - 1 && last.delta === delta) last.end = codePoint;
    else segments.push({ start: codePoint, end: codePoint, delta });
  }
  segments.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const segCount = segments.length;
  const subtableLength = 16 + segCount * 8;
  const out = new Uint8Array(4 + 2 * 8 + subtableLength);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0); // version
  view.setUint16(2, 2); // two encoding records, one subtable
  view.setUint16(4, 0); // Unicode platform
  view.setUint16(6, 3); // BMP
  view.setUint32(8, 20);
  view.setUint16(12, 3); // Windows platform
  view.setUint16(14, 1); // Unicode BMP
  view.setUint32(16, 20);
  const s = 20;
  const entrySelector = Math.floor(Math.log2(segCount));
  const searchRange = 2 * 2 ** entrySelector;
  view.setUint16(s, 4);
  view.setUint16(s + 2, subtableLength);
  view.setUint16(s + 4, 0); // language
  view.setUint16(s + 6, segCount * 2);
  view.setUint16(s + 8, searchRange);
  view.setUint16(s + 10, entrySelector);
  view.setUint16(s + 12, segCount * 2 - searchRange);
  const ends = s + 14;
  const starts = ends + segCount * 2 + 2; // after the reserved pad
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  segments.forEach((segment, i) => {
    view.setUint16(ends + i * 2, segment.end);
    view.setUint16(starts + i * 2, segment.start);
    view.setUint16(deltas + i * 2, segment.delta);
    view.setUint16(rangeOffsets + i * 2, 0);
  });
  return out;
}

/** post version 3: metrics only, no glyph names (which a subset's new numbering would make wrong). */
function buildPost(original: Uint8Array): Uint8Array {
  const out = original.slice(0, 32);
  dataView(out).setUint32(0, 0x00030000);
  return out;
}

function withCharIndexRange(os2: Uint8Array, codePoints: readonly number[]): Uint8Array {
  const out = os2.slice();
  const view = dataView(out);
  view.setUint16(64, Math.min(codePoints[0] ?? 0, 0xffff));
  view.setUint16(66, Math.min(codePoints[codePoints.length - 1] ?? 0, 0xffff));
  return out;
}

/** The font's pair kerning, kept for the glyphs that stay, as a classic kern table (format 0). */
function buildKern(font: Font, oldToNew: ReadonlyMap<number, number>): Uint8Array | undefined {
  const pairs: { left: number; right: number; value: number }[] = [];
  for (const table of font.kern?.tables ?? []) {
    if (table.format !== 0 || !table.coverage.horizontal || table.coverage.crossStream) continue;
    for (const pair of table.subtable.pairs ?? []) {
      const left = oldToNew.get(pair.left);
      const right = oldToNew.get(pair.right);
      if (left !== undefined && right !== undefined && pair.value !== 0) pairs.push({ left, right, value: pair.value });
    }
  }
  if (!pairs.length) return undefined;
  pairs.sort((a, b) => a.left - b.left || a.right - b.right);
  const kept = pairs.slice(0, Math.floor((0xffff - 14) / 6)); // one subtable's length is 16 bits
  const out = new Uint8Array(4 + 14 + kept.length * 6);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0); // version
  view.setUint16(2, 1); // one subtable
  view.setUint16(4, 0); // subtable version
  view.setUint16(6, 14 + kept.length * 6);
  view.setUint16(8, 0x0001); // horizontal kerning, format 0
  const entrySelector = Math.floor(Math.log2(kept.length));
  view.setUint16(10, kept.length);
  view.setUint16(12, 2 ** entrySelector * 6);
  view.setUint16(14, entrySelector);
  view.setUint16(16, kept.length * 6 - 2 ** entrySelector * 6);
  kept.forEach((pair, i) => {
    view.setUint16(18 + i * 6, pair.left);
    view.setUint16(20 + i * 6, pair.right);
    view.setInt16(22 + i * 6, pair.value);
  });
  return out;
}
