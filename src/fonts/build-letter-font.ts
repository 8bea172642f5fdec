import { copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as fontkit from 'fontkit';
import { FULL_FONT_FILE, LETTER_FONT_FILE } from '../package-paths';
import { LETTER_SCRIPTS, trimFont } from './trim-font';

/**
 * Run by `npm run build`: trims DejaVu Sans (from the dejavu-fonts-ttf package) to the scripts
 * letters use, so that every PDF letter starts from a small font instead of parsing 750 KB.
 */
export function buildLetterFont(target = LETTER_FONT_FILE): { file: string; bytes: number } {
  const source = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
  const fontFile = readFileSync(source);
  const font = fontkit.create(fontFile);
  if ('fonts' in font) throw new Error(`${source} is a font collection`);
  const trimmed = trimFont(font, fontFile, LETTER_SCRIPTS.flatMap((script) => script.ranges));
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, trimmed);
  renameSync(temp, target);
  // The whole font too, unchanged: the fallback for right-to-left names (see FontChain). It is
  // loaded only when a letter has a character the letter font leaves out.
  if (target === LETTER_FONT_FILE) copyFileSync(source, FULL_FONT_FILE);
  return { file: target, bytes: trimmed.length };
}

if (require.main === module) {
  const { file, bytes } = buildLetterFont();
  process.stdout.write(`letter font: ${file} (${Math.round(bytes / 1024)} KB)\n`);
}
