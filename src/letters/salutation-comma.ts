/**
 * The opening line of a letter to one official: that official's own salutation, with the comma
 * letters take after it. A salutation that already ends in punctuation is left as written.
 */
export function salutationLine(salutation: string): string {
  const trimmed = salutation.trim();
  return /[,:!;]$/.test(trimmed) ? trimmed : `${trimmed},`;
}
