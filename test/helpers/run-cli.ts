import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');
export const BIN = join(REPO_ROOT, 'bin', 'appeal.js');
/** The clock every test runs at, so no test depends on today's date. */
export const TEST_NOW = '2026-11-22T12:00:00';

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
}

/**
 * Runs the built CLI as a user would, in a temporary folder, with its config, data and home
 * there too, and the clock pinned. Standard input is closed (no terminal) unless `input` is given.
 */
export function runCli(args: readonly string[], options: CliOptions): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: {
        PATH: process.env.PATH,
        HOME: options.cwd,
        APPEAL_NOW: TEST_NOW,
        APPEAL_CONFIG: join(options.cwd, '.config', 'appeal'),
        APPEAL_DATA: join(options.cwd, '.data', 'appeal'),
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
