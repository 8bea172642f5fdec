import { fstatSync, readFileSync } from 'node:fs';
import { AppError, ExitCode, formatAppError } from './errors/app-error';
import { buildProgram, CommanderError } from './cli';
import { clockFromEnv } from './time/clock';
import type { CommandContext, InputStream, OutputStream } from './commands/command-context';
import { PACKAGE_JSON } from './package-paths';
import { removePendingTempFiles } from './output/write-output-file';
import { setWriteGuard } from './output/write-guard';
import { terminalSafeStream } from './output/terminal-stream';
import { processOutput } from './output/process-output';

export interface RunIO {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
}

/** Runs one command line and returns its exit status. The only place errors become statuses. */
export async function run(rawIO: RunIO): Promise<number> {
  // Everything printed, by every command and every error message, passes through terminalSafe:
  // case files and documents come from other people, and their text must not drive a terminal.
  const io: RunIO = { ...rawIO, stdout: terminalSafeStream(rawIO.stdout), stderr: terminalSafeStream(rawIO.stderr) };
  const debug = io.argv.includes('--debug');
  try {
    const context: CommandContext = { cwd: io.cwd, env: io.env, stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, clock: clockFromEnv(io.env) };
    const version = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
    const program = buildProgram(context, version, io.argv.find((arg) => !arg.startsWith('-')));
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

/**
 * In a relaunched batch (bin/appeal.js), ends this process as soon as the appeal that started it
 * is gone, however it went (SIGKILL included): its IPC channel closes, and before anything lands
 * on disk the parent is checked once more, since a busy process hears of the close only later.
 * Half-made files are removed; nothing is printed, as the command has ended for the person.
 */
function watchParent(): void {
  if (!process.send || !process.channel) return;
  const parent = process.ppid;
  const stop = () => {
    removePendingTempFiles();
    process.exit(ExitCode.interrupted);
  };
  process.on('disconnect', stop);
  setWriteGuard(() => {
    if (!process.connected || process.ppid !== parent) stop();
  });
  // The channel must not keep the batch alive on its own.
  process.channel.unref();
}

/**
 * Standard input, made only when a command reads it: Node builds the stream (and for a pipe, the
 * network code) on first use of process.stdin, a few milliseconds that most commands never need.
 * Whether it is a terminal is asked of the file descriptor, which needs no stream of its own.
 */
function lazyStdin(): InputStream {
  return new Proxy({} as InputStream, {
    get(_, property) {
      // node:tty loads the streams and network code too: only when a command asks.
      if (property === 'isTTY') return stdinIsTerminal();
      const value = Reflect.get(process.stdin, property, process.stdin) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(process.stdin) : value;
    },
    set: (_, property, value) => Reflect.set(process.stdin, property, value, process.stdin),
    has: (_, property) => property in process.stdin,
  });
}

/**
 * Whether standard input is a terminal. Only a character device can be one: a pipe or a file (a
 * batch run from a script, the benchmarks) is told so without node:tty, which loads the network
 * code too.
 */
function stdinIsTerminal(): boolean {
  try {
    if (!fstatSync(0).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return (require('node:tty') as typeof import('node:tty')).isatty(0);
}

export function runFromProcess(): void {
  watchParent();
  // A reader that has gone (`appeal list | head`) has seen what it wanted: not an error.
  const endOnEpipe = (stream: NodeJS.WriteStream) =>
    stream.on('error', (error: NodeJS.ErrnoException) => {
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
  // Standard output or error written through Node's stream (a terminal, a pipe that was full) may
  // still hold text: the process then ends as Node ends one, once all is written.
  let streamsMade = 0;
  const stdout = processOutput(1, () => process.stdout, (stream) => {
    streamsMade++;
    endOnEpipe(stream);
  });
  const stderr = processOutput(2, () => process.stderr, () => streamsMade++);
  run({ argv: process.argv.slice(2), cwd: process.cwd(), env: process.env, stdin: lazyStdin(), stdout, stderr }).then(
    (code) => {
      // Everything printed with plain writes: nothing is left to do, and ending now spares Node
      // taking the heap and the loaded code apart, which a process that ends need not (a millisecond
      // or two of every command). The exit handlers (the compiled-code cache) run as always.
      if (streamsMade === 0) process.exit(code);
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`appeal: ${String(error)}\n`);
      process.exitCode = ExitCode.software;
    },
  );
}
