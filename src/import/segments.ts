import { COPY_HEADER, FUSED_OPENING, HEADER_LINE, LEADING_LABEL, NOISE_LINE, SECTION_LINE, TRAILING_LABEL, URGENT_ACTION_PHRASE } from './language-patterns';
import { isAllCapitals } from './document-lines';
import { caseInsensitive } from './case-patterns';

/**
 * The parts of an Urgent Action, found before any field is read, so that a finder looking for an
 * official's name reads the contact section and not the instructions above it.
 */
export type SegmentKind = 'targets' | 'copies' | 'letter' | 'action' | 'after';

export interface Segment {
  kind: SegmentKind;
  /** Index of the label's line. */
  label: number;
  /** First line after the label (the label's own line for "To: Name"). */
  start: number;
  /** One past the last line. */
  end: number;
}

// A line of one repeated character between the letter templates of a page that holds several.
const TEMPLATE_SEPARATOR = /^([Xx=_*~])\1{15,}$/;
const BULLET_HEADING = caseInsensitive(`^[•·▪◦●⬤*-]\\s*(${URGENT_ACTION_PHRASE})$`, 'iu');
const GLUED_HEADING = caseInsensitive(`^(${URGENT_ACTION_PHRASE})(\\S.+)$`, 'iu');

/**
 * Lines as the finders want them: page furniture ("×", "Close", "zurück") taken out, and what a
 * web page ran together put on lines of its own: a section label at the end of a paragraph ("...
 * help CONTACT INFORMATION"), a label before the letter ("SAMPLE LETTER Dear ..."), a salutation
 * and the letter's first sentence ("Your Highness, On 13 July ..."), a heading glued to its label
 * ("Acción UrgenteVENEZUELA: ...").
 */
export function prepareLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  const push = (line: string) => {
    const trailing = TRAILING_LABEL.exec(line);
    if (trailing && isAllCapitals(trailing[2]!)) {
      push(trailing[1]!);
      out.push(trailing[2]!);
      return;
    }
    const leading = LEADING_LABEL.exec(line);
    if (leading) {
      out.push(leading[1]!);
      push(leading[2]!);
      return;
    }
    const fused = FUSED_OPENING.exec(line);
    if (fused && fused[1]!.split(/\s+/).length <= 6 && /^[\p{Lu}\d]/u.test(fused[2]!)) {
      out.push(`${fused[1]!},`);
      out.push(fused[2]!);
      return;
    }
    const glued = GLUED_HEADING.exec(line);
    if (glued && /^\p{Lu}{2}/u.test(glued[2]!)) {
      out.push(glued[1]!, glued[2]!);
      return;
    }
    const bullet = BULLET_HEADING.exec(line);
    out.push(bullet ? bullet[1]! : line);
  };
  for (const line of lines) push(NOISE_LINE.test(line) ? '' : line);
  return out;
}

/**
 * The first letter template of a page that holds several (separated by a line of "XXXX..."),
 * and whether there were more.
 */
export function firstTemplate(lines: readonly string[]): { lines: string[]; more: boolean } {
  const cut = lines.findIndex((line) => TEMPLATE_SEPARATOR.test(line));
  if (cut < 0 || !lines.slice(cut + 1).some(Boolean)) return { lines: [...lines], more: false };
  return { lines: lines.slice(0, cut), more: true };
}

function labelKind(line: string): SegmentKind | undefined {
  if (!line || line.length > 200) return undefined;
  if (SECTION_LINE.copies.test(line)) return 'copies';
  if (SECTION_LINE.targets.test(line)) return 'targets';
  if (SECTION_LINE.letter.test(line)) return 'letter';
  if (SECTION_LINE.after.test(line)) return 'after';
  if (SECTION_LINE.action.test(line)) return 'action';
  return undefined;
}

/**
 * The document's labelled sections, in order: each runs from its label to the next label. An
 * e-mail style header ("To: Name", "Cc: Name") opens a section that starts on its own line.
 */
export function segmentDocument(lines: readonly string[]): Segment[] {
  const segments: Segment[] = [];
  lines.forEach((line, index) => {
    const header = HEADER_LINE.exec(line);
    const kind = header ? (COPY_HEADER.test(header[1]!) ? 'copies' : 'targets') : labelKind(line);
    if (!kind) return;
    const previous = segments[segments.length - 1];
    if (previous) previous.end = index;
    segments.push({ kind, label: index, start: header ? index : index + 1, end: lines.length });
  });
  return segments;
}

/** The kind of the section a line falls in, if any. */
export function segmentAt(segments: readonly Segment[], line: number): SegmentKind | undefined {
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i]!;
    if (segment.label <= line) return line < segment.end ? segment.kind : undefined;
  }
  return undefined;
}
