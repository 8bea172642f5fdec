import { findUnsafeCharacter } from './plain-text';
import { withThousands } from './thousands';

/**
 * How long a person's details may be, in characters. No real name or address line comes near
 * (the longest names in civil registers run to some 80 characters); beyond this, text would print
 * over the address block and the body of a letter, or make a PDF of megabytes from one cell.
 */
export const PERSON_TEXT_LIMITS = {
  name: 150,
  addressLine: 150,
  addressLines: 10,
  country: 100,
  /** RFC 5321: an address is at most 254 characters. */
  email: 254,
  /** A member's own sentence or two in a letter: a paragraph, not a page. */
  personal: 1000,
} as const;

/**
 * Invisible characters with no place in a name: zero-width space, word joiner, byte-order mark,
 * Mongolian vowel separator. They make "Ann\u200bSmith" a different name from "AnnSmith" in the
 * report. The zero-width joiner and non-joiner stay: Persian and Indic names need them.
 */
const INVISIBLE_IN_NAME = /[\u200b\u2060\ufeff\u180e]/gu;

/** A person's one-line text as it is kept: NFC (one form for "é"), no invisible characters, trimmed. */
export function normalizePersonText(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE_IN_NAME, '').trim();
}

/**
 * Why a person's one-line text cannot be used ("is 10,000 characters long; ..."), or undefined.
 * The text is checked as normalizePersonText leaves it.
 */
export function personTextProblem(value: string, maxCharacters: number): string | undefined {
  const unsafe = findUnsafeCharacter(value);
  if (unsafe) return `contains ${unsafe}`;
  const length = [...value].length;
  if (length > maxCharacters) return `is ${withThousands(length)} characters long; at most ${maxCharacters} fit on a letter`;
  return undefined;
}

/** Scripts whose letters look alike (Latin A, Cyrillic А, Greek Α), and others often mixed up with them. */
const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Cherokee'] as const;
let scriptPatterns: { script: string; pattern: RegExp }[] | undefined;

/**
 * A warning when one word of a name mixes letters of two scripts: "Аnn" with a Cyrillic А looks
 * like Ann but is another name to the report, a search and a file name. A name may well be in
 * two scripts (Анна Smith); one word rarely is.
 */
export function mixedScriptWarning(name: string): string | undefined {
  // A name in ASCII is all Latin; V8 is spared compiling the Unicode script tables for it.
  if (/^[\x00-\x7f]*$/.test(name)) return undefined;
  scriptPatterns ??= SCRIPTS.map((script) => ({ script, pattern: new RegExp(`\\p{Script=${script}}`, 'u') }));
  for (const word of name.split(/[\s\-‐'’.]+/u)) {
    const scripts = new Set<string>();
    for (const char of word) {
      const found = scriptPatterns.find(({ pattern }) => pattern.test(char));
      if (found) scripts.add(found.script);
    }
    if (scripts.size > 1) {
      return `the name "${name}" mixes ${[...scripts].join(' and ')} letters in the word "${word}": a letter from another alphabet that looks the same makes it a different name. Check it was typed as meant.`;
    }
  }
  return undefined;
}
