/**
 * import's case-insensitive patterns by their source, each written without the i flag: filled in
 * when the bundle is built (scripts/bundle-cli.js, scripts/caseless-patterns.js); undefined in tsc's
 * files and the tests, which make every pattern as written. See case-patterns.ts.
 */
export const CASELESS_PATTERNS: Readonly<Record<string, string>> | undefined = undefined;
