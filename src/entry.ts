import { readFileSync } from 'node:fs';
import { AppError, ExitCode, formatAppError } from './errors/app-error';
import { buildProgram, CommanderError } from './cli';
import { clockFromEnv } from './time/clock';
import type { CommandContext, InputStream, OutputStream } from './commands/command-context';
import { PACKAGE_JSON } from './package-paths';
import { removePendingTempFiles } from './output/write-output-file';

export interface RunIO {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
}

/** Runs one command line and returns its exit status. The only place errors become statuses. */
export async function run(io: RunIO): Promise<number> {
  const debug = io.argv.includes('--debug');
  try {
    const context: CommandContext = { cwd: io.cwd, env: io.env, stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, clock: clockFromEnv(io.env) };
    const version = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
    const program = buildProgram(context, version);
    if (io.argv.length === 0) {
      program.outputHelp();
      return ExitCode.ok;
    }
    await program.parseAsync(io.argv, { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end here too, successfully; commander has printed its own message.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof AppError) {
      io.stderr.write(formatAppError(error));
      if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
      return error.exitCode;
    }
    if (error instanceof Error && error.name === 'ExitPromptError') return ExitCode.interrupted;
    const err = error as NodeJS.ErrnoException;
    if (err?.code === 'EPIPE') return ExitCode.ok;
    io.stderr.write(`appeal: unexpected error: ${err?.message ?? String(error)}\n`);
    io.stderr.write(debug ? `${err?.stack ?? ''}\n` : 'Run again with --debug to see where it happened, and report it with that output.\n');
    return ExitCode.software;
  }
}

export function runFromProcess(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(ExitCode.ok);
  });
  // Ctrl-C outside a prompt (prompts handle their own): remove what was half made, then stop.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // `on`, not `once`: a second Ctrl-C (the terminal's and the relaunching parent's) must not
    // end the process by default before the first has removed the half-made files.
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      removePendingTempFiles();
      process.stderr.write('\nappeal: stopped; no half-written file is left.\n');
      process.exit(signal === 'SIGINT' ? ExitCode.interrupted : 128 + 15);
    });
  }
  run({ argv: process.argv.slice(2), cwd: process.cwd(), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`appeal: ${String(error)}\n`);
      process.exitCode = ExitCode.software;
    },
  );
}
