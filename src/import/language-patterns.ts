import { caseInsensitive } from './case-patterns';
import { anyOf, LANGUAGES, type LanguageWords } from './languages';

/**
 * The language tables compiled into the patterns the finders use, once. Every pattern joins the
 * phrases of all languages: a German page quotes English appeals, a French page an English letter.
 */

const join = (pick: (language: LanguageWords) => readonly string[]) => anyOf(pick);

/**
 * A global pattern whose matches may not follow some characters: what a look-behind at its front,
 * (?<![\p{L}]), says, asked of the one character before each match instead. Under the i flag a
 * look-behind over \p{L} is the costliest part of these alternations to compile (more than a
 * millisecond each), and a test of one character costs a tenth of that. Each pattern is made with
 * one set of flags and serves every use (V8 compiles a pattern once for each set).
 */
export interface GuardedPattern {
  /** The pattern without its look-behind, with the g flag. */
  pattern: RegExp;
  /** Whether a match may not follow this character (a code point: a surrogate pair is one). */
  refused: (character: string) => boolean;
}

/** What \p{L} matches under the i flag: the letters, and U+0345, which folds to a Greek iota. */
const LETTER_UNDER_I = /[\p{L}\u0345]/u;
export const isLetterUnderI = (character: string): boolean => LETTER_UNDER_I.test(character);

const isLeadSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isTrailSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The character before `index` in a text, a surrogate pair read as one, as a look-behind reads it. */
function characterBefore(text: string, index: number): string {
  const pair = index >= 2 && isTrailSurrogate(text.charCodeAt(index - 1)) && isLeadSurrogate(text.charCodeAt(index - 2));
  return text.slice(pair ? index - 2 : index - 1, index);
}

/** The length of the character at `index`: 2 for a surrogate pair, as the u flag steps. */
const stepAt = (text: string, index: number) => (isLeadSurrogate(text.charCodeAt(index)) && isTrailSurrogate(text.charCodeAt(index + 1)) ? 2 : 1);

/**
 * Each match, as matchAll finds them with the look-behind in the pattern: a match after a refused
 * character is passed over, and the search goes on from the next character, as V8 goes on when a
 * look-behind fails there.
 */
export function* guardedMatches({ pattern, refused }: GuardedPattern, text: string): Generator<RegExpExecArray> {
  let from = 0;
  while (from <= text.length) {
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    pattern.lastIndex = 0;
    if (!match) return;
    if (match.index > 0 && refused(characterBefore(text, match.index))) {
      from = match.index + stepAt(text, match.index);
      continue;
    }
    yield match;
    from = match.index + (match[0].length || stepAt(text, match.index));
  }
}

/** The first match from the text's start, as the pattern with its look-behind and without g finds it. */
export function firstGuardedMatch(guarded: GuardedPattern, text: string): RegExpExecArray | null {
  return guardedMatches(guarded, text).next().value ?? null;
}

export type ContactKind = 'fax' | 'phone' | 'email' | 'twitter' | 'facebook' | 'instagram' | 'salutation' | 'web';

const CONTACT_KINDS: readonly Exclude<ContactKind, 'web'>[] = ['fax', 'phone', 'email', 'twitter', 'facebook', 'instagram', 'salutation'];
const WEB_LABELS = ['online form(?: in \\p{Lu}\\p{Ll}+)?', 'complaint form', 'contact form', 'website', 'formulaire(?: en ligne)?', 'online-formular', 'formulario(?: en l[ií]nea)?'];

const contactLabelSource = [...CONTACT_KINDS.map((kind) => join((language) => language.contactLabels[kind])), ...WEB_LABELS].join('|');

/**
 * A contact label ("Fax:", "Courriel :", "(korrekte Anrede:", "Twitter @x"), its kind in group 1;
 * not after a letter, "@", "." or "-" (as (?<![\p{L}@.\-]) under i).
 */
export const CONTACT_LABELS: GuardedPattern = {
  pattern: caseInsensitive(String.raw`(${contactLabelSource})(?:\s*:\s*|\s*\.\s*(?=[+\d(@\[])|\s+(?=[@+]))`, 'giu'),
  refused: (character) => isLetterUnderI(character) || character === '@' || character === '.' || character === '-',
};

