import { execFileSync, spawnSync } from 'node:child_process';

/** Whether the system's git can be run; the case-library tests need it and skip saying so. */
export const HAS_GIT = spawnSync('git', ['--version']).status === 0;

/**
 * Runs git as the coordinator would, with the identity and dates given by the environment (never
 * by anyone's global configuration) and no system or global settings.
 */
export function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', [...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Case Coordinator',
      GIT_AUTHOR_EMAIL: 'coordinator@example.org',
      GIT_COMMITTER_NAME: 'Case Coordinator',
      GIT_COMMITTER_EMAIL: 'coordinator@example.org',
      GIT_AUTHOR_DATE: '2026-11-20T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-11-20T10:00:00Z',
    },
  }).trim();
}

/** Commits everything in `dir` and pushes it to its origin (forced, for tests that rewrite history). */
export function publish(dir: string, message: string, force = false): string {
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', message]);
  git(dir, ['push', '-q', ...(force ? ['--force'] : []), 'origin', 'HEAD:main']);
  return git(dir, ['rev-parse', 'HEAD']);
}
