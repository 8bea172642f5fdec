import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface PdfTextItem {
  text: string;
  /** Baseline start, in points from the bottom-left corner of the page, as PDF measures. */
  x: number;
  y: number;
  size: number;
  width: number;
  font: string;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
  fonts: Record<string, { name: string | null; missingFile: boolean | null }>;
  /** Every glyph drawn, in drawing order: its font, the text it stands for (ToUnicode), its advance in thousandths of the size. */
  glyphs: { font: string; unicode: string; width: number }[];
}

export interface PdfReading {
  file: string;
  info: Record<string, unknown>;
  pages: PdfPage[];
  /** What pdf.js warned about while reading. */
  warnings: string[];
}

/**
 * Reads PDFs with pdf.js in a child process (pdf.js is an ES module, which jest's CommonJS
 * runtime cannot load). Read several files in one call: starting pdf.js takes half a second.
 */
export function readPdfs(files: readonly string[]): Promise<PdfReading[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(__dirname, 'pdf-reader.mjs'), ...files], { maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`pdf.js could not read ${files.join(', ')}: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as PdfReading[]);
    });
  });
}

/** The page's text in reading order, one line per text item. */
export function pageText(page: PdfPage): string {
  return page.items.map((item) => item.text).join('\n');
}

/** Whether Debian's poppler-utils (pdftoppm, pdftotext, pdffonts) are installed; .ci/run installs them. */
export function hasPoppler(): boolean {
  try {
    execFileSync('pdffonts', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs a poppler tool; returns what it printed on standard output and standard error. */
export function poppler(tool: 'pdftoppm' | 'pdftotext' | 'pdffonts', args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(tool, [...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${tool} failed: ${stderr || error.message}`));
      else resolve({ stdout, stderr });
    });
  });
}
