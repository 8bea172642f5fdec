import { caseSchema } from '../cases/case-schema';
import { checkTemplate } from '../letters/letter-templates';
import { formatPath } from './import-report';

/** Everything "appeal validate" would say about a draft case and its model letter, before it is written. */
export function validationProblems(data: unknown, template: string | undefined, partialNames: readonly string[]): string[] {
  const problems: string[] = [];
  const parsed = caseSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${formatPath(issue.path.filter((key): key is string | number => typeof key !== 'symbol'))}: ${issue.message}`);
    }
  }
  if (template !== undefined) {
    for (const problem of checkTemplate(template, partialNames)) problems.push(`model letter, line ${problem.line}: ${problem.message}`);
  }
  return problems;
}

