import { Worker } from 'node:worker_threads';
import { PDF_WORKER_FILE } from '../package-paths';

/**
 * The PDF worker, started. A worker thread is a Node of its own and takes a tenth of a second to
 * start, so for `batch` bin/appeal.js starts it before the command line has even loaded, and the
 * batch's engine takes that one (takeStartedPdfWorker). What happens to the worker before the
 * engine listens (it cannot start, it stops) is kept for the engine to hear.
 */
export interface StartedPdfWorker {
  worker: Worker;
  early: { error?: Error; exitCode?: number };
  /** Stops keeping what happens: the engine listens from now on. */
  handOver(): void;
}

const STARTED = Symbol.for('appeal: the PDF worker bin/appeal.js started');

export function startPdfWorker(): StartedPdfWorker {
  // A small young generation: a long batch then reuses the same memory instead of growing it.
  const worker = new Worker(PDF_WORKER_FILE, { resourceLimits: { maxYoungGenerationSizeMb: 4 } });
  const early: StartedPdfWorker['early'] = {};
  const onError = (error: Error) => (early.error = error);
  const onExit = (exitCode: number) => (early.exitCode = exitCode);
  worker.on('error', onError).on('exit', onExit);
  // It never keeps the process alive on its own: a command that fails before its batch must end.
  worker.unref();
  return { worker, early, handOver: () => worker.off('error', onError).off('exit', onExit) };
}

/** In bin/appeal.js, for `batch`: the worker starts loading while the command line does. */
export function startPdfWorkerEarly(): void {
  (globalThis as { [STARTED]?: StartedPdfWorker })[STARTED] = startPdfWorker();
}

/** The worker bin/appeal.js started, once; undefined when it started none. */
export function takeStartedPdfWorker(): StartedPdfWorker | undefined {
  const holder = globalThis as { [STARTED]?: StartedPdfWorker };
  const started = holder[STARTED];
  delete holder[STARTED];
  return started;
}
