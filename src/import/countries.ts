// The English table of i18n-iso-countries, for a country's usual name (see country-index.ts).
import english from 'i18n-iso-countries/langs/en.json';
import { caseInsensitive } from './case-patterns';
import { countryIndex, type CountryNames } from './country-index';

export interface CountryName {
  /** ISO 3166-1 alpha-2 code, so "Russia" and "Russian Federation" are one country. */
  code: string;
  /** The name as the document writes it. */
  written: string;
}

let index: Map<string, string> | undefined;
let mentionPattern: RegExp | undefined;

const nameIndex = (): Map<string, string> => (index ??= countryIndex());

/** The country a whole line names ("Russian Federation", "Honduras", "USA"), or undefined. */
export function countryByName(text: string): CountryName | undefined {
  const written = text.trim().replace(/[.,;]+$/, '');
  const code = nameIndex().get(written.toLowerCase());
  return code ? { code, written } : undefined;
}

/**
 * A country at the end of an address line: "629420 Russian Federation" gives the country and
 * "629420"; "Tegucigalpa, Honduras" gives "Tegucigalpa".
 */
export function splitTrailingCountry(line: string): { rest: string; country: CountryName } | undefined {
  const whole = countryByName(line);
  if (whole) return { rest: '', country: whole };
  const words = line.split(/\s+/);
  for (let take = Math.min(5, words.length - 1); take >= 1; take--) {
    const tail = words.slice(-take).join(' ');
    const country = countryByName(tail);
    // Two-letter codes at the end of a line are US states ("Washington DC"), not countries.
    if (country && country.written.replace(/\W/g, '').length > 2) {
      return { rest: words.slice(0, -take).join(' ').replace(/[,\s]+$/, ''), country };
    }
  }
  return undefined;
}

/** The usual English name of a country, for a case whose document names it only in passing. */
export function countryDisplayName(code: string): string {
  const names = (english.countries as CountryNames)[code];
  return (typeof names === 'string' ? names : names?.[0]) ?? code;
}

/** Every country named in running text, in the form written, in order. Short codes are left out. */
export function countryMentions(text: string): CountryName[] {
  if (!mentionPattern) {
    const names = [...nameIndex().keys()].filter((name) => name.replace(/\W/g, '').length > 3);
    names.sort((a, b) => b.length - a.length);
    const escaped = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    // Six hundred names in one case-insensitive alternation: 10 ms to compile with the i flag, a
    // fifth of that without it (see case-patterns.ts).
    mentionPattern = caseInsensitive(`(?<![\\p{L}-])(?:${escaped.join('|')})(?![\\p{L}-])`, 'giu');
  }
  const found: CountryName[] = [];
  for (const match of text.matchAll(mentionPattern)) {
    // Countries are proper names: "chad" or "jordan" in lower case are other words.
    if (!/^\p{Lu}/u.test(match[0])) continue;
    const code = nameIndex().get(match[0].toLowerCase());
    if (code) found.push({ code, written: match[0] });
  }
  return found;
}
