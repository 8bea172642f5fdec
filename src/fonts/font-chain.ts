import { readFileSync } from 'node:fs';
import type { Font } from 'fontkit';
import { systemFontCandidates } from './system-fonts';

type Fontkit = typeof import('fontkit');

/** One font a letter is set in, with how to name it in messages. */
export interface FontFace {
  font: Font;
  label: string;
  /** The file's bytes and the font's place in a collection, for reading tables fontkit is slow to decode. */
  file?: { bytes: Uint8Array; index: number };
}

/**
 * Which fonts a PDF may use, as plain data (it crosses to the PDF worker): the letter font first,
 * then the fonts that cover what it lacks.
 */
export interface FontRequest {
  /** The letter font, a file; none: the DejaVu Sans that comes with appeal. */
  letterFont?: string;
  /** More font files, tried in order for characters the letter font lacks (--font, the profile). */
  fallbackFonts?: readonly string[];
  /** Folders read for fonts when fontconfig is not there; false: never look on the computer. */
  systemFonts: { folders: readonly string[] } | false;
}

/** Characters that never need a glyph: spaces are laid out as gaps, and these print as nothing. */
export const INVISIBLE = /[\s\u00ad\u034f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]/u;

/**
 * The letter font and its fallbacks. A character is set in the first font that has it: the letter
 * font, the fonts given, the whole DejaVu Sans (its Arabic, Hebrew and more, which the letter font
 * leaves out), then fonts found on the computer, looked for only when a character needs one.
 */
export class FontChain {
  private readonly faceByCodePoint = new Map<number, FontFace | null>();
  private readonly facesByFile = new Map<string, FontFace | null>();
  /** Fonts found on the computer so far, tried before looking again. */
  private readonly found: FontFace[] = [];
  private bundledFace: FontFace | null | undefined;

  constructor(
    private readonly fontkit: Fontkit,
    readonly letter: FontFace,
    private readonly given: readonly FontFace[],
    private readonly bundled: { file: string; label: string } | undefined,
    private readonly system: FontRequest['systemFonts'],
  ) {}

  /** The font a character is set in, or undefined when no font here has it. */
  faceFor(char: string): FontFace | undefined {
    const codePoint = char.codePointAt(0)!;
    let face = this.faceByCodePoint.get(codePoint);
    if (face === undefined) {
      face = this.knownFaceFor(codePoint) ?? this.searchSystem([codePoint]).get(codePoint) ?? null;
      this.faceByCodePoint.set(codePoint, face);
    }
    return face ?? undefined;
  }

  /**
   * The characters of some texts that no font here can show, each once, in the order met. Looks
   * on the computer once for all the characters the known fonts lack, then one by one for any left.
   */
  unshowable(texts: readonly string[]): string[] {
    const unknown: number[] = [];
    const chars: string[] = [];
    for (const text of texts) {
      for (const char of text.normalize('NFC')) {
        if (INVISIBLE.test(char) || chars.includes(char)) continue;
        const codePoint = char.codePointAt(0)!;
        chars.push(char);
        if (this.faceByCodePoint.has(codePoint)) continue;
        const face = this.knownFaceFor(codePoint);
        if (face) this.faceByCodePoint.set(codePoint, face);
        else unknown.push(codePoint);
      }
    }
    if (unknown.length > 1) {
      for (const [codePoint, face] of this.searchSystem(unknown)) this.faceByCodePoint.set(codePoint, face);
    }
    return chars.filter((char) => !this.faceFor(char));
  }

  /** How the fonts tried are named in a message. */
  describe(): string {
    const others = this.given.length;
    const given = others ? ` or the ${others === 1 ? 'other font' : `${others} other fonts`} given` : '';
    return `${this.letter.label}${given}${this.system ? ', or any font on this computer' : ''}`;
  }

  private knownFaceFor(codePoint: number): FontFace | undefined {
    for (const face of [this.letter, ...this.given]) if (face.font.hasGlyphForCodePoint(codePoint)) return face;
    if (this.bundled && this.bundledFace === undefined) this.bundledFace = this.load(this.bundled.file, 0, this.bundled.label);
    if (this.bundledFace?.font.hasGlyphForCodePoint(codePoint)) return this.bundledFace;
    return this.found.find((face) => face.font.hasGlyphForCodePoint(codePoint));
  }

  /** Fonts on the computer for these characters: the first candidate that has each. */
  private searchSystem(codePoints: readonly number[]): Map<number, FontFace> {
    const result = new Map<number, FontFace>();
    if (!this.system) return result;
    for (const candidate of systemFontCandidates(codePoints, this.system.folders)) {
      const face = this.load(candidate.file, candidate.index);
      if (!face) continue;
      const covers = codePoints.filter((codePoint) => !result.has(codePoint) && face.font.hasGlyphForCodePoint(codePoint));
      if (!covers.length) continue;
      if (!this.found.includes(face)) this.found.push(face);
      covers.forEach((codePoint) => result.set(codePoint, face));
      if (result.size === codePoints.length) break;
    }
    return result;
  }

  private load(file: string, index: number, label?: string): FontFace | null {
    const key = `${file}#${index}`;
    let face = this.facesByFile.get(key);
    if (face === undefined) {
      try {
        face = readFontFace(this.fontkit, readFileSync(file), index, label ?? file);
      } catch {
        face = null; // a broken font on the computer is one font fewer, never a failure
      }
      this.facesByFile.set(key, face);
    }
    return face;
  }
}

/**
 * One face of a font file. A collection (.ttc, as Debian's CJK fonts come) is a normal font file:
 * the face at `index` is taken, the first by default.
 */
export function readFontFace(fontkit: Fontkit, bytes: Uint8Array, index: number, file: string): FontFace | null {
  const created = fontkit.create(bytes);
  if (!created) return null;
  if ('fonts' in created) {
    const font = created.fonts[index] ?? created.fonts[0];
    return font ? { font, label: `the font ${file} (${font.postscriptName})`, file: { bytes, index: created.fonts[index] ? index : 0 } } : null;
  }
  return { font: created, label: `the font ${file}`, file: { bytes, index: 0 } };
}
