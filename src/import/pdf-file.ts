import { inflateWithin } from './pdf-streams';
import { isDict, PdfLexer, PdfName, PdfOperator, PdfRef, PdfUnsupported, type PdfDict, type PdfValue } from './pdf-syntax';

/** A stream: its dictionary, and its data as it stands in the file (still compressed). */
export interface PdfStream {
  dict: PdfDict;
  raw: Uint8Array;
}

type Resolved = Exclude<PdfValue, PdfRef> | PdfStream;

export const isStream = (value: unknown): value is PdfStream => typeof value === 'object' && value !== null && 'raw' in value && 'dict' in value;

// An object header, "12 0 obj". Not inside a longer number, and with numbers of bounded length: a
// pattern free to start anywhere in a run of a million digits would try each, to its end.
const OBJECT_HEADER = /(?<![0-9])([0-9]{1,10})\s+([0-9]{1,5})\s+obj\b/g;
const ENDSTREAM = Buffer.from('endstream', 'latin1');

/**
 * Bytes of content lexed and table entries read, over a whole document: a few pages of text are
 * some hundreds of kilobytes; this is a hundred times that, a second or two of reading at most.
 */
export const WORK_BUDGET = 64 * 1024 * 1024;

/**
 * A PDF file's objects, found by reading the file from start to end rather than through its
 * cross-reference table, which a file written once does not need: a damaged table misleads
 * nothing. A file that defines an object twice (updated since, or built to show a viewer one text
 * and appeal another) is left to pdf.js, which follows the table. Objects inside object streams
 * (PDF 1.5) are found too. What a stream inflates to is bounded by one shared budget, and what is
 * read from the streams by another (spend).
 */
export class PdfFile {
  private readonly offsets = new Map<number, number>();
  private readonly inObjectStream = new Map<number, { stream: number; index: number; at: number }>();
  private readonly cache = new Map<number, Resolved>();
  private readonly trailers: PdfDict[] = [];
  /** Where each stream's data ends ("endstream"), by where it starts, as the scan found it. */
  private readonly streamEnds = new Map<number, number>();
  /**
   * Whether an object is defined more than once (an updated file, or one built to show a viewer one
   * text and appeal another): which definition counts is then the cross-reference table's to say,
   * and pdf.js, which reads the table, reads such a file.
   */
  private definedTwice = false;
  /** What may still be read: bytes of content lexed, entries of fonts' tables (see spend). */
  private work: number;
  /** A ToUnicode map shared by many fonts is read once. */
  readonly toUnicodeMaps = new WeakMap<PdfStream, Map<number, string>>();
  /** An object stream is read for each object in it: inflated once. */
  private readonly decoded = new WeakMap<PdfStream, Uint8Array>();
  private budget: number;

  constructor(
    private readonly bytes: Buffer,
    inflateBudget: number,
    workBudget = WORK_BUDGET,
  ) {
    this.budget = inflateBudget;
    this.work = workBudget;
    this.scan();
  }

  /**
   * Counts work that a file can make endless without inflating more or drawing more: the same
   * form drawn again and again, one stream listed many times in a page's contents, fonts' tables
   * read for every font that shares them. Past the budget, the file is pdf.js's, whose thread is
   * watched and stopped.
   */
  spend(units: number): void {
    this.work -= units;
    if (this.work < 0) throw new PdfUnsupported('more to read than a document of a few pages');
  }

