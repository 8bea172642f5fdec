// i18n-iso-countries' tables of names, in the languages that Urgent Action addresses are written
// in, read as they are: its functions (getNames, getName) are lookups in these, and its main
// module would set up code and transliteration tables import has no use for as it loads.
import english from 'i18n-iso-countries/langs/en.json';
import { caseInsensitive } from './case-patterns';
import { COUNTRY_INDEX } from './country-index-table';

/** A language's names for each country by its ISO code: one name, or the official one and others. */
type CountryNames = Readonly<Record<string, string | readonly string[]>>;
const namesOf = (names: string | readonly string[]): readonly string[] => (typeof names === 'string' ? [names] : names);

export interface CountryName {
  /** ISO 3166-1 alpha-2 code, so "Russia" and "Russian Federation" are one country. */
  code: string;
  /** The name as the document writes it. */
  written: string;
}

// Names as Urgent Actions write them that the ISO list lacks.
const EXTRA_NAMES: Record<string, string> = {
  'united states of america': 'US',
  usa: 'US',
  'u.s.a.': 'US',
  'the gambia': 'GM',
  'the netherlands': 'NL',
  'the philippines': 'PH',
  'occupied palestinian territories': 'PS',
  'ivory coast': 'CI',
  burma: 'MM',
};

let index: Map<string, string> | undefined;
let mentionPattern: RegExp | undefined;

/** The country of each name, lower-cased: as the build made it (see country-index-table.ts), or made here. */
function nameIndex(): Map<string, string> {
  index ??= COUNTRY_INDEX === undefined ? indexOfNames() : new Map(JSON.parse(COUNTRY_INDEX) as [string, string][]);
  return index;
}

/** The index of names, for the build to keep: every name in every language, the first country for each. */
export function countryIndexEntries(): [string, string][] {
  return [...nameIndex()];
}

function indexOfNames(): Map<string, string> {
  // The other languages' tables load only here, where the bundle, which has the index made, never goes.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const languages: readonly CountryNames[] = [
    english.countries,
    (require('i18n-iso-countries/langs/es.json') as { countries: CountryNames }).countries,
    (require('i18n-iso-countries/langs/fr.json') as { countries: CountryNames }).countries,
    (require('i18n-iso-countries/langs/ru.json') as { countries: CountryNames }).countries,
  ];
  /* eslint-enable @typescript-eslint/no-require-imports */
  const byName = new Map(Object.entries(EXTRA_NAMES));
  for (const language of languages) {
    for (const [code, names] of Object.entries(language)) {
      for (const name of namesOf(names)) {
        const key = name.toLowerCase();
        if (!byName.has(key)) byName.set(key, code);
      }
    }
  }
  return byName;
}

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
  return (names === undefined ? undefined : namesOf(names)[0]) ?? code;
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
