/** A cell a spreadsheet would read as a formula (or a DDE command) rather than as text. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV cell as text a spreadsheet shows and never runs: a cell starting with =, +, -, @, tab or
 * carriage return gets a single quote in front (the OWASP rule against CSV injection), so a
 * member called =HYPERLINK(...) stays a name. Numbers stay numbers.
 */
export function spreadsheetSafeCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

export function spreadsheetSafeRow<T extends Record<string, unknown>>(row: T): T {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, spreadsheetSafeCell(value)])) as T;
}
