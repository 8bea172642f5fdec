import type { Font } from 'fontkit';

/**
 * The one place appeal reaches into pdfkit past its documented API. A batch of a thousand letters
 * is made fast and in flat memory by writing PDF operators itself (its own encoding, one Form
 * XObject per shared page), and that needs a few of pdfkit's private parts. Each is used through a
 * small function here, and checkPdfkitShapes() (run by test/pdf/pdfkit-internals.test.ts) checks
 * that an installed pdfkit still has them, so an upgrade fails with a message naming the member
 * rather than with a broken PDF. pdfkit is pinned in package.json to the version below.
 */
export const PDFKIT_VERSION = '0.20.2';

export type PdfDocument = PDFKit.PDFDocument;

/** pdfkit's reference to a PDF object; a Form XObject's one is written to like a page's content. */
export type PdfReference = PDFKit.PDFKitReference & { data: Record<string, unknown>; write(chunk: string): void; end(chunk?: string): void };

/** The parts of pdfkit's font object (its EmbeddedFont, `doc._font`) that drawing a line of text uses. */
export interface PdfKitFont {
  /** The font's resource name on a page ("F1"). */
  id: string;
  /** Above the baseline, in thousandths of the font size. */
  ascender: number;
  /** 1000 / units per em. */
  scale: number;
  /** The font's PDF object, written out with its subset when the document ends. */
  ref(): unknown;
  subset: { includeGlyph(id: number): number };
  /** By glyph id in the subset: its advance and its text (for copying text out of the PDF). */
  widths: number[];
  unicode: number[][];
}

/** The private members of a PDFDocument this file uses, as they are in pdfkit 0.20.2. */
interface DocumentInternals {
  _font: PdfKitFont;
  /** Typed with a string source only; pdfkit also takes a fontkit font (it checks for `layout`). */
  font(src: Font): unknown;
  page: unknown;
  /** The catalogue; its page tree (`Pages`) is written when the document ends. */
  _root: { data: { Pages: { data: Record<string, unknown> } } };
}

const internals = (doc: PdfDocument) => doc as unknown as DocumentInternals;

export interface DocumentSettings {
  info: PDFKit.DocumentInfo;
  language?: string;
}

/**
 * A document set in a fontkit font. pdfkit takes a font object where its types say a name, and so
 * never loads its built-in Helvetica (a file read and a parse appeal would never use).
 */
export function openDocument(PDFDocument: typeof import('pdfkit'), font: Font, settings: DocumentSettings): PdfDocument {
  return new PDFDocument({ autoFirstPage: false, font: font as unknown as string, lang: settings.language, displayTitle: true, info: settings.info });
}

/**
 * The document's current font. pdfkit keeps it only in `_font`; appeal needs its subset, widths
 * and resource name to write text operators itself instead of through text(), which per call costs
 * more than the rest of a batch page.
 */
export function currentFont(doc: PdfDocument): PdfKitFont {
  return internals(doc)._font;
}

/**
 * pdfkit's object for another font (a fallback for characters the letter font lacks), leaving the
 * document's current font as it was. doc.font() is the only way pdfkit makes one, and it also makes
 * it current; appeal's own drawing picks the font per run, so the current one is put back.
 */
export function embedFont(doc: PdfDocument, font: Font): PdfKitFont {
  const inner = internals(doc);
  const current = inner._font;
  inner.font(font);
  const embedded = inner._font;
  inner._font = current;
  return embedded;
}

/**
 * Starts a page whose own content stream is stored uncompressed. pdfkit decides whether a stream
 * is compressed when the stream is made, from the document's `compress`, and addPage() makes the
 * page's content stream: a few lines of text cost a few hundred bytes stored as is, and saves
 * starting a compressor per page. Shared letters and fonts, made later, stay compressed.
 */
export function addUncompressedPage(doc: PdfDocument, size: readonly [number, number]): void {
  doc.compress = false;
  try {
    doc.addPage({ size: [...size], margin: 0 });
  } finally {
    doc.compress = true;
  }
  // What pdfkit writes into every page that says nothing: the unit size 1, the default, and the
  // procedure sets, obsolete since PDF 1.4. And the page size, where it is the size of the first
  // page: the page tree gives it to every page that has none of its own. A batch page is 100
  // bytes smaller.
  const page = internals(doc).page as { dictionary: { data: Record<string, unknown> }; resources: { data: Record<string, unknown> } };
  delete page.dictionary.data.UserUnit;
  delete page.resources.data.ProcSet;
  const tree = internals(doc)._root.data.Pages.data;
  const box = page.dictionary.data.MediaBox;
  tree.MediaBox ??= box;
  if (JSON.stringify(tree.MediaBox) === JSON.stringify(box)) delete page.dictionary.data.MediaBox;
}

/**
 * Lets go of a page pdfkit has already written out (it writes a page when the next one starts).
 * The document keeps the page's dictionary for the page tree, and with it the page's resources;
 * emptying the dictionary's data keeps memory flat however long the batch. Its reference, which
 * is all the page tree writes, stays.
 */
