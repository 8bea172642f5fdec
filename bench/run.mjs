#!/usr/bin/env node
// appeal's benchmarks: run by `npm run bench` after a build. Prints what each figure is, measured
// on this machine, and the pdflatex peer beside it when pdflatex is installed (Debian:
// texlive-latex-recommended texlive-lang-cyrillic lmodern cm-super). Peer runs and ours are
// interleaved, so both see the same load; each figure is the median of its runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'appeal.js');
const PEER = process.env.LATEX_PEER ?? resolve(ROOT, '..', 'shared', 'bench', 'latex-peer.mjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const work = mkdtempSync(join(tmpdir(), 'appeal-bench-'));
const env = { ...process.env, APPEAL_NOW: '2026-11-22T12:00:00', APPEAL_CONFIG: join(work, 'config'), APPEAL_DATA: join(work, 'data'), NO_COLOR: '1', TZ: 'UTC' };

function run(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: work, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return { seconds, stdout: result.stdout, stderr: result.stderr };
}
// Run as a person does: the executable itself (which starts `batch` again with its memory setting).
const appeal = (args) => run(BIN, args);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (value) => `${value.toFixed(3)} s`;
const hasPdflatex = spawnSync('pdflatex', ['--version'], { stdio: 'ignore' }).status === 0;
const peerNote = !existsSync(PEER)
  ? `no pdflatex comparison: the peer script ${PEER} is not there (set LATEX_PEER)`
  : hasPdflatex
    ? null
    : 'no pdflatex comparison: pdflatex is not installed (Debian: apt-get install texlive-latex-recommended texlive-lang-cyrillic lmodern cm-super)';

/** Runs each command in turn, RUNS times, and returns the median wall time of each. */
function interleaved(commands) {
  const times = commands.map(() => []);
  for (let i = 0; i < RUNS; i++) commands.forEach((command, index) => times[index].push(command().seconds));
  return times.map(median);
}

/** The peer's document for the same letter, signed `count` times; returns a function that typesets it. */
function latexPeer(letterText, count, name) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'letter.txt'), letterText);
  run(process.execPath, [PEER, join(dir, 'letter.txt'), String(count), dir]);
  const typeset = () => run('pdflatex', ['-interaction=batchmode', 'letters.tex'], { cwd: dir });
  typeset(); // the first run may make fonts; time the runs after it
  return typeset;
}

console.log(`appeal benchmarks on ${process.platform} ${process.arch}, Node ${process.version}, median of ${RUNS} runs each`);
console.log('');

// One letter, start to finish: the Ambassador's letter of UA 150.19, the peer's default recipient.
{
  const args = ['write', '150.19', '--target', 'ambassador', '--name', 'Jane Doe', '--address', '12 Harbour Lane', '--address', 'Bristol BS1 4DJ', '--country', 'United Kingdom'];
  const letterText = appeal([...args, '--stdout']).stdout;
  const ours = () => appeal([...args, '--format', 'pdf', '--paper', 'a4', '--force', '--out', join(work, 'one')]);
  console.log('One PDF letter (appeal write 150.19 --target ambassador --format pdf), whole process:');
  if (peerNote) {
    const [time] = interleaved([ours]);
    console.log(`  appeal      ${seconds(time)}`);
    console.log(`  ${peerNote}`);
  } else {
    const peer = latexPeer(letterText, 1, 'latex-one');
    const [time, peerTime] = interleaved([ours, peer]);
    console.log(`  appeal      ${seconds(time)}`);
    console.log(`  pdflatex    ${seconds(peerTime)}  (the same letter, standard letter class)`);
    console.log(`  ratio       ${(time / peerTime).toFixed(2)}× pdflatex (the goal: at most 3×)`);
  }
  console.log('');
}

// Meeting mode: the same letter signed by many members, in one PDF.
{
  const names = ['Jane Doe', 'Анна Иванова', 'José Núñez', 'Zoë Brontë', 'Ахмед Алиев', 'Li Wei'];
  const signersFile = (count) => {
    const file = join(work, `signers-${count}.csv`);
    const rows = Array.from({ length: count }, (_, i) => `${names[i % names.length]} ${i + 1},12 Harbour Lane | Bristol BS1 4DJ,United Kingdom`);
    writeFileSync(file, ['name,address,country', ...rows].join('\n') + '\n');
    return file;
  };
  const rssFile = join(work, 'rss');
  const batch = (count) => {
    const out = join(work, `batch-${count}.pdf`);
    const result = run(BIN, ['batch', '150.19', '--target', 'ambassador', '--signers', signersFile(count), '--out', out, '--force'], {
      env: { ...env, APPEAL_BENCH_RSS_FILE: rssFile, NODE_OPTIONS: `--require ${join(ROOT, 'bench', 'peak-rss.cjs')}` },
    });
    return { ...result, rss: Number(readFileSync(rssFile, 'utf8')), bytes: readFileSync(out).length };
  };
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const one = batch(1);
  const runs = [];
  const thousand = () => {
    const result = batch(1000);
    runs.push(result);
    return result;
  };
  console.log('Meeting mode: 1,000 letters to the Ambassador of UA 150.19, each signed by another member (appeal batch):');
  let peerTime;
  if (peerNote) interleaved([thousand]);
  else {
    const letterText = appeal(['write', '150.19', '--target', 'ambassador', '--name', 'Jane Doe', '--stdout']).stdout;
    const peer = latexPeer(letterText, 1000, 'latex-thousand');
    [, peerTime] = interleaved([thousand, peer]);
  }
  const time = median(runs.map((r) => r.seconds));
  const peak = median(runs.map((r) => r.rss));
  const bytes = runs[0].bytes;
  console.log(`  whole process   ${seconds(time)}`);
  console.log(`  letters/s       ${Math.round(1000 / time).toLocaleString('en')}`);
  console.log(`  peak memory     ${mb(peak)} (resident, worker thread included; the goal: under 250 MB)`);
  console.log(`  file            ${(bytes / 1024).toFixed(0)} KB; ${((bytes - one.bytes) / 999 / 1024).toFixed(2)} KB per page after the first letter (the goal: at most 2 KB)`);
  if (peerTime === undefined) console.log(`  ${peerNote}`);
  else {
    console.log(`  pdflatex        ${seconds(peerTime)}  (the same 1,000 letters, standard letter class, one document)`);
    console.log(`  ratio           ${(time / peerTime).toFixed(2)}× pdflatex (the goal: under 1×, and aim for a third)`);
  }
  const big = batch(10000);
  console.log(`  10,000 letters  ${seconds(big.seconds)}, peak memory ${mb(big.rss)}: ${(big.rss / peak).toFixed(2)}× the 1,000-letter batch (the goal: at most 1.2×)`);
  console.log('');
}

// Start-up: a command that loads no PDF code, beside Node doing nothing.
{
  const [list, bare] = interleaved([() => appeal(['list']), () => run(process.execPath, ['-e', '0'])]);
  console.log('Start-up (appeal list beside node -e 0):');
  console.log(`  appeal list     ${seconds(list)}`);
  console.log(`  node -e 0       ${seconds(bare)}`);
  console.log(`  ratio           ${(list / bare).toFixed(1)}×`);
}

rmSync(work, { recursive: true, force: true });
