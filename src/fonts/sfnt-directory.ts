/** Where one table of a TrueType or OpenType font lies in its file. */
export interface SfntTableRecord {
  tag: string;
  offset: number;
  length: number;
}

/**
 * The table directory of a TrueType or OpenType font, the font at `fontIndex` of a collection
 * (.ttc): where each table lies. 'not sfnt' for other files (WOFF, anything else) and 'cut short'
 * when the directory itself runs past the end; whether each table fits is the caller's to check.
 */
export function readSfntDirectory(bytes: Uint8Array, fontIndex = 0): SfntTableRecord[] | 'not sfnt' | 'cut short' {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tagAt = (offset: number) => String.fromCharCode(bytes[offset]!, bytes[offset + 1]!, bytes[offset + 2]!, bytes[offset + 3]!);
  if (bytes.byteLength < 12) return 'cut short';
  let directory = 0;
  if (tagAt(0) === 'ttcf') {
    if (fontIndex >= view.getUint32(8)) return 'not sfnt';
    if (bytes.byteLength < 16 + 4 * fontIndex) return 'cut short';
    directory = view.getUint32(12 + 4 * fontIndex);
    if (bytes.byteLength < directory + 12) return 'cut short';
  }
  const version = view.getUint32(directory);
  if (version !== 0x00010000 && version !== 0x4f54544f && version !== 0x74727565) return 'not sfnt';
  const count = view.getUint16(directory + 4);
  if (bytes.byteLength < directory + 12 + count * 16) return 'cut short';
  const records: SfntTableRecord[] = [];
  for (let index = 0; index < count; index++) {
    const record = directory + 12 + index * 16;
    records.push({ tag: tagAt(record), offset: view.getUint32(record + 8), length: view.getUint32(record + 12) });
  }
  return records;
}
