/** A piece of text pdf.js found on a page, as much of it as the lines are made from. */
export interface TextPiece {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

/**
 * A page's text as lines, with a blank line where the page leaves a paragraph gap, so the
 * finders read it as they read a text file.
 */
export function pdfPageLines(items: readonly TextPiece[]): string {
  const lines: string[] = [];
  let line = '';
  let lastY: number | undefined;
  let lastHeight = 0;
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const y = item.transform[5]!;
    if (lastY !== undefined && Math.abs(y - lastY) > 1 && line) {
      lines.push(line);
      line = '';
    }
    // A gap of more than about one and a half lines is a paragraph break.
    if (lastY !== undefined && lastY - y > Math.max(lastHeight, item.height) * 1.9 && lines.length && lines[lines.length - 1] !== '') lines.push('');
    if (item.str) {
      line += item.str;
      lastY = y;
      lastHeight = item.height || lastHeight;
    }
    if (item.hasEOL) {
      lines.push(line);
      line = '';
    }
  }
  if (line) lines.push(line);
  // trimEnd, not /\s+$/: the pattern tries every space of a long run in turn, which is quadratic.
  return lines.map((text) => text.trimEnd()).join('\n');
}
