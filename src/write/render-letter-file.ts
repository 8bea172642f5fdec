import type { FontRequest } from '../fonts/font-chain';
import { formatLetterText } from '../letters/letter';
import type { LetterPdfRenderer } from '../pdf/letter-renderer';
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
  /** The letter font and its fallbacks, for PDF letters. */
  fonts: FontRequest;
  cwd: string;
  /** What makes PDFs, started early by the command line (or here when needed). */
  pdfEngine?: LetterPdfRenderer;
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
      settings.pdfEngine ??= (await import('../pdf/letter-renderer')).startLetterRenderer();
      const [pdf] = await settings.pdfEngine.renderLetterPdfs([letter], { paper: settings.paper, fonts: settings.fonts, cwd: settings.cwd, now: settings.now });
      return pdf!;
    }
  }
}
