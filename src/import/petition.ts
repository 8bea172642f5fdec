import { joinWrappedLines, listItemText, nextFilled, paragraphsOf } from './document-lines';

export interface ImportedPetition {
  title: string;
  summary?: string;
  addressedTo: string[];
  asks: string[];
  /** A signature counter ("0 людей подписали. Следующая цель: 15 000"), kept as a comment. */
  counter?: string;
}

// "12 345 people signed", "0 людей подписали", "Next goal: 15 000", "firmas".
const SIGNATURE_COUNTER = /(?:\d[\d\s.,]*\s*(?:people|persons|supporters|signatures|людей|человек|personas|firmas|personnes|signatures)\b.*(?:sign|подпис|firm)|подписали|signatures?\s*:|(?:next|следующая)\s+(?:goal|цель))/iu;

/**
 * A petition rather than an Urgent Action: it calls on organisations and states and lists
 * demands, and it is signed rather than written to an official. Undefined when the text is not
 * recognisably a petition either.
 */
export function findPetition(lines: readonly string[]): ImportedPetition | undefined {
  const text = lines.join('\n');
  const counterLine = lines.find((line) => SIGNATURE_COUNTER.test(line));
  const saysPetition = /\bpetition\b/i.test(text) || counterLine !== undefined;
  const asksIntro = lines.findIndex((line) => /\bwe (?:demand|call on|urge|ask)\b/i.test(line) && /:\s*$/.test(line));
  if (!saysPetition) return undefined;
  const asks: string[] = [];
  for (let i = asksIntro >= 0 ? asksIntro + 1 : 0; i < lines.length; i++) {
    const item = listItemText(lines[i]!);
    if (item === undefined) {
      if (asks.length && lines[i] && !listItemText(lines[i]!)) {
        // A bullet's text wrapped onto the next line.
        if (lines[i - 1]) asks[asks.length - 1] = joinWrappedLines([asks[asks.length - 1]!, lines[i]!]);
      }
      continue;
    }
    asks.push(item);
  }
  if (!asks.length) return undefined;
  const first = nextFilled(lines, 0);
  const title = lines[first]!;
  const summary = paragraphsOf(lines.slice(first + 1)).find((paragraph) => !SIGNATURE_COUNTER.test(paragraph) && paragraph.split(/\s+/).length >= 6);
  return { title, summary, addressedTo: findAddressees(text), asks, counter: counterLine };
}

/**
 * "We call on international organizations, such as the UN, the Council of Europe, the European
 * Union, the OSCE, as well as the states participating in these organizations, to ..." gives
 * the UN, the Council of Europe, the European Union, the OSCE and the states participating.
 */
export function findAddressees(text: string): string[] {
  const match = /\bwe (?:call on|appeal to|urge|demand(?: that)?)\s+(.+?),?\s+to\s+(?:immediately\s+)?\p{Ll}+/isu.exec(text.replace(/\s+/g, ' '));
  if (!match) return [];
  let list = match[1]!;
  const such = /\bsuch as\s+(.*)$/i.exec(list);
  if (such) list = such[1]!;
  return list
    .split(/\s*(?:,\s*(?:as well as|and)\s+|,\s*|\s+as well as\s+|\s+and\s+(?=the\s))/i)
    .map((part) => part.trim())
    .filter(Boolean);
}
