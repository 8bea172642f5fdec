import { closeSync, fdatasyncSync, fstatSync, ftruncateSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dataDir } from '../profile/app-paths';
import { writeAllBytes } from '../output/write-output-file';
import { checkWriteAllowed } from '../output/write-guard';
import type { ActionRecord } from './action-record';

// Writing to the log, apart from reading it (log-file.ts): every letter written appends, and
// reading needs the schema, which appending does not.

export const ACTION_LOG_NAME = 'actions.jsonl';

export function actionLogFile(env: NodeJS.ProcessEnv): string {
  return join(dataDir(env), ACTION_LOG_NAME);
}

/**
 * Appends are whole lines written by single write calls on a file opened with O_APPEND: the
 * kernel places each write at the end of the file in one piece, so two processes appending at
 * once never interleave inside a line. Linux does so for local files of any write size; keeping
 * each write to whole lines of at most a page (PIPE_BUF) also keeps lines whole where a system
 * splits larger writes, and a crash between two writes leaves only whole lines behind.
 */
export const APPEND_CHUNK_BYTES = 4096;

/** Every line starts with this, and no value can contain it unescaped: the reader looks for it. */
export const RECORD_START = '{"v":';

export function serializeRecord(record: ActionRecord): string {
  // JSON.stringify escapes line breaks inside strings, so a record is always exactly one line.
  const { v, ...rest } = record;
  return `${JSON.stringify({ v, ...rest })}\n`;
}

/**
 * Whole lines grouped into writes of at most `limit` bytes; a longer line goes alone. A generator,
 * so a batch of ten thousand letters is never held in memory as lines all at once.
 */
export function* chunkLines(lines: Iterable<string>, limit = APPEND_CHUNK_BYTES): Generator<Buffer> {
  let current: Buffer[] = [];
  let size = 0;
  for (const line of lines) {
    const bytes = Buffer.from(line, 'utf8');
    if (size > 0 && size + bytes.length > limit) {
      yield Buffer.concat(current, size);
      current = [];
      size = 0;
    }
    current.push(bytes);
    size += bytes.length;
  }
  if (size > 0) yield Buffer.concat(current, size);
}

function* map<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

/**
 * Adds records to the end of the log, creating it and its folder when needed. Nothing is read
 * first: checking whether the log ends in a torn line would race with other writers (they saw
 * half-extended files and added blank lines), so the reader recovers a record glued onto a torn
 * line instead.
 */
export function appendRecords(file: string, records: Iterable<ActionRecord>): void {
  checkWriteAllowed();
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'a');
  const sizeBefore = fstatSync(fd).size;
  let written = 0;
  let writing = 0;
  try {
    for (const chunk of chunkLines(map(records, serializeRecord))) {
      writing = chunk.length;
      writeAllBytes(fd, chunk);
      written += chunk.length;
      writing = 0;
    }
    // The letters are on disk (written with fsync); their record should survive a power cut too.
    fdatasyncSync(fd);
  } catch (error) {
    takeBackAppend(fd, sizeBefore, written, writing);
    throw error;
  } finally {
    closeSync(fd);
  }
}

/**
 * After a failed append (a full disk), removes what this append added, so the log holds all of
 * its records or none. Only when the log is exactly as this append left it: had another process
 * appended meanwhile, cutting would take its records too, and the reader skips a torn line anyway.
 */
function takeBackAppend(fd: number, sizeBefore: number, written: number, cutChunk: number): void {
  try {
    const added = fstatSync(fd).size - sizeBefore - written;
    // What the failing write added is at most its chunk; anything more came from someone else.
    if (added >= 0 && added <= cutChunk) ftruncateSync(fd, sizeBefore);
  } catch {
    // The reader skips a torn last line; the error that stopped the append is the one to report.
  }
}

