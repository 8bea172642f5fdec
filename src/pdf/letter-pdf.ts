import type { Font } from 'fontkit';
import type { FontChain, FontFace } from '../fonts/font-chain';
import { kernPairs } from '../fonts/kern-pairs';
import {
  layoutPersonalParts,
  layoutSharedLetter,
  type PageDrawing,
  type PersonalContent,
  type SharedLayout,
  type SharedLetterContent,
  type TextMeasure,
} from './letter-layout';
import type { PaperLayout } from './paper';
import { addUncompressedPage, currentFont, drawForm, embedFont, openDocument, releaseWrittenPage, type PdfDocument, type PdfKitFont, type PdfReference } from './pdfkit-internals';
import { RIGHT_TO_LEFT, shapeLine, type BidiEngine } from './shape-line';

export interface LetterPdfOptions {
  paper: PaperLayout;
  /** The letter font and the fonts that cover what it lacks. */
  fonts: FontChain;
  /** Document properties; the creation date comes from appeal's clock, so equal runs give equal bytes. */
  info: { title: string; author?: string; subject?: string; creationDate: Date; language?: string };
  /** Receives the file's bytes as they are made, so a long batch never holds the whole file. */
  sink: (chunk: Uint8Array) => void;
}

/** A character's glyph in the subset, for the quick encoding of fonts laid out glyph by glyph. */
interface EncodedChar {
  id: number;
  /** Its two bytes inside a PDF literal string. */
  code: string;
  advance: number;
}

/**
 * A glyph's two bytes (Identity-H) as they stand inside a literal string "(...)": half the size
 * of a hex string "<...>", which matters in a meeting's batch, where the names and addresses on
 * each page are most of its bytes. Parentheses and backslashes are escaped, and line ends too,
 * since a reader turns a bare carriage return in a string into a line feed.
 */
function literalStringBytes(gid: number): string {
  let code = '';
  for (const byte of [gid >> 8, gid & 0xff]) {
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) code += `\\${String.fromCharCode(byte)}`;
    else if (byte === 0x0d) code += '\\r';
    else if (byte === 0x0a) code += '\\n';
    else code += String.fromCharCode(byte);
  }
  return code;
}

/** Lines kept encoded: a batch measures and draws each signer's lines, then moves on. */
const MAX_CACHED_LINES = 200;

/**
 * A line ready to draw: the TJ operands of each font it uses, in order, and its width in
 * thousandths of the font size. A part with a rise (a mark set above or below the line, in
 * thousandths of the font size) is drawn raised.
 */
interface EncodedLine {
  segments: { font: PdfKitFont; parts: { operand: string; rise: number }[] }[];
  width: number;
}

const pdfNumber = (value: number) => String(Math.round(value * 100) / 100);

/** The bidi algorithm, loaded with pdfkit. */
let bidiEngine: BidiEngine | undefined;

interface SharedForms {
  layout: SharedLayout;
  /** One Form XObject per page of the letter, with its resource name. */
  forms: { name: string; ref: PdfReference }[];
}

/**
 * A PDF of letters, written page by page. The part of a letter that all its signers share is laid
 * out once and kept as a Form XObject per page; each signer's page draws that form and adds only
 * their own name and address. A thousand letters to one official cost one layout, and each page
 * after the first adds under 1 KB.
 */
/** Pair kerning as fontkit decodes the 'kern' table: for fonts whose file kernPairs cannot read. */
function kerningByFontkit(font: Font): Map<number, number> {
  const kerning = new Map<number, number>();
  for (const table of font.kern?.tables ?? []) {
    if (table.format !== 0 || !table.coverage.horizontal || table.coverage.crossStream) continue;
    for (const pair of table.subtable.pairs ?? []) kerning.set(pair.left * 65536 + pair.right, (kerning.get(pair.left * 65536 + pair.right) ?? 0) + pair.value);
  }
  return kerning;
}