const kindPatterns: [ContactKind, RegExp][] = [
  ...CONTACT_KINDS.map((kind): [ContactKind, RegExp] => [kind, caseInsensitive(`^${join((language) => language.contactLabels[kind])}$`, 'iu')]),
  ['web', caseInsensitive(`^(?:${WEB_LABELS.join('|')})$`, 'iu')],
];

export function contactKind(label: string): ContactKind {
  const plain = label.trim();
  return kindPatterns.find(([, pattern]) => pattern.test(plain))?.[0] ?? 'phone';
}

const opener = join((language) => language.salutationOpeners);
/** A letter's opening on a line of its own: "Dear Minister,", "Exzellenz,", "Presidente Maduro:". */
export const LETTER_OPENING = caseInsensitive(`^(?:${opener})(?:\\s[^\\n]{0,90})?[,:!]$`, 'iu');
/** An opening that runs on into the letter: "Your Highness, On 13 July 2020, ...". */
export const FUSED_OPENING = caseInsensitive(`^((?:${join((language) => language.salutationOpeners.filter((word) => !/^(?:presidente?a?|ministr[oa]|fiscal)$/.test(word)))})[^,:;.!?\\n]{0,60}?)[,:]\\s+([\\p{Lu}\\d][^\\n]{40,})$`, 'iu');
/** A letter's closing line: "Yours sincerely,", "Mit freundlichen Grüßen". */
export const CLOSING = caseInsensitive(`^(?:${join((language) => language.closings)})[,.!]?$`, 'iu');
/** A closing with the writer's name on the same line: "Sincerely, Shawn Nock". */
export const CLOSING_WITH_NAME = new RegExp(`^((?:${join((language) => language.closings)})[,.]?)\\s+\\p{Lu}[\\p{L}.'’ -]{1,40}$`, 'u');

/** Words that start a line of greeting, for splitting a salutation given in several languages. */
export const GREETING_WORD = caseInsensitive(`^(?:${opener}|sr\\.?|sra\\.?|caro|cara|gentile|egregio|prezad[oa]|exm[oa]\\.?|уважаем\\p{L}*|geachte)(?![\\p{L}])`, 'iu');

const greetingOpeners = new Map(LANGUAGES.map((language) => [language, caseInsensitive(`^(?:${language.salutationOpeners.join('|')})(?![\\p{L}])`, 'iu')]));

/** The language of a greeting ("Estimado Presidente" is Spanish). */
export function greetingLanguage(greeting: string): LanguageWords | undefined {
  const trimmed = greeting.trim();
  return LANGUAGES.find((language) => greetingOpeners.get(language)!.test(trimmed));
}

const label = (kind: keyof LanguageWords['sections']) => join((language) => language.sections[kind]);

/** A section label on a line of its own ("Appell an", "Copie à envoyer à :", "SAMPLE LETTER"). */
export const SECTION_LINE: Record<keyof LanguageWords['sections'], RegExp> = {
  targets: caseInsensitive(`^(?:${label('targets')})\\s*[:.]?$`, 'iu'),
  copies: caseInsensitive(`^(?:${label('copies')})(?![\\p{L}])[^\\n]{0,80}?[:.]?$`, 'iu'),
  letter: caseInsensitive(`^(?:${label('letter')})\\s*[:.]?$`, 'iu'),
  action: caseInsensitive(`^(?:${label('action')})(?![\\p{L}])[^\\n]{0,160}$`, 'iu'),
  after: caseInsensitive(`^(?:${label('after')})(?![\\p{L}])[^\\n]{0,60}[:.]?$`, 'iu'),
};

/** An e-mail style header: "To: Albert Fabrice Puela", "Cc: Lohaka Yemba". */
// "à" as \u00e0: the bundle writes a String.raw's other letters so, and the pattern would no
// longer be the one the build rewrote without i (see case-patterns.ts).
export const HEADER_LINE = caseInsensitive(String.raw`^(to|cc|an|\u00e0|a|para|kopie|copie|copia)\s*:\s*(\S[^\n]{0,120})$`, 'iu');
export const COPY_HEADER = /^(?:cc|kopie|copie|copia)$/i;

