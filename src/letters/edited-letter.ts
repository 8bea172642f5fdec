import { DataError } from '../errors/app-error';
import { formatLetterText, type Letter } from './letter';

/** What a member made of their letter in an editor. */
export type EditedLetter = { kind: 'unchanged'; letter: Letter } | { kind: 'emptied' } | { kind: 'changed'; letter: Letter };

/**
 * Reads back the text letter a member edited (as `formatLetterText` wrote it: heading with the
 * date, salutation, paragraphs, closing and signature, parted by blank lines) into the same
 * parts, so the text, the email draft and the PDF are all made from what they saved. Lines an
 * editor wrapped inside a paragraph are joined again.
 */
export function readEditedLetter(original: Letter, text: string, file: string): EditedLetter {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!normalised.trim()) return { kind: 'emptied' };
  if (normalised.trim() === formatLetterText(original).trim()) return { kind: 'unchanged', letter: original };
  const blocks = normalised
    .split(/\n[ \t]*\n/)
    .map((block) => block.split('\n').map((line) => line.trim()).filter(Boolean))
    .filter((block) => block.length);
  // Heading, salutation, at least one paragraph, closing, signature.
  if (blocks.length < 5) {
    throw new DataError(`${file}: the edited letter has ${blocks.length} part${blocks.length === 1 ? '' : 's'} parted by blank lines; a letter needs at least 5.`, {
      details: ['They are: your address and the date, the salutation, the paragraphs, the closing, and your name.'],
      hint: `Keep a blank line between the parts, then run the command again. Your text is still in ${file}.`,
    });
  }
  const heading = blocks[0]!;
  const join = (block: readonly string[]) => block.join(' ');
  return {
    kind: 'changed',
    letter: {
      ...original,
      date: heading[heading.length - 1]!,
      salutation: join(blocks[1]!),
      paragraphs: blocks.slice(2, -2).map(join),
      closing: join(blocks[blocks.length - 2]!),
      signature: blocks[blocks.length - 1]!,
    },
  };
}
