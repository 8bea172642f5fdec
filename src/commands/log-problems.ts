import { formatLogProblem, type ActionLog } from '../action-log/log-file';
import type { CommandContext } from './command-context';

/** Damaged lines of the action log are warnings: the complete records still count. */
export function warnAboutLogProblems(context: CommandContext, file: string, log: ActionLog): void {
  for (const problem of log.problems) context.stderr.write(`${formatLogProblem(file, problem)}\n`);
  if (log.problems.length) {
    const lines = log.problems.map((problem) => problem.line).join(', ');
    context.stderr.write(`Counted the ${log.records.length} complete record${log.records.length === 1 ? '' : 's'}. Removing the damaged text on line ${lines} stops this warning.\n`);
  }
}
