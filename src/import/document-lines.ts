/**
 * The text of an Urgent Action as lines a finder can read: line breaks and spaces made plain,
 * web-page and PDF leftovers (emphasis stars, page numbers) taken out, nothing else changed.
 */
export function documentLines(raw: string): string[] {
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|\f|\u2028|\u2029/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/[\u00ad\u200b-\u200d\u2060]/g, '');
  return text.split('\n').map((line) => {
    const cleaned = line
      .replace(/ {2,}/g, ' ')
      .trim()
      // Markdown emphasis around an address block ("*ul. Dzerzhinskogo, 13" ... "Federation*").
      .replace(/^[*_]{1,3}(?=\S)/, '')
      .replace(/(?<=\S)[*_]{1,3}$/, '')
      .trim();
    // A line holding only a short number is a PDF page number, not content.
    return /^\d{1,3}$/.test(cleaned) ? '' : cleaned;
  });
}

/** Lines of one paragraph joined into one, as a PDF or an email wrapped them ("Emir-" + "Usein"). */
export function joinWrappedLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) out = line;
    else if (/\p{L}-$/u.test(out) && /^\p{L}/u.test(line)) out += line;
    else out += ` ${line}`;
  }
  return out;
}

/** Consecutive non-blank lines grouped into paragraphs, each joined into one line of text. */
export function paragraphsOf(lines: readonly string[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) paragraphs.push(joinWrappedLines(current));
    current = [];
  };
  for (const line of lines) {
    if (line.trim() === '') flush();
    else current.push(line);
  }
  flush();
  return paragraphs;
}

export function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/** A heading or label written in capitals: "URGENT ACTION", "TAKE ACTION: WRITE AN APPEAL". */
export function isCapitalsHeading(line: string): boolean {
  const head = line.includes(':') ? line.slice(0, line.indexOf(':')) : line;
  const letters = head.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** A sentence of running text, as opposed to a line of an address block. */
export function isProse(line: string): boolean {
  const words = wordCount(line);
  return words >= 30 || (words >= 8 && /[.!?…:;]["”’)]?$/.test(line));
}

/** "1. Write a letter", "- Calling on", "⬤ release all": a list item and its text. */
export function listItemText(line: string): string | undefined {
  const match = /^(?:\d{1,2}[.)]|[-–—•●⬤▪◦·*►✓])\s+(.*)$/u.exec(line);
  return match ? match[1] : undefined;
}

/** The first index at or after `from` whose line is not blank, or -1. */
export function nextFilled(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (lines[i]) return i;
  return -1;
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'nor', 'of', 'on', 'or', 'over', 'the', 'to', 'up', 'upon', 'via', 'with']);

/**
 * A title written in capitals, in the title case the hand-made cases use: "IMPRISONED ACTIVIST
 * ALLEGEDLY TORTURED" gives "Imprisoned Activist Allegedly Tortured"; small words stay small.
 */
export function titleCase(text: string): string {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return words
    .map((word, index) => {
      if (index > 0 && index < words.length - 1 && SMALL_WORDS.has(word)) return word;
      return word.replace(/(^|[-/(“"‘'])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
    })
    .join(' ');
}

export function isAllCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}
