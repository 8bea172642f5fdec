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
  /**
   * The id and UA number the file gives, when it could be read that far: a command asked for
   * that case can say it was left out for these problems rather than that no case matches.
   */
  caseId?: string;
  uaNumber?: string;
}

/** The problems, each marked with the case id and UA number of the file they are in. */
export function ofCase<T extends CaseProblem>(problems: readonly T[], data: unknown): T[] {
  const fields = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const caseId = typeof fields.id === 'string' ? fields.id : undefined;
  const uaNumber = typeof fields.ua_number === 'string' || typeof fields.ua_number === 'number' ? String(fields.ua_number) : undefined;
  if (caseId === undefined && uaNumber === undefined) return [...problems];
  return problems.map((problem) => ({ ...problem, ...(caseId === undefined ? {} : { caseId }), ...(uaNumber === undefined ? {} : { uaNumber }) }));
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
