import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Font } from 'fontkit';
import { AppError, DataError, ExitCode, UsageError } from '../errors/app-error';
import { FontChain, readFontFace, type FontFace, type FontRequest } from '../fonts/font-chain';
import { readSfntDirectory } from '../fonts/sfnt-directory';
import { FULL_FONT_FILE, LETTER_FONT_FILE } from '../package-paths';
import { FileRefusal, readRegularFile } from '../files/read-regular-file';

/** The largest font read: the big CJK fonts are some 20 MB, collections more. */
const MAX_FONT_BYTES = 64 * 1024 * 1024;

/** Font chains already loaded in this process: a batch or a warm PDF worker parses each font once. */
const loadedChains = new Map<string, FontChain>();

/**
 * Loads the letter font and its fallbacks (see FontChain). fontkit is loaded here, not at
 * start-up, since only PDFs need it. A font file the user names that cannot be read is an error.
 */
export async function loadFontChain(request: FontRequest, cwd: string): Promise<FontChain> {
  const key = JSON.stringify([request, cwd]);
  let chain = loadedChains.get(key);
  if (!chain) {
    const fontkit = await import('fontkit');
    const letter = request.letterFont === undefined ? builtInFace(fontkit) : readUserFont(fontkit, request.letterFont, cwd);
    const given = (request.fallbackFonts ?? []).map((file) => readUserFont(fontkit, file, cwd));
    if (request.letterFont !== undefined) given.push(builtInFace(fontkit));
    const full = existsSync(FULL_FONT_FILE) ? { file: FULL_FONT_FILE, label: 'DejaVu Sans' } : undefined;
    chain = new FontChain(fontkit, letter, given, full, request.systemFonts);
    loadedChains.set(key, chain);
  }
  return chain;
}

/** The built-in font, parsed once: the worker's warm-up and the real letters share it. */
let builtIn: FontFace | undefined;

function builtInFace(fontkit: typeof import('fontkit')): FontFace {
  if (builtIn) return builtIn;
  const broken = (reason: string) =>
    new AppError(`The letter font that comes with appeal ${reason}: ${LETTER_FONT_FILE}`, {
      exitCode: ExitCode.osFile,
      hint: 'It is made when appeal is built: run "npm run build" in the appeal folder (or install appeal again). Until then, --font FILE gives a font of your own.',
    });
  if (!existsSync(LETTER_FONT_FILE)) throw broken('is missing');
  const face = checkedFace(fontkit, readFileSync(LETTER_FONT_FILE), LETTER_FONT_FILE);
  if (typeof face === 'string') throw broken(`is damaged (${face})`);
  builtIn = { ...face, label: 'the DejaVu Sans font that comes with appeal' };
  return builtIn;
}

function readUserFont(fontkit: typeof import('fontkit'), fontFlag: string, cwd: string): FontFace {
  const file = resolve(cwd, fontFlag);
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, MAX_FONT_BYTES);
  } catch (error) {
    if (!(error instanceof FileRefusal)) throw error;
    throw new UsageError(`--font ${fontFlag}: ${file} ${error.reason}.`, { hint: 'Give the path of a TrueType (.ttf), OpenType (.otf) or collection (.ttc) font file.' });
  }
  const face = checkedFace(fontkit, bytes, file);
  if (typeof face === 'string') {
    throw new UsageError(`--font ${fontFlag}: ${file} is not a font appeal can read (${face}).`, { hint: 'Give a TrueType (.ttf), OpenType (.otf) or collection (.ttc) font file; if it is one, it may be damaged or cut short: copy it again.' });
  }
  return face;
}

/**
 * The font in `bytes`, or why it cannot be used. fontkit reads tables only when they are first
 * used, so a font cut short passes `create` and fails later, deep inside the PDF writer: every
 * table must lie within the file, and the parts a letter uses are read once here.
 */
function checkedFace(fontkit: typeof import('fontkit'), bytes: Buffer, file: string): FontFace | string {
  const cut = cutTable(bytes);
  if (cut) return cut;
  try {
    const face = readFontFace(fontkit, bytes, 0, file);
    if (!face) return 'not a font';
    // The glyphs by the character map alone: shaping ("layout") would load Unicode tables that
    // a letter in the built-in font never needs.
    const probe = [...'Ag'].map((character) => face.font.glyphForCodePoint(character.codePointAt(0)!));
    if (!(face.font.unitsPerEm > 0) || !probe.length || probe.some((glyph) => !Number.isFinite(glyph.advanceWidth))) return 'its glyphs cannot be read';
    // What the PDF writer does with every font: embed a subset of its glyphs.
    const subset = face.font.createSubset();
    for (const glyph of probe) subset.includeGlyph(glyph);
    subset.encode();
    return face;
  } catch (error) {
    return (error as Error).message;
  }
}

/** For TrueType and OpenType files: the first table that runs past the end of the file. */
function cutTable(bytes: Buffer): string | undefined {
  // Collections are fontkit's to check; a file too short for any header is cut short.
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'ttcf') return undefined;
  const directory = readSfntDirectory(bytes);
  if (directory === 'not sfnt') return undefined; // WOFF: fontkit checks
  if (directory === 'cut short') return 'the file is cut short';
  const cut = directory.find((table) => table.offset + table.length > bytes.length);
  return cut ? `the file is cut short: its ${cut.tag.trim()} table runs past the end` : undefined;
}

export function describeCharacter(char: string): string {
  return `${char} (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}

/**
 * Stops before anything is written when no font can show some of the text: a letter with a
 * silently missing character in a name or address is worse than no letter.
 */
export function assertFontShows(chain: FontChain, sources: readonly { what: string; texts: readonly string[] }[]): void {
  const problems: string[] = [];
  const all = new Set<string>();
  for (const source of sources) {
    const missing = chain.unshowable(source.texts);
    if (!missing.length) continue;
    missing.forEach((char) => all.add(char));
    problems.push(`${source.what}: ${missing.map(describeCharacter).join(', ')}`);
  }
  if (!all.size) return;
  throw new DataError(`${all.size === 1 ? 'A character' : `${all.size} characters`} of the letter cannot be shown in ${chain.describe()}: ${[...all].join(' ')}`, {
    details: problems,
    hint: 'Give a font that has them with --font FILE (a .ttf, .otf or .ttc file), or install one (on Debian: fonts-noto-core, fonts-noto-cjk), or make the letter as text with --format text. Nothing was written.',
  });
}
