/**
 * Where a case was read from. When two sources give the same id, the user's own folder wins over a
 * followed library, which wins over the cases that come with appeal.
 */
export type CaseOrigin = { kind: 'folder' } | { kind: 'library'; name: string } | { kind: 'embedded' };

// Apart from the loader (case-library.ts), so that `show` on a cached library need not load it
// and, with it, YAML and zod.
/** Where a case came from, in words: "the followed library \"uk\"". */
export function describeCaseOrigin(origin: CaseOrigin): string {
  if (origin.kind === 'library') return `the followed library "${origin.name}"`;
  return origin.kind === 'embedded' ? 'the cases that come with appeal' : 'your case folder';
}
