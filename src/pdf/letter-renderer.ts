import type { Letter } from '../letters/letter';
import type { RenderLetterPdfOptions } from './render-letter-pdf';

/** What `write` needs of whatever makes its PDF letters. */
export interface LetterPdfRenderer {
  renderLetterPdfs(letters: readonly Letter[], options: RenderLetterPdfOptions): Promise<Uint8Array[]>;
}

/**
 * PDF letters made in this process. `write` makes one letter or a few, and a worker thread (a
 * second Node to start, then a message each way) costs more than it saves for so little: the PDF
 * code starts loading here, now, while the case library is read, and the letter is made on this
 * thread. A meeting's batch keeps the worker (pdf-engine.ts), which lays out while letters are made.
 */
export function startLetterRenderer(): LetterPdfRenderer {
  const renderer = import('./render-letter-pdf');
  // pdfkit (and with it fontkit) is read from disk and compiled while the cases load.
  const pdfkit = import('pdfkit');
  renderer.catch(() => undefined);
  pdfkit.catch(() => undefined);
  return {
    renderLetterPdfs: async (letters, options) => {
      await pdfkit;
      return (await renderer).renderLetterPdfs(letters, options);
    },
  };
}
