import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import {
  addUncompressedPage,
  checkPdfkitShapes,
  currentFont,
  drawForm,
  embedFont,
  EXPECTED_MEMBERS,
  openDocument,
  PDFKIT_VERSION,
  releaseWrittenPage,
  type PdfDocument,
} from '../../src/pdf/pdfkit-internals';
import { REPO_ROOT } from '../helpers/run-cli';

/**
 * The pdfkit private parts appeal uses, checked against the pdfkit that is installed: an upgrade
 * that moves one of them fails here, naming it, instead of making broken letters.
 */
const installed = JSON.parse(readFileSync(join(dirname(require.resolve('pdfkit')), '..', 'package.json'), 'utf8')) as { version: string };
const letterFont = fontkit.create(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))) as Font;
const otherFont = fontkit.create(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf'))) as Font;

function newDocument(): PdfDocument {
  return openDocument(PDFDocument, letterFont, { info: { Title: 'test', CreationDate: new Date('2026-11-22T12:00:00Z') } });
}

/** The document's whole output, once ended. */
function output(doc: PdfDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.end();
  });
}

/** Each stream of a PDF: its dictionary and its content, inflated when it was compressed. */
function streams(pdf: Buffer): { dictionary: string; content: string }[] {
  const text = pdf.toString('latin1');
  const found: { dictionary: string; content: string }[] = [];
  for (const match of text.matchAll(/<<([^]*?)>>\s*stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const bytes = pdf.subarray(start, text.indexOf('endstream', start));
    const dictionary = match[1]!;
    found.push({ dictionary, content: (dictionary.includes('/FlateDecode') ? inflateSync(bytes) : bytes).toString('latin1') });
  }
  return found;
}

/** Makes one member of a document missing, even where pdfkit defines it as a getter or a method. */
function withoutMember(doc: PdfDocument, path: string): PdfDocument {
  const keys = path.split('.');
  let owner = doc as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) owner = owner[key] as Record<string, unknown>;
  Object.defineProperty(owner, keys.at(-1)!, { value: undefined, configurable: true, writable: true });
  return doc;
}

describe('pdfkit is the version src/pdf/pdfkit-internals.ts was written against', () => {
  test(`package.json pins pdfkit to exactly ${PDFKIT_VERSION}, and that is the one installed`, () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.pdfkit).toBe(PDFKIT_VERSION);
    expect(installed.version).toBe(PDFKIT_VERSION);
  });

  test('a document of the installed pdfkit has every member the adapter uses, with its type', () => {
    const doc = newDocument();
    addUncompressedPage(doc, [595, 842]);
    expect(() => checkPdfkitShapes(doc, installed.version)).not.toThrow();
  });

  test('a document with no page yet fails the check in full words: the page members need a page', () => {
    expect(() => checkPdfkitShapes(newDocument(), '0.20.2')).toThrow(
      'pdfkit 0.20.2 has changed a part appeal relies on: doc.page should be an object but is missing (src/pdf/pdfkit-internals.ts was written against pdfkit 0.20.2). Pin pdfkit to 0.20.2 in package.json, or update pdfkit-internals.ts for the new version.',
    );
  });

  test.each(EXPECTED_MEMBERS.map((member) => [member.path, member.type]))('a pdfkit without doc.%s fails the check, naming it and the version', (path, type) => {
    const doc = newDocument();
    addUncompressedPage(doc, [595, 842]);
    const message = `pdfkit 9.9.9 has changed a part appeal relies on: doc.${path} should be ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type} but is missing`;
    expect(() => checkPdfkitShapes(withoutMember(doc, path), '9.9.9')).toThrow(message);
  });

  test('a member of another type fails the check too, saying what it found', () => {
    const doc = newDocument();
    addUncompressedPage(doc, [595, 842]);
    (doc as unknown as { _font: { widths: unknown } })._font.widths = {};
    expect(() => checkPdfkitShapes(doc, '9.9.9')).toThrow('doc._font.widths should be an array but is an object');
  });
});

describe('what the adapter does with those members', () => {
  test('embedFont makes a second font and leaves the letter font current', () => {
    const doc = newDocument();
    const letter = currentFont(doc);
    const other = embedFont(doc, otherFont);
    expect(other.id).not.toBe(letter.id);
    expect(currentFont(doc)).toBe(letter);
    expect(embedFont(doc, otherFont).id).toBe(other.id);
  });

  test('a form gets what is drawn into it, the page only what is drawn after; the page is stored as is, the form compressed', async () => {
    const doc = newDocument();
    addUncompressedPage(doc, [300, 200]);
    const page = doc.page;
    let pageWhileDrawing: unknown;
    const form = drawForm(doc, { width: 300, height: 200 }, () => {
      pageWhileDrawing = doc.page;
      doc.addContent('3.75 w');
    });
    expect(pageWhileDrawing).not.toBe(page);
    expect(doc.page).toBe(page);
    expect(doc.compress).toBe(true);
    doc.page.xobjects.F1 = form;
    doc.addContent('/F1 Do 7.25 w');
    const written = streams(await output(doc));
    const formStream = written.find((stream) => stream.dictionary.includes('/Subtype /Form'))!;
    expect(formStream.dictionary).toContain('/BBox [0 0 300 200]');
    expect(formStream.dictionary).toContain('/FlateDecode');
    expect(formStream.content).toContain('3.75 w');
    expect(formStream.content).not.toContain('7.25 w');
    const pageStream = written.find((stream) => stream.content.includes('/F1 Do'))!;
    expect(pageStream.dictionary).not.toContain('/FlateDecode');
    expect(pageStream.content).not.toContain('3.75 w');
  });

  test('a page released after it was written is still in the file, with its size', async () => {
    const doc = newDocument();
    addUncompressedPage(doc, [300, 200]);
    const first = doc.page;
    addUncompressedPage(doc, [400, 250]);
    releaseWrittenPage(first);
    expect(first.dictionary.data).toEqual({});
    const pdf = (await output(doc)).toString('latin1');
    expect(pdf).toContain('/Count 2');
    expect(pdf).toContain('/MediaBox [0 0 300 200]');
    expect(pdf).toContain('/MediaBox [0 0 400 250]');
  });
});
