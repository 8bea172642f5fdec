type Align = readonly ('left' | 'right')[];
const width = (cell: string) => [...cell].length;

/**
 * Rows laid out in columns for the terminal, each column as wide as its widest cell. Numbers
 * read best aligned right, so columns can be aligned either way.
 */
export function formatTable(rows: readonly (readonly string[])[], options: { align?: Align; indent?: string } = {}): string[] {
  const widths = columnWidths(rows);
  return rows.map((row) => formatRow(row, widths, options));
}

/** The width of each column over rows given one at a time (a table too long to hold at once). */
export function columnWidths(rows: Iterable<readonly string[]>, widths: number[] = []): number[] {
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, width(cell))));
  return widths;
}

export function formatRow(row: readonly string[], widths: readonly number[], options: { align?: Align; indent?: string } = {}): string {
  const cells = row.map((cell, index) => {
    const pad = ' '.repeat((widths[index] ?? 0) - width(cell));
    if (options.align?.[index] === 'right') return pad + cell;
    return index === row.length - 1 ? cell : cell + pad;
  });
  return `${options.indent ?? ''}${cells.join('  ')}`.trimEnd();
}
