// pdf.js's core, which its display layer loads itself unless it is handed over (pdf-text-worker.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
