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
  const blocks = textBlocks(normalised);
  // The heading (the sender's address, the official's postal block, the date) takes as many
  // blocks as it did in the letter the member was given; then the salutation, at least one
  // paragraph, the closing and the signature.
  const headingBlocks = Math.max(1, textBlocks(formatLetterText(original)).findIndex((block) => block.join(' ') === original.salutation));
  if (blocks.length < headingBlocks + 4) {
    throw new DataError(`${file}: the edited letter has ${blocks.length} part${blocks.length === 1 ? '' : 's'} parted by blank lines; a letter needs at least ${headingBlocks + 4}.`, {
      details: ['They are: your address, the official’s address and the date, the salutation, the paragraphs, the closing, and your name.'],
      hint: `Keep a blank line between the parts, then run the command again. Your text is still in ${file}.`,
    });
  }
  const heading = blocks[headingBlocks - 1]!;
  const join = (block: readonly string[]) => block.join(' ');
  return {
    kind: 'changed',
    letter: {
      ...original,
      date: heading[heading.length - 1]!,
      salutation: join(blocks[headingBlocks]!),
      paragraphs: blocks.slice(headingBlocks + 1, -2).map(join),
      closing: join(blocks[blocks.length - 2]!),
      signature: blocks[blocks.length - 1]!,
    },
  };
}

/** Text parted by blank lines, each part as its trimmed, non-empty lines. */
function textBlocks(text: string): string[][] {
  return text
    .split(/\n[ \t]*\n/)
    .map((block) => block.split('\n').map((line) => line.trim()).filter(Boolean))
    .filter((block) => block.length);
}
