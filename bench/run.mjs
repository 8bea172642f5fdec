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
const appeal = (args) => run(process.execPath, [BIN, ...args]);
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

rmSync(work, { recursive: true, force: true });
