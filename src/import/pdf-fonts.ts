import { isStream, type PdfFile } from './pdf-file';
import { STANDARD_FONT_WIDTHS } from './pdf-standard-font-widths';
import { isDict, PdfLexer, PdfName, PdfOperator, PdfString, PdfUnsupported, type PdfDict, type PdfValue } from './pdf-syntax';
import { WIN_ANSI_CHARACTERS } from './pdf-win-ansi';

/** One glyph a string shows: its code, the text it stands for, and its advance in thousandths of an em. */
export interface Glyph {
  code: number;
  unicode: string;
  width: number;
  /** What pdf.js's text extraction makes of the character (white space, a mark...), once known. */
  category?: { isWhitespace: boolean; isZeroWidthDiacritic: boolean; isInvisibleFormatMark: boolean };
}

/** A font as text extraction needs it: how a shown string splits into glyphs, and their text. */
export interface TextFont {
  /** The font's own name (BaseFont): pdf.js starts a new piece of text where it changes. */
  name: string;
  glyphs(bytes: string): Glyph[];
}

/** pdf.js takes these common names for the standard fonts they are metrically the same as. */
const STANDARD_ALIASES: Record<string, string> = {
  Arial: 'Helvetica',
  'Arial-Bold': 'Helvetica-Bold',
  'Arial-Italic': 'Helvetica-Oblique',
  'Arial-BoldItalic': 'Helvetica-BoldOblique',
  ArialMT: 'Helvetica',
  'Arial-BoldMT': 'Helvetica-Bold',
  'Arial-ItalicMT': 'Helvetica-Oblique',
  'Arial-BoldItalicMT': 'Helvetica-BoldOblique',
  TimesNewRoman: 'Times-Roman',
  'TimesNewRoman-Bold': 'Times-Bold',
  'TimesNewRoman-Italic': 'Times-Italic',
  'TimesNewRoman-BoldItalic': 'Times-BoldItalic',
  TimesNewRomanPSMT: 'Times-Roman',
  'TimesNewRomanPS-BoldMT': 'Times-Bold',
  'TimesNewRomanPS-ItalicMT': 'Times-Italic',
  'TimesNewRomanPS-BoldItalicMT': 'Times-BoldItalic',
  CourierNew: 'Courier',
  'CourierNew-Bold': 'Courier-Bold',
  'CourierNew-Italic': 'Courier-Oblique',
  'CourierNew-BoldItalic': 'Courier-BoldOblique',
  CourierNewPSMT: 'Courier',
};

/** The standard font a font name stands for ("Arial,Bold" and "ABCDEF+Arial-Bold" are Helvetica-Bold). */
function standardFont(baseFont: string): string | undefined {
  const name = baseFont.replace(/^[A-Z]{6}\+/, '').replace(',', '-');
  const standard = STANDARD_ALIASES[name] ?? name;
  return STANDARD_FONT_WIDTHS[standard] ? standard : undefined;
}

/** What a UTF-16BE string from a ToUnicode map reads as, the way pdf.js reads it. */
function utf16(bytes: string): string {
  const padded = bytes.length % 2 ? `\u0000${bytes}` : bytes;
  const codePoints: number[] = [];
  for (let at = 0; at < padded.length; at += 2) {
    const high = (padded.charCodeAt(at) << 8) | padded.charCodeAt(at + 1);
    if ((high & 0xf800) !== 0xd800) {
      codePoints.push(high);
      continue;
    }
    at += 2;
    const low = (padded.charCodeAt(at) << 8) | padded.charCodeAt(at + 1);
    codePoints.push(((high & 0x3ff) << 10) + (low & 0x3ff) + 0x10000);
  }
  return String.fromCodePoint(...codePoints);
}

const codeOf = (bytes: string): number => {
  let code = 0;
  for (let at = 0; at < bytes.length; at++) code = code * 256 + bytes.charCodeAt(at);
  return code;
};

/** A larger range is no real font's; pdf.js refuses the same. */
const MAX_RANGE = 0xffff;
/** A glyph stands for a character or a few (a ligature): a longer text is no real font's. */
const MAX_GLYPH_TEXT = 32;

