'use strict';
// A test's preload (node -r): stops this process, as a debugger would, at one exact moment of a
// write, so that the test can SIGKILL it there. APPEAL_TEST_STOP is "link:NAME" (before a name
// ending in NAME is linked into place) or "unlink:NAME" (before such a name is removed). The
// process sends itself SIGSTOP; the test sees it stopped in /proc and kills it.
const fs = require('node:fs');
const { basename } = require('node:path');
const { isMainThread } = require('node:worker_threads');

const [call, name] = (process.env.APPEAL_TEST_STOP || '').split(':');
if (isMainThread && (call === 'link' || call === 'unlink') && name) {
  const original = fs[`${call}Sync`];
  fs[`${call}Sync`] = function stopFirst(...args) {
    if (basename(String(args[call === 'link' ? 1 : 0])).endsWith(name)) process.kill(process.pid, 'SIGSTOP');
    return original.apply(this, args);
  };
}