  private scan(): void {
    const text = this.bytes.toString('latin1');
    OBJECT_HEADER.lastIndex = 0;
    const objectStreams = new Set<number>();
    for (let match = OBJECT_HEADER.exec(text); match; match = OBJECT_HEADER.exec(text)) {
      const num = Number(match[1]);
      const start = match.index + match[0].length;
      const lexer = new PdfLexer(this.bytes, start);
      // A damaged object is pdf.js's to repair. Giving up also keeps the reading linear: a file of
      // "1 0 obj (" again and again would otherwise read to its end from every one of them.
      const value = lexer.read(true);
      if (this.offsets.has(num)) this.definedTwice = true;
      this.offsets.set(num, start);
      this.cache.delete(num);
      if (isDict(value)) {
        const type = value.get('Type');
        if (type instanceof PdfName && type.name === 'XRef') this.trailers.push(value);
        const keyword = lexer.read(true);
        if (keyword instanceof PdfOperator && keyword.name === 'stream') {
          const dataStart = this.streamDataStart(lexer.position);
          const end = this.bytes.indexOf(ENDSTREAM, dataStart);
          this.streamEnds.set(dataStart, end < 0 ? this.bytes.length : end);
          if (type instanceof PdfName && type.name === 'ObjStm') objectStreams.add(num);
          // Stream data is skipped, so a "1 0 obj" inside it is not taken for an object.
          OBJECT_HEADER.lastIndex = end < 0 ? text.length : end + ENDSTREAM.length;
          continue;
        }
      }
      OBJECT_HEADER.lastIndex = Math.max(OBJECT_HEADER.lastIndex, lexer.position);
    }
    const trailerAt: number[] = [];
    for (let found = text.indexOf('trailer'); found >= 0; found = text.indexOf('trailer', found + 7)) trailerAt.push(found);
    // A file has one trailer per update to it: the last few are all that can matter.
    for (const found of trailerAt.slice(-8)) {
      try {
        const value = new PdfLexer(this.bytes, found + 7).read(true);
        if (isDict(value)) this.trailers.push(value);
      } catch {
        // A damaged trailer: another one, or the catalog found by type, serves.
      }
    }
    for (const num of objectStreams) this.indexObjectStream(num);
  }

  private streamDataStart(afterKeyword: number): number {
    const { bytes } = this;
    if (bytes[afterKeyword] === 0x0d) return bytes[afterKeyword + 1] === 0x0a ? afterKeyword + 2 : afterKeyword + 1;
    if (bytes[afterKeyword] === 0x0a) return afterKeyword + 1;
    return afterKeyword;
  }

  /** Registers the objects an object stream holds, unless the file defines them again after it. */
  private indexObjectStream(num: number): void {
    const stream = this.get(new PdfRef(num, 0));
    if (!isStream(stream)) return;
    const count = stream.dict.get('N');
    const first = stream.dict.get('First');
    if (typeof count !== 'number' || typeof first !== 'number') throw new PdfUnsupported('an object stream without /N or /First');
    const data = this.streamData(stream);
    const lexer = new PdfLexer(data);
    for (let index = 0; index < count; index++) {
      const objectNumber = lexer.read();
      const offset = lexer.read();
      if (typeof objectNumber !== 'number' || typeof offset !== 'number') throw new PdfUnsupported('a damaged object stream');
      if (this.offsets.has(objectNumber) || this.inObjectStream.has(objectNumber)) {
        this.definedTwice = true;
        continue;
      }
      this.inObjectStream.set(objectNumber, { stream: num, index, at: first + offset });
    }
  }

  /** The object a reference points to (or the value itself); a missing object is null, as in PDF. */
  get(value: PdfValue | PdfStream | undefined, seen = 0): Resolved {
    if (!(value instanceof PdfRef)) return (value ?? null) as Resolved;
    if (seen > 32) throw new PdfUnsupported('a chain of references');
    const cached = this.cache.get(value.num);
    if (cached !== undefined) return cached;
    let resolved: Resolved = null;
    const offset = this.offsets.get(value.num);
    if (offset !== undefined) resolved = this.readObjectAt(offset, seen);
    else {
      const packed = this.inObjectStream.get(value.num);
      if (packed) {
        const stream = this.get(new PdfRef(packed.stream, 0), seen + 1);
        if (!isStream(stream)) throw new PdfUnsupported('a missing object stream');
        const object = new PdfLexer(this.streamData(stream), packed.at).read(true);
        if (object instanceof PdfOperator) throw new PdfUnsupported('a damaged object stream');
        resolved = this.get(object, seen + 1);
      }
    }
    this.cache.set(value.num, resolved);
    return resolved;
  }

