import { readSfntDirectory } from './sfnt-directory';

/**
 * A font's pair kerning read straight from its 'kern' table: (left glyph × 65536 + right glyph)
 * → adjustment in font units, summed over the horizontal, non-cross-stream format 0 subtables,
 * which is what fontkit's decoded table gives. fontkit decodes every pair into an object first,
 * the slowest part of opening a PDF letter; the table is a plain array of 6-byte pairs.
 *
 * undefined when the bytes are not a TrueType or OpenType font (or collection) this can read,
 * or the table is damaged: the caller then asks fontkit.
 */
export function kernPairs(bytes: Uint8Array, fontIndex = 0): Map<number, number> | undefined {
  const directory = readSfntDirectory(bytes, fontIndex);
  if (typeof directory === 'string') return undefined;
  const kern = directory.find((table) => table.tag === 'kern');
  if (!kern) return new Map();
  if (kern.offset + kern.length > bytes.byteLength) return undefined;
  return readKernTable(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), kern.offset, kern.offset + kern.length);
}

function readKernTable(view: DataView, start: number, end: number): Map<number, number> | undefined {
  const pairs = new Map<number, number>();
  if (start + 4 > end) return undefined;
  // Microsoft's table starts with a 16-bit version 0; Apple's with a 32-bit version 1.0.
  const apple = view.getUint16(start) === 1;
  const count = apple ? view.getUint32(start + 4) : view.getUint16(start + 2);
  let subtable = start + (apple ? 8 : 4);
  for (let index = 0; index < count; index++) {
    if (subtable + (apple ? 8 : 6) > end) return undefined;
    let length: number;
    let format: number;
    let horizontal: boolean;
    let crossStream: boolean;
    let header: number;
    if (apple) {
      length = view.getUint32(subtable);
      const coverage = view.getUint8(subtable + 4);
      format = view.getUint8(subtable + 5);
      horizontal = (coverage & 0x80) === 0;
      crossStream = (coverage & 0x40) !== 0;
      header = 8;
    } else {
      length = view.getUint16(subtable + 2);
      const coverage = view.getUint16(subtable + 4);
      format = coverage >> 8;
      horizontal = (coverage & 1) !== 0;
      crossStream = (coverage & 4) !== 0;
      header = 6;
    }
    if (format === 0 && horizontal && !crossStream) {
      const first = subtable + header;
      if (first + 8 > end) return undefined;
      const pairCount = view.getUint16(first);
      const pairsStart = first + 8;
      if (pairsStart + pairCount * 6 > end) return undefined;
      for (let pair = 0; pair < pairCount; pair++) {
        const at = pairsStart + pair * 6;
        const key = view.getUint16(at) * 65536 + view.getUint16(at + 2);
        pairs.set(key, (pairs.get(key) ?? 0) + view.getInt16(at + 4));
      }
    }
    // A Microsoft subtable's 16-bit length overflows in large fonts; its pairs say where it ends.
    if (!apple && format === 0 && subtable + header + 8 <= end) length = Math.max(length, header + 8 + view.getUint16(subtable + header) * 6);
    if (length <= 0) return undefined;
    subtable += length;
  }
  return pairs;
}
