import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');
export const BIN = join(REPO_ROOT, 'bin', 'appeal.js');
/** The clock every test runs at, so no test depends on today's date. */
export const TEST_NOW = '2026-11-22T12:00:00';

/**
 * The case-library cache of every run in this test process: outside the test folders, whose
 * contents tests check file by file. One cache for many folders and libraries is what users have
 * too (it is keyed by the folders read); it is removed when the test process ends.
 */
export const TEST_CACHE_DIR = mkdtempSync(join(tmpdir(), 'appeal-test-cache-'));
process.once('exit', () => rmSync(TEST_CACHE_DIR, { recursive: true, force: true }));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  input?: string | null;
  timeoutMs?: number;
  /** Another copy of the CLI to run (a test's own copy of the installation). */
  bin?: string;
}

/**
 * Runs the built CLI as a user would, in a temporary folder, with its config, data and home
 * there too (the cache in TEST_CACHE_DIR), and the clock pinned. Standard input is closed (no terminal) unless `input` is given.
 */
export function runCli(args: readonly string[], options: CliOptions): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.bin ?? BIN, ...args], {
      cwd: options.cwd,
      env: {
        PATH: process.env.PATH,
        HOME: options.cwd,
        APPEAL_NOW: TEST_NOW,
        APPEAL_CONFIG: join(options.cwd, '.config', 'appeal'),
        APPEAL_DATA: join(options.cwd, '.data', 'appeal'),
        APPEAL_CACHE: TEST_CACHE_DIR,
        TZ: 'UTC',
        NO_COLOR: '1',
        ...options.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    if (options.input !== undefined && options.input !== null) child.stdin.end(options.input);
    else child.stdin.end();
  });
}
