import { join } from 'node:path';
import { cacheDir } from '../profile/app-paths';
import { cacheCompiledCode } from './compiled-code-cache';

// The PDF reader's thread writes its compiled code when its work is done (see pdf-text-worker.ts),
// and the case library says when a run is not the usual one (letter-library-cache.ts): both take
// these functions from this file (the bundles require it), so as to share its list of what to write.
export { keepNoCompiledCode, writeCompiledCode } from './compiled-code-cache';

/**
 * What bin/appeal.js runs (bundled, with what it imports, into dist/cli/start.cjs: one file to
 * load before any other): appeal's code set to compile from the cache, then the command line.
 */
export function startAppeal(codeDir: string, command: string | undefined): void {
  // An import runs a few hundred patterns over one document, most of them a handful of times:
  // compiled to machine code at once, they take 15 ms less than V8's usual way for a pattern, a
  // first pass through its interpreter. Set before any code compiles, as V8 keeps compiled code
  // for its flags: the import's code cache is made and used under the same ones.
  if (command === 'import') (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--no-regexp-tier-up');
  cacheCompiledCode({ codeDir, cacheDir: cacheDir(process.env), command: command ?? 'none' });
  const pack = require(join(codeDir, 'appeal.cjs')) as { load(name: string): { runFromProcess(): void } };
  pack.load('entry.cjs').runFromProcess();
}

/**
 * What a worker thread runs first (dist/cli/pdf-text-worker.cjs, the thread that reads a PDF for
 * `import`; dist/cli/pdf-engine-worker.cjs, a batch's PDF maker): its code is pdf.js, or pdfkit and
 * fontkit, and compiling that is the larger part of the thread's start. `kind` names its cache.
 */
export function startThread(codeDir: string, file: string, kind: string): void {
  cacheCompiledCode({ codeDir, cacheDir: cacheDir(process.env), command: kind });
  require(join(codeDir, file));
}
