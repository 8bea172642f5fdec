import { closeSync, fsyncSync, openSync } from 'node:fs';
import { writeAllBytes } from '../output/write-output-file';
import type { PaperSize } from '../profile/profile';
import { ENVELOPES, LABEL_SHEETS, layoutEnvelope, layoutLabelSheet, planLabelSheets } from './envelope-layout';
import type { FontChain, FontRequest } from '../fonts/font-chain';
import { assertFontShows, loadFontChain } from './letter-font';
import type { PersonalContent, SharedLetterContent } from './letter-layout';
import { LetterPdf } from './letter-pdf';
import { PAPER_LAYOUTS } from './paper';

/** One letter of a batch: which shared letter it is, and who signs it (or a blank signature block). */
export interface BatchLetter {
  shared: number;
  personal: PersonalContent;
}

/** What a whole batch PDF is: where it goes and how it is printed. */
export interface BatchHeader {
  /** A new file for the PDF (the caller moves it into place when all went well). */
  file: string;
  paper: PaperSize;
  fonts: FontRequest;
  cwd: string;
  now: Date;
  title: string;
  language?: string;
  duplex: boolean;
  /** An envelope page per letter after the letters. */
  envelopes: boolean;
  /** Sheets of address labels after the letters (and envelopes); the first used label of the first sheet, from 1. */
  labels: { start: number } | undefined;
}

/** A part of the PDF to print on one kind of paper: pages `first` to `last`, from 1. */
export interface PdfSection {
  what: 'letters' | 'envelopes' | 'labels';
  first: number;
  last: number;
}

/** The next letters of a batch, in mailing order, with the shared letters they bring in. */
export interface BatchChunk {
  /** Shared letters met for the first time; they get the next numbers, in order. */
  shared: SharedLetterContent[];
  letters: BatchLetter[];
  /** Text to check against the font before these letters are written, with where it comes from. */
  fontSources: { what: string; texts: string[] }[];
}

export interface BatchResult {
  pages: number;
  letterPages: number;
  /** Empty backs added so that each letter starts on the front of a sheet. */
  blankPages: number;
  envelopes: number;
  labelSheets: number;
  /** The pages of letters, envelopes and labels, so the printer's paper can be changed between them. */
  sections: PdfSection[];
  bytes: number;
  /**
   * Members whose name or address no font here can show, with those characters: their letters
   * get an empty block to sign and to write the name and address by hand.
   */
  handSigned: { name: string; characters: string[] }[];
}

/**
 * Writes a batch into one PDF as its letters arrive, page after page straight to the file, so
 * memory stays the same for ten letters or ten thousand. Each distinct letter is laid out once
 * (see LetterPdf); envelopes or label sheets follow the letters, in the same order.
 */
export class BatchPdfWriter {
  private readonly shared: SharedLetterContent[] = [];
  /** What the envelopes or labels need of each letter, kept only when they are asked for. */
  private readonly addresses: { shared: number; returnLines?: string[] }[] = [];
  private letters = 0;
  private letterPages = 0;
  private blankPages = 0;
  private readonly handSigned = new Map<string, string[]>();

  private constructor(
    private readonly header: BatchHeader,
    private readonly fonts: FontChain,
    private readonly file: BufferedFile,
    private readonly pdf: LetterPdf,
  ) {}

  static async open(header: BatchHeader): Promise<BatchPdfWriter> {
    const fonts = await loadFontChain(header.fonts, header.cwd);
    const file = new BufferedFile(openSync(header.file, 'wx'));
    try {
      const pdf = await LetterPdf.open({
        paper: PAPER_LAYOUTS[header.paper],
        fonts,
        sink: (chunk) => file.write(chunk),
        info: { title: header.title, subject: 'letters to sign', creationDate: header.now, language: header.language },
      });
      return new BatchPdfWriter(header, fonts, file, pdf);
    } catch (error) {
      file.abandon();
      throw error;
    }
  }

