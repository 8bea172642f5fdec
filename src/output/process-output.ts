import { fstatSync, writeSync } from 'node:fs';
import type { Writable } from 'node:stream';

/** What commands write to: a stream, and whether it is a terminal and how wide (command-context.ts's OutputStream). */
export type ProcessOutput = Writable & { isTTY?: boolean; columns?: number };

/**
 * Standard output or error, written with plain synchronous writes while it is a file or a pipe.
 * Node builds process.stdout (and the streams and network code under it) on first use, 2 to 3 ms:
 * more than `appeal list` takes to list, and nothing a command printing into a pipe or a file
 * needs. A terminal or other device, a pipe that is full (EAGAIN) and everything but write go to
 * Node's own stream, made then (`made` is told, to listen to it); from then on it takes every write,
 * so the order of what is printed never changes.
 */
export function processOutput(fd: 1 | 2, stream: () => NodeJS.WriteStream, made: (stream: NodeJS.WriteStream) => void = () => {}): ProcessOutput {
  let real: NodeJS.WriteStream | undefined;
  let direct: boolean | undefined;
  const nodeStream = () => {
    if (!real) {
      real = stream();
      made(real);
    }
    return real;
  };
  const writesDirectly = () => {
    if (direct === undefined) {
      try {
        const stats = fstatSync(fd);
        direct = stats.isFile() || stats.isFIFO() || stats.isSocket();
      } catch {
        direct = false;
      }
    }
    return direct && !real;
  };

  const write = (chunk: string | Uint8Array, encoding?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void): boolean => {
    const done = typeof encoding === 'function' ? encoding : callback;
    if (!writesDirectly()) return typeof encoding === 'function' ? nodeStream().write(chunk, encoding) : nodeStream().write(chunk, encoding, callback);
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : chunk;
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(fd, bytes, written);
    } catch (error) {
      // A reader that takes its time: Node's stream waits for it, and prints the rest in order.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      return nodeStream().write(bytes.subarray(written), done);
    }
    if (done) process.nextTick(done);
    return true;
  };

  return new Proxy({} as ProcessOutput, {
    get(_, property) {
      if (property === 'write') return write;
      if (property === 'isTTY' && writesDirectly()) return false;
      const target = nodeStream();
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    set: (_, property, value) => Reflect.set(nodeStream(), property, value),
    has: (_, property) => property in nodeStream(),
  });
}
