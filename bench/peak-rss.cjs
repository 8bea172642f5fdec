// Preloaded by the benchmarks (NODE_OPTIONS=--require): writes the process's peak resident memory, worker threads
// included, to the file named by APPEAL_BENCH_RSS_FILE when the process ends.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.APPEAL_BENCH_RSS_FILE) writeFileSync(process.env.APPEAL_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
