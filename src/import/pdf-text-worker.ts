import { parentPort } from 'node:worker_threads';
import { pdfPageLines, type TextPiece } from './pdf-page-lines';
import { writeCompiledCode } from '../startup/compiled-code-cache';

/**
 * Reads a PDF's text with pdf.js on a thread of its own (see pdf-text.ts): there it can be watched
 * and stopped, whatever the document makes it do.
 */

export interface PdfTextRequest {
  bytes: Uint8Array;
  maxPages: number;
  maxTextLength: number;
}
export type PdfTextReply = { ok: true; text: string } | { ok: false; limit?: 'pages' | 'text'; pages?: number; message: string };

/**
 * pdf.js loads the native canvas library (@napi-rs/canvas, the larger part of its start-up) only
 * to draw pages, which text extraction never does; pdf.js runs without it, as it is an optional
 * dependency. This thread is pdf.js's alone, so refusing that one module here touches nothing else.
 * pdf.js makes one DOMMatrix as it loads, for drawing: an empty class serves, and any use of one
 * for drawing would fail loudly rather than quietly.
 */
function leaveOutCanvas(): void {
  const getBuiltinModule = process.getBuiltinModule.bind(process) as (id: string) => unknown;
  process.getBuiltinModule = ((id: string) => {
    const builtin = getBuiltinModule(id);
    if (id !== 'module' && id !== 'node:module') return builtin;
    const module = builtin as typeof import('node:module');
    return {
      ...module,
      createRequire: (from: string | URL) => {
        const load = module.createRequire(from);
        const refuse = (request: string) => {
          if (request === '@napi-rs/canvas') throw Object.assign(new Error('not loaded: appeal only reads text'), { code: 'MODULE_NOT_FOUND' });
          return load(request);
        };
        return Object.assign(refuse, load);
      },
    };
  }) as typeof process.getBuiltinModule;
  (globalThis as { DOMMatrix?: unknown }).DOMMatrix ??= class DOMMatrix {};
}

/**
 * pdf.js in Node reads on a "fake worker": its core (pdf.worker.mjs) in this same thread. Handing
 * it the core here, as `globalThis.pdfjsWorker`, is pdf.js's way for a bundle that holds both:
 * the bundled thread (scripts/bundle-pdf-text-worker.js) then loads nothing from node_modules.
 */
async function loadPdfjs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
  const core = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = core;
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

// pdf.js loads as soon as the thread starts, while the main thread looks over the file.
leaveOutCanvas();
const loading = loadPdfjs();

async function extract(request: PdfTextRequest): Promise<PdfTextReply> {
  const pdfjs = await loading;
  const task = pdfjs.getDocument({ data: request.bytes, useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 });
  const pdf = await task.promise;
  try {
    if (pdf.numPages > request.maxPages) return { ok: false, limit: 'pages', pages: pdf.numPages, message: `it has ${pdf.numPages} pages` };
    const pages: string[] = [];
    let length = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const text = pdfPageLines(content.items as TextPiece[]);
      page.cleanup();
      length += text.length + 2;
      // The same pages drawn again and again (one content stream shared by every page) give
      // text without end from a small file.
      if (length > request.maxTextLength) return { ok: false, limit: 'text', message: 'its text is too long' };
      pages.push(text);
    }
    return { ok: true, text: pages.join('\n\n') };
  } finally {
    await pdf.destroy();
  }
}

parentPort!.once('message', (request: PdfTextRequest) => {
  extract(request).then(
    (reply) => {
      // The main thread stops this one on the reply: what it compiled is kept now or never.
      writeCompiledCode();
      parentPort!.postMessage(reply);
    },
    (error: unknown) => parentPort!.postMessage({ ok: false, message: (error as Error)?.message ?? String(error) } satisfies PdfTextReply),
  );
});
