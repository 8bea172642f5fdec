import { isCapitalsHeading, joinWrappedLines, listItemText, nextFilled, wordCount } from './document-lines';
import { isLetterClosing, isLetterOpening } from './officials';

export interface ModelLetter {
  /** The opening without its comma: "Dear Prosecutor General". */
  opening?: string;
  paragraphs: string[];
  closing?: string;
  /** "letter": the document's own model letter; "appeals": made from its bullet-point appeals. */
  source: 'letter' | 'appeals';
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
  const paragraphs: string[] = [];
  for (const chunk of chunks.filter((lines) => lines.length)) {
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
  const words = text.toLowerCase().split(/[^\p{L}]+/u);
  const count = (list: string[]) => words.filter((word) => list.includes(word)).length;
  const scores: [string, number][] = [
    ['en', count(['the', 'and', 'to', 'of', 'i', 'you', 'is', 'that'])],
    ['es', count(['el', 'la', 'los', 'que', 'y', 'de', 'usted', 'por'])],
    ['fr', count(['le', 'la', 'les', 'que', 'et', 'vous', 'des', 'pour'])],
    ['de', count(['der', 'die', 'das', 'und', 'sie', 'ich', 'nicht', 'zu'])],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  return scores[0]![1] > 0 ? scores[0]![0] : 'en';
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
      if (isLetterClosing(line)) {
        closing = line;
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
  const intro = lines.findIndex((line) => /\b(?:please write|write (?:immediately|now|a letter|an appeal|appeals)|in your appeals?|appeals? (?:calling|urging))\b/i.test(line) && !listItemText(line));
  if (intro < 0) return undefined;
  const items: string[][] = [];
  for (let i = intro + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const item = listItemText(line);
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
    const first = APPEAL_VERBS[verb.toLowerCase()];
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
