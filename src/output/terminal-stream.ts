import { terminalSafe } from '../text/terminal-text';

const RAW_STREAM = Symbol('the stream under a terminal-safe stream');

type Writer = { write(chunk: never, ...rest: never[]): unknown };

/**
 * A stream whose writes go through terminalSafe: what commands print from case files, members'
 * lists or documents can never drive the terminal. Everything else (isTTY, columns, events) is
 * the stream's own.
 */
export function terminalSafeStream<T extends Writer>(stream: T): T {
  return new Proxy(stream, {
    get(target, property) {
      if (property === RAW_STREAM) return target;
      if (property === 'write') {
        return (chunk: unknown, ...rest: unknown[]) => {
          const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : chunk;
          return (target.write as (...args: unknown[]) => unknown)(typeof text === 'string' ? terminalSafe(text) : text, ...rest);
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * The stream itself, for appeal's own drawing on the terminal (prompts, the progress bar), which
 * needs escape sequences and prints no data unescaped.
 */
export function rawStream<T>(stream: T): T {
  return ((stream as { [RAW_STREAM]?: T })[RAW_STREAM] ?? stream) as T;
}