  private readObjectAt(offset: number, seen: number): Resolved {
    const lexer = new PdfLexer(this.bytes, offset);
    const value = lexer.read(true);
    if (value instanceof PdfOperator || value === undefined) return null;
    if (!isDict(value)) return this.get(value, seen + 1);
    const keyword = lexer.read(true);
    if (!(keyword instanceof PdfOperator) || keyword.name !== 'stream') return value;
    const start = this.streamDataStart(lexer.position);
    const length = this.get(value.get('Length'), seen + 1);
    let end = typeof length === 'number' && Number.isInteger(length) && length >= 0 ? start + length : -1;
    // A /Length that does not land on "endstream" (after a line end) is wrong: the data runs to
    // the keyword then, as pdf.js reads it.
    if (end < 0 || !this.endstreamNear(end)) {
      end = this.streamEnds.get(start) ?? this.bytes.length;
      while (end > start && (this.bytes[end - 1] === 0x0a || this.bytes[end - 1] === 0x0d)) end--;
    }
    return { dict: value, raw: this.bytes.subarray(start, end) };
  }

  private endstreamNear(at: number): boolean {
    let from = at;
    while (from < at + 4 && (this.bytes[from] === 0x0a || this.bytes[from] === 0x0d || this.bytes[from] === 0x20)) from++;
    return this.bytes.subarray(from, from + ENDSTREAM.length).equals(ENDSTREAM);
  }

  /** A value looked up in a dictionary, through a reference. */
  lookup(dict: PdfDict, key: string): Resolved {
    return this.get(dict.get(key));
  }

  /** What a stream's data decodes to: FlateDecode, or no filter; any other filter is for pdf.js. */
  streamData(stream: PdfStream): Uint8Array {
    let data = this.decoded.get(stream);
    if (!data) {
      data = this.decode(stream);
      this.decoded.set(stream, data);
    }
    return data;
  }

  private decode(stream: PdfStream): Uint8Array {
    const filter = this.get(stream.dict.get('Filter'));
    const filters = Array.isArray(filter) ? filter.map((item) => this.get(item)) : filter === null ? [] : [filter];
    let data: Uint8Array = stream.raw;
    for (const each of filters) {
      if (!(each instanceof PdfName) || (each.name !== 'FlateDecode' && each.name !== 'Fl')) throw new PdfUnsupported(`the filter ${each instanceof PdfName ? each.name : '?'}`);
      const parms = this.get(stream.dict.get('DecodeParms'));
      const predictor = isDict(parms) ? this.get(parms.get('Predictor')) : null;
      if (typeof predictor === 'number' && predictor > 1) throw new PdfUnsupported('a predictor');
      data = this.inflate(data);
    }
    return data;
  }

  private inflate(data: Uint8Array): Buffer {
    const output = inflateWithin(data, this.budget);
    if (output === 'over') throw new PdfUnsupported('more data than the budget');
    // Damaged data: pdf.js reads what it can of it, in its own way.
    if (output === 'damaged') throw new PdfUnsupported('damaged compressed data');
    this.budget -= output.length;
    return output;
  }

  /** The document catalog: /Root of the last trailer that names one. */
  catalog(): PdfDict {
    if (this.definedTwice) throw new PdfUnsupported('an object defined more than once');
    for (const trailer of [...this.trailers].reverse()) {
      if (trailer.has('Encrypt')) throw new PdfUnsupported('an encrypted file');
    }
    for (const trailer of [...this.trailers].reverse()) {
      const root = this.get(trailer.get('Root'));
      if (isDict(root)) return root;
    }
    throw new PdfUnsupported('no catalog');
  }
}
