import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Font } from 'fontkit';
import { AppError, DataError, ExitCode, UsageError } from '../errors/app-error';
import { FontChain, readFontFace, type FontFace, type FontRequest } from '../fonts/font-chain';
import { FULL_FONT_FILE, LETTER_FONT_FILE } from '../package-paths';

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
  if (!existsSync(LETTER_FONT_FILE)) {
    throw new AppError(`The letter font is missing: ${LETTER_FONT_FILE}`, {
      exitCode: ExitCode.software,
      hint: 'It is made when appeal is built: run "npm run build" in the appeal folder (or install appeal again).',
    });
  }
  builtIn = { font: fontkit.create(readFileSync(LETTER_FONT_FILE)) as Font, label: 'the DejaVu Sans font that comes with appeal' };
  return builtIn;
}

function readUserFont(fontkit: typeof import('fontkit'), fontFlag: string, cwd: string): FontFace {
  const file = resolve(cwd, fontFlag);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`--font ${fontFlag}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, { hint: 'Give the path of a TrueType (.ttf), OpenType (.otf) or collection (.ttc) font file.' });
  }
  let face: FontFace | null = null;
  try {
    face = readFontFace(fontkit, bytes, 0, file);
  } catch {
    // reported below
  }
  if (!face) throw new UsageError(`--font ${fontFlag}: ${file} is not a font appeal can read.`, { hint: 'Give a TrueType (.ttf), OpenType (.otf) or collection (.ttc) font file.' });
  return face;
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
