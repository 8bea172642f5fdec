/**
 * PDF's object syntax (numbers, strings, names, arrays, dictionaries, references), read from the
 * bytes of a file or of an inflated content stream, as the plain PDF reader (pdf-plain-text.ts)
 * needs it. Anything it does not understand is a `PdfUnsupported`, and the document goes to pdf.js.
 */

/** Thrown where a file uses what the plain reader does not read; pdf.js reads such a file instead. */
export class PdfUnsupported extends Error {}

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

/** A string's bytes, as a string of char codes 0–255 (a font's codes are read from it). */
export class PdfString {
  constructor(readonly bytes: string) {}
}

/** An operator in a content stream (Tj, BT, cm...), or a keyword in a file (obj, stream, R). */
export class PdfOperator {
  constructor(readonly name: string) {}
}

export type PdfDict = Map<string, PdfValue>;
export type PdfValue = number | boolean | null | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict;

export const isDict = (value: unknown): value is PdfDict => value instanceof Map;

/** Deeper nesting than this is no document's: arrays in arrays built to exhaust the stack. */
const MAX_DEPTH = 64;

const WHITESPACE = new Uint8Array(256);
for (const code of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITESPACE[code] = 1;
const DELIMITER = new Uint8Array(256);
for (const char of '()<>[]{}/%') DELIMITER[char.charCodeAt(0)] = 1;

/** Bytes as a string of char codes 0–255, however many (spreading them into fromCharCode overflows the stack). */
const latin1 = (bytes: Uint8Array, start = 0, end = bytes.length): string =>
  end - start <= 1024 ? String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]) : Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');

/** Where a string's bytes are gathered before they become one: grown as a longer string needs. */
let scratch = new Uint8Array(4096);
const gather = (length: number, byte: number): void => {
  if (length >= scratch.length) {
    const larger = new Uint8Array(scratch.length * 2);
    larger.set(scratch);
    scratch = larger;
  }
  scratch[length] = byte;
};

/**
 * The operators of content streams and the keywords of files and CMaps: they repeat on every line
 * of a page, and each is made once. Other words (a hostile stream may hold millions of different
 * ones) are made anew, and never kept.
 */
const KNOWN_WORDS = new Set(
  [
    ...'b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y \' "'.split(' '),
    ...'obj endobj stream endstream xref trailer startxref begincodespacerange endcodespacerange beginbfchar endbfchar beginbfrange endbfrange begincidrange endcidrange usecmap begincmap endcmap'.split(' '),
  ],
);
/** Known operators of up to three letters, by their length and bytes. */
const shortWords = new Map<number, PdfOperator>();
const operators = new Map<string, PdfOperator>();
const operatorNamed = (name: string): PdfOperator => {
  let operator = operators.get(name);
  if (!operator) {
    operator = new PdfOperator(name);
    if (KNOWN_WORDS.has(name)) operators.set(name, operator);
  }
  return operator;
};

/** What a backslash and these letters stand for in a literal string (0: the letter itself). */
const ESCAPES = new Uint8Array(256);
ESCAPES[0x6e] = 0x0a;
ESCAPES[0x72] = 0x0d;
ESCAPES[0x74] = 0x09;
ESCAPES[0x62] = 0x08;
ESCAPES[0x66] = 0x0c;

const hexValue = (code: number): number => (code >= 0x30 && code <= 0x39 ? code - 0x30 : code >= 0x41 && code <= 0x46 ? code - 0x37 : code >= 0x61 && code <= 0x66 ? code - 0x57 : -1);

/** Reads values and operators one after another from `bytes`, from `position` on. */
export class PdfLexer {
  constructor(
    readonly bytes: Uint8Array,
    public position = 0,
  ) {}

  skipWhitespace(): void {
    const { bytes } = this;
    while (this.position < bytes.length) {
      const code = bytes[this.position]!;
      if (WHITESPACE[code]) this.position++;
      else if (code === 0x25) {
        // A comment runs to the end of its line.
        while (this.position < bytes.length && bytes[this.position] !== 0x0a && bytes[this.position] !== 0x0d) this.position++;
      } else return;
    }
  }

