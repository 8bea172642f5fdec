import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One face of a font file on this computer: a collection (.ttc) holds several, by index. */
export interface SystemFontFace {
  file: string;
  index: number;
}

/** Font files are these; anything else in a font folder (.pcf, .afm, .enc) cannot be embedded. */
const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i;

/** How many of fontconfig's candidates to try for one character before giving up on it. */
const MAX_CANDIDATES = 12;

/**
 * Faces that may have some characters, best first. fontconfig (`fc-match -s`) knows every font
 * the desktop knows, sorted with those covering the characters first; each is still checked by
 * the caller, since fontconfig also lists near misses. Without fontconfig (macOS, Windows, a
 * bare container) the usual font folders are read, in name order.
 */
export function systemFontCandidates(codePoints: readonly number[], folders: readonly string[]): SystemFontFace[] {
  const charset = codePoints.map((codePoint) => codePoint.toString(16)).join(' ');
  try {
    // child_process loads the network code with it: only when a name needs a font of the system's.
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    const out = execFileSync('fc-match', ['-s', '-f', '%{file}|%{index}\\n', `sans-serif:charset=${charset}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const cut = line.lastIndexOf('|');
        return { file: line.slice(0, cut), index: Number(line.slice(cut + 1)) || 0 };
      })
      .filter((face) => FONT_FILE.test(face.file))
      .slice(0, MAX_CANDIDATES);
  } catch {
    return fontFilesIn(folders).map((file) => ({ file, index: 0 }));
  }
}

/** The font folders of Linux, macOS and Windows that exist under a home folder. */
export function defaultFontFolders(home: string | undefined, windowsDir: string | undefined): string[] {
  return [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    ...(home ? [join(home, '.local', 'share', 'fonts'), join(home, '.fonts'), join(home, 'Library', 'Fonts')] : []),
    '/Library/Fonts',
    '/System/Library/Fonts',
    ...(windowsDir ? [join(windowsDir, 'Fonts')] : []),
  ];
}

function fontFilesIn(folders: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (folder: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && depth < 4) visit(path, depth + 1);
      else if (entry.isFile() && FONT_FILE.test(entry.name)) files.push(path);
    }
  };
  folders.forEach((folder) => visit(folder, 0));
  return files;
}
