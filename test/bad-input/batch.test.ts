/**
 * Issue "Hardening", items 10 and 18 for meeting mode: a signer whose name no font can show is
 * named by line and signs by hand, the others' letters print all the same (issue 15); Ctrl-C in the middle of a batch ends with status 130 and leaves
 * no half-made file.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/temp-dir';
import { BIN, runCli, TEST_CACHE_DIR, TEST_NOW } from '../helpers/run-cli';

const names = ['Jane Doe', 'Анна Иванова', 'José Núñez', 'Zoë Brontë'];
let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  const many = ['name', ...Array.from({ length: 3000 }, (_, i) => `${names[i % names.length]} ${i + 1}`)].join('\n');
  temp = makeTempDir({
    'emoji.csv': 'name,country\nJane Doe,UK\nAnna 🕊 Peace,Germany\n',
    'many.csv': `${many}\n`,
  });
});
afterAll(() => temp.cleanup());

const visibleFiles = (dir: string) => readdirSync(dir).filter((file) => !['.data', '.config'].includes(file));

test('10. an emoji in a signer’s name names the file and line; that member signs by hand and the meeting still prints', async () => {
  const result = await runCli(['batch', '150.19', '--signers', 'emoji.csv', '--out', 'emoji.pdf'], { cwd: temp.dir, env: { APPEAL_SYSTEM_FONTS: 'none' } });
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('To sign by hand:');
  expect(result.stdout).toMatch(/\n  Anna 🕊 Peace \(emoji\.csv:3\): 🕊 \(U\+1F54A\)/);
  expect(visibleFiles(temp.dir).filter((file) => file.startsWith('.appeal-tmp'))).toEqual([]);
  expect(visibleFiles(temp.dir)).toContain('emoji.pdf');
});

test('18. Ctrl-C during a batch ends with status 130 and leaves no partial file', async () => {
  const child = spawn(process.execPath, [BIN, 'batch', '150.19', 'miftakhov', '--signers', 'many.csv', '--out', 'big/meeting.pdf'], {
    cwd: temp.dir,
    env: { PATH: process.env.PATH, HOME: temp.dir, APPEAL_NOW: TEST_NOW, APPEAL_CONFIG: join(temp.dir, '.config'), APPEAL_DATA: join(temp.dir, '.data'), APPEAL_CACHE: TEST_CACHE_DIR },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // Interrupt once the batch has started writing its temporary file.
  const started = Date.now();
  await new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      let files: string[] = [];
      try {
        files = readdirSync(join(temp.dir, 'big'));
      } catch {
        // not made yet
      }
      if (files.some((file) => file.startsWith('.appeal-tmp')) || Date.now() - started > 15_000) {
        clearInterval(poll);
        resolve();
      }
    }, 5);
  });
  child.kill('SIGINT');
  const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
  expect(code).toBe(130);
  expect(stderr).toContain('stopped; no half-written file is left');
  expect(readdirSync(join(temp.dir, 'big'))).toEqual([]);
});
