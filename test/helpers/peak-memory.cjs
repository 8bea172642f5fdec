'use strict';
// A test's preload (node -r): when the process ends, writes its peak resident memory (VmHWM, for
// all its threads) in kilobytes to the file APPEAL_TEST_PEAK_FILE. Linux only.
const { readFileSync, writeFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const file = process.env.APPEAL_TEST_PEAK_FILE;
if (isMainThread && file) {
  process.on('exit', () => {
    const peak = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (peak) writeFileSync(file, peak[1]);
  });
}