export class LetterPdf {
  private readonly shared = new Map<string, SharedForms>();
  private readonly sharedByObject = new WeakMap<SharedLetterContent, SharedForms>();
  private pageCount = 0;
  /** Characters already encoded (null: through pdfkit), when the font allows the quick way. */
  private readonly simpleGlyphs: Map<string, EncodedChar | null> | undefined;
  /** Pair kerning by (left glyph × 65536 + right glyph), in font units. */
  private readonly kerning: ReadonlyMap<number, number> = new Map();
  private readonly lines = new Map<string, EncodedLine>();
  /** pdfkit's objects for the fallback fonts this document uses. */
  private readonly otherFonts = new Map<FontFace, PdfKitFont>();
  private readonly finished: Promise<void>;
  /** The first error of the sink (a full disk): pdfkit's stream would swallow it and never end. */
  private sinkError: unknown;

  private constructor(
    private readonly doc: PdfDocument,
    private readonly options: LetterPdfOptions,
  ) {
    const metrics = options.fonts.letter.font;
    if (!metrics.GSUB && !metrics.GPOS && !metrics.morx) {
      this.simpleGlyphs = new Map();
      const { file } = options.fonts.letter;
      this.kerning = (file && kernPairs(file.bytes, file.index)) ?? kerningByFontkit(options.fonts.letter.font);
    }
    this.measure = {
      widthOf: (text, size) => (this.line(text).width * size) / 1000,
      ascent: metrics.ascent / metrics.unitsPerEm,
      descent: Math.abs(metrics.descent) / metrics.unitsPerEm,
    };
    this.finished = new Promise((resolve, reject) => {
      doc.on('data', (chunk: Uint8Array) => {
        if (this.sinkError !== undefined) return;
        try {
          options.sink(chunk);
        } catch (error) {
          this.sinkError = error;
        }
      });
      doc.on('end', () => resolve());
      doc.on('error', reject);
    });
  }

  /** pdfkit is loaded here, the first time a PDF is made, never at start-up. */
  static async open(options: LetterPdfOptions): Promise<LetterPdf> {
    const { default: PDFDocument } = await import('pdfkit');
    bidiEngine ??= (await import('bidi-js')).default();
    const { info } = options;
    const doc = openDocument(PDFDocument, options.fonts.letter.font, {
      language: info.language,
      info: {
        Title: info.title,
        ...(info.author ? { Author: info.author } : {}),
        ...(info.subject ? { Subject: info.subject } : {}),
        Creator: 'appeal',
        Producer: 'appeal with PDFKit',
        CreationDate: info.creationDate,
      },
    });
    const pdf = new LetterPdf(doc, options);
    // pdfkit's output is a stream, which starts flowing on a later turn of the event loop. Wait for
    // it: from then on each piece goes to the sink as it is made, even while a long batch runs
    // without a pause, instead of piling up in the stream's buffer.
    await new Promise((resolve) => setImmediate(resolve));
    return pdf;
  }

  /** Widths exactly as the page draws the text (the same encoding and kerning), cached per text. */
  readonly measure: TextMeasure;

  get pages(): number {
    return this.pageCount;
  }

  /** Adds one letter, each of its pages on a new sheet side; returns how many pages it took. */
  addLetter(shared: SharedLetterContent, personal: PersonalContent): number {
    const forms = this.sharedFormsFor(shared);
    const personalPages = layoutPersonalParts(personal, forms.layout, this.options.paper, this.measure);
    forms.forms.forEach((form, index) => {
      this.newPage();
      this.doc.page.xobjects[form.name] = form.ref;
      this.doc.addContent(`/${form.name} Do`);
      this.draw(personalPages[index]!);
    });
    this.throwSinkError();
    return forms.forms.length;
  }

  /** An empty page, so that the next letter starts on the front of a sheet in duplex printing. */
  addBlankPage(): void {
    this.newPage();
    this.throwSinkError();
  }

  /** Adds a page of another size (an envelope, a label sheet) and draws on it. */
  addDrawnPage(size: readonly [number, number], drawing: PageDrawing): void {
    this.newPage(size);
    this.draw(drawing);
    this.throwSinkError();
  }

