import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseActionLog } from '../src/action-log/log-file';
import { REPO_ROOT, runCli } from './helpers/run-cli';
import { makeTempDir } from './helpers/temp-dir';

const WRITERS = 8;
const LETTERS_EACH = 200;

/**
 * One writer: records its letters through the same recordLetters that `appeal write` calls,
 * some one letter per call (as `write` to one official), some in groups (as `batch`), with
 * names in Cyrillic and long paths so that groups span more than one write.
 */
const WRITER_SCRIPT = `
const { recordLetters } = require(${JSON.stringify(join(REPO_ROOT, 'dist', 'action-log', 'record-letters.js'))});
const [dataDir, writer, group, startAt] = process.argv.slice(2);
const context = { env: { APPEAL_DATA: dataDir }, clock: { now: () => new Date() } };
const letter = (n) => ({
  case: 'ua-150-19',
  official: 'writer-' + writer,
  format: 'pdf',
  channel: 'post',
  sender: 'Лариса Writer ' + writer + ' #' + n,
  file: '/home/group/letters/' + 'meeting-'.repeat(10) + writer + '-' + n + '.pdf',
});
// Wait for a common start, so the eight really append at the same moment.
while (Date.now() < Number(startAt)) {}
let failed = 0;
for (let n = 0; n < ${LETTERS_EACH}; n += Number(group)) {
  const letters = [];
  for (let k = n; k < Math.min(n + Number(group), ${LETTERS_EACH}); k++) letters.push(letter(k));
  const warning = recordLetters(context, letters);
  if (warning) {
    process.stderr.write('warning: ' + warning + '\\n');
    failed++;
  }
}
process.exitCode = failed ? 1 : 0;
`;

function runWriter(script: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

test(`${WRITERS} processes × ${LETTERS_EACH} letters recorded at once give ${WRITERS * LETTERS_EACH} valid lines, none lost or mixed`, async () => {
  const { dir, cleanup } = makeTempDir({ 'writer.js': WRITER_SCRIPT });
  try {
    const dataDir = join(dir, 'data');
    const startAt = String(Date.now() + 1500);
    // Half the writers append one letter per call, half in groups of 25 (about 7 KB, two writes).
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, writer) => runWriter(join(dir, 'writer.js'), [dataDir, String(writer), writer % 2 ? '25' : '1', startAt])),
    );
    expect(results).toEqual(Array.from({ length: WRITERS }, () => ({ code: 0, stderr: '' })));

    const text = readFileSync(join(dataDir, 'actions.jsonl'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(WRITERS * LETTERS_EACH + 1);
    const log = parseActionLog(text);
    expect(log.problems).toEqual([]);
    expect(log.records).toHaveLength(WRITERS * LETTERS_EACH);
    for (let writer = 0; writer < WRITERS; writer++) {
      const numbers = log.records.filter((record) => record.official === `writer-${writer}`).map((record) => Number(/#(\d+)$/.exec(record.sender!)![1]));
      // Every letter once, in the order its writer recorded them.
      expect(numbers).toEqual(Array.from({ length: LETTERS_EACH }, (_, n) => n));
    }
    // The writers did run at the same time: their lines are interleaved, not one block each.
    const changes = log.records.filter((record, index) => index > 0 && record.official !== log.records[index - 1]!.official).length;
    expect(changes).toBeGreaterThan(WRITERS);
  } finally {
    cleanup();
  }
});

test(`${WRITERS} "appeal write" runs of ${LETTERS_EACH} letters each at once give ${WRITERS * LETTERS_EACH} valid lines`, async () => {
  // A case with 200 officials, so one run writes 200 letters and records them in one call.
  const officials = Array.from({ length: LETTERS_EACH }, (_, n) => `  - id: official-${n}\n    name: Official ${n}\n    address: [Street ${n}, Town]\n    country: Utopia\n    salutation: Dear Official`);
  const { dir, cleanup } = makeTempDir({
    'cases/many.yaml': `id: many-officials\nkind: urgent-action\ntitle: Many officials\nstatus: open\nsummary: One case, many officials.\npeople:\n  - name: Someone\nofficials:\n${officials.join('\n')}\nletter:\n  template: many.hbs\n  language: en\n  closing: Yours sincerely,\n`,
    'cases/many.hbs': 'Please release Someone.\n',
  });
  try {
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, writer) =>
        runCli(['write', 'many-officials', '--cases', 'cases', '--no-builtin', '--name', `Member ${writer}`, '--target', 'all', '--out', `out-${writer}`], { cwd: dir, timeoutMs: 60_000 }),
      ),
    );
    expect(results.map((result) => [result.code, result.stderr])).toEqual(Array.from({ length: WRITERS }, () => [0, '']));
    const text = readFileSync(join(dir, '.data', 'appeal', 'actions.jsonl'), 'utf8');
    expect(text.split('\n')).toHaveLength(WRITERS * LETTERS_EACH + 1);
    const log = parseActionLog(text);
    expect(log.problems).toEqual([]);
    for (let writer = 0; writer < WRITERS; writer++) {
      const files = log.records.filter((record) => record.sender === `Member ${writer}`).map((record) => (record.kind === 'made' ? record.file : null));
      expect(files).toEqual(Array.from({ length: LETTERS_EACH }, (_, n) => join(dir, `out-${writer}`, `many-officials_official-${n}_member-${writer}.txt`)));
    }
  } finally {
    cleanup();
  }
});
