import { constants, createInflate, inflateSync } from 'node:zlib';

/**
 * What all the compressed streams of a PDF may inflate to, together. An Urgent Action's text,
 * fonts and a photo or two inflate to a few megabytes; a "PDF bomb" of 4 MB inflates to 4 GB.
 */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;

/** Filters inside filters ([/FlateDecode /FlateDecode]) are followed this deep. */
const MAX_NESTING = 4;

const STREAM = Buffer.from('stream', 'latin1');
const END = Buffer.from('end', 'latin1');

/** A zlib header as pdf.js accepts one (deflate method, check bits right, no preset dictionary). */
function startsWithZlibHeader(data: Uint8Array): boolean {
  const cmf = data[0];
  const flg = data[1];
  return cmf !== undefined && flg !== undefined && (cmf & 0x0f) === 8 && ((cmf << 8) + flg) % 31 === 0 && (flg & 0x20) === 0;
}

/** Where a stream's data starts: after the end of the line of its "stream" keyword, as pdf.js reads it. */
function dataStart(bytes: Buffer, afterKeyword: number): number {
  for (let at = afterKeyword; at < bytes.length; at++) {
    if (bytes[at] === 0x0a) return at + 1;
    if (bytes[at] === 0x0d) return bytes[at + 1] === 0x0a ? at + 2 : at + 1;
  }
  return bytes.length;
}

/**
 * Inflates one zlib stream, never past `budget` bytes: what it inflates to, 'over' the budget, or
 * 'damaged'. The data may run on past the stream's end (zlib stops there).
 */
export function inflateWithin(data: Uint8Array, budget: number): Buffer | 'over' | 'damaged' {
  let output: Buffer;
  try {
    output = inflateSync(data, { maxOutputLength: Math.max(budget, 1), finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'over' : 'damaged';
  }
  return output.length > budget ? 'over' : output;
}

/**
 * How much a damaged zlib stream inflates to before zlib finds the damage, counted up to `budget`
 * and one byte more: zlib's one-call form keeps nothing of a stream it fails on, and pdf.js reads
 * such a stream as far as it goes. Counted piece by piece, as zlib's stream form gives them.
 */
function inflatedBeforeDamage(data: Uint8Array, budget: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
    let total = 0;
    const done = () => {
      inflate.destroy();
      resolve(Math.min(total, budget + 1));
    };
    inflate.on('data', (piece: Buffer) => {
      total += piece.length;
      if (total > budget) done();
    });
    inflate.on('error', done);
    inflate.on('end', done);
    inflate.end(data);
  });
}

/**
 * What one zlib stream inflates to, in bytes, never past `budget`; undefined when that is over
 * the budget. What comes out is inflated in turn when it is itself compressed, the budget shared.
 * A damaged stream counts for what it gives before its damage: counted as nothing, a file of
 * damaged streams, each giving 90 MB before a wrong last byte, kept this check busy for seconds.
 */
async function inflatedSize(data: Uint8Array, budget: number, depth: number): Promise<number | undefined> {
  const output = inflateWithin(data, budget);
  if (output === 'over') return undefined;
  if (output === 'damaged') {
    const given = await inflatedBeforeDamage(data, budget);
    return given > budget ? undefined : given;
  }
  if (depth >= MAX_NESTING || !startsWithZlibHeader(output)) return output.length;
  const inner = await inflatedSize(output, budget - output.length, depth + 1);
  return inner === undefined ? undefined : output.length + inner;
}

/**
 * Whether a PDF's compressed streams inflate to more than `limit` bytes in all. Every "stream"
 * keyword in the file is looked at, whatever its dictionary says (a missing or false /Length, a
 * stream hidden among others), and each zlib stream is inflated until the shared budget is spent:
 * the work is linear in the file, and the memory bounded by the limit.
 */
export async function inflatesBeyond(bytes: Uint8Array, limit = MAX_INFLATED_BYTES): Promise<boolean> {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let budget = limit;
  for (let found = file.indexOf(STREAM); found >= 0; found = file.indexOf(STREAM, found + STREAM.length)) {
    if (found >= END.length && file.subarray(found - END.length, found).equals(END)) continue;
    const data = file.subarray(dataStart(file, found + STREAM.length));
    if (!startsWithZlibHeader(data)) continue;
    const size = await inflatedSize(data, budget, 1);
    if (size === undefined) return true;
    budget -= size;
  }
  return false;
}
