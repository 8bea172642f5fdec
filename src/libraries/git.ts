import { spawn } from 'node:child_process';
import { AppError, ExitCode } from '../errors/app-error';

/** git is missing or could not be started: following a library needs it, nothing else does. */
export class GitMissingError extends AppError {
  constructor(detail: string) {
    super(`git is needed to follow a case library, and it could not be run (${detail}).`, {
      exitCode: ExitCode.unavailable,
      hint: 'Install git (https://git-scm.com/downloads; on Debian or Ubuntu: sudo apt install git) and run the command again. Everything else in appeal works without it.',
    });
    this.name = 'GitMissingError';
  }
}

/** git ran and failed; `message` is git's own last words, for the person to read. */
export class GitFailedError extends Error {
  constructor(readonly args: readonly string[], readonly status: number | null, readonly stderr: string) {
    super(gitReason(stderr) || `git ${args[0]} failed with status ${status}`);
    this.name = 'GitFailedError';
  }
}

/** git's own reason: its first "fatal:", "error:" or "ssh:" line, else its last line. */
function gitReason(text: string): string {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const reason = lines.find((line) => /^(fatal|error|ssh):/.test(line)) ?? lines[lines.length - 1] ?? '';
  return reason.replace(/^(fatal|error):\s*/, '').replace(/\.+$/, '');
}

// What git may inherit from the person's environment: where programs are, whose home it is (for
// their own ~/.gitconfig, ssh keys and agent), and proxies. Nothing else, so no GIT_DIR,
// GIT_CONFIG_* or editor from the calling shell changes what git does.
const PASSED_THROUGH = ['PATH', 'HOME', 'USERPROFILE', 'SYSTEMROOT', 'TMPDIR', 'TEMP', 'TMP', 'SSH_AUTH_SOCK', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'all_proxy'];

/**
 * The environment git runs in: no terminal prompts, no password helper that asks, ssh that
 * never waits for an answer, and no system-wide configuration.
 */
export function gitEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const name of PASSED_THROUGH) if (env[name] !== undefined) out[name] = env[name];
  return {
    ...out,
    LC_ALL: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GIT_SSH_COMMAND: 'ssh -o BatchMode=yes -o ConnectTimeout=20',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_COUNT: '0',
    GIT_OPTIONAL_LOCKS: '0',
  };
}

// Set on every call, so neither the library nor a setting elsewhere can run a program: no hooks,
// no file-system monitor, no submodules, no password prompt; objects are checked as they arrive.
const SAFE_CONFIG = [
  'core.hooksPath=/dev/null',
  'core.fsmonitor=false',
  'core.askPass=',
  'credential.interactive=never',
  'submodule.recurse=false',
  'fetch.recurseSubmodules=false',
  'transfer.fsckObjects=true',
  'protocol.ext.allow=never',
  'http.lowSpeedLimit=1000',
  'http.lowSpeedTime=30',
];

export interface GitResult {
  stdout: Buffer;
  stderr: string;
}

export interface Git {
  /** Runs git with `args`; rejects with GitFailedError when git fails, GitMissingError when it cannot start. */
  run(args: readonly string[], options?: { cwd?: string; input?: string; timeoutMs?: number; allowLocalPaths?: boolean }): Promise<GitResult>;
}

/**
 * Whether a library's address is a folder on this computer, by git's own rule: not a URL
 * ("https://..."), not "host:path" (ssh), so a path ("../cases.git", "/srv/cases") or file://.
 */
export function isLocalPath(url: string): boolean {
  if (/^file:\/\//i.test(url)) return true;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url)) return false;
  if (/^[A-Za-z]:[\\/]/.test(url)) return true;
  const colon = url.indexOf(':');
  const slash = url.indexOf('/');
  return !(colon > 0 && (slash < 0 || colon < slash));
}

export function createGit(env: NodeJS.ProcessEnv): Git {
  const childEnv = gitEnvironment(env);
  return {
    run(args, options = {}) {
      const config = [...SAFE_CONFIG, `protocol.file.allow=${options.allowLocalPaths ? 'always' : 'never'}`].flatMap((setting) => ['-c', setting]);
      return new Promise((resolve, reject) => {
        const child = spawn('git', [...config, ...args], { cwd: options.cwd, env: childEnv, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
        const out: Buffer[] = [];
        let stderr = '';
        let timedOut = false;
        const timer = options.timeoutMs ? setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), options.timeoutMs) : undefined;
        child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.on('error', (error: NodeJS.ErrnoException) => {
          clearTimeout(timer);
          reject(error.code === 'ENOENT' ? new GitMissingError('no "git" program on the PATH') : new GitMissingError(error.message));
        });
        child.on('close', (status) => {
          clearTimeout(timer);
          if (timedOut) reject(new GitFailedError(args, status, `${stderr}\nno answer after ${Math.round(options.timeoutMs! / 1000)} seconds`));
          else if (status !== 0) reject(new GitFailedError(args, status, stderr));
          else resolve({ stdout: Buffer.concat(out), stderr });
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input ?? '');
      });
    },
  };
}
