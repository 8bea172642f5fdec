import type { FontChain, FontFace } from '../fonts/font-chain';
import { INVISIBLE } from '../fonts/font-chain';

/** A glyph as the page draws it; sizes in the font's units. */
export interface ShapedGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** Glyphs of one font, in the order they stand on the page, left to right. */
export interface ShapedRun {
  face: FontFace;
  glyphs: ShapedGlyph[];
}

/** The parts of bidi-js that shaping uses. */
export interface BidiEngine {
  getEmbeddingLevels(text: string, direction?: 'ltr' | 'rtl' | 'auto'): { levels: Uint8Array };
  getMirroredCharactersMap(text: string, levels: { levels: Uint8Array }): Map<number, string>;
}

/** Scripts written right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms. */
export const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Bidi marks and isolates: they order the text and are not drawn. */
const BIDI_CONTROL = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** Characters that take the font of the text around them rather than one of their own. */
const NEUTRAL = /[\s\p{P}\p{S}\p{Cf}\p{M}]/u;

interface LogicalRun {
  text: string;
  level: number;
  face: FontFace;
}

/**
 * One line of text as runs of glyphs, in the order they stand on the page. Each character is set
 * in the first font that has it (FontChain); right-to-left text is ordered by the Unicode bidi
 * algorithm (bidi-js) and each run is shaped by fontkit in its direction, so Arabic letters join
 * and "محمد عبد الله" keeps its spaces and its word order.
 */
export function shapeLine(text: string, chain: FontChain, bidi: BidiEngine | undefined): ShapedRun[] {
  const runs = visualOrder(logicalRuns(text, chain, bidi));
  return runs.map((run) => {
    const laidOut = run.face.font.layout(run.text, [], undefined, undefined, run.level % 2 ? 'rtl' : 'ltr');
    return {
      face: run.face,
      glyphs: laidOut.glyphs.map((glyph, index) => {
        const position = laidOut.positions[index]!;
        return { id: glyph.id, codePoints: glyph.codePoints, advanceWidth: glyph.advanceWidth, xAdvance: position.xAdvance, xOffset: position.xOffset, yOffset: position.yOffset };
      }),
    };
  });
}

/** Consecutive characters of one bidi level and one font, in reading order, mirrored where right to left. */
function logicalRuns(text: string, chain: FontChain, bidi: BidiEngine | undefined): LogicalRun[] {
  let levels: Uint8Array | undefined;
  let mirrored: Map<number, string> | undefined;
  if (bidi && RIGHT_TO_LEFT.test(text)) {
    // Letters are written left to right (English, Russian...): a right-to-left name or address is
    // a run inside a left-to-right line, so "محمد عبد الله · 12 Harbour Lane" keeps the name first.
    const embedding = bidi.getEmbeddingLevels(text, 'ltr');
    levels = embedding.levels;
    mirrored = bidi.getMirroredCharactersMap(text, embedding);
  }
  const chars: { char: string; level: number; face: FontFace | undefined }[] = [];
  let offset = 0;
  for (const char of text) {
    if (BIDI_CONTROL.test(char)) {
      offset += char.length;
      continue;
    }
    const level = levels?.[offset] ?? 0;
    const shown = mirrored?.get(offset) ?? char;
    chars.push({ char: shown, level, face: NEUTRAL.test(shown) || INVISIBLE.test(shown) ? undefined : chain.faceFor(shown) });
    offset += char.length;
  }
  // A space or a comma goes with the text before it (or after it) when that font has it, so a name
  // in another script stays one run and is shaped as one.
  chars.forEach((entry, index) => {
    if (entry.face) return;
    const codePoint = entry.char.codePointAt(0)!;
    const near = [chars[index - 1]?.face, chars.slice(index + 1).find((next) => next.face)?.face];
    entry.face = near.find((face) => face?.font.hasGlyphForCodePoint(codePoint)) ?? chain.faceFor(entry.char) ?? near.find(Boolean) ?? chain.letter;
  });
  const runs: LogicalRun[] = [];
  for (const entry of chars) {
    const last = runs[runs.length - 1];
    if (last && last.level === entry.level && last.face === entry.face) last.text += entry.char;
    else runs.push({ text: entry.char, level: entry.level, face: entry.face! });
  }
  return runs;
}

/** Rule L2 of the bidi algorithm on whole runs: from the highest level down, reverse each stretch at that level or above. */
function visualOrder(runs: LogicalRun[]): LogicalRun[] {
  const ordered = [...runs];
  const highest = Math.max(0, ...ordered.map((run) => run.level));
  const lowestOdd = Math.min(...ordered.map((run) => run.level).filter((level) => level % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let start = 0; start < ordered.length; ) {
      if (ordered[start]!.level < level) {
        start++;
        continue;
      }
      let end = start;
      while (end < ordered.length && ordered[end]!.level >= level) end++;
      ordered.splice(start, end - start, ...ordered.slice(start, end).reverse());
      start = end;
    }
  }
  return ordered;
}
