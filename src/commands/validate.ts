import { DataError } from '../errors/app-error';
import { formatCaseProblem } from '../cases/case-problem';
import { loadSettings, openCaseLibrary, type CaseSourceFlags, type CommandContext } from './command-context';

export type ValidateOptions = CaseSourceFlags;

/** Checks every case file and template, reports every problem at once, and fails on any error. */
export async function validateCommand(context: CommandContext, options: ValidateOptions): Promise<void> {
  const profile = await loadSettings(context);
  // With --cases, check just those folders: that is what a person editing case files means.
  const onlyUserFolders = Boolean(options.cases?.length);
  const library = await openCaseLibrary(context, { ...options, builtin: onlyUserFolders ? false : options.builtin, onlyFlagFolders: onlyUserFolders }, profile);
  for (const problem of library.problems) context.stderr.write(`${formatCaseProblem(problem)}\n`);
  const errors = library.problems.filter((problem) => problem.severity === 'error');
  const files = new Set(errors.map((problem) => problem.file));
  if (errors.length) {
    throw new DataError(`${errors.length} problem${errors.length === 1 ? '' : 's'} in ${files.size} file${files.size === 1 ? '' : 's'}; ${library.cases.length} case${library.cases.length === 1 ? ' is' : 's are'} fine.`, {
      hint: 'Fix each line above, then run "appeal validate" again.',
    });
  }
  context.stdout.write(`All ${library.cases.length} case${library.cases.length === 1 ? '' : 's'} and their templates are valid.\n`);
}
