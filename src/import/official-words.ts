/**
 * Word lists that tell the lines of an official's block apart: a title starts with an office
 * ("Minister of Security"), an organisation with or ends in a body ("Embassy of ...",
 * "Prosecutor General's Office"), a name is a run of capitalised words that are neither.
 */

export const OFFICE_WORDS = new Set(
  [
    'prosecutor', 'procurator', 'minister', 'president', 'vice-president', 'ambassador', 'governor', 'director', 'director-general',
    'head', 'chief', 'general', 'attorney', 'attorney-general', 'secretary', 'secretary-general', 'chairman', 'chairwoman',
    'chairperson', 'chair', 'commissioner', 'ombudsman', 'ombudsperson', 'judge', 'justice', 'mayor', 'king', 'queen', 'emir',
    'amir', 'sheikh', 'sultan', 'premier', 'prime', 'deputy', 'chancellor', 'commander', 'commandant', 'officer', 'speaker',
    'inspector', 'superintendent', 'warden', 'consul', 'representative', 'envoy', 'excellency', 'vice', 'acting', 'first',
    'high', 'supreme', 'investigator', 'leader', 'chargé', 'regent', 'colonel', 'major', 'captain', 'lieutenant', 'brigadier',
    'marshal', 'admiral', 'procurador', 'procuradora', 'presidente', 'presidenta', 'ministro', 'ministra', 'fiscal', 'embajador',
    'embajadora', 'secretario', 'secretaria', 'gobernador', 'directora', 'jefe', 'comisionado', 'defensor', 'juez', 'alcalde',
    'ministre', 'procureur', 'président', 'ambassadeur', 'präsident', 'staatspräsident', 'botschafter', 'generalstaatsanwalt', 'generalstaatsanwältin', 'vorsitzender', 'vorsitzende', 'minister', 'almir.', 'almirante', 'admiral', 'responsable', 'chief', 'his', 'her', 'hon', 'hon.', 'honourable', 'honorable', 'rt', 'rt.',
    'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sir', 'madam', 'military', 'federal', 'state', 'national', 'senior',
    // Military ranks written before a name: "General de División Julián Pacheco".
    'división', 'division', 'brigada', 'brigadier-general', 'major-general',
  ],
);

