/** One thing wrong (or worth a warning) in a case file or its template, with where it is. */
export interface CaseProblem {
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  column?: number;
  /** The field's path in the case file, such as "officials[1].email[0]". */
  field?: string;
  message: string;
  hint?: string;
}

export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** `file:line:col: field: message (hint)`, the form editors and terminals make clickable. */
export function formatCaseProblem(problem: CaseProblem): string {
  const where = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':');
  const field = problem.field ? `${problem.field}: ` : '';
  const label = problem.severity === 'warning' ? 'warning: ' : '';
  const hint = problem.hint ? `\n    ${problem.hint}` : '';
  return `${where}: ${label}${field}${problem.message}${hint}`;
}
