import type { Clock } from '../time/clock';
import { AppError, ExitCode } from '../errors/app-error';
import { isDiskFailure, writeFailureReason } from '../output/write-output-file';
import { ACTION_LOG_VERSION, type LogChannel, type MadeRecord } from './action-record';
import { actionLogFile, appendRecords } from './log-append';

export { channelForFormat } from './action-record';

/**
 * One letter just made, as a command hands it to the log. Example, for a PDF from `batch`:
 * `{ case: 'ua-150-19', official: 'ambassador', format: 'pdf', channel: channelForFormat('pdf'),
 *    sender: 'Ann Smith', file: '/home/ann/letters/meeting.pdf' }`
 */
export interface LetterMade {
  /** The case id (`letter.caseId`). */
  case: string;
  /** The official's id within the case (`letter.officialId`). */
  official: string;
  /** The format written: text, pdf, email... */
  format: string;
  /** How it will go: `channelForFormat(format)` unless the command knows better. */
  channel: LogChannel;
  /** The name that signs the letter; null for a blank letter a member signs by hand. */
  sender: string | null;
  /** The file written (several letters may share one PDF); null when no file was written. */
  file: string | null;
  /** Which of a batch's blank letters to this official it is (1, 2...). */
  copy?: number;
}

export interface ActionLogContext {
  env: NodeJS.ProcessEnv;
  clock: Clock;
}

/**
 * Records letters a command has written, all with the time of the command's clock. The letters
 * are already on disk, so a log that cannot be written (no permission) is a warning, not a
 * failure: the person keeps their letters and is told they will not be counted. Returns that
 * warning, for the command to show; undefined when the letters were recorded. A disk that is
 * full or failing is an error (the command ends non-zero): that disk needs room, and the log
 * holds none of these records.
 */
export function recordLetters(context: ActionLogContext, letters: Iterable<LetterMade>): string | undefined {
  const at = context.clock.now().toISOString();
  const file = actionLogFile(context.env);
  // Made one at a time as the log is written: a meeting's batch can be ten thousand letters.
  function* records(): Generator<MadeRecord> {
    for (const letter of letters) {
      yield { v: ACTION_LOG_VERSION, kind: 'made', at, case: letter.case, official: letter.official, format: letter.format, channel: letter.channel, sender: letter.sender, file: letter.file, ...(letter.copy ? { copy: letter.copy } : {}) };
    }
  }
  try {
    appendRecords(file, records());
    return undefined;
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isDiskFailure(error)) {
      throw new AppError(`The letters were written, but could not be recorded in the action log ${file}: ${writeFailureReason(file, error)}. None of them is in the log, so "appeal report" will not count them.`, {
        exitCode: ExitCode.ioError,
        hint: 'Make room on that disk, or set APPEAL_DATA to a folder on another disk.',
      });
    }
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    return `the letters were written, but could not be recorded in the action log ${file} (${reason}); "appeal report" will not count them. Set APPEAL_DATA to a folder you can write to.`;
  }
}
