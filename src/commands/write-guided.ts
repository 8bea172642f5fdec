import type { CaseRecord } from '../cases/case-library';
import { casesToWrite } from '../cases/case-order';
import type { Official } from '../cases/case-schema';
import { RefusalError, UsageError } from '../errors/app-error';
import { formatChoices, type FileFormat } from '../write/plan-write';
import type { Asker } from '../prompts/ask';
import { askCase, askFormat } from '../prompts/ask-write';

/*
 * `appeal write` with no case, for people who don't read manuals: at a terminal it offers the
 * open cases and the formats the chosen officials take; without one, the case is missing.
 */

/** No case given and no terminal to offer them at: as before, a usage error that says what to give. */
export function missingCase(): UsageError {
  return new UsageError("missing required argument 'case': which case to write about.", {
    hint: 'Give a UA number, case id or part of a name, e.g. appeal write 150.19 (see the open cases with: appeal list).',
  });
}

/** The case to write about, chosen at the terminal from the open ones, the nearest deadline first. */
export async function chooseCase(asker: Asker, cases: readonly CaseRecord[], today: Date): Promise<CaseRecord> {
  const open = casesToWrite(cases, today);
  if (!open.length) {
    throw new RefusalError('There is no open case to write about: every case is closed, past its deadline or a petition.', {
      hint: 'See them all with: appeal list --all, then write for one with: appeal write <case>',
    });
  }
  return askCase(asker, open);
}

/**
 * The format, asked among those every chosen official takes (the best first); not asked when a
 * text letter is all they take. `stdoutTaken`: --stdout prints letters, so no PDF is offered.
 */
export async function chooseFormat(asker: Asker, officials: readonly Official[], stdoutTaken: boolean): Promise<FileFormat> {
  const choices = formatChoices(officials).filter((format) => !(stdoutTaken && format === 'pdf'));
  return choices.length === 1 ? choices[0]! : askFormat(asker, choices);
}
