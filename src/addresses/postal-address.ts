import type { Official } from '../cases/case-schema';

/** Names by which one country is written; the post needs the destination country only abroad. */
const COUNTRY_ALIASES: readonly (readonly string[])[] = [
  ['usa', 'us', 'u.s.', 'u.s.a.', 'united states', 'united states of america'],
  ['russian federation', 'russia', 'ru', 'россия', 'российская федерация'],
  ['united kingdom', 'uk', 'gb', 'great britain', 'england', 'scotland', 'wales', 'northern ireland'],
  ['germany', 'de', 'deutschland'],
  ['honduras', 'hn'],
];

function countryKey(country: string): string {
  const plain = country.trim().toLowerCase().replace(/\s+/g, ' ');
  const group = COUNTRY_ALIASES.find((names) => names.includes(plain));
  return group ? group[0]! : plain;
}

export function sameCountry(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && countryKey(a) === countryKey(b);
}

/**
 * The official's postal block, in the order the post reads it: name, title, organisation,
 * street lines, and the destination country last in capitals, unless the sender lives in that
 * same country. A sender whose country is unknown gets the country line, which is never wrong.
 */
export function postalAddressLines(official: Official, senderCountry: string | undefined): string[] {
  const lines = [official.name];
  if (official.title) lines.push(official.title);
  if (official.organisation) lines.push(official.organisation);
  lines.push(...(official.address ?? []));
  if (official.country && !sameCountry(official.country, senderCountry)) lines.push(official.country.toUpperCase());
  return lines;
}

/** Whether a printed letter can reach this official by post. */
export function takesPost(official: Official): boolean {
  return official.post !== false && (official.address?.length ?? 0) > 0;
}
