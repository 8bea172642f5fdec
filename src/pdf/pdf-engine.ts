import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { AppError, type ExitCode } from '../errors/app-error';
import type { Letter } from '../letters/letter';
import type { RenderLetterPdfOptions } from './render-letter-pdf';

/** A request to the PDF worker and its answer; both cross the thread boundary as plain data. */
export type EngineRequest = { id: number; job: 'letters'; letters: Letter[]; options: RenderLetterPdfOptions };
export type EngineReply =
  | { id: number; ok: true; files: Uint8Array[] }
  | { id: number; ok: false; error: { message: string; stack?: string; app?: { exitCode: ExitCode; details: string[]; hint?: string } } };

/**
 * Makes PDFs on a worker thread that starts loading pdfkit, fontkit and the letter font at once,
 * while the main thread is still reading the case library: on a machine with two cores the PDF
 * side is ready when the letter is. The worker never keeps the process alive on its own.
 */
export class PdfEngine {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (files: Uint8Array[]) => void; reject: (error: Error) => void }>();
  private failure: Error | undefined;

  constructor() {
    this.worker = new Worker(join(__dirname, 'pdf-engine-worker.js'));
    this.worker.on('message', (reply: EngineReply) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the PDF worker stopped (exit code ${code})`)));
    // After the listeners: adding a message listener refs the worker again.
    this.worker.unref();
  }

  /** The same as renderLetterPdfs, done on the worker. */
  renderLetterPdfs(letters: readonly Letter[], options: RenderLetterPdfOptions): Promise<Uint8Array[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const request: EngineRequest = { id, job: 'letters', letters: [...letters], options };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref(); // a job is waited for: keep the process alive until it is done
      this.worker.postMessage(request);
    });
  }

  /** Stops the worker; nothing waits for it any more. */
  async close(): Promise<void> {
    this.failure ??= new Error('the PDF worker was closed');
    await this.worker.terminate();
  }

  private settle(reply: EngineReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (!this.pending.size) this.worker.unref();
    if (reply.ok) waiting.resolve(reply.files);
    else waiting.reject(reviveError(reply.error));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

export function startPdfEngine(): PdfEngine {
  return new PdfEngine();
}

function reviveError(error: Extract<EngineReply, { ok: false }>['error']): Error {
  if (error.app) return new AppError(error.message, error.app);
  const revived = new Error(error.message);
  if (error.stack) revived.stack = error.stack;
  return revived;
}

export function serializeError(error: unknown): Extract<EngineReply, { ok: false }>['error'] {
  if (error instanceof AppError) return { message: error.message, app: { exitCode: error.exitCode, details: [...error.details], hint: error.hint } };
  const err = error as Error;
  return { message: err?.message ?? String(error), stack: err?.stack };
}
