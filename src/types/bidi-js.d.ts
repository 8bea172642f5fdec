// bidi-js ships no types; appeal uses its embedding levels and mirrored characters (see shape-line.ts).
declare module 'bidi-js' {
  import type { BidiEngine } from '../pdf/shape-line';
  export default function bidiFactory(): BidiEngine;
}