  /** Adds the next letters; returns how many letters the PDF has now. */
  add(chunk: BatchChunk): number {
    assertFontShows(this.fonts, chunk.fontSources);
    this.shared.push(...chunk.shared);
    for (const chunkLetter of chunk.letters) {
      const letter = this.printable(chunkLetter);
      const pages = this.pdf.addLetter(this.shared[letter.shared]!, letter.personal);
      this.letterPages += pages;
      if (this.header.duplex && pages % 2 === 1) {
        this.pdf.addBlankPage();
        this.blankPages += 1;
      }
      if (this.header.envelopes || this.header.labels) this.addresses.push({ shared: letter.shared, returnLines: letter.personal.kind === 'signed' ? returnAddress(letter.personal) : undefined });
    }
    this.letters += chunk.letters.length;
    return this.letters;
  }

  /** Adds envelopes or labels, ends the PDF and makes sure it is on disk. */
  async finish(): Promise<BatchResult> {
    const { header, pdf } = this;
    const sections: PdfSection[] = [];
    const section = (what: PdfSection['what'], before: number) => {
      if (pdf.pages > before) sections.push({ what, first: before + 1, last: pdf.pages });
    };
    section('letters', 0);
    if (header.envelopes) {
      const before = pdf.pages;
      const envelope = ENVELOPES[header.paper];
      for (const address of this.addresses) {
        pdf.addDrawnPage([envelope.width, envelope.height], layoutEnvelope(this.shared[address.shared]!.recipientLines, address.returnLines, header.paper, pdf.measure));
      }
      section('envelopes', before);
    }
    let labelSheets = 0;
    if (header.labels) {
      const before = pdf.pages;
      const sheet = LABEL_SHEETS[header.paper];
      for (const page of planLabelSheets(this.addresses.length, sheet, header.labels.start)) {
        const blocks = this.addresses.slice(page.start, page.start + page.count).map((address) => this.shared[address.shared]!.recipientLines);
        pdf.addDrawnPage([sheet.width, sheet.height], layoutLabelSheet(blocks, sheet, page.firstCell, pdf.measure));
        labelSheets += 1;
      }
      section('labels', before);
    }
    await pdf.finish();
    this.file.close();
    return {
      pages: pdf.pages,
      letterPages: this.letterPages,
      blankPages: this.blankPages,
      envelopes: header.envelopes ? this.letters : 0,
      labelSheets,
      sections,
      bytes: this.file.bytes,
      handSigned: [...this.handSigned].map(([name, characters]) => ({ name, characters })),
    };
  }

  /**
   * A member whose name or address no font here has is never printed with a character missing,
   * and never stops the meeting: their letter gets the blank block to sign and fill in by hand.
   */
  private printable(letter: BatchLetter): BatchLetter {
    if (letter.personal.kind !== 'signed') return letter;
    const { sender, signature } = letter.personal;
    const known = this.handSigned.get(sender.name);
    const missing = known ?? this.fonts.unshowable([sender.name, ...(sender.address ?? []), sender.country ?? '', sender.email ?? '', ...signature]);
    if (!missing.length) return letter;
    if (!known) this.handSigned.set(sender.name, missing);
    return { shared: letter.shared, personal: { kind: 'blank' } };
  }

  /** Stops writing; the caller removes the file. */
  abort(): void {
    this.file.abandon();
  }
}

/**
 * pdfkit hands over each line of PDF syntax as its own chunk; gathering them into blocks makes
 * one write per 64 KB instead of thousands of tiny ones, and still holds only one block.
 */
class BufferedFile {
  private readonly block = Buffer.allocUnsafe(64 * 1024);
  private used = 0;
  private open = true;
  bytes = 0;

  constructor(private readonly fd: number) {}

  write(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (this.used + chunk.length > this.block.length) this.flush();
    if (chunk.length >= this.block.length) {
      this.writeAll(chunk);
      return;
    }
    this.block.set(chunk, this.used);
    this.used += chunk.length;
  }

  /** Writes what is left and closes the file, once it is safely on disk. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    try {
      this.flush();
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
    }
  }

  /** Closes the file without writing what is left (after a failure: the file is removed). */
  abandon(): void {
    if (!this.open) return;
    this.open = false;
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.used) this.writeAll(this.block.subarray(0, this.used));
    this.used = 0;
  }

  private writeAll(bytes: Uint8Array): void {
    writeAllBytes(this.fd, bytes);
  }
}

function returnAddress(personal: Extract<PersonalContent, { kind: 'signed' }>): string[] {
  const { sender } = personal;
  return [sender.name, ...(sender.address ?? []), ...(sender.address?.length && sender.country ? [sender.country] : [])];
}
