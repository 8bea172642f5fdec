// Preloaded by the benchmarks (NODE_OPTIONS=--require): writes the process's peak resident memory, worker threads
// included, to the file named by APPEAL_BENCH_RSS_FILE when the process ends.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  // `appeal batch` starts again in a child process (bin/appeal.js); the child's figure counts.
  const relaunchingParent = process.argv.includes('batch') && process.env.APPEAL_BATCH_CHILD !== '1';
  if (process.env.APPEAL_BENCH_RSS_FILE && !relaunchingParent) writeFileSync(process.env.APPEAL_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