  /** Ends the document; resolves once its last byte has gone to the sink. */
  async finish(): Promise<void> {
    this.doc.end();
    await this.finished;
    this.throwSinkError();
  }

  private throwSinkError(): void {
    if (this.sinkError !== undefined) throw this.sinkError;
  }

  private newPage(size: readonly [number, number] = [this.options.paper.width, this.options.paper.height]): void {
    // A page's own content is a few lines: stored as is, it costs a few hundred bytes and saves
    // starting a compressor per page. The shared letters and the font stay compressed.
    const previous = this.pageCount ? this.doc.page : undefined;
    addUncompressedPage(this.doc, size);
    // The previous page is written out now; the document keeps only a reference to it (for the
    // page tree), so let go of its contents and memory stays flat however long the batch.
    if (previous) releaseWrittenPage(previous);
    this.pageCount += 1;
  }

  /**
   * A line of text as the TJ operand that draws it, and its width in thousandths of the font
   * size; cached, since a line is measured before it is drawn. For a font without OpenType layout
   * tables (the built-in one) fontkit maps each character to its glyph and adds pair kerning, and
   * so does this, straight into the operand. Other fonts, and characters that need more (marks,
   * or ones that print as nothing), go through pdfkit's encode(), as its text() would.
   */
  private line(text: string): EncodedLine {
    let line = this.lines.get(text);
    if (!line) {
      if (this.lines.size >= MAX_CACHED_LINES) this.lines.clear();
      line = this.encodeSimple(text) ?? this.encodeShaped(text);
      this.lines.set(text, line);
    }
    return line;
  }

  private encodeSimple(text: string): EncodedLine | undefined {
    const simple = this.simpleGlyphs;
    if (!simple) return undefined;
    const { scale } = this.font;
    const parts = ['[('];
    let width = 0;
    let previous: EncodedChar | undefined;
    for (const char of text) {
      let glyph = simple.get(char);
      if (glyph === undefined) {
        glyph = this.simpleGlyph(char);
        simple.set(char, glyph);
      }
      if (!glyph) return undefined;
      const kerning = previous ? (this.kerning.get(previous.id * 65536 + glyph.id) ?? 0) * scale : 0;
      if (kerning) {
        parts.push(`) ${pdfNumber(-kerning)} (`);
        width += kerning;
      }
      parts.push(glyph.code);
      width += glyph.advance;
      previous = glyph;
    }
    parts.push(')]');
    return { segments: [{ font: this.font, parts: [{ operand: parts.join(''), rise: 0 }] }], width };
  }

  /** Any other line: runs in each font, in the order they stand on the page (see shapeLine). */
  private encodeShaped(text: string): EncodedLine {
    let width = 0;
    const segments = shapeLine(text, this.options.fonts, bidiEngine).map((run) => {
      const font = this.pdfFontFor(run.face);
      const parts: { operand: string; rise: number }[] = [];
      let items: string[] = [];
      const close = (rise: number) => {
        if (items.length) parts.push({ operand: `[${items.join(' ')}]`, rise });
        items = [];
      };
      for (const glyph of run.glyphs) {
        const gid = font.subset.includeGlyph(glyph.id);
        font.widths[gid] ??= glyph.advanceWidth * font.scale;
        font.unicode[gid] ??= glyph.codePoints;
        const hex = `<${gid.toString(16).padStart(4, '0')}>`;
        const before = glyph.xOffset * font.scale;
        const after = (glyph.xAdvance - glyph.advanceWidth - glyph.xOffset) * font.scale;
        const glyphItems = [...(before ? [pdfNumber(-before)] : []), hex, ...(after ? [pdfNumber(-after)] : [])];
        if (glyph.yOffset) {
          close(0);
          items = glyphItems;
          close(glyph.yOffset * font.scale);
        } else items.push(...glyphItems);
        width += glyph.xAdvance * font.scale;
      }
      close(0);
      return { font, parts };
    });
    return { segments, width };
  }

