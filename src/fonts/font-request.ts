import type { FontRequest } from './font-chain';
import { defaultFontFolders } from './system-fonts';

/**
 * The fonts a PDF may use: the first --font is the letter font, further --font files and the
 * profile's `fonts` cover what it lacks, then the fonts on the computer, unless
 * APPEAL_SYSTEM_FONTS=none (a reproducible run, or a test of a computer without them).
 */
export function fontRequestFrom(fontFlags: readonly string[] | undefined, profileFonts: readonly string[] | undefined, env: Readonly<Record<string, string | undefined>>): FontRequest {
  const [letterFont, ...more] = fontFlags ?? [];
  return {
    ...(letterFont === undefined ? {} : { letterFont }),
    fallbackFonts: [...more, ...(profileFonts ?? [])],
    systemFonts: env.APPEAL_SYSTEM_FONTS === 'none' ? false : { folders: defaultFontFolders(env.HOME ?? env.USERPROFILE, env.WINDIR) },
  };
}