  atEnd(): boolean {
    this.skipWhitespace();
    return this.position >= this.bytes.length;
  }

  /**
   * The next value or operator; `undefined` at the end. In a file, "n g R" is read as a reference
   * (`references`); in a content stream there are none.
   */
  read(references = false, depth = 0): PdfValue | PdfOperator | undefined {
    if (depth > MAX_DEPTH) throw new PdfUnsupported('nesting too deep');
    this.skipWhitespace();
    const { bytes } = this;
    if (this.position >= bytes.length) return undefined;
    const code = bytes[this.position]!;
    if (code === 0x2f) return this.readName();
    if (code === 0x28) return this.readLiteralString();
    if (code === 0x3c) {
      if (bytes[this.position + 1] === 0x3c) return this.readDict(references, depth);
      return this.readHexString();
    }
    if (code === 0x5b) {
      this.position++;
      const array: PdfValue[] = [];
      for (;;) {
        this.skipWhitespace();
        if (this.position >= bytes.length) throw new PdfUnsupported('unterminated array');
        if (bytes[this.position] === 0x5d) {
          this.position++;
          return array;
        }
        const item = this.read(references, depth + 1);
        if (item instanceof PdfOperator) throw new PdfUnsupported(`"${item.name}" in an array`);
        array.push(item!);
      }
    }
    if ((code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2d || code === 0x2e) {
      const number = this.readNumber();
      if (references && Number.isInteger(number) && number >= 0) {
        // "12 0 R": look ahead without consuming when it is not a reference.
        const start = this.position;
        this.skipWhitespace();
        const genStart = this.position;
        while (this.position < bytes.length && bytes[this.position]! >= 0x30 && bytes[this.position]! <= 0x39) this.position++;
        if (this.position > genStart) {
          const gen = Number(latin1(bytes, genStart, this.position));
          this.skipWhitespace();
          if (bytes[this.position] === 0x52 && this.isTokenEnd(this.position + 1)) {
            this.position++;
            return new PdfRef(number, gen);
          }
        }
        this.position = start;
      }
      return number;
    }
    if (code === 0x29 || code === 0x3e || code === 0x5d || code === 0x7b || code === 0x7d) {
      this.position++;
      throw new PdfUnsupported(`stray "${String.fromCharCode(code)}"`);
    }
    const start = this.position;
    while (this.position < bytes.length && !WHITESPACE[bytes[this.position]!] && !DELIMITER[bytes[this.position]!]) this.position++;
    const length = this.position - start;
    // Content streams are mostly short operators: those are looked up by their bytes, not spelled out.
    const key = length <= 3 ? length * 0x1000000 + (bytes[start]! | ((bytes[start + 1] ?? 0) << 8) | ((bytes[start + 2] ?? 0) << 16)) : -1;
    const known = key >= 0 ? shortWords.get(key) : undefined;
    if (known) return known;
    const word = latin1(bytes, start, this.position);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    const operator = operatorNamed(word);
    if (key >= 0 && KNOWN_WORDS.has(word)) shortWords.set(key, operator);
    return operator;
  }

  private isTokenEnd(at: number): boolean {
    return at >= this.bytes.length || WHITESPACE[this.bytes[at]!] === 1 || DELIMITER[this.bytes[at]!] === 1;
  }

  /** A number read as pdf.js reads one (pdf.js's Lexer.getNumber): the digits, then one division. */
  private readNumber(): number {
    const { bytes } = this;
    let code = bytes[this.position];
    let sign = 1;
    let divideBy = 0;
    if (code === 0x2d) {
      sign = -1;
      code = bytes[++this.position];
      if (code === 0x2d) code = bytes[++this.position];
    } else if (code === 0x2b) code = bytes[++this.position];
    while (code === 0x0a || code === 0x0d) code = bytes[++this.position];
    if (code === 0x2e) {
      divideBy = 10;
      code = bytes[++this.position];
    }
    if (code === undefined || code < 0x30 || code > 0x39) {
      if (code === undefined || WHITESPACE[code] || code === 0x28 || code === 0x3c) return 0;
      throw new PdfUnsupported('a damaged number');
    }
    let value = code - 0x30;
    for (code = bytes[++this.position]; code !== undefined; code = bytes[++this.position]) {
      if (code >= 0x30 && code <= 0x39) {
        if (divideBy !== 0) divideBy *= 10;
        value = value * 10 + (code - 0x30);
      } else if (code === 0x2e) {
        if (divideBy === 0) divideBy = 1;
        else break;
      } else if (code !== 0x2d) break;
    }
    if (divideBy !== 0) value /= divideBy;
    return sign * value;
  }

  private readName(): PdfName {
    const { bytes } = this;
    this.position++;
    let name = '';
    while (this.position < bytes.length && !WHITESPACE[bytes[this.position]!] && !DELIMITER[bytes[this.position]!]) {
      const code = bytes[this.position]!;
      if (code === 0x23 && hexValue(bytes[this.position + 1] ?? 0) >= 0 && hexValue(bytes[this.position + 2] ?? 0) >= 0) {
        name += String.fromCharCode(hexValue(bytes[this.position + 1]!) * 16 + hexValue(bytes[this.position + 2]!));
        this.position += 3;
      } else {
        name += String.fromCharCode(code);
        this.position++;
      }
    }
    return new PdfName(name);
  }

  private readLiteralString(): PdfString {
    const { bytes } = this;
    this.position++;
    let depth = 1;
    let length = 0;
    while (this.position < bytes.length) {
      const code = bytes[this.position++]!;
      if (code === 0x28) depth++;
      else if (code === 0x29 && --depth === 0) return new PdfString(latin1(scratch, 0, length));
      if (code !== 0x5c) {
        // A line end in a string is one \n, whatever the file's line ends.
        if (code === 0x0d) {
          if (bytes[this.position] === 0x0a) this.position++;
          gather(length++, 0x0a);
        } else gather(length++, code);
        continue;
      }
      const next = bytes[this.position++];
      if (next === undefined) break;
      const escaped = ESCAPES[next]!;
      if (escaped) gather(length++, escaped);
      else if (next >= 0x30 && next <= 0x37) {
        let value = next - 0x30;
        for (let digits = 1; digits < 3 && bytes[this.position]! >= 0x30 && bytes[this.position]! <= 0x37; digits++) value = value * 8 + (bytes[this.position++]! - 0x30);
        gather(length++, value & 0xff);
      } else if (next === 0x0d) {
        if (bytes[this.position] === 0x0a) this.position++;
      } else if (next !== 0x0a) gather(length++, next);
    }
    throw new PdfUnsupported('unterminated string');
  }

  private readHexString(): PdfString {
    const { bytes } = this;
    this.position++;
    let length = 0;
    let high = -1;
    while (this.position < bytes.length) {
      const code = bytes[this.position++]!;
      if (code === 0x3e) {
        if (high >= 0) gather(length++, high * 16);
        return new PdfString(latin1(scratch, 0, length));
      }
      const value = hexValue(code);
      if (value < 0) continue;
      if (high < 0) high = value;
      else {
        gather(length++, high * 16 + value);
        high = -1;
      }
    }
    throw new PdfUnsupported('unterminated hex string');
  }

  private readDict(references: boolean, depth: number): PdfDict {
    const { bytes } = this;
    this.position += 2;
    const dict: PdfDict = new Map();
    for (;;) {
      this.skipWhitespace();
      if (this.position >= bytes.length) throw new PdfUnsupported('unterminated dictionary');
      if (bytes[this.position] === 0x3e && bytes[this.position + 1] === 0x3e) {
        this.position += 2;
        return dict;
      }
      const key = this.read(references, depth + 1);
      if (!(key instanceof PdfName)) throw new PdfUnsupported('a dictionary key that is not a name');
      this.skipWhitespace();
      if (bytes[this.position] === 0x3e && bytes[this.position + 1] === 0x3e) {
        dict.set(key.name, null);
        continue;
      }
      const value = this.read(references, depth + 1);
      if (value instanceof PdfOperator) throw new PdfUnsupported(`"${value.name}" in a dictionary`);
      dict.set(key.name, value ?? null);
    }
  }
}
