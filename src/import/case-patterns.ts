/**
 * Import's case-insensitive patterns, made without the i flag where the bundle can. V8 compiles an
 * /iu pattern by closing each letter and each \p{L} over case with ICU, on every first use in
 * every process: half the cost of import's patterns, and a tenth of an import. At build time
 * (scripts/caseless-patterns.js) each such pattern is written out once with each letter as the
 * class of the characters it matches ("d" as [Dd], "k" as [Kk\u212a]), which V8 compiles in half the
 * time and which matches exactly what the pattern matches; the bundle holds them by their source.
 * Without them (tsc's files, the tests), or for a pattern the build could not rewrite, the pattern
 * is made as written.
 */

import { CASELESS_PATTERNS } from './caseless-table';

const rewritten = CASELESS_PATTERNS && new Map(Object.entries(CASELESS_PATTERNS));
const made = new Set<string>();

/** A case-insensitive pattern (flags with "i" and "u"), as the bundle has it rewritten, else as written. */
export function caseInsensitive(source: string, flags: string): RegExp {
  const caseless = rewritten?.get(source);
  if (caseless !== undefined) return new RegExp(caseless, flags.replace('i', ''));
  if (!rewritten) made.add(source);
  return new RegExp(source, flags);
}

/** The sources of the patterns made so far, for the build to rewrite. */
export function caseInsensitiveSources(): string[] {
  return [...made];
}