/** A ToUnicode CMap: from a font's codes to the text they stand for. */
export function readToUnicode(data: Uint8Array, spend: (units: number) => void): Map<number, string> {
  const map = new Map<number, string>();
  const lexer = new PdfLexer(data);
  const operands: (PdfValue | PdfOperator)[] = [];
  // Each entry is charged to the document's reading budget with the length of its text.
  const set = (code: number, bytes: string) => {
    if (bytes.length > MAX_GLYPH_TEXT * 2) throw new PdfUnsupported('a ToUnicode text too long');
    spend(1 + bytes.length);
    map.set(code, utf16(bytes));
  };
  for (let token = lexer.read(); token !== undefined; token = lexer.read()) {
    if (!(token instanceof PdfOperator)) {
      operands.push(token);
      continue;
    }
    if (token.name === 'usecmap') throw new PdfUnsupported('a ToUnicode map built on another');
    if (token.name === 'endbfchar') {
      for (let at = 0; at + 1 < operands.length; at += 2) {
        const [source, target] = [operands[at], operands[at + 1]];
        if (source instanceof PdfString && target instanceof PdfString) set(codeOf(source.bytes), target.bytes);
      }
    } else if (token.name === 'endbfrange') {
      for (let at = 0; at + 2 < operands.length; at += 3) {
        const [low, high, target] = [operands[at], operands[at + 1], operands[at + 2]];
        if (!(low instanceof PdfString) || !(high instanceof PdfString)) throw new PdfUnsupported('a damaged ToUnicode range');
        const [first, last] = [codeOf(low.bytes), codeOf(high.bytes)];
        if (last - first > MAX_RANGE) throw new PdfUnsupported('a ToUnicode range too large');
        if (Array.isArray(target)) {
          target.forEach((each, index) => {
            if (first + index <= last && each instanceof PdfString) set(first + index, each.bytes);
          });
        } else if (target instanceof PdfString) {
          // Each code after the first stands for the next character: its last byte goes up by one.
          let bytes = target.bytes;
          const lastByte = bytes.length - 1;
          for (let code = first; code <= last; code++) {
            set(code, bytes);
            const next = bytes.charCodeAt(lastByte) + 1;
            bytes = next > 0xff ? `${bytes.substring(0, lastByte - 1)}${String.fromCharCode(bytes.charCodeAt(lastByte - 1) + 1)}\u0000` : `${bytes.substring(0, lastByte)}${String.fromCharCode(next)}`;
          }
        }
      }
    }
    operands.length = 0;
  }
  return map;
}

const numberOr = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);

/**
 * A font of a page's resources, read for its text. Fonts the plain reader cannot read as pdf.js
 * would (Type 3, vertical writing, codes without a known character, other encodings) are
 * `PdfUnsupported`, and pdf.js reads the document instead.
 */
