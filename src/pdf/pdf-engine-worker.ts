import { parentPort } from 'node:worker_threads';
import { writeCompiledCode } from '../startup/compiled-code-cache';
import type { Letter } from '../letters/letter';
import { serializeError, type EngineReply, type EngineRequest } from './pdf-engine';
import { BatchPdfWriter } from './batch-pdf';
import { renderLetterPdfs } from './render-letter-pdf';

/**
 * The PDF worker (see pdf-engine.ts). It loads pdfkit and the letter font as soon as it starts,
 * and makes one throwaway letter so that the code that lays out and writes letters is compiled
 * and warm by the time the real letters arrive.
 */
const WARM_UP_LETTER: Letter = {
  caseId: 'warm-up',
  officialId: 'official',
  language: 'en',
  date: '1 January 2026',
  sender: { name: 'Анна Иванова', address: ['12 Harbour Lane', 'Bristol BS1 4DJ'], country: 'United Kingdom' },
  recipientLines: ['Ambassador Anatoly Antonov', 'Embassy of the Russian Federation', '2650 Wisconsin Ave. NW', 'Washington DC 20007', 'USA'],
  salutation: 'Dear Ambassador,',
  paragraphs: [
    'I am writing to express my deep concern over the treatment and continued imprisonment of a human rights defender, who has been held without charge since May and reportedly ill-treated.',
    'I urge you to ensure a prompt, independent, effective and impartial investigation into these allegations, and to release him immediately and unconditionally.',
  ],
  closing: 'Yours sincerely,',
  signature: ['Анна Иванова'],
};

// The warm-up uses the built-in font, so no folder matters (cwd only resolves --font).
const warmedUp = renderLetterPdfs([WARM_UP_LETTER], { paper: 'a4', fonts: { systemFonts: false }, cwd: '.', now: new Date(0) }).catch(() => undefined);

/** Batches being written, by request id; each one's messages are handled in order. */
const batches = new Map<number, { writer?: BatchPdfWriter; failed: boolean; queue: Promise<void> }>();

parentPort!.on('message', (request: EngineRequest) => {
  if (request.job === 'letters') {
    void (async () => {
      let reply: EngineReply;
      try {
        await warmedUp;
        reply = { id: request.id, ok: true, result: await renderLetterPdfs(request.letters, request.options) };
        writeCompiledCode();
      } catch (error) {
        reply = { id: request.id, ok: false, error: serializeError(error) };
      }
      parentPort!.postMessage(reply);
    })();
    return;
  }
  let batch = batches.get(request.id);
  if (!batch) batches.set(request.id, (batch = { failed: false, queue: warmedUp.then(() => undefined) }));
  const state = batch;
  state.queue = state.queue
    .then(async () => {
      if (state.failed) return;
      if (request.job === 'batch-open') state.writer = await BatchPdfWriter.open(request.header);
      else if (request.job === 'batch-add') parentPort!.postMessage({ id: request.id, progress: state.writer!.add(request.chunk) } satisfies EngineReply);
      else if (request.job === 'batch-abort') throw new Error('the batch was stopped');
      else {
        const result = await state.writer!.finish();
        batches.delete(request.id);
        // The batch ends this thread when the PDF is done: what it compiled is kept now or never.
        writeCompiledCode();
        parentPort!.postMessage({ id: request.id, ok: true, result } satisfies EngineReply);
      }
    })
    .catch((error: unknown) => {
      if (state.failed) return;
      state.failed = true;
      state.writer?.abort();
      parentPort!.postMessage({ id: request.id, ok: false, error: serializeError(error) } satisfies EngineReply);
    });
});
