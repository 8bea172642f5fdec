import type { LetterFont } from './letter-font';
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

export interface LetterPdfOptions {
  paper: PaperLayout;
  font: LetterFont;
  /** Document properties; the creation date comes from appeal's clock, so equal runs give equal bytes. */
  info: { title: string; author?: string; subject?: string; creationDate: Date; language?: string };
  /** Receives the file's bytes as they are made, so a long batch never holds the whole file. */
  sink: (chunk: Uint8Array) => void;
}

type PdfDocument = PDFKit.PDFDocument;
type PdfReference = PDFKit.PDFKitReference & { data: Record<string, unknown>; write(chunk: string): void; end(chunk?: string): void };

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

interface SharedForms {
  layout: SharedLayout;
  /** One Form XObject per page of the letter, with its resource name. */
  forms: { name: string; ref: PdfReference }[];
}

/**
 * A PDF of letters, written page by page. The part of a letter that all its signers share is laid
 * out once and kept as a Form XObject per page; each signer's page draws that form and adds only
 * their own name and address. A thousand letters to one official cost one layout, and each page
 * after the first adds a few hundred bytes.
 */
export class LetterPdf {
  private readonly shared = new Map<string, SharedForms>();
  private pageCount = 0;
  private readonly finished: Promise<void>;

  private constructor(
    private readonly doc: PdfDocument,
    private readonly options: LetterPdfOptions,
  ) {
    const metrics = options.font.font as unknown as { ascent: number; descent: number; unitsPerEm: number };
    this.measure = {
      widthOf: (text, size) => doc.fontSize(size).widthOfString(text),
      ascent: metrics.ascent / metrics.unitsPerEm,
      descent: Math.abs(metrics.descent) / metrics.unitsPerEm,
    };
    this.finished = new Promise((resolve, reject) => {
      doc.on('data', (chunk: Uint8Array) => options.sink(chunk));
      doc.on('end', () => resolve());
      doc.on('error', reject);
    });
  }

  /** pdfkit is loaded here, the first time a PDF is made, never at start-up. */
  static async open(options: LetterPdfOptions): Promise<LetterPdf> {
    const { default: PDFDocument } = await import('pdfkit');
    const { info } = options;
    const doc = new PDFDocument({
      autoFirstPage: false,
      // A font object instead of a name: pdfkit then never loads its built-in Helvetica.
      font: options.font.font as unknown as string,
      lang: info.language,
      displayTitle: true,
      info: {
        Title: info.title,
        ...(info.author ? { Author: info.author } : {}),
        ...(info.subject ? { Subject: info.subject } : {}),
        Creator: 'appeal',
        Producer: 'appeal with PDFKit',
        CreationDate: info.creationDate,
      },
    });
    return new LetterPdf(doc, options);
  }

  /**
   * Widths in the document's own font object, whose cache of laid-out words the text drawing then
   * reuses: each word of a letter is shaped once.
   */
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
    return forms.forms.length;
  }

  /** An empty page, so that the next letter starts on the front of a sheet in duplex printing. */
  addBlankPage(): void {
    this.newPage();
  }

  /** Adds a page of another size (an envelope, a label sheet) and draws on it. */
  addDrawnPage(size: readonly [number, number], drawing: PageDrawing): void {
    this.newPage(size);
    this.draw(drawing);
  }

  /** Ends the document; resolves once its last byte has gone to the sink. */
  async finish(): Promise<void> {
    this.doc.end();
    await this.finished;
  }

  private newPage(size: readonly [number, number] = [this.options.paper.width, this.options.paper.height]): void {
    this.doc.addPage({ size: [...size], margin: 0 });
    this.pageCount += 1;
  }

  private sharedFormsFor(content: SharedLetterContent): SharedForms {
    const key = JSON.stringify([content.recipientLines, content.date, content.salutation, content.paragraphs, content.closing]);
    let forms = this.shared.get(key);
    if (!forms) {
      const layout = layoutSharedLetter(content, this.options.paper, this.measure);
      const id = this.shared.size + 1;
      forms = { layout, forms: layout.pages.map((page, index) => ({ name: `L${id}P${index + 1}`, ref: this.drawForm(page) })) };
      this.shared.set(key, forms);
    }
    return forms;
  }

  /**
   * Draws a page into a Form XObject. pdfkit draws on `doc.page`; pointing it at the form for the
   * moment gives the form the same content and resources a page would get. The form is drawn on
   * pages under the same flipped coordinates pdfkit sets up for a page, so it lands where drawn.
   */
  private drawForm(drawing: PageDrawing): PdfReference {
    const { width, height } = this.options.paper;
    const fonts: Record<string, unknown> = {};
    const form = this.doc.ref({ Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: [0, 0, width, height], Resources: { ProcSet: ['PDF', 'Text'], Font: fonts } }) as PdfReference;
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
    const doc = this.doc as unknown as { page: unknown };
    const page = doc.page;
    doc.page = target;
    try {
      this.draw(drawing);
    } finally {
      doc.page = page;
    }
    form.end();
    return form;
  }

  private draw(drawing: PageDrawing): void {
    const { doc } = this;
    for (const text of drawing.texts) doc.fontSize(text.size).text(text.text, text.x, text.y, { lineBreak: false });
    for (const rule of drawing.rules) doc.lineWidth(rule.width).moveTo(rule.x1, rule.y1).lineTo(rule.x2, rule.y2).stroke();
  }
}
