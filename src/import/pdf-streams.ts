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
 * What checking one zlib stream costs at least, whatever it inflates to, so that the budget bounds
 * the check's work as well as its memory: a file of a million empty or broken streams is a million
 * calls into zlib (4 to 30 µs each) for almost no bytes. An Urgent Action has some hundreds.
 */
const LEAST_COST = 1024;

/** The pieces zlib's stream form gives; the one it was making when it failed goes unreported. */
const PIECE = 16 * 1024;

/**
 * What a damaged zlib stream inflates to before zlib finds the damage, counted up to `budget` and
 * one piece more: zlib's one-call form keeps nothing of a stream it fails on, and pdf.js (which
 * checks no checksum) reads such a stream as far as it goes. The output itself is kept only when
 * it is compressed in turn and `nested` asks for it, for a look at what that holds.
 */
function inflateUntilDamage(data: Uint8Array, budget: number, nested: boolean): Promise<{ size: number; lost: number; output?: Buffer }> {
  return new Promise((resolve) => {
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH, chunkSize: PIECE });
    const pieces: Buffer[] = [];
    let size = 0;
    let keep = nested;
    let ended = false;
    const done = (lost: number) => {
      if (ended) return;
      ended = true;
      inflate.destroy();
      resolve({ size, lost, output: keep && pieces.length ? Buffer.concat(pieces) : undefined });
    };
    inflate.on('data', (piece: Buffer) => {
      if (size === 0) keep &&= startsWithZlibHeader(piece);
      size += piece.length;
      if (size > budget) done(0);
      else if (keep) pieces.push(piece);
    });
    inflate.on('error', () => done(PIECE));
    inflate.on('end', () => done(0));
    inflate.end(data);
  });
}

/**
 * What one zlib stream costs the budget: its inflated bytes (at least LEAST_COST), and those of
 * what it holds compressed in turn, the budget shared; undefined when that is over the budget.
 * A damaged stream counts for what it gives before its damage (and the piece zlib may not report):
 * counted as nothing, a file of damaged streams, each giving 90 MB before a wrong last byte, kept
 * this check busy for seconds and pdf.js for its full minute.
 */
async function streamCost(data: Uint8Array, budget: number, depth: number): Promise<number | undefined> {
  let output: Buffer | undefined;
  let cost: number;
  const whole = inflateWithin(data, budget);
  if (whole === 'over') return undefined;
  if (whole === 'damaged') {
    const given = await inflateUntilDamage(data, budget, depth < MAX_NESTING);
    output = given.output;
    cost = Math.max(given.size + given.lost, LEAST_COST);
  } else {
    output = whole;
    cost = Math.max(whole.length, LEAST_COST);
  }
  if (cost > budget) return undefined;
  if (!output || depth >= MAX_NESTING || !startsWithZlibHeader(output)) return cost;
  const inner = await streamCost(output, budget - cost, depth + 1);
  return inner === undefined ? undefined : cost + inner;
}

/**
 * Whether a PDF's compressed streams inflate to more than `limit` bytes in all. Every "stream"
 * keyword in the file is looked at, whatever its dictionary says (a missing or false /Length, a
 * stream hidden among others), and each zlib stream is inflated until the shared budget is spent
 * (each costing at least LEAST_COST): the work and the memory are bounded by the limit.
 */
export async function inflatesBeyond(bytes: Uint8Array, limit = MAX_INFLATED_BYTES): Promise<boolean> {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let budget = limit;
  for (let found = file.indexOf(STREAM); found >= 0; found = file.indexOf(STREAM, found + STREAM.length)) {
    if (found >= END.length && file.subarray(found - END.length, found).equals(END)) continue;
    const data = file.subarray(dataStart(file, found + STREAM.length));
    if (!startsWithZlibHeader(data)) continue;
    const size = await streamCost(data, budget, 1);
    if (size === undefined) return true;
    budget -= size;
  }
  return false;
}
