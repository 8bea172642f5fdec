/** Whether bytes are a PDF file ("%PDF-" in its first kilobyte, as readers accept it). */
export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

interface TextPiece {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

/**
 * The text of a PDF as lines, with a blank line where the page leaves a paragraph gap, so the
 * finders read it as they read a text file. pdf.js is loaded here only, when a PDF comes in.
 */
export async function extractPdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 });
  const pdf = await task.promise;
  const pages: string[] = [];
  try {
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const lines: string[] = [];
      let line = '';
      let lastY: number | undefined;
      let lastHeight = 0;
      for (const item of content.items as TextPiece[]) {
        if (typeof item.str !== 'string') continue;
        const y = item.transform[5]!;
        if (lastY !== undefined && Math.abs(y - lastY) > 1 && line) {
          lines.push(line);
          line = '';
        }
        // A gap of more than about one and a half lines is a paragraph break.
        if (lastY !== undefined && lastY - y > Math.max(lastHeight, item.height) * 1.9 && lines.length && lines[lines.length - 1] !== '') lines.push('');
        if (item.str) {
          line += item.str;
          lastY = y;
          lastHeight = item.height || lastHeight;
        }
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line) lines.push(line);
      pages.push(lines.map((text) => text.replace(/\s+$/, '')).join('\n'));
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
  return pages.join('\n\n');
}
