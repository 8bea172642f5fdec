/**
 * Exit statuses follow BSD sysexits(3), so scripts can tell a mistyped command from bad data
 * from a disk that refused a write.
 */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 64,
  dataError: 65,
  noInput: 66,
  unavailable: 69,
  software: 70,
  cantCreate: 73,
  ioError: 74,
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error meant for the person at the keyboard: a one-line summary, detail lines, and a fix. */
export class AppError extends Error {
  readonly exitCode: ExitCode;
  readonly details: readonly string[];
  readonly hint: string | undefined;

  constructor(message: string, options: { exitCode?: ExitCode; details?: readonly string[]; hint?: string } = {}) {
    super(message);
    this.name = 'AppError';
    this.exitCode = options.exitCode ?? ExitCode.failure;
    this.details = options.details ?? [];
    this.hint = options.hint;
  }
}

export class UsageError extends AppError {
  constructor(message: string, options: { details?: readonly string[]; hint?: string } = {}) {
    super(message, { ...options, exitCode: ExitCode.usage });
    this.name = 'UsageError';
  }
}

export class DataError extends AppError {
  constructor(message: string, options: { details?: readonly string[]; hint?: string } = {}) {
    super(message, { ...options, exitCode: ExitCode.dataError });
    this.name = 'DataError';
  }
}

/**
 * appeal will not make what was asked, for a reason in the case rather than in the command line:
 * a closed case, a petition with no official, an official the format cannot reach. The message
 * says why; the hint, what can be made instead.
 */
export class RefusalError extends AppError {
  constructor(message: string, options: { details?: readonly string[]; hint?: string } = {}) {
    super(message, { ...options, exitCode: ExitCode.failure });
    this.name = 'RefusalError';
  }
}

/** Raised when the person pressed Ctrl-C at a prompt or during a long job. */
export class InterruptedError extends AppError {
  constructor() {
    super('Stopped; nothing was written.', { exitCode: ExitCode.interrupted });
    this.name = 'InterruptedError';
  }
}

export function formatAppError(error: AppError): string {
  const lines = [`appeal: ${error.message}`];
  for (const detail of error.details) lines.push(`  ${detail}`);
  if (error.hint) lines.push(error.hint);
  return lines.join('\n') + '\n';
}
