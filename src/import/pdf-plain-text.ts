import { isStream, PdfFile } from './pdf-file';
import { pdfPageLines } from './pdf-page-lines';
import { ContentTooLarge, pageTextPieces } from './pdf-text-content';
import { isDict, PdfUnsupported, type PdfDict, type PdfValue } from './pdf-syntax';

/**
 * A PDF's text read here, in a few milliseconds, when the file is of the plain kind an office
 * writes: not encrypted, Flate-compressed, its fonts WinAnsi or with a ToUnicode map, its text
 * horizontal. The pieces of text are made as pdf.js makes them (pdf-text-content.ts), so the
 * lines are the ones pdf.js's would be. For any other file the answer is "unsupported", and the
 * caller reads it with pdf.js (loaded on a thread of its own, some tenths of a second).
 */
export type PlainPdfText = { text: string } | { unsupported: string } | { limit: 'pages'; pages: number } | { limit: 'text' | 'operations' };

export interface PlainPdfLimits {
  pages: number;
  textLength: number;
  /** What all the streams read may inflate to, together. */
  inflatedBytes: number;
  /** Operators read over all pages and the forms they draw. */
  operations: number;
}

/** US Letter, pdf.js's page size for a page without a valid one. */
const LETTER: readonly number[] = [0, 0, 612, 792];

function normalRect(file: PdfFile, value: PdfValue | undefined): number[] | undefined {
  const rect = file.get(value);
  if (!Array.isArray(rect) || rect.length !== 4) return undefined;
  const numbers = rect.map((each) => file.get(each));
  if (!numbers.every((each): each is number => typeof each === 'number')) return undefined;
  const [x1, y1, x2, y2] = numbers as [number, number, number, number];
  const box = [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
  return box[2]! - box[0]! > 0 && box[3]! - box[1]! > 0 ? box : undefined;
}

interface PageNode {
  dict: PdfDict;
  inherited: Map<string, PdfValue>;
}

/** The pages in order, each with what it inherits from the page tree (resources, boxes). */
function pages(file: PdfFile, maxPages: number): PageNode[] | { pages: number } {
  const root = file.lookup(file.catalog(), 'Pages');
  if (!isDict(root)) throw new PdfUnsupported('no page tree');
  const count = file.lookup(root, 'Count');
  if (typeof count === 'number' && count > maxPages) return { pages: count };
  const found: PageNode[] = [];
  const visited = new Set<PdfDict>();
  const walk = (node: PdfDict, inherited: Map<string, PdfValue>, depth: number) => {
    if (visited.has(node) || depth > 32) throw new PdfUnsupported('a page tree that loops');
    visited.add(node);
    const mine = new Map(inherited);
    for (const key of ['Resources', 'MediaBox', 'CropBox']) if (node.has(key)) mine.set(key, node.get(key)!);
    const kids = file.lookup(node, 'Kids');
    if (Array.isArray(kids)) {
      for (const kid of kids) {
        const child = file.get(kid);
        if (isDict(child)) walk(child, mine, depth + 1);
      }
    } else {
      found.push({ dict: node, inherited: mine });
      if (found.length > maxPages) throw new PdfUnsupported('more pages than the bound');
    }
  };
  walk(root, new Map(), 0);
  // pdf.js reads as many pages as /Count says; a tree that holds another number is its to read.
  if (count !== found.length) throw new PdfUnsupported('a page tree that does not hold its count of pages');
  return found;
}

/** A page's content streams, one after the other; charged to the reading budget before they are joined (one stream may be listed many times). */
function pageContents(file: PdfFile, page: PdfDict): Uint8Array {
  const contents = file.lookup(page, 'Contents');
  const streams = Array.isArray(contents) ? contents.map((each) => file.get(each)) : [contents];
  const parts: Uint8Array[] = [];
  for (const stream of streams) {
    if (!isStream(stream)) continue;
    const data = file.streamData(stream);
    file.spend(data.length + 1);
    parts.push(data, Buffer.from('\n'));
  }
  return Buffer.concat(parts);
}

export function readPlainPdfText(bytes: Buffer, limits: PlainPdfLimits): PlainPdfText {
  try {
    const file = new PdfFile(bytes, limits.inflatedBytes);
    const found = pages(file, limits.pages);
    if (!Array.isArray(found)) return { limit: 'pages', pages: found.pages };
    const budget = { operations: limits.operations, textLength: limits.textLength };
    const fonts: Parameters<typeof pageTextPieces>[3] = new Map();
    const texts: string[] = [];
    for (const page of found) {
      const resources = file.get(page.inherited.get('Resources'));
      const mediaBox = normalRect(file, page.inherited.get('MediaBox')) ?? LETTER;
      const cropBox = normalRect(file, page.inherited.get('CropBox')) ?? mediaBox;
      const intersection = [Math.max(cropBox[0]!, mediaBox[0]!), Math.max(cropBox[1]!, mediaBox[1]!), Math.min(cropBox[2]!, mediaBox[2]!), Math.min(cropBox[3]!, mediaBox[3]!)];
      const viewBox = intersection[2]! - intersection[0]! > 0 && intersection[3]! - intersection[1]! > 0 ? intersection : mediaBox;
      const pieces = pageTextPieces(file, { contents: pageContents(file, page.dict), resources: isDict(resources) ? resources : new Map(), viewBox }, budget, fonts);
      texts.push(pdfPageLines(pieces));
    }
    return { text: texts.join('\n\n') };
  } catch (error) {
    if (error instanceof ContentTooLarge) return { limit: error.message === 'text' ? 'text' : 'operations' };
    if (error instanceof PdfUnsupported) return { unsupported: error.message };
    // A file damaged in a way the plain reader did not foresee: pdf.js, which repairs more, reads it.
    return { unsupported: `damaged (${(error as Error).message})` };
  }
}
