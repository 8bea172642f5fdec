// What both typesetting peers read: the command line and the parts of a plain-text letter. The
// body is taken from the line that starts with "Dear" up to the closing ("Yours …"); the
// recipient block is the Ambassador's from UA 150.19 unless RECIPIENT (lines joined by "|") is set.
import { readFileSync } from 'node:fs';

export function readPeerLetter(script, defaultCount, defaultOutDir) {
  const [file, count = defaultCount, outDir = defaultOutDir] = process.argv.slice(2);
  if (!file) {
    console.error(`usage: node ${script} LETTER.txt N OUT_DIR`);
    process.exit(64);
  }
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const start = lines.findIndex((l) => /^Dear\b/.test(l.trim()));
  const end = lines.findIndex((l, i) => i > start && /^Yours\b/.test(l.trim()));
  if (start < 0 || end < 0) {
    console.error(`${file}: no line starting with "Dear" followed by a "Yours …" closing`);
    process.exit(65);
  }
  return {
    count,
    outDir,
    salutation: lines[start].trim(),
    closing: lines[end].trim(),
    paragraphs: lines.slice(start + 1, end).join('\n').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean),
    recipient: (process.env.RECIPIENT ?? 'Ambassador Anatoly Antonov|Embassy of the Russian Federation|2650 Wisconsin Ave. NW|Washington DC 20007').split('|'),
  };
}