export function loadTextFont(file: PdfFile, dict: PdfDict): TextFont {
  const subtype = file.lookup(dict, 'Subtype');
  const baseFont = file.lookup(dict, 'BaseFont');
  const name = baseFont instanceof PdfName ? baseFont.name : '';
  const toUnicodeStream = file.lookup(dict, 'ToUnicode');
  let toUnicode: Map<number, string> | undefined;
  if (isStream(toUnicodeStream)) {
    toUnicode = file.toUnicodeMaps.get(toUnicodeStream);
    if (!toUnicode) {
      toUnicode = readToUnicode(file.streamData(toUnicodeStream), (units) => file.spend(units));
      file.toUnicodeMaps.set(toUnicodeStream, toUnicode);
    }
  }
  if (toUnicodeStream instanceof PdfName) throw new PdfUnsupported('a predefined ToUnicode map');

  if (subtype instanceof PdfName && subtype.name === 'Type0') {
    const encoding = file.lookup(dict, 'Encoding');
    if (!(encoding instanceof PdfName) || encoding.name !== 'Identity-H') throw new PdfUnsupported('a composite font with another encoding than Identity-H');
    if (!toUnicode) throw new PdfUnsupported('a composite font without a ToUnicode map');
    const descendants = file.lookup(dict, 'DescendantFonts');
    const descendant = Array.isArray(descendants) ? file.get(descendants[0]) : null;
    if (!isDict(descendant)) throw new PdfUnsupported('a composite font without its descendant');
    const widths = cidWidths(file, descendant);
    const defaultWidth = numberOr(file.lookup(descendant, 'DW'), 1000);
    const known = new Map<number, Glyph>();
    return {
      name,
      glyphs(bytes) {
        if (bytes.length % 2) throw new PdfUnsupported('an odd number of bytes for two-byte codes');
        const glyphs: Glyph[] = [];
        for (let at = 0; at < bytes.length; at += 2) {
          const code = (bytes.charCodeAt(at) << 8) | bytes.charCodeAt(at + 1);
          let glyph = known.get(code);
          if (!glyph) {
            const unicode = toUnicode.get(code);
            if (unicode === undefined) throw new PdfUnsupported('a code without its character');
            glyph = { code, unicode, width: widths.get(code) ?? defaultWidth };
            known.set(code, glyph);
          }
          glyphs.push(glyph);
        }
        return glyphs;
      },
    };
  }

  if (!(subtype instanceof PdfName) || !['Type1', 'TrueType', 'MMType1'].includes(subtype.name)) throw new PdfUnsupported(`a font of type ${subtype instanceof PdfName ? subtype.name : '?'}`);
  const encoding = file.lookup(dict, 'Encoding');
  const baseEncoding = isDict(encoding) ? file.lookup(encoding, 'BaseEncoding') : encoding;
  if (isDict(encoding) && encoding.has('Differences')) {
    // The characters of glyph names other than WinAnsi's are pdf.js's glyph list.
    if (!toUnicode) throw new PdfUnsupported('an encoding with differences, without a ToUnicode map');
  }
  const winAnsi = baseEncoding instanceof PdfName && baseEncoding.name === 'WinAnsiEncoding' && !(isDict(encoding) && encoding.has('Differences'));
  if (!toUnicode && !winAnsi) throw new PdfUnsupported('a simple font without WinAnsiEncoding or a ToUnicode map');
  const descriptor = file.lookup(dict, 'FontDescriptor');
  const flags = isDict(descriptor) ? numberOr(file.lookup(descriptor, 'Flags'), 0) : 0;
  // A symbolic TrueType font's characters come from its own tables, which pdf.js reads.
  if (!toUnicode && flags & 4 && subtype.name === 'TrueType') throw new PdfUnsupported('a symbolic TrueType font');

  const widthsArray = file.lookup(dict, 'Widths');
  let widthOf: (code: number) => number;
  if (Array.isArray(widthsArray)) {
    const firstChar = numberOr(file.lookup(dict, 'FirstChar'), 0);
    const missingWidth = isDict(descriptor) ? numberOr(file.lookup(descriptor, 'MissingWidth'), 0) : 0;
    const widths = widthsArray.map((each) => file.get(each));
    widthOf = (code) => {
      const width = widths[code - firstChar];
      return typeof width === 'number' ? width : missingWidth;
    };
  } else {
    const standard = standardFont(name);
    if (!standard || !winAnsi) throw new PdfUnsupported('a font without widths that is not a standard one');
    const widths = STANDARD_FONT_WIDTHS[standard]!;
    widthOf = (code) => widths[code] ?? 0;
  }
  // Filled in as codes are met; made whole at once so that it stays a plain array, not a sparse one.
  const known = new Array<Glyph | undefined>(256).fill(undefined);
  return {
    name,
    glyphs(bytes) {
      const glyphs: Glyph[] = [];
      for (let at = 0; at < bytes.length; at++) {
        const code = bytes.charCodeAt(at);
        let glyph = known[code];
        if (!glyph) {
          const unicode = toUnicode?.get(code) ?? (winAnsi ? WIN_ANSI_CHARACTERS[code] : undefined);
          if (unicode === undefined) throw new PdfUnsupported('a code without its character');
          glyph = known[code] = { code, unicode, width: widthOf(code) };
        }
        glyphs.push(glyph);
      }
      return glyphs;
    },
  };
}

/** A CID font's /W array: [first [w1 w2 ...]] or [first last w]. */
function cidWidths(file: PdfFile, descendant: PdfDict): Map<number, number> {
  const widths = new Map<number, number>();
  const array = file.lookup(descendant, 'W');
  if (!Array.isArray(array)) return widths;
  const items = array.map((each) => file.get(each));
  file.spend(items.length);
  for (let at = 0; at < items.length; ) {
    const first = items[at];
    const next = items[at + 1];
    if (typeof first !== 'number') break;
    if (Array.isArray(next)) {
      next.forEach((width, index) => {
        const value = file.get(width);
        if (typeof value === 'number') widths.set(first + index, value);
      });
      at += 2;
    } else {
      const [last, width] = [next, items[at + 2]];
      if (typeof last !== 'number' || typeof width !== 'number') break;
      if (last - first > MAX_RANGE) throw new PdfUnsupported('a width range too large');
      file.spend(last - first + 1);
      for (let code = first; code <= last; code++) widths.set(code, width);
      at += 3;
    }
  }
  return widths;
}
