#!/usr/bin/env node
'use strict';
// A meeting's batch runs with a small young generation (2 MB semi-spaces instead of V8's growth
// to 16 MB), so 10,000 letters take little more memory than 1,000. Node takes that setting only
// when it starts, and it slows every other command's start, so only `batch` starts again with it.
const BATCH_FLAG = '--max-semi-space-size=2';
const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));

if (command === 'batch' && !process.execArgv.includes(BATCH_FLAG)) {
  const { spawn } = require('node:child_process');
  const { constants } = require('node:os');
  // The IPC channel is the child's lifeline: when this process ends, even by SIGKILL, the kernel
  // closes it and the child stops at once, writing nothing more (see watchParent in entry.ts).
  const child = spawn(process.execPath, [...process.execArgv, BATCH_FLAG, __filename, ...process.argv.slice(2)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, APPEAL_BATCH_CHILD: '1' },
  });
  // The batch cleans up after Ctrl-C itself; this process only passes the signal on and waits.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`appeal: could not start the batch: ${error.message}\n`);
    process.exit(70);
  });
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 1)));
} else {
  // The batch's PDF worker starts now, while the command line loads (see src/pdf/pdf-worker-start.ts).
  if (command === 'batch') require('../dist/pdf/pdf-worker-start.js').startPdfWorkerEarly();
  // appeal's code is compiled once and kept compiled in the cache folder (see src/startup/compiled-code-cache.ts).
  require('../dist/cli/start.cjs').startAppeal(require('node:path').join(__dirname, '..', 'dist', 'cli'), command);
}