/** Words that begin an official's title rather than describe it ("Chief", "Minister"). */
export const TITLE_START_WORDS = new Set([...OFFICE_WORDS].filter((word) => !['his', 'her', 'military', 'federal', 'state', 'national', 'senior', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sir', 'madam'].includes(word)));

export const ORGANISATION_WORDS = new Set(
  [
    'office', 'embassy', 'ministry', 'ministère', 'ministerio', 'secretaría', 'secretariat', 'procuraduría', 'fiscalía',
    'procuratura', 'procuracy', 'department', 'administration', 'service', 'court', 'tribunal', 'commission', 'council',
    'parliament', 'presidency', 'government', 'committee', 'agency', 'bureau', 'directorate', 'prison', 'colony', 'police',
    'mission', 'consulate', 'palace', 'assembly', 'senate', 'authority', 'authorities', 'centre', 'center', 'headquarters',
    'cabinet', 'kremlin', 'chamber', 'embajada', 'despacho', 'presidencia', 'gobierno', 'ambassade', 'cour', 'tribunal',
    'directorate-general', 'procuratorate', 'palais', 'palacio', 'palast', 'botschaft', 'ministerium', 'ambassade', 'ministère', 'présidence', 'commission', 'kommission', 'menschenrechtskommission', 'inspectorate', 'legislature', 'congress', 'municipality',
  ],
);

/** Honorifics that, followed by a surname, make a salutation ("Dear Mr. Mityayev"). */
export const HONORIFICS = /^(?:mr|mrs|ms|miss|dr|sir|madam|madame|monsieur|señor|señora|sr|sra|herr|frau|prof)\.?$/i;

/** Capitalised words that are never part of a person's name. */
export const NOT_NAME_WORDS = new Set(
  [
    'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
    'russian', 'crimean', 'tatar', 'ukrainian', 'chinese', 'american', 'european', 'african', 'arab', 'indigenous', 'lenca',
    'international', 'amnesty', 'human', 'rights', 'civic', 'popular', 'organizations', 'organisations', 'organization',
    'organisation', 'union', 'united', 'nations', 'states', 'republic', 'federation', 'autonomous', 'okrug', 'oblast', 'krai',
    'region', 'province', 'district', 'city', 'street', 'avenue', 'road', 'ave', 'penal', 'detention', 'criminal', 'code',
    'article', 'appeal', 'appeals', 'regional', 'central', 'northern', 'southern', 'eastern', 'western', 'north', 'south',
    'east', 'west', 'new', 'great', 'saint', 'st', 'san', 'santa', 'la', 'el', 'los', 'las', 'le', 'les', 'the', 'this',
    'that', 'these', 'those', 'on', 'in', 'at', 'since', 'after', 'before', 'during', 'according', 'despite', 'his', 'her',
    'their', 'our', 'we', 'they', 'he', 'she', 'it', 'i', 'dear', 'yours', 'urgent', 'action', 'update', 'please', 'click',
    'write', 'take', 'name', 'pronoun', 'internet', 'twitter', 'facebook', 'instagram', 'email', 'fax', 'phone', 'covid',
    'prisoner', 'prisoners', 'conscience', 'security', 'council', 'court', 'centre', 'center', 'movement', 'party', 'church',
    'association', 'foundation', 'institute', 'school', 'university', 'army', 'forces', 'force', 'committee', 'office',
    'if', 'and', 'or', 'but', 'also', 'all', 'both', 'many', 'some', 'one', 'two', 'three', 'six', 'while', 'when', 'there',
    'after', 'following', 'however', 'today', 'as', 'for', 'from', 'with', 'without', 'to', 'of', 'by', 'a', 'an',
    ...OFFICE_WORDS,
    ...ORGANISATION_WORDS,
  ],
);

export const NAME_PARTICLES = new Set(['de', 'del', 'della', 'da', 'das', 'do', 'dos', 'di', 'du', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'bint', 'al', 'ben', 'y', 'zu', 'ter', 'abu', 'ould']);

// Outside the function: the bundler writes a pattern with \p{...} as new RegExp(), which inside
// isNameWord, called for every word of every candidate line, would be made again at each call.
const INITIAL = /^\p{Lu}\.$/u;
const ARABIC_ARTICLE = /^(?:al|el|ad|as|ash|at|az|bin|ibn|abu|ould)-(?=\p{Lu})/u;
// A capital, then letters, marks and apostrophes, one of them at least a small letter or a mark
// (/^\p{Lu}[\p{L}\p{M}'’]*[\p{Ll}\p{M}][\p{L}\p{M}'’]*$/u), asked as two patterns: the one with
// its classes written twice took V8 a third longer to compile.
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’]+$/u;
const SMALL_OR_MARK = /[\p{Ll}\p{M}]/u;
export const isCapitalised = (part: string): boolean => CAPITALISED.test(part) && SMALL_OR_MARK.test(part.slice(part.codePointAt(0)! > 0xffff ? 2 : 1));

/** One word of a person's name: "Mityayev", "Emir-Usein", "O’Brien", "al-Khawaja", "V.". */
export function isNameWord(token: string): boolean {
  if (INITIAL.test(token)) return true;
  const word = token.replace(ARABIC_ARTICLE, '');
  return word.split('-').every(isCapitalised) && !NOT_NAME_WORDS.has(token.toLowerCase());
}

export function firstWord(line: string): string {
  return (line.replace(/^the\s+/i, '').split(/\s+/)[0] ?? '').toLowerCase().replace(/[,:;]$/, '');
}

export function lastWord(line: string): string {
  const words = line.split(/\s+/);
  return (words[words.length - 1] ?? '').toLowerCase().replace(/[,.:;]$/, '');
}

/** "Prosecutor General's Office", "Embassy of the Russian Federation", "Secretaría de Estado ...". */
export function isOrganisationLine(line: string): boolean {
  if (/\d/.test(line)) return false;
  if (/['’]s\s+\p{L}+/u.test(line) && ORGANISATION_WORDS.has(lastWord(line))) return true;
  if (TITLE_START_WORDS.has(firstWord(line))) return false;
  return ORGANISATION_WORDS.has(firstWord(line)) || ORGANISATION_WORDS.has(lastWord(line));
}

/** "Minister of Security", "Chief Military Prosecutor", "Prosecutor for Supervision of ...". */
export function isTitleLine(line: string): boolean {
  if (/\d/.test(line) || isOrganisationLine(line)) return false;
  return TITLE_START_WORDS.has(firstWord(line));
}

/**
 * Whether a line is a person's name, with or without an office before it: "Yuriy Yakovlevich
 * Chaika", "Ambassador Anatoly Antonov", "General de División Julián Pacheco". It must end in at
 * least two name words ("Minister of Security" and "... of the Russian Federation" do not).
 */
export function isPersonNameLine(line: string): boolean {
  if (/[\d@:]/.test(line) || line.split(/\s+/).length > 8) return false;
  const tokens = line.replace(/[,;]$/, '').split(/\s+/);
  let tail = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (isNameWord(token)) tail++;
    else if (NAME_PARTICLES.has(token.toLowerCase()) && tail > 0 && i > 0 && isNameWord(tokens[i - 1]!)) continue;
    else break;
  }
  if (tail < 2) {
    // "Mr. Mityayev": an honorific and one name.
    return tail === 1 && tokens.length >= 2 && HONORIFICS.test(tokens[tokens.length - 2]!);
  }
  const before = tokens[tokens.length - tail - 1];
  // "... of the Russian Federation" and "... de Seguridad" are places and bodies, not people.
  return !before || !/^(?:of|the|for|de|del|la|el|and|y|in|at|to)$/i.test(before);
}
