import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BIN, TEST_CACHE_DIR, TEST_NOW } from './run-cli';

export interface PtyStep {
  expect: string;
  send: string;
}

export const KEYS = { enter: '\r', space: ' ', down: '\x1b[B', up: '\x1b[A', ctrlC: '\x03' } as const;

/** Runs the built CLI in a pseudo-terminal and answers its prompts, step by step. */
export function runInTerminal(args: readonly string[], cwd: string, steps: PtyStep[], env: NodeJS.ProcessEnv = {}): { status: number | null; output: string; stuck_at?: string } {
  const script = {
    argv: [process.execPath, BIN, ...args],
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: cwd,
      TERM: 'xterm',
      APPEAL_NOW: TEST_NOW,
      APPEAL_CONFIG: join(cwd, '.config', 'appeal'),
      APPEAL_DATA: join(cwd, '.data', 'appeal'),
      APPEAL_CACHE: TEST_CACHE_DIR,
      TZ: 'UTC',
      ...env,
    },
    steps,
    timeout: 15,
  };
  const result = spawnSync('python3', [join(__dirname, 'pty-session.py')], { input: JSON.stringify(script), encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`pty-session.py failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}
