import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError, DataError, ExitCode, UsageError } from '../errors/app-error';
import { decodeWindows1252 } from '../text/windows-1252';
import { htmlToText, isHtml } from './html-text';

/** An Urgent Action is a few pages; anything bigger is the wrong file, or an attack. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const tooBig = (name: string) =>
  new DataError(`${name} is over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; an Urgent Action is a few pages. Nothing was written.`, { hint: 'Check that this is the right file.' });

/**
 * Reads standard input up to the size limit, and stops reading there: `import - < /dev/zero`
 * ends with an error rather than filling the memory.
 */
export async function readStream(stream: AsyncIterable<unknown>, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > MAX_DOCUMENT_BYTES) throw tooBig(name);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a document file: a regular file only (not a folder, a FIFO or a device), and never more
 * than the limit, whatever its size claims to be.
 */
export function readDocumentFile(cwd: string, file: string): Buffer {
  const path = resolve(cwd, file);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    throw new AppError(`Cannot read ${file}: ${why}.`, { exitCode: ExitCode.noInput, hint: 'Give the path of the Urgent Action (a PDF or a text file), or "-" to read standard input.' });
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new AppError(`Cannot read ${file}: it is a folder, not a file.`, { exitCode: ExitCode.noInput, hint: 'Give the path of the Urgent Action (a PDF or a text file), or "-" to read standard input.' });
    if (!stat.isFile()) throw new UsageError(`${file} is not a regular file (a device or a pipe); import reads a saved document.`, { hint: 'Save the document to a file and import that, or pipe it in with "appeal import - < file".' });
    if (stat.size > MAX_DOCUMENT_BYTES) throw tooBig(file);
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_DOCUMENT_BYTES) + 1);
    let length = 0;
    for (let read = 1; read > 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_DOCUMENT_BYTES) throw tooBig(file);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** Whether bytes are a PDF file ("%PDF-" in its first kilobyte, as readers accept it). */
export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

/**
 * The document's text: a PDF's extracted text, a web page's visible text, or the text itself.
 * `whileWaiting` is called when a PDF goes to pdf.js's thread, to do other work meanwhile.
 */
export async function documentText(bytes: Buffer, name: string, whileWaiting?: () => void): Promise<string> {
  if (isPdf(bytes)) {
    // The PDF reader (its thread, and zlib for the check of its streams) loads for a PDF only.
    const { extractPdfText } = await import('./pdf-text');
    let text: string;
    try {
      text = await extractPdfText(bytes, name, whileWaiting);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new DataError(`${name} is a PDF that cannot be read: ${(error as Error).message}. Nothing was written.`, { hint: 'Open it in a PDF reader, copy its text into a file, and import that file.' });
    }
    if (!text.trim()) throw new DataError(`${name} is a PDF with no text in it (a scan?). Nothing was written.`, { hint: 'Copy its text into a text file by hand or with a text-recognition program, and import that file.' });
    return text;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Older emails and pages are often Windows-1252.
    text = decodeWindows1252(bytes);
  }
  return isHtml(text) ? htmlToText(text) : text;
}
