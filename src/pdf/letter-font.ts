import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Font } from 'fontkit';
import { AppError, DataError, ExitCode, UsageError } from '../errors/app-error';
import { LETTER_FONT_FILE } from '../package-paths';
import { FileRefusal, readRegularFile } from '../files/read-regular-file';

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

/** The largest font read: the big CJK fonts are some 20 MB. */
const MAX_FONT_BYTES = 64 * 1024 * 1024;

async function readLetterFont(fontFlag: string | undefined, cwd: string): Promise<LetterFont> {
  if (fontFlag === undefined) {
    const broken = (reason: string) =>
      new AppError(`The letter font that comes with appeal ${reason}: ${LETTER_FONT_FILE}`, {
        exitCode: ExitCode.osFile,
        hint: 'It is made when appeal is built: run "npm run build" in the appeal folder (or install appeal again). Until then, --font FILE gives a font of your own.',
      });
    if (!existsSync(LETTER_FONT_FILE)) throw broken('is missing');
    const font = await parseFont(readFileSync(LETTER_FONT_FILE));
    if (typeof font === 'string') throw broken(`is damaged (${font})`);
    return { font, label: 'the DejaVu Sans font that comes with appeal' };
  }
  const file = resolve(cwd, fontFlag);
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, MAX_FONT_BYTES);
  } catch (error) {
    if (!(error instanceof FileRefusal)) throw error;
    throw new UsageError(`--font ${fontFlag}: ${file} ${error.reason}.`, { hint: 'Give the path of a TrueType (.ttf) or OpenType (.otf) font file.' });
  }
  const font = await parseFont(bytes);
  if (font === 'a font collection') {
    throw new UsageError(`--font ${fontFlag}: ${file} is a font collection, not one font.`, { hint: 'Give a single TrueType (.ttf) or OpenType (.otf) font file.' });
  }
  if (typeof font === 'string') {
    throw new UsageError(`--font ${fontFlag}: ${file} is not a font appeal can read (${font}).`, { hint: 'Give a TrueType (.ttf) or OpenType (.otf) font file; if it is one, it may be damaged or cut short: copy it again.' });
  }
  return { font, label: `the font ${file}` };
}

/**
 * The font in `bytes`, or why it cannot be used. fontkit reads tables only when they are first
 * used, so a font cut short passes `create` and fails later, deep inside the PDF writer: every
 * table must lie within the file, and the parts a letter uses are read once here.
 */
async function parseFont(bytes: Buffer): Promise<Font | string> {
  const cut = cutTable(bytes);
  if (cut) return cut;
  const fontkit = await import('fontkit');
  try {
    const font = fontkit.create(bytes) as Font | { fonts: unknown };
    if (!font) return 'not a font';
    if ('fonts' in font) return 'a font collection';
    const probe = font.layout('Ag');
    if (!(font.unitsPerEm > 0) || !probe.glyphs.length || probe.glyphs.some((glyph) => !Number.isFinite(glyph.advanceWidth))) return 'its glyphs cannot be read';
    // What the PDF writer does with every font: embed a subset of its glyphs.
    const subset = font.createSubset();
    for (const glyph of probe.glyphs) subset.includeGlyph(glyph);
    subset.encode();
    return font;
  } catch (error) {
    return (error as Error).message;
  }
}

/** For TrueType and OpenType files: the first table that runs past the end of the file. */
function cutTable(bytes: Buffer): string | undefined {
  if (bytes.length < 12) return 'the file is cut short';
  const version = bytes.readUInt32BE(0);
  if (version !== 0x00010000 && version !== 0x4f54544f && version !== 0x74727565) return undefined; // WOFF, collections: fontkit checks
  const tables = bytes.readUInt16BE(4);
  if (bytes.length < 12 + tables * 16) return 'the file is cut short';
  for (let index = 0; index < tables; index++) {
    const entry = 12 + index * 16;
    const end = bytes.readUInt32BE(entry + 8) + bytes.readUInt32BE(entry + 12);
    if (end > bytes.length) return `the file is cut short: its ${bytes.toString('latin1', entry, entry + 4).trim()} table runs past the end`;
  }
  return undefined;
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
