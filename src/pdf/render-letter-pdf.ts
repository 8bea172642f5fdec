import type { Letter } from '../letters/letter';
import type { PaperSize } from '../profile/profile';
import type { FontRequest } from '../fonts/font-chain';
import { assertFontShows, loadFontChain } from './letter-font';
import { personalContentOf, sharedContentOf, sharedTexts } from './letter-layout';
import { LetterPdf } from './letter-pdf';
import { PAPER_LAYOUTS } from './paper';

export interface RenderLetterPdfOptions {
  paper: PaperSize;
  /** The letter font and its fallbacks (--font, the profile, the computer's fonts). */
  fonts: FontRequest;
  cwd: string;
  /** The creation date written into each file. */
  now: Date;
}

/**
 * One PDF per letter, ready to print, sign and post in a window envelope. Every character is
 * checked against the font before any PDF is made, so a failure leaves nothing behind.
 */
export async function renderLetterPdfs(letters: readonly Letter[], options: RenderLetterPdfOptions): Promise<Uint8Array[]> {
  const fonts = await loadFontChain(options.fonts, options.cwd);
  const sender = letters[0]?.sender;
  assertFontShows(fonts, [
    ...(sender ? [{ what: 'your name (--name)', texts: [sender.name, ...letters.flatMap((letter) => letter.signature)] }, { what: 'your address (--address, --country, --email)', texts: [...(sender.address ?? []), sender.country ?? '', sender.email ?? ''] }] : []),
    ...letters.map((letter) => ({ what: `the letter to ${letter.recipientLines[0] ?? letter.officialId}`, texts: sharedTexts(sharedContentOf(letter)) })),
  ]);
  const paper = PAPER_LAYOUTS[options.paper];
  const files: Uint8Array[] = [];
  for (const letter of letters) {
    const chunks: Uint8Array[] = [];
    const pdf = await LetterPdf.open({
      paper,
      fonts,
      sink: (chunk) => chunks.push(chunk),
      info: { title: `Letter to ${letter.recipientLines[0] ?? letter.officialId}`, author: letter.sender.name, subject: letter.caseId, creationDate: options.now, language: letter.language },
    });
    pdf.addLetter(sharedContentOf(letter), personalContentOf(letter));
    await pdf.finish();
    files.push(Buffer.concat(chunks));
  }
  return files;
}
