import type { Worker } from 'node:worker_threads';
import { AppError, type ExitCode } from '../errors/app-error';
import { startPdfWorker, takeStartedPdfWorker } from './pdf-worker-start';
import type { Letter } from '../letters/letter';
import type { BatchChunk, BatchHeader, BatchResult } from './batch-pdf';
import type { RenderLetterPdfOptions } from './render-letter-pdf';

/** Requests to the PDF worker and its answers; all cross the thread boundary as plain data. */
export type EngineRequest =
  | { id: number; job: 'letters'; letters: Letter[]; options: RenderLetterPdfOptions }
  | { id: number; job: 'batch-open'; header: BatchHeader }
  | { id: number; job: 'batch-add'; chunk: BatchChunk }
  | { id: number; job: 'batch-finish' }
  | { id: number; job: 'batch-abort' };
export type EngineReply =
  | { id: number; ok: true; result: Uint8Array[] | BatchResult }
  | { id: number; progress: number }
  | { id: number; ok: false; error: SerializedError };
type SerializedError = { message: string; stack?: string; code?: string; app?: { exitCode: ExitCode; details: string[]; hint?: string } };

interface PendingJob {
  resolve: (result: never) => void;
  reject: (error: Error) => void;
  onProgress?: (done: number) => void;
}

/** Chunks of a batch the worker may have waiting at once: enough to keep it busy, few enough to keep memory flat. */
const CHUNKS_IN_FLIGHT = 4;

/**
 * Makes PDFs on a worker thread that starts loading pdfkit, fontkit and the letter font at once,
 * while the main thread is still reading the case library: on a machine with two cores the PDF
 * side is ready when the letter is. The worker never keeps the process alive on its own.
 */
export class PdfEngine {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, PendingJob>();
  private failure: Error | undefined;

  constructor() {
    const started = takeStartedPdfWorker() ?? startPdfWorker();
    this.worker = started.worker;
    const stopped = (code: number) => this.fail(new Error(`the PDF worker stopped (exit code ${code})`));
    this.worker.on('message', (reply: EngineReply) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', stopped);
    started.handOver();
    if (started.early.error) this.fail(started.early.error);
    else if (started.early.exitCode !== undefined) stopped(started.early.exitCode);
    // After the listeners: adding a message listener refs the worker again.
    this.worker.unref();
  }

  /** The same as renderLetterPdfs, done on the worker. */
  renderLetterPdfs(letters: readonly Letter[], options: RenderLetterPdfOptions): Promise<Uint8Array[]> {
    const id = this.nextId++;
    const done = this.expect<Uint8Array[]>(id);
    this.post({ id, job: 'letters', letters: [...letters], options });
    return done;
  }

  /**
   * Starts a batch PDF on the worker. Letters are sent in chunks as they are made, and the worker
   * lays them out while the next chunk is made; `onProgress` hears how many are done.
   */
  startBatch(header: BatchHeader, onProgress?: (lettersDone: number) => void): BatchSession {
    const id = this.nextId++;
    let acknowledged = 0;
    let waiting: (() => void) | undefined;
    const done = this.expect<BatchResult>(id, (lettersDone) => {
      acknowledged += 1;
      waiting?.();
      onProgress?.(lettersDone);
    });
    // The final answer may be a failure while chunks are still being sent: wake the sender then too.
    done.catch(() => waiting?.());
    this.post({ id, job: 'batch-open', header });
    let sent = 0;
    return {
      add: async (chunk) => {
        this.post({ id, job: 'batch-add', chunk });
        sent += 1;
        while (sent - acknowledged > CHUNKS_IN_FLIGHT && !this.failure) {
          const settled = await Promise.race([new Promise<boolean>((resolve) => (waiting = () => resolve(false))), done.then(() => true, () => true)]);
          if (settled) break;
        }
      },
      finish: () => {
        this.post({ id, job: 'batch-finish' });
        return done;
      },
      abort: async () => {
        this.post({ id, job: 'batch-abort' });
        await done.catch(() => undefined);
      },
    };
  }

  /** Stops the worker; nothing waits for it any more. */
  async close(): Promise<void> {
    this.failure ??= new Error('the PDF worker was closed');
    await this.worker.terminate();
  }

  private expect<T>(id: number, onProgress?: (done: number) => void): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: never) => void, reject, onProgress });
      this.worker.ref(); // a job is waited for: keep the process alive until it is done
    });
  }

  private post(request: EngineRequest): void {
    if (!this.failure) this.worker.postMessage(request);
  }

  private settle(reply: EngineReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    if ('progress' in reply) {
      waiting.onProgress?.(reply.progress);
      return;
    }
    this.pending.delete(reply.id);
    if (!this.pending.size) this.worker.unref();
    if (reply.ok) waiting.resolve(reply.result as never);
    else waiting.reject(reviveError(reply.error));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/** A batch being written by the worker. */
export interface BatchSession {
  /** Sends the next letters; waits while the worker is more than a couple of chunks behind. */
  add(chunk: BatchChunk): Promise<void>;
  /** Ends the PDF after the last chunk. */
  finish(): Promise<BatchResult>;
  /** Stops the batch and closes its file (which the caller removes); resolves when the worker has. */
  abort(): Promise<void>;
}

export function startPdfEngine(): PdfEngine {
  return new PdfEngine();
}

function reviveError(error: SerializedError): Error {
  if (error.app) return new AppError(error.message, error.app);
  const revived = new Error(error.message) as NodeJS.ErrnoException;
  if (error.stack) revived.stack = error.stack;
  // The errno code lets the command say "the disk is full" rather than report a crash.
  if (error.code) revived.code = error.code;
  return revived;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof AppError) return { message: error.message, app: { exitCode: error.exitCode, details: [...error.details], hint: error.hint } };
  const err = error as Error;
  return { message: err?.message ?? String(error), stack: err?.stack, code: (err as NodeJS.ErrnoException)?.code };
}
