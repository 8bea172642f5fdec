/**
 * Rows laid out in columns for the terminal, each column as wide as its widest cell. Numbers
 * read best aligned right, so columns can be aligned either way.
 */
export function formatTable(rows: readonly (readonly string[])[], options: { align?: readonly ('left' | 'right')[]; indent?: string } = {}): string[] {
  const width = (cell: string) => [...cell].length;
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, width(cell))));
  return rows.map((row) => {
    const cells = row.map((cell, index) => {
      const pad = ' '.repeat((widths[index] ?? 0) - width(cell));
      if (options.align?.[index] === 'right') return pad + cell;
      return index === row.length - 1 ? cell : cell + pad;
    });
    return `${options.indent ?? ''}${cells.join('  ')}`.trimEnd();
  });
}