export function releaseWrittenPage(page: PDFKit.PDFPage): void {
  const reference = page.dictionary as unknown as { data: unknown; buffer: unknown };
  reference.data = RELEASED_DATA;
  reference.buffer = RELEASED_BUFFER;
}
// One empty dictionary and buffer for every written page, not one each: 80 bytes a page, 0.8 MB
// over 10,000 letters. Frozen, so pdfkit writing to a page it has written would fail, not go unseen.
const RELEASED_DATA = Object.freeze({});
const RELEASED_BUFFER = Object.freeze([]);

/** A page-like target for pdfkit's drawing calls, so that the same calls fill a Form XObject. */
interface DrawingTarget {
  width: number;
  height: number;
  margins: { top: number; left: number; bottom: number; right: number };
  fonts: Record<string, unknown>;
  xobjects: Record<string, unknown>;
  ext_gstates: Record<string, unknown>;
  patterns: Record<string, unknown>;
  colorSpaces: Record<string, unknown>;
  annotations: unknown[];
  write(chunk: string): void;
}

/**
 * Draws into a new Form XObject the size of a page and returns it, ended. pdfkit's drawing calls
 * (addContent, stroke) write to `doc.page` and put resources on it; pointing `doc.page` at the form
 * for the moment gives the form the same content and resources a page would get. There is no
 * public way to draw into a form.
 */
export function drawForm(doc: PdfDocument, size: { width: number; height: number }, draw: () => void): PdfReference {
  const { width, height } = size;
  const fonts: Record<string, unknown> = {};
  const form = doc.ref({ Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: [0, 0, width, height], Resources: { ProcSet: ['PDF', 'Text'], Font: fonts } }) as PdfReference;
  const target: DrawingTarget = {
    width,
    height,
    margins: { top: 0, left: 0, bottom: 0, right: 0 },
    fonts,
    xobjects: {},
    ext_gstates: {},
    patterns: {},
    colorSpaces: {},
    annotations: [],
    write: (chunk) => form.write(chunk),
  };
  const inner = internals(doc);
  const page = inner.page;
  inner.page = target;
  try {
    draw();
  } finally {
    inner.page = page;
  }
  form.end();
  return form;
}

/** One member this file relies on, where to find it from the document, and what it must be. */
interface ExpectedMember {
  path: string;
  type: 'function' | 'number' | 'string' | 'boolean' | 'object' | 'array';
}

/**
 * The members of a PDFDocument the functions above use, with their types. The document must have
 * been opened with openDocument() and have a page (the page's members are checked too).
 */
export const EXPECTED_MEMBERS: readonly ExpectedMember[] = [
  { path: '_font', type: 'object' },
  { path: '_font.id', type: 'string' },
  { path: '_font.ascender', type: 'number' },
  { path: '_font.scale', type: 'number' },
  { path: '_font.ref', type: 'function' },
  { path: '_font.subset', type: 'object' },
  { path: '_font.subset.includeGlyph', type: 'function' },
  { path: '_font.widths', type: 'array' },
  { path: '_font.unicode', type: 'array' },
  { path: 'font', type: 'function' },
  { path: 'compress', type: 'boolean' },
  { path: 'addPage', type: 'function' },
  { path: 'addContent', type: 'function' },
  { path: 'ref', type: 'function' },
  { path: 'page', type: 'object' },
  { path: 'page.width', type: 'number' },
  { path: 'page.height', type: 'number' },
  // Before the members pdfkit reads from the page's resources, which throw without them.
  { path: 'page.resources', type: 'object' },
  { path: 'page.resources.data', type: 'object' },
  { path: 'page.fonts', type: 'object' },
  { path: 'page.xobjects', type: 'object' },
  { path: 'page.write', type: 'function' },
  { path: 'page.dictionary', type: 'object' },
  { path: 'page.dictionary.data', type: 'object' },
  { path: '_root.data.Pages.data', type: 'object' },
];

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

const withArticle = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/**
 * Checks that a document has every member this file uses, with the type it expects; throws an
 * error naming the installed pdfkit version and the first member that is missing or different.
 */
export function checkPdfkitShapes(doc: unknown, installedVersion: string): void {
  for (const member of EXPECTED_MEMBERS) {
    let value: unknown = doc;
    for (const key of member.path.split('.')) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
    const found = typeOf(value);
    if (found !== member.type) {
      throw new Error(
        `pdfkit ${installedVersion} has changed a part appeal relies on: doc.${member.path} should be ${withArticle(member.type)} but ` +
          `${found === 'undefined' || found === 'null' ? 'is missing' : `is ${withArticle(found)}`} (src/pdf/pdfkit-internals.ts was written against pdfkit ${PDFKIT_VERSION}). ` +
          `Pin pdfkit to ${PDFKIT_VERSION} in package.json, or update pdfkit-internals.ts for the new version.`,
      );
    }
  }
}
