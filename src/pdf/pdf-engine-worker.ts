import { parentPort } from 'node:worker_threads';
import type { Letter } from '../letters/letter';
import { serializeError, type EngineReply, type EngineRequest } from './pdf-engine';
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

const warmedUp = renderLetterPdfs([WARM_UP_LETTER], { paper: 'a4', cwd: process.cwd(), now: new Date(0) }).catch(() => undefined);

parentPort!.on('message', (request: EngineRequest) => {
  void (async () => {
    let reply: EngineReply;
    try {
      await warmedUp;
      reply = { id: request.id, ok: true, files: await renderLetterPdfs(request.letters, request.options) };
    } catch (error) {
      reply = { id: request.id, ok: false, error: serializeError(error) };
    }
    parentPort!.postMessage(reply);
  })();
});
