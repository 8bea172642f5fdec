import { closeSync, openSync, readSync } from 'node:fs';
import { AppError, ExitCode } from '../errors/app-error';
import { wellFormedRecord, type ActionRecord } from './action-record';
import { actionRecordSchema } from './action-record-schema';
import { RECORD_START } from './log-append';

export { ACTION_LOG_NAME, APPEND_CHUNK_BYTES, actionLogFile, appendRecords, chunkLines, serializeRecord } from './log-append';

export interface LogProblem {
  line: number;
  message: string;
}

export interface ActionLog {
  records: ActionRecord[];
  /** Lines that were skipped, each with its line number; reading never fails on a bad line. */
  problems: LogProblem[];
}

function describeIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'not a record';
  return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}

function parseRecord(line: string): { record: ActionRecord } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { problem: 'not complete JSON (probably a write that was cut off)' };
  }
  // Lines appeal wrote pass a plain check; zod (slower by far per line) judges and explains the rest.
  const record = wellFormedRecord(value);
  if (record) return { record };
  const parsed = actionRecordSchema.safeParse(value);
  return parsed.success ? { record: parsed.data } : { problem: `not a letter record (${describeIssue(parsed.error)})` };
}

/** What a reader of the log is given, line by line, in order. */
export interface LogVisitor {
  record(record: ActionRecord): void;
  problem(problem: LogProblem): void;
}

/**
 * Judges the log's lines one at a time. Blank lines are ignored; a last line without its line
 * break is a write that was cut off and is skipped. A write cut off earlier has the next record
 * glued to its end: that record is kept, the torn part skipped. Any other line that is not a
 * record is skipped too, and every skipped line is reported with its number.
 */
class LogLines {
  private number = 0;
  constructor(private readonly visitor: LogVisitor) {}

  /** One whole line (its line break seen), or the last one, `torn` when no line break ended it. */
  line(raw: string, torn = false): void {
    const number = ++this.number;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!line.trim()) return;
    if (torn) {
      this.visitor.problem({ line: number, message: 'the log ends in the middle of this line (a write was cut off); it was skipped' });
      return;
    }
    const whole = parseRecord(line);
    if ('record' in whole) {
      this.visitor.record(whole.record);
      return;
    }
    const glued = line.indexOf(RECORD_START, 1);
    const rest = glued > 0 ? parseRecord(line.slice(glued)) : undefined;
    if (rest && 'record' in rest) {
      this.visitor.record(rest.record);
      this.visitor.problem({ line: number, message: `begins with a record that was cut off (${glued} bytes); it was skipped and the record after it on this line was kept` });
      return;
    }
    this.visitor.problem({ line: number, message: `${whole.problem}; it was skipped` });
  }
}

/** The records of a log's text, in order, and the lines that were skipped (see LogLines). */
export function parseActionLog(text: string): ActionLog {
  const log: ActionLog = { records: [], problems: [] };
  const lines = new LogLines({ record: (record) => log.records.push(record), problem: (problem) => log.problems.push(problem) });
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) lines.line(text.slice(start, end));
  if (start < text.length) lines.line(text.slice(start), true);
  return log;
}

const READ_BYTES = 1024 * 1024;

/**
 * Reads the log a piece at a time and hands each record and skipped line to the visitor, so
 * memory does not grow with the log: a year of a large group's letters is read like a week's.
 * A log that does not exist yet has no lines.
 */
export function scanActionLog(file: string, visitor: LogVisitor): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw cannotRead(file, error);
  }
  try {
    const lines = new LogLines(visitor);
    // One buffer, read into again and again: the bytes after the last line break read so far
    // (the start of a line) move to its front and the next read goes after them. A line break
    // is one byte in UTF-8 and never part of another character, so each line decodes whole.
    // Reusing the buffer keeps the memory flat; only a line longer than it makes it bigger.
    let buffer = Buffer.allocUnsafe(READ_BYTES);
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      let read: number;
      try {
        read = readSync(fd, buffer, filled, buffer.length - filled, null);
      } catch (error) {
        throw cannotRead(file, error);
      }
      if (read === 0) break;
      const end = filled + read;
      const lastBreak = buffer.lastIndexOf(10, end - 1);
      if (lastBreak < 0) {
        filled = end;
        continue;
      }
      // Line by line: most lines are plain ASCII, which decodes fast into compact strings, and a
      // name in Cyrillic then makes only its own line a two-byte string, not the whole piece read.
      for (let start = 0, stop = buffer.indexOf(10); start <= lastBreak; start = stop + 1, stop = buffer.indexOf(10, start)) lines.line(buffer.toString('utf8', start, stop));
      filled = buffer.copy(buffer, 0, lastBreak + 1, end);
    }
    if (filled) lines.line(buffer.toString('utf8', 0, filled), true);
  } finally {
    closeSync(fd);
  }
}

function cannotRead(file: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  return new AppError(`Cannot read the action log ${file}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message}.`, {
    exitCode: ExitCode.ioError,
    hint: 'Check that the file is yours and readable, or point APPEAL_DATA at the folder that holds your log.',
  });
}

/** The whole log in memory, for commands that need every record at hand (`sent`); a log that does not exist yet is empty. */
export function readActionLog(file: string): ActionLog {
  const log: ActionLog = { records: [], problems: [] };
  scanActionLog(file, { record: (record) => log.records.push(record), problem: (problem) => log.problems.push(problem) });
  return log;
}

export function formatLogProblem(file: string, problem: LogProblem): string {
  return `warning: ${file} line ${problem.line}: ${problem.message}.`;
}
