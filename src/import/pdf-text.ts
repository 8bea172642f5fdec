import { DataError } from '../errors/app-error';
import { PDF_TEXT_WORKER_FILE } from '../package-paths';
import { readPlainPdfText } from './pdf-plain-text';
import { inflatesBeyond, MAX_INFLATED_BYTES } from './pdf-streams';
import type { PdfTextReply, PdfTextRequest } from './pdf-text-worker';

/**
 * Bounds on reading one PDF. An Urgent Action is a few pages of text; pdf.js reads one in a
 * fraction of a second and some tens of megabytes. These are far beyond that, and far below what
 * would trouble the machine.
 */
export const PDF_LIMITS = {
  pages: 200,
  textLength: 20 * 1024 * 1024,
  /** Memory the process may grow by while pdf.js reads (pdf.js keeps inflated data outside the JavaScript heap). */
  memoryBytes: 512 * 1024 * 1024,
  heapMb: 256,
  seconds: 60,
  /** Drawing instructions over all pages: a few pages of text take some thousands; forms drawing forms can make billions. */
  operations: 20_000_000,
};

/** How often the memory is looked at; pdf.js cannot inflate more than some megabytes between two looks. */
const WATCH_MS = 10;

const HINT = 'Check that this is the right file. If it is, open it in a PDF reader, copy its text into a text file, and import that file.';
const refuse = (name: string, why: string) => new DataError(`${name} is a PDF that ${why}; an Urgent Action is a few pages. Nothing was written.`, { hint: HINT });

/** The refusal of a PDF past one of PDF_LIMITS, whichever reader found it. */
function overLimit(name: string, limit: 'pages' | 'text' | 'operations', pages?: number): DataError {
  if (limit === 'pages') return refuse(name, `has ${pages} pages`);
  if (limit === 'text') return refuse(name, `gives more than ${PDF_LIMITS.textLength / 1024 / 1024} MB of text`);
  return refuse(name, `draws its pages with more than ${PDF_LIMITS.operations / 1_000_000} million instructions`);
}

/**
 * The text of a PDF as lines (see pdf-page-lines.ts). A PDF from anyone may be built to exhaust
 * the machine. The plain reader (pdf-plain-text.ts) reads it at once if it is of the usual kind,
 * within bounds on what it inflates, pages, text and drawing. Otherwise its compressed streams
 * are all inflated here with a shared budget, and then pdf.js reads it on a worker thread that is
 * stopped when the process grows past a bound (whatever pdf.js decodes: other filters, encrypted
 * streams, fonts), runs too long, or the document has too many pages or too much text. pdf.js is
 * loaded there only, when such a PDF comes in.
 */
export async function extractPdfText(bytes: Buffer, name: string, whileWaiting?: () => void): Promise<string> {
  // The plain reader inflates only what it reads, within the same budget; a file it leaves to
  // pdf.js (which may inflate anything in it) has all its streams measured first.
  const plain = readPlainPdfText(bytes, { pages: PDF_LIMITS.pages, textLength: PDF_LIMITS.textLength, inflatedBytes: MAX_INFLATED_BYTES, operations: PDF_LIMITS.operations });
  if ('text' in plain) return plain.text;
  if ('limit' in plain) throw overLimit(name, plain.limit, 'pages' in plain ? plain.pages : undefined);
  if (await inflatesBeyond(bytes)) throw refuse(name, `inflates to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB`);
  return extractPdfTextWithPdfjs(bytes, name, whileWaiting);
}

/**
 * The text pdf.js gives, on its thread; also what the plain reader is held to in the tests.
 * `whileWaiting` is called once the thread has the document, for this one to do other work.
 */
export async function extractPdfTextWithPdfjs(bytes: Uint8Array, name: string, whileWaiting?: () => void): Promise<string> {
  const reply = await readOnWorker(bytes, name, whileWaiting);
  if (reply.ok) return reply.text;
  if (reply.limit) throw overLimit(name, reply.limit, reply.pages);
  throw new Error(reply.message);
}

async function readOnWorker(bytes: Uint8Array, name: string, whileWaiting?: () => void): Promise<PdfTextReply> {
  // Loaded only for the PDFs the plain reader leaves to pdf.js.
  const { Worker } = await import('node:worker_threads');
  return new Promise((resolve, reject) => {
    const baseline = process.memoryUsage.rss();
    // stdout and stderr of its own: pdf.js's warnings about a damaged file are not for the person.
    const worker = new Worker(PDF_TEXT_WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: PDF_LIMITS.heapMb }, stdout: true, stderr: true });
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      clearTimeout(timer);
      void worker.terminate();
      settle();
    };
    const tooBig = () => finish(() => reject(refuse(name, `needs more than ${PDF_LIMITS.memoryBytes / 1024 / 1024} MB of memory to read`)));
    const watch = setInterval(() => {
      if (process.memoryUsage.rss() - baseline > PDF_LIMITS.memoryBytes) tooBig();
    }, WATCH_MS);
    const timer = setTimeout(() => finish(() => reject(refuse(name, `takes more than ${PDF_LIMITS.seconds} seconds to read`))), PDF_LIMITS.seconds * 1000);
    worker.on('message', (reply: PdfTextReply) => finish(() => resolve(reply)));
    worker.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig() : finish(() => reject(error))));
    worker.on('exit', (code) => finish(() => reject(new Error(`the PDF reader stopped (exit code ${code})`))));
    const copy = new Uint8Array(bytes);
    worker.postMessage({ bytes: copy, maxPages: PDF_LIMITS.pages, maxTextLength: PDF_LIMITS.textLength } satisfies PdfTextRequest, [copy.buffer]);
    whileWaiting?.();
  });
}
