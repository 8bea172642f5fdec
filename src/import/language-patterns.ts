import { caseInsensitive } from './case-patterns';
import { anyOf, LANGUAGES, type LanguageWords } from './languages';

/**
 * The language tables compiled into the patterns the finders use, once. Every pattern joins the
 * phrases of all languages: a German page quotes English appeals, a French page an English letter.
 */

const join = (pick: (language: LanguageWords) => readonly string[]) => anyOf(pick);

/**
 * The first match of a global pattern, from the text's start: what the same pattern without the g
 * flag finds. V8 compiles a pattern once for each set of flags, and these alternations of every
 * language's words take about a millisecond each to compile, so each is made with one set only.
 */
export function firstMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  pattern.lastIndex = 0;
  const match = pattern.exec(text);
  pattern.lastIndex = 0;
  return match;
}

export type ContactKind = 'fax' | 'phone' | 'email' | 'twitter' | 'facebook' | 'instagram' | 'salutation' | 'web';

const CONTACT_KINDS: readonly Exclude<ContactKind, 'web'>[] = ['fax', 'phone', 'email', 'twitter', 'facebook', 'instagram', 'salutation'];
const WEB_LABELS = ['online form(?: in \\p{Lu}\\p{Ll}+)?', 'complaint form', 'contact form', 'website', 'formulaire(?: en ligne)?', 'online-formular', 'formulario(?: en l[ií]nea)?'];

const contactLabelSource = [...CONTACT_KINDS.map((kind) => join((language) => language.contactLabels[kind])), ...WEB_LABELS].join('|');

/** A contact label ("Fax:", "Courriel :", "(korrekte Anrede:", "Twitter @x"), its kind in group 1. */
export const CONTACT_LABEL = String.raw`(?<![\p{L}@.\-])(${contactLabelSource})(?:\s*:\s*|\s*\.\s*(?=[+\d(@\[])|\s+(?=[@+]))`;

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
export const HEADER_LINE = caseInsensitive(String.raw`^(to|cc|an|à|a|para|kopie|copie|copia)\s*:\s*(\S[^\n]{0,120})$`, 'iu');
export const COPY_HEADER = /^(?:cc|kopie|copie|copia)$/i;

/** Labels glued to the end of a line ("... help CONTACT INFORMATION") or to its start ("SAMPLE LETTER Dear ..."). */
const CAPITAL_LABELS = [label('targets'), label('letter'), label('copies')].join('|');
export const TRAILING_LABEL = caseInsensitive(`^([^\\n]{20,}?)\\s+((?:${CAPITAL_LABELS})\\s*:?)$`, 'iu');
export const LEADING_LABEL = caseInsensitive(`^((?:${label('letter')})\\s*:?)\\s+((?:${opener})[^\\n]*)$`, 'iu');

export const COPIES_LINE = caseInsensitive(`^(?:${label('copies')})(?![\\p{L}])`, 'iu');

export const CLOSED_NOTICE = caseInsensitive(`[^.\\n]{0,40}(?:${join((language) => language.closedNotices)})[^.\\n]{0,60}`, 'iu');
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
export const UA_NUMBER = caseInsensitive(`(?<![\\p{L}])(?:${abbreviations})(?:\\s+(?:No\\.?|Nr\\.?|number|n°|#))?[\\s:-]{0,3}(?:\\p{Lu}[\\p{L} ]{1,40}:\\s{0,3})?(\\d{1,4})\\s?[./]\\s?(\\d{2,4})(?![\\d])`, 'giu');

export const INLINE_TARGET = caseInsensitive(`(?:${join((language) => language.inlineTarget)})\\s+`, 'iu');
export const INLINE_COPY = caseInsensitive(`(?:${join((language) => language.inlineCopy)})\\s*`, 'iu');
export const BLIND_COPY = caseInsensitive(`(?:${join((language) => language.blindCopy)})`, 'iu');
export const NUMBER_OR = caseInsensitive(`\\b(?:${join((language) => language.or)})\\b`, 'iu');
export const NOISE_LINE = caseInsensitive(`^(?:${join((language) => language.noise)}|[×✕✖•·▪◦●⬤]+)$`, 'iu');
