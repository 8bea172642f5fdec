// The part of fontkit (the font engine pdfkit uses) that appeal calls directly. fontkit ships no types.
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    codePoints: number[];
  }

  export interface Subset {
    includeGlyph(glyph: number | Glyph): number;
    encode(): Uint8Array;
  }

  export interface KernPair {
    left: number;
    right: number;
    value: number;
  }

  export interface Font {
    postscriptName: string;
    familyName: string;
    unitsPerEm: number;
    /** Above the baseline, in font units. */
    ascent: number;
    /** Below the baseline, in font units (negative). */
    descent: number;
    /** OpenType and AAT layout tables, present when the font shapes text beyond glyph by glyph. */
    GSUB?: unknown;
    GPOS?: unknown;
    morx?: unknown;
    numGlyphs: number;
    characterSet: number[];
    kern?: { tables: { format: number; coverage: { horizontal?: boolean; crossStream?: boolean }; subtable: { pairs?: KernPair[] } }[] };
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    getGlyph(id: number): Glyph;
    layout(text: string, features?: string[], script?: string, language?: string, direction?: 'ltr' | 'rtl'): GlyphRun;
    createSubset(): Subset;
  }

  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }

  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
    advanceWidth: number;
  }

  export interface FontCollection {
    fonts: Font[];
  }

  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}
