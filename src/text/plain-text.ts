/** A language tag such as "en", "ru" or "pt-BR". */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * Characters that must never reach a letter, a file name or an email header unseen:
 * C0/C1 controls (line breaks included) and the Unicode bidi overrides that can make
 * a name display differently from what it is.
 */
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

/** Describes the first unsafe character of a one-line value, or returns undefined. */
export function findUnsafeCharacter(value: string): string | undefined {
  const match = UNSAFE_IN_LINE.exec(value);
  if (!match) return undefined;
  const char = match[0];
  const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  const names: Record<string, string> = {
    '\n': 'a line break',
    '\r': 'a carriage return',
    '\t': 'a tab',
  };
  const described = names[char] ?? (/[\u202a-\u202e\u2066-\u2069]/u.test(char) ? 'a bidi override' : 'a control character');
  return `${described} (U+${code})`;
}
