import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Font } from 'fontkit';
import { AppError, DataError, ExitCode, UsageError } from '../errors/app-error';
import { LETTER_FONT_FILE } from '../package-paths';

/** The font letters are set in: the one that ships with appeal, or the user's --font file. */
export interface LetterFont {
  font: Font;
  /** How to name it in messages. */
  label: string;
}

/** Characters that never need a glyph: spaces are laid out as gaps, and these print as nothing. */
const INVISIBLE = /[\s\u00ad\u034f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]/u;

/** Fonts already loaded in this process, by file: a batch or a warm PDF worker parses each once. */
const loadedFonts = new Map<string, LetterFont>();

/** Loads the letter font. fontkit is loaded here, not at start-up, since only PDFs need it. */
export async function loadLetterFont(fontFlag: string | undefined, cwd: string): Promise<LetterFont> {
  const key = fontFlag === undefined ? LETTER_FONT_FILE : resolve(cwd, fontFlag);
  let font = loadedFonts.get(key);
  if (!font) {
    font = await readLetterFont(fontFlag, cwd);
    loadedFonts.set(key, font);
  }
  return font;
}

async function readLetterFont(fontFlag: string | undefined, cwd: string): Promise<LetterFont> {
  const fontkit = await import('fontkit');
  if (fontFlag === undefined) {
    if (!existsSync(LETTER_FONT_FILE)) {
      throw new AppError(`The letter font is missing: ${LETTER_FONT_FILE}`, {
        exitCode: ExitCode.software,
        hint: 'It is made when appeal is built: run "npm run build" in the appeal folder (or install appeal again).',
      });
    }
    return { font: fontkit.create(readFileSync(LETTER_FONT_FILE)) as Font, label: 'the DejaVu Sans font that comes with appeal' };
  }
  const file = resolve(cwd, fontFlag);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`--font ${fontFlag}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, { hint: 'Give the path of a TrueType (.ttf) or OpenType (.otf) font file.' });
  }
  let font: ReturnType<typeof fontkit.create>;
  try {
    font = fontkit.create(bytes);
  } catch {
    throw new UsageError(`--font ${fontFlag}: ${file} is not a font appeal can read.`, { hint: 'Give a TrueType (.ttf) or OpenType (.otf) font file.' });
  }
  if (!font || 'fonts' in font) {
    throw new UsageError(`--font ${fontFlag}: ${file} is a font collection, not one font.`, { hint: 'Give a single TrueType (.ttf) or OpenType (.otf) font file.' });
  }
  return { font, label: `the font ${file}` };
}

/** The characters of some texts that the font has no glyph for, each once, in the order met. */
export function unshowableCharacters(font: Font, texts: readonly string[]): string[] {
  let shows = showsByFont.get(font);
  if (!shows) showsByFont.set(font, (shows = new Map()));
  const missing = new Set<string>();
  for (const text of texts) {
    for (const char of text.normalize('NFC')) {
      let known = shows.get(char);
      if (known === undefined) {
        known = INVISIBLE.test(char) || font.hasGlyphForCodePoint(char.codePointAt(0)!);
        shows.set(char, known);
      }
      if (!known) missing.add(char);
    }
  }
  return [...missing];
}

/** Whether each character met so far can be shown, by font: a batch checks the same letters often. */
const showsByFont = new WeakMap<Font, Map<string, boolean>>();

export function describeCharacter(char: string): string {
  return `${char} (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}

/**
 * Stops before anything is written when the font cannot show some of the text: a letter with a
 * silently missing character in a name or address is worse than no letter.
 */
export function assertFontShows(letterFont: LetterFont, sources: readonly { what: string; texts: readonly string[] }[]): void {
  const problems: string[] = [];
  const all = new Set<string>();
  for (const source of sources) {
    const missing = unshowableCharacters(letterFont.font, source.texts);
    if (!missing.length) continue;
    missing.forEach((char) => all.add(char));
    problems.push(`${source.what}: ${missing.map(describeCharacter).join(', ')}`);
  }
  if (!all.size) return;
  throw new DataError(`${all.size === 1 ? 'A character' : `${all.size} characters`} of the letter cannot be shown in ${letterFont.label}: ${[...all].join(' ')}`, {
    details: problems,
    hint: 'Give a font that has them with --font FILE (a .ttf or .otf file), or make the letter as text with --format text. Nothing was written.',
  });
}
