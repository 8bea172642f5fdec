import { STAND_INS } from './stand-in-table';

/*
 * Why the bundle's import reads ’ “ ” – — … • as C1 control codes.
 *
 * V8 keeps a string whose characters are all Latin-1 (up to U+00FF) at one byte a character, and
 * compiles each pattern once for such strings and again for wider ones, where every \p{L} class
 * spans all of Unicode: import's patterns cost about 5 ms more to compile for a document whose text
 * is wide. A document in English, Spanish, French or German is Latin-1 but for its typographic
 * punctuation, and Windows-1252 put those very characters at the places of the C1 control codes
 * (U+0080–U+009F), which no document uses as such. So the importer's text has each of them
 * (scripts/stand-ins.js lists them) in the place of its C1 code, and each C1 code in the place of
 * its character: a swap, so the same function turns a document into the importer's text and the
 * import's findings back into the document's characters. The build writes the importer's own
 * modules the same way, wherever a pattern or a word names one of the characters; nothing the
 * importer asks of a character tells the two apart otherwise: neither is a letter, a digit, a space
 * or a line's end, and neither has a case.
 *
 * In tsc's files and the tests the table is empty and nothing is swapped.
 * test/import-stand-ins.test.ts holds the bundle's findings to theirs.
 */

const SWAP = new Map<string, string>();
for (let at = 0; at + 1 < STAND_INS.length; at += 2) {
  SWAP.set(STAND_INS[at]!, STAND_INS[at + 1]!);
  SWAP.set(STAND_INS[at + 1]!, STAND_INS[at]!);
}
const SWAPPED = SWAP.size ? new RegExp(`[${[...SWAP.keys()].join('')}]`, 'g') : undefined;
const WIDE = /[^\0-\xff]/;

/** The text with each typographic character and its stand-in swapped (in the bundle; the text itself elsewhere). */
export function swapStandIns(text: string): string {
  if (!SWAPPED) return text;
  SWAPPED.lastIndex = 0;
  if (!SWAPPED.test(text)) return text;
  const swapped = text.replace(SWAPPED, (character) => SWAP.get(character)!);
  // replace() makes its string as wide as the one it read; through Latin-1 bytes it comes back narrow.
  return WIDE.test(swapped) ? swapped : Buffer.from(swapped, 'latin1').toString('latin1');
}

/** swapStandIns over every string in the import's findings (plain objects and arrays), keys too. */
export function swapStandInsIn<T>(value: T): T {
  return SWAPPED ? (swapped(value) as T) : value;
}

function swapped(value: unknown): unknown {
  if (typeof value === 'string') return swapStandIns(value);
  if (Array.isArray(value)) return value.map(swapped);
  if (value === null || typeof value !== 'object') return value;
  const prototype = Object.getPrototypeOf(value) as unknown;
  // Anything else (a Date, a Map) would lose its kind here, or keep stand-ins in its strings.
  if (prototype !== Object.prototype && prototype !== null) throw new Error(`swapStandInsIn: a ${(value as object).constructor.name} among the findings`);
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [swapStandIns(key), swapped(field)]));
}
