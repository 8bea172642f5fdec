/**
 * The countries' index of names (countries.ts), as the JSON of its [lower-cased name, ISO code]
 * pairs: filled in when the bundle is built (scripts/bundle-cli.js), so that an import makes it
 * from one JSON.parse instead of from the names of four languages, one by one, in code that runs
 * uncompiled (0.6 ms), and never loads those languages' tables; undefined in tsc's files and the
 * tests, which make it as the build does.
 */
export const COUNTRY_INDEX: string | undefined = undefined;