  /** pdfkit's object for a font of the chain, made once per document. */
  private pdfFontFor(face: FontFace): PdfKitFont {
    if (face === this.options.fonts.letter) return this.font;
    let font = this.otherFonts.get(face);
    if (!font) {
      font = embedFont(this.doc, face.font);
      this.otherFonts.set(face, font);
    }
    return font;
  }

  private simpleGlyph(char: string): EncodedChar | null {
    const codePoint = char.codePointAt(0)!;
    const fontkitFont = this.options.fonts.letter.font;
    if (/[\p{M}\p{Cf}\u00ad]/u.test(char) || RIGHT_TO_LEFT.test(char) || !fontkitFont.hasGlyphForCodePoint(codePoint)) return null;
    const glyph = fontkitFont.glyphForCodePoint(codePoint);
    const { font } = this;
    const gid = font.subset.includeGlyph(glyph.id);
    const advance = glyph.advanceWidth * font.scale;
    font.widths[gid] ??= advance;
    font.unicode[gid] ??= [codePoint];
    return { id: glyph.id, code: literalStringBytes(gid), advance };
  }

  /** pdfkit's object for the letter font: the document has one font, set when it was opened. */
  private get font(): PdfKitFont {
    return currentFont(this.doc);
  }

  private sharedFormsFor(content: SharedLetterContent): SharedForms {
    // A batch hands over the same object for the same letter; other callers are matched by content.
    let forms = this.sharedByObject.get(content);
    if (forms) return forms;
    const key = JSON.stringify([content.recipientLines, content.date, content.salutation, content.paragraphs, content.closing]);
    forms = this.shared.get(key);
    if (forms) this.sharedByObject.set(content, forms);
    if (!forms) {
      const layout = layoutSharedLetter(content, this.options.paper, this.measure);
      const id = this.shared.size + 1;
      forms = { layout, forms: layout.pages.map((page, index) => ({ name: `L${id}P${index + 1}`, ref: this.drawForm(page) })) };
      this.shared.set(key, forms);
      this.sharedByObject.set(content, forms);
    }
    return forms;
  }

  /**
   * Draws a page into a Form XObject. The form is drawn on pages under the same flipped
   * coordinates pdfkit sets up for a page, so it lands where drawn.
   */
  private drawForm(drawing: PageDrawing): PdfReference {
    return drawForm(this.doc, this.options.paper, () => this.draw(drawing));
  }

  /**
   * Draws the lines of a page in one text object: the same operators pdfkit's text() writes for a
   * line (its encoding, kerning and subset), without its per-call option handling, which would
   * cost more than the rest of a batch page. Every font of a line sits on the letter font's baseline.
   */
  private draw(drawing: PageDrawing): void {
    const { doc, font: letterFont } = this;
    const height = doc.page.height;
    let ops: string[] = [];
    let current = '';
    const flush = () => {
      if (!ops.length) return;
      // As bytes: pdfkit would otherwise convert the string character by character.
      doc.addContent(Buffer.from(`q 1 0 0 -1 0 ${pdfNumber(height)} cm BT ${ops.join(' ')} ET Q\n`, 'latin1'));
      ops = [];
      current = '';
    };
    for (const text of drawing.texts) {
      const line = this.line(text.text);
      const baseline = height - text.y - (letterFont.ascender / 1000) * text.size;
      ops.push(`1 0 0 1 ${pdfNumber(text.x)} ${pdfNumber(baseline)} Tm`);
      for (const segment of line.segments) {
        const font = `/${segment.font.id} ${pdfNumber(text.size)} Tf`;
        if (font !== current) {
          doc.page.fonts[segment.font.id] ??= segment.font.ref();
          ops.push(font);
          current = font;
        }
        for (const part of segment.parts) ops.push(part.rise ? `${pdfNumber((part.rise * text.size) / 1000)} Ts ${part.operand} TJ 0 Ts` : `${part.operand} TJ`);
      }
    }
    flush();
    for (const rule of drawing.rules) doc.lineWidth(rule.width).moveTo(rule.x1, rule.y1).lineTo(rule.x2, rule.y2).stroke();
  }
}
