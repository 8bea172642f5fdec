// The countries' index of names, made from i18n-iso-countries' tables of names in the languages
// Urgent Action addresses are written in, read as they are (the library's functions are lookups in
// these, and its main module sets up tables import has no use for). This module is what tsc's
// files and the tests run, and what the build runs to make the index; the bundle has in its place
// the index as the build made it, read with one JSON.parse (scripts/bundle-cli.js): made here, name
// by name in code that runs uncompiled, it cost an import 0.6 ms, and the bundle holds no tables.
import english from 'i18n-iso-countries/langs/en.json';
import spanish from 'i18n-iso-countries/langs/es.json';
import french from 'i18n-iso-countries/langs/fr.json';
import russian from 'i18n-iso-countries/langs/ru.json';

/** A language's names for each country by its ISO code: one name, or the official one and others. */
export type CountryNames = Readonly<Record<string, string | readonly string[]>>;

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

/** The country (ISO 3166-1 alpha-2) of each name in every language, lower-cased: the first country for each. */
export function countryIndex(): Map<string, string> {
  const byName = new Map(Object.entries(EXTRA_NAMES));
  for (const language of [english.countries, spanish.countries, french.countries, russian.countries] as CountryNames[]) {
    for (const [code, names] of Object.entries(language)) {
      for (const name of typeof names === 'string' ? [names] : names) {
        const key = name.toLowerCase();
        if (!byName.has(key)) byName.set(key, code);
      }
    }
  }
  return byName;
}
