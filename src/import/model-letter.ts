import { isCapitalsHeading, isProse, joinWrappedLines, listItemText, nextFilled, wordCount } from './document-lines';
import { isLetterClosing, isLetterOpening } from './officials';
import { CLOSING_WITH_NAME } from './language-patterns';
import { LANGUAGES, languageOf } from './languages';

export interface ModelLetter {
  /** The opening without its comma: "Dear Prosecutor General". */
  opening?: string;
  paragraphs: string[];
  closing?: string;
  /**
   * "letter": the document's own model letter; "appeals": made from its bullet-point appeals;
   * "composed": made from the demands in its text, when it has neither.
   */
  source: 'letter' | 'appeals' | 'composed';
  /** Language tag of the letter's text. */
  language: string;
}

/**
 * Paragraphs of a letter body. Blank lines separate paragraphs; inside one, lines a PDF wrapped
 * are joined. Text that was one paragraph per line with no blank lines keeps its lines.
 */
function bodyParagraphs(lines: readonly string[]): string[] {
  const chunks: string[][] = [[]];
  for (const line of lines) {
    if (!line) chunks.push([]);
    else chunks[chunks.length - 1]!.push(line);
  }
  // A PDF's text copied with a blank line after every line: a chunk that stops mid-sentence
  // goes on in the next one that starts in lower case.
  const joined: string[][] = [];
  for (const chunk of chunks.filter((lines) => lines.length)) {
    const last = joined[joined.length - 1];
    const end = last?.[last.length - 1] ?? '';
    if (last && !/[.!?:;"”)]$/.test(end) && /^\p{Ll}/u.test(chunk[0]!)) last.push(...chunk);
    else joined.push([...chunk]);
  }
  const paragraphs: string[] = [];
  for (const chunk of joined) {
    const longest = Math.max(...chunk.map((line) => line.length));
    let current: string[] = [];
    for (const line of chunk) {
      current.push(line);
      // A line that ends a sentence well short of the others ends a paragraph.
      if (/[.!?:"”]$/.test(line) && line.length < longest * 0.8 && chunk.length > 1) {
        paragraphs.push(joinWrappedLines(current));
        current = [];
      }
    }
    if (current.length) paragraphs.push(joinWrappedLines(current));
  }
  return paragraphs;
}

function letterLanguage(opening: string | undefined, paragraphs: readonly string[]): string {
  const text = `${opening ?? ''} ${paragraphs.join(' ')}`;
  if (/[\u0400-\u04ff]/.test(text) && (text.match(/[\u0400-\u04ff]/g)?.length ?? 0) > text.length / 3) return 'ru';
  return languageOf(text).code;
}

/**
 * The model letter: from its opening ("Dear Prosecutor General,") to its closing ("Yours
 * sincerely,"), or to the next heading when it has no closing.
 */
export function findModelLetter(lines: readonly string[]): ModelLetter | undefined {
  for (let start = 0; start < lines.length; start++) {
    if (!isLetterOpening(lines[start]!)) continue;
    const first = nextFilled(lines, start + 1);
    if (first < 0 || wordCount(lines[first]!) < 6) continue;
    const body: string[] = [];
    let closing: string | undefined;
    for (let i = start + 1; i < lines.length; i++) {
      const line = lines[i]!;
      const signed = CLOSING_WITH_NAME.exec(line);
      if (isLetterClosing(line) || signed) {
        // "Sincerely, Shawn Nock": the writer's name is not part of the closing.
        closing = signed ? signed[1]! : line;
        break;
      }
      if (isCapitalsHeading(line) && wordCount(line) <= 12) break;
      body.push(line);
    }
    const paragraphs = bodyParagraphs(body);
    if (!paragraphs.length) continue;
    const opening = lines[start]!.replace(/[,:!]$/, '').trim();
    return { opening, paragraphs, closing, source: 'letter', language: letterLanguage(opening, paragraphs) };
  }
  return undefined;
}

// "Calling on the authorities to ..." is said in a letter as "I call on the authorities to ...".
const APPEAL_VERBS: Record<string, string> = {
  calling: 'call',
  urging: 'urge',
  asking: 'ask',
  expressing: 'express',
  demanding: 'demand',
  reminding: 'remind',
  seeking: 'seek',
  welcoming: 'welcome',
  insisting: 'insist',
  requesting: 'request',
  condemning: 'condemn',
  acknowledging: 'acknowledge',
  recognising: 'recognise',
  recognizing: 'recognize',
  encouraging: 'encourage',
  thanking: 'thank',
};

/**
 * Older documents give bullet-point appeals instead of a model letter ("PLEASE WRITE IMMEDIATELY
 * ...: - Calling on the authorities to ..."): each point becomes a paragraph in the first person.
 */
export function findBulletAppeals(lines: readonly string[]): ModelLetter | undefined {
  const intro = lines.findIndex((line, index) => (!listItemText(line) || /:$/.test(line)) && (/\b(?:please write|write (?:immediately|now|a letter|an appeal|appeals)|in your appeals?|appeals? (?:calling|urging)|send appeals)\b/i.test(line) || /\b(?:schreiben sie|forderungen|llamamientos?|vos appels)\b/i.test(line)) && listItemText(lines[nextFilled(lines, index + 1)] ?? '') !== undefined);
  if (intro < 0) return undefined;
  const items: string[][] = [];
  // "1) Please write ...:" over "• Urging ..." bullets: the next "2)" ends the appeals.
  const marker = (line: string) => (/^\d/.test(line) ? 'number' : 'symbol');
  const first = nextFilled(lines, intro + 1);
  for (let i = intro + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const item = listItemText(line);
    if (item !== undefined && marker(line) !== marker(lines[first]!)) break;
    if (item !== undefined) items.push([item]);
    else if (!line) {
      if (items.length && !listItemText(lines[nextFilled(lines, i + 1)] ?? '')) break;
    } else if (items.length && !isCapitalsHeading(line)) items[items.length - 1]!.push(line);
    else if (items.length || isCapitalsHeading(line)) break;
  }
  if (!items.length) return undefined;
  const paragraphs = items.map((item) => {
    const text = joinWrappedLines(item).replace(/[;,]\s*(?:and)?$/, '').trim();
    const verb = /^(\p{L}+)\b/u.exec(text)?.[1] ?? '';
    const first = APPEAL_VERBS[verb.toLowerCase()] ?? LANGUAGES.map((language) => language.appealVerbs[verb.toLowerCase()]).find(Boolean);
    const sentence = first ? `I ${first}${text.slice(verb.length)}` : text.charAt(0).toUpperCase() + text.slice(1);
    return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
  });
  return { paragraphs, source: 'appeals', language: letterLanguage(undefined, paragraphs) };
}

/**
 * The template for `appeal write`: the body paragraphs only, since the salutation, closing and
 * signature are filled in per official and sender. Handlebars' own braces are escaped.
 */
export function letterTemplate(letter: ModelLetter): string {
  return `${letter.paragraphs.map((paragraph) => paragraph.replace(/\{\{/g, '\\{{')).join('\n\n')}\n`;
}

// Sentences that state what the document asks for: "He must be immediately and unconditionally
// released", "Exigimos ...", "Amnesty International continue à appeler à la libération ...".
const DEMAND = /\b(?:must|should|urge|call(?:s|ing)? on|demand|release[ds]?|drop(?:ped)?|quash(?:ed)?|lib[eé]r(?:ation|er|ez|ación|en)|exig\p{L}*|pedimos|fordert|freilassung|freizulassen|appel(?:le|er|ons) à)\b/iu;

/**
 * A letter for a document that has no model letter and no bullet-point appeals: an opening
 * sentence in the document's language and the document's own demands, word for word. Nothing
 * is made up; the case file marks it for checking.
 */
export function composeLetter(lines: readonly string[], language: string): ModelLetter {
  const words = LANGUAGES.find((one) => one.code === language) ?? LANGUAGES[0]!;
  const sentences = lines
    .filter((line) => isProse(line) && !listItemText(line))
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=\p{Lu})/u))
    .filter((sentence) => DEMAND.test(sentence) && wordCount(sentence) >= 6 && wordCount(sentence) <= 80 && !/\b(?:click|klicken|cliquez|haga clic|let us know)\b/i.test(sentence));
  const demands = [...new Set(sentences)].slice(0, 4);
  return { paragraphs: [words.composed.intro, ...demands], closing: words.composed.closing, source: 'composed', language: words.code };
}
