import { formatLetterText } from '../letters/letter';
import type { PdfEngine } from '../pdf/pdf-engine';
import type { PaperSize } from '../profile/profile';
import type { FileFormat, LetterToWrite } from './plan-write';

/** What making a file takes beyond the letter: the same for every letter of one run. */
export interface LetterFileSettings {
  /** The From of email drafts. */
  senderEmail?: string;
  subject: string;
  now: Date;
  paper: PaperSize;
  /** --font, for PDF letters in scripts the built-in font lacks. */
  fontFile?: string;
  cwd: string;
  /** The thread that makes PDFs, started early by the command line (or here when needed). */
  pdfEngine?: PdfEngine;
}

/** A letter's file in one format; email and PDF load their libraries only when asked for. */
export async function renderLetterFile(format: FileFormat, { letter, official }: LetterToWrite, settings: LetterFileSettings): Promise<string | Uint8Array> {
  switch (format) {
    case 'text':
      return formatLetterText(letter);
    case 'email': {
      const { buildEmailDraft } = await import('../email/build-email-draft');
      return buildEmailDraft({ letter, from: settings.senderEmail!, to: official.email!, subject: settings.subject, date: settings.now });
    }
    case 'pdf': {
      settings.pdfEngine ??= (await import('../pdf/pdf-engine')).startPdfEngine();
      const [pdf] = await settings.pdfEngine.renderLetterPdfs([letter], { paper: settings.paper, fontFile: settings.fontFile, cwd: settings.cwd, now: settings.now });
      return pdf!;
    }
  }
}
