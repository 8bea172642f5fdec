import { isAllCapitals, isCapitalsHeading, joinWrappedLines, nextFilled, titleCase } from './document-lines';
import { countryByName, countryDisplayName, countryMentions } from './countries';
import { latestDateMentioned, parseDocumentDate } from './document-dates';
import { DEADLINE_CUE, UA_NUMBER, UPDATE_NOTICE, URGENT_ACTION_WORDS, findClosedNotice, firstGuardedMatch, guardedMatches } from './language-patterns';

/** A value read from the document, with the reason to check it when the reading is a guess. */
export interface Finding<T> {
  value: T;
  check?: string;
}


/**
 * The UA number in any of its written forms ("UA 150.19", "UA 126/19", "Urgent Action 132.19",
 * "THIRD UA 60/16", "UA: 60/16"), as "150.19". When the document names several, the one
 * mentioned most often wins (ties: the first), and the others are named in the check.
 */
export function findUaNumber(text: string): Finding<string> | undefined {
  const counts = new Map<string, number>();
  for (const match of guardedMatches(UA_NUMBER, text)) {
    const key = `${Number(match[1])}.${match[2]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (!counts.size) return undefined;
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const others = [...counts.keys()].filter((key) => key !== best![0]);
  return { value: best![0], check: others.length ? `the document also names UA ${others.join(', UA ')}; check that this is its own number` : undefined };
}

export interface TitleFinding extends Finding<string> {
  /** A country written beside the title: "(Russian Federation: UA 150.19)", "Honduras: ...". */
  country?: string;
  /** Index of the title's line, where the summary search starts. */
  line: number;
}

/**
 * The title: a "TITLE:" label, the web page's first line ("Urgent Action Update: Conviction of
 * Crimeans Must be Quashed (Russian Federation: UA 126.19)"), or the line under an "URGENT
 * ACTION" heading, turned from capitals into title case.
 */
export function findTitle(lines: readonly string[]): TitleFinding | undefined {
  for (const [index, line] of lines.entries()) {
    const labelled = /^(?:urgent action\s+)?title\s*:\s*(.+)$/i.exec(line);
    if (labelled) {
      const title = labelled[1]!.trim();
      const prefix = /^([^:]{2,60}):\s/.exec(title);
      return { value: title, country: prefix && countryByName(prefix[1]!) ? prefix[1]!.trim() : undefined, line: index };
    }
  }
  // A date alone on the first line ("March 17, 2016") is the page's date, not its title.
  let first = nextFilled(lines, 0);
  while (first >= 0 && (/^(?:\p{L}+ \d{1,2}, \d{4}|\d{1,2}\.? \p{L}+ \d{4})$/u.test(lines[first]!) || /^(?:urgent action|acci[oó]n urgente|action urgente)$/i.test(lines[first]!))) first = nextFilled(lines, first + 1);
  const webTitle = first >= 0 ? /^urgent action(?:\s+update)?\s*:\s*(.+?)\s*(?:\(([^():]+):\s*(?:UA|Urgent Action)\b[^()]*\))?\s*$/i.exec(lines[first]!) : null;
  if (webTitle) return { value: webTitle[1]!, country: webTitle[2]?.trim(), line: first };

  const heading = lines.findIndex((line) => /^urgent action$/i.test(line));
  if (heading >= 0) {
    for (let i = nextFilled(lines, heading + 1); i >= 0 && i < lines.length; i = nextFilled(lines, i + 1)) {
      const line = lines[i]!;
      if (/^(?:further information on |(?:\w+ )?ua\b|index|date)/i.test(line) || /:\s*\S/.test(line) && !isAllCapitals(line)) continue;
      // A title broken over two lines of capitals is one title.
      const next = lines[i + 1] ?? '';
      const twoLines = Boolean(isAllCapitals(line) && next && isAllCapitals(next) && !next.includes(':') && next.split(' ').length < 8);
      const whole = twoLines ? `${line} ${next}` : line;
      const at = twoLines ? i + 1 : i;
      if (isAllCapitals(whole)) {
        return { value: titleCase(whole), check: `the document writes the title in capitals ("${whole}"); check the capitals of names and abbreviations`, line: at };
      }
      return { value: whole, line: at };
    }
  }
  if (first >= 0 && lines[first]!.length <= 160) {
    return { value: lines[first]!.replace(/^urgent action\s*:\s*/i, ''), check: 'taken from the first line of the document', line: first };
  }
  return undefined;
}

/**
 * The country the case is about: written beside the title or in a "Country:" label; else the
 * country of the officials' addresses; else the country the text names most often.
 */
export function findCountry(lines: readonly string[], besideTitle: string | undefined, addressCountries: readonly string[]): Finding<string> | undefined {
  if (besideTitle && countryByName(besideTitle)) return { value: besideTitle };
  for (const line of lines) {
    const labelled = /^country\s*:\s*(.+)$/i.exec(line);
    if (labelled && countryByName(labelled[1]!)) return { value: labelled[1]!.trim() };
    // The older header line: "UA: 45/16 Index: EUR 46/3712/2016 Russian Federation Date: 12 April 2016".
    const header = /\bindex\s*:?\s*[A-Z]{3}\s*\d+\/\d+\/\d{4}\s+(.+?)\s+date\s*:/i.exec(line);
    if (header && countryByName(header[1]!)) return { value: header[1]!.trim() };
  }
  const text = lines.join('\n');
  const mentions = countryMentions(text);
  const counts = new Map<string, number>();
  for (const mention of mentions) counts.set(mention.code, (counts.get(mention.code) ?? 0) + 1);
  const fromAddress = addressCountries.map((name) => countryByName(name)).find(Boolean);
  if (fromAddress) {
    return { value: fromAddress.written, check: `taken from the first official's address; the document does not state the case's country` };
  }
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (!top) return undefined;
  // The document's own spelling when it uses the full name, else the usual English one.
  const written = mentions.filter((mention) => mention.code === top[0]).map((mention) => mention.written);
  const full = written.find((name) => name.toLowerCase() === countryDisplayName(top[0]).toLowerCase());
  return { value: full ?? countryDisplayName(top[0]), check: `the document does not state the country; ${written[0]} is the country it names most often` };
}

/** "PUBLICATION DATE: 5 July 2017", "Date: 5 July 2017", "Issued: ...". `language`: the document's, whose dates are read first. */
export function findIssueDate(lines: readonly string[], language?: string): Finding<string> | undefined {
  for (const line of lines) {
    const match = /\b(?:publication date|date of issue|issue date|issued(?: on)?|date)\s*:\s*(.{6,40})/i.exec(line);
    if (!match) continue;
    const date = parseDocumentDate(match[1]!, undefined, language);
    if (date?.yearWritten) return { value: date.iso };
  }
  return undefined;
}

export type Stage = 'first' | 'update' | 'final';

export interface StageFinding {
  stage: Stage;
  /** True when the document says no further action is requested: the case is closed. */
  closed: boolean;
  /** The words that told, for the history note. */
  evidence?: string;
}

/**
 * First issue, update or final output. A closing notice in any language ("NO FURTHER ACTION IS
 * REQUESTED", "Bitte keine Appelle ... mehr senden", "Aucune action complémentaire n'est
 * requise") closes the case; "final output", "Urgent Action Update", "Cuarta AU" and a link to a
 * previous UA mark the later stages.
 */
export function findStage(text: string): StageFinding {
  const closing = findClosedNotice(text);
  const final = /\b(?:(?:this is the )?(?:\w+ and )?final (?:output|update|ua)\b[^.\n]{0,120})/i.exec(text);
  if (closing || final) {
    return { stage: 'final', closed: Boolean(closing), evidence: (final?.[0] ?? closing![0]).trim() };
  }
  const update = UPDATE_NOTICE.exec(text);
  if (update) return { stage: 'update', closed: false, evidence: update[0] };
  return { stage: 'first', closed: false };
}

/**
 * The deadline: "PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: 15 July", "APPEAL DEADLINE
 * NOTICE: 16 August 2017", "PLEASE SEND APPEALS BEFORE 15 JULY 2016 TO:". A date without a year
 * takes the year of the issue date, else of the latest date the text mentions, and is checked.
 */
export function findDeadline(lines: readonly string[], issueDate: string | undefined, language?: string): Finding<string> | undefined {
  // The latest date mentioned is read once, and only for a document without an issue date.
  let reference = issueDate;
  let referenceRead = issueDate !== undefined;
  for (const line of lines) {
    for (const cue of line.matchAll(DEADLINE_CUE)) {
      const phrase = line.slice(cue.index + cue[0].length, cue.index + cue[0].length + 40);
      if (!referenceRead) {
        reference = latestDateMentioned(lines.join('\n'));
        referenceRead = true;
      }
      const date = parseDocumentDate(phrase, reference, language);
      if (!date) continue;
      if (date.yearWritten) return { value: date.iso };
      const written = phrase.replace(/\s*(?:to)?:?$/i, '').trim();
      const year = date.iso.slice(0, 4);
      return {
        value: date.iso,
        check: issueDate
          ? `the document gives "${written}" without a year; ${year} is taken from the issue date (${issueDate})`
          : `the document gives "${written}" without a year and no issue date; ${year} is the first such date after the latest date in its text (${reference})`,
      };
    }
  }
  return undefined;
}

const WRITE_IN = /\bwrite (?:immediately |now |appeals )?in ((?:\p{Lu}\p{L}+)(?:(?:,\s*|\s+or\s+|\s+and\s+)\p{Lu}\p{L}+)*)/u;

/**
 * "PREFERRED LANGUAGE TO ADDRESS TARGET: Russian or English", or the older "PLEASE WRITE
 * IMMEDIATELY in Spanish or your own language".
 */
export function findPreferredLanguages(lines: readonly string[]): Finding<string[]> | undefined {
  for (const line of lines) {
    // The second pattern, slow to compile, only for a line with its words in it.
    const labelled = /\bpreferred languages?\b[^:\n]*:\s*(.+)$/i.exec(line) ?? (line.includes('write ') ? WRITE_IN.exec(line) : null);
    if (!labelled) continue;
    const languages = labelled[1]!
      .replace(/\byour own language\b.*$/i, '')
      .split(/\s*(?:,|\/|\bor\b|\band\b)\s*/i)
      .map((part) => part.trim().replace(/[.;:]+$/, ''))
      .filter((part) => /^\p{L}[\p{L} ]*$/u.test(part));
    if (languages.length) return { value: languages.map((language) => (isAllCapitals(language) ? titleCase(language) : language)) };
  }
  return undefined;
}

/** Summary: a "SUMMARY:" section, else the first paragraph of running text after the title. */
export function findSummary(lines: readonly string[], titleLine: number): string | undefined {
  const labelled = lines.findIndex((line) => /^(?:urgent action )?summary\s*:/i.test(line));
  const collect = (from: number) => {
    const paragraph: string[] = [];
    for (let i = from; i < lines.length; i++) {
      const line = lines[i]!;
      if (!line) {
        if (paragraph.length) break;
        continue;
      }
      if (isCapitalsHeading(line) && !paragraph.length) return undefined;
      paragraph.push(line);
    }
    return paragraph.length ? joinWrappedLines(paragraph) : undefined;
  };
  if (labelled >= 0) {
    const rest = lines[labelled]!.replace(/^(?:urgent action )?summary\s*:\s*/i, '');
    return rest ? joinWrappedLines([rest, collect(labelled + 1) ?? '']) : collect(labelled + 1);
  }
  for (let i = Math.max(0, titleLine + 1); i < lines.length; i++) {
    const line = lines[i]!;
    if (!line || isCapitalsHeading(line)) continue;
    const summary = collect(i);
    if (summary && summary.split(/\s+/).length >= 12) return summary;
  }
  return undefined;
}

/** Whether text says it is an Urgent Action at all: a heading or a UA number, in any language. */
export function saysUrgentAction(lines: readonly string[]): boolean {
  return lines.some((line) => URGENT_ACTION_WORDS.test(line.slice(0, 200))) || firstGuardedMatch(UA_NUMBER, lines.join('\n')) !== null;
}