/** Labels glued to the end of a line ("... help CONTACT INFORMATION") or to its start ("SAMPLE LETTER Dear ..."). */
const CAPITAL_LABELS = [label('targets'), label('letter'), label('copies')].join('|');
export const TRAILING_LABEL = caseInsensitive(`^([^\\n]{20,}?)\\s+((?:${CAPITAL_LABELS})\\s*:?)$`, 'iu');
export const LEADING_LABEL = caseInsensitive(`^((?:${label('letter')})\\s*:?)\\s+((?:${opener})[^\\n]*)$`, 'iu');

export const COPIES_LINE = caseInsensitive(`^(?:${label('copies')})(?![\\p{L}])`, 'iu');

/**
 * "No further action is requested" with up to 40 characters before it and 60 after, within its
 * sentence. Looked for as the notice alone first: most documents have none, and the whole pattern
 * (each start tried with up to 40 characters before the words) took 2 ms over a document.
 */
const closedNotices = join((language) => language.closedNotices);
const CLOSED_NOTICE_WORDS = caseInsensitive(`(?:${closedNotices})`, 'iu');
const CLOSED_NOTICE = caseInsensitive(`[^.\\n]{0,40}(?:${closedNotices})[^.\\n]{0,60}`, 'giu');

/** The closed notice with its context as written, for the tests to hold findClosedNotice to. */
export const CLOSED_NOTICE_SOURCE = CLOSED_NOTICE.source;

/**
 * The first closed notice with its context: what CLOSED_NOTICE.exec(text) finds from the start. No
 * match of it can start more than 40 characters (code points, under u) before the first notice,
 * nor at or before the line break or full stop before it, so it is looked for from there.
 */
export function findClosedNotice(text: string): RegExpExecArray | null {
  const words = CLOSED_NOTICE_WORDS.exec(text);
  if (!words) return null;
  let from = words.index;
  for (let characters = 0; characters < 40 && from > 0; characters++) {
    const before = text.charCodeAt(from - 1);
    if (before === 0x2e || before === 0x0a) break;
    from -= from >= 2 && isTrailSurrogate(before) && isLeadSurrogate(text.charCodeAt(from - 2)) ? 2 : 1;
  }
  CLOSED_NOTICE.lastIndex = from;
  const match = CLOSED_NOTICE.exec(text);
  CLOSED_NOTICE.lastIndex = 0;
  return match;
}
export const UPDATE_NOTICE = caseInsensitive(`(?<![\\p{L}])(?:${join((language) => language.updates)})(?![\\p{L}])`, 'iu');
/** The words for an Urgent Action in every language, as one alternation. */
export const URGENT_ACTION_PHRASE = join((language) => language.urgentAction);
export const URGENT_ACTION_WORDS = caseInsensitive(`(?:^|[^\\p{L}])(?:${join((language) => language.urgentAction)})(?![\\p{L}])`, 'iu');
export const DEADLINE_CUE = caseInsensitive(`(?:${join((language) => language.deadlineCues)})\\s*`, 'giu');

const abbreviations = join((language) => [...language.uaAbbreviations, ...language.urgentAction]);
/**
 * A UA number: "UA 150.19", "UA 126/19", "Urgent Action 132.19", "UA-313/2014", "Cuarta AU:
 * 72/24", "UAN Letter: 74/12", "UA: Russian Federation: 40.23" (a country between).
 */
export const UA_NUMBER: GuardedPattern = {
  pattern: caseInsensitive(`(?:${abbreviations})(?:\\s+(?:No\\.?|Nr\\.?|number|n°|#))?[\\s:-]{0,3}(?:\\p{Lu}[\\p{L} ]{1,40}:\\s{0,3})?(\\d{1,4})\\s?[./]\\s?(\\d{2,4})(?![\\d])`, 'giu'),
  refused: isLetterUnderI,
};

export const INLINE_TARGET = caseInsensitive(`(?:${join((language) => language.inlineTarget)})\\s+`, 'iu');
export const INLINE_COPY = caseInsensitive(`(?:${join((language) => language.inlineCopy)})\\s*`, 'iu');
export const BLIND_COPY = caseInsensitive(`(?:${join((language) => language.blindCopy)})`, 'iu');
export const NUMBER_OR = caseInsensitive(`\\b(?:${join((language) => language.or)})\\b`, 'iu');
export const NOISE_LINE = caseInsensitive(`^(?:${join((language) => language.noise)}|[×✕✖•·▪◦●⬤]+)$`, 'iu');
