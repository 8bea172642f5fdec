import type { CaseDefinition } from './case-schema';
import { caseDisplayId, caseState } from './case-summary';
import { RefusalError } from '../errors/app-error';

/** Whether letters can be made for a case today: a refusal (and why), or a go, perhaps with a warning. */
export type CaseLetterCheck = { refusal: 'no-official' | 'closed'; error: RefusalError; warning?: undefined } | { refusal?: undefined; warning?: string };

/**
 * A case with no official (a petition) and a closed case (unless `allowClosed`) are refused; a
 * case past its deadline is allowed, with a warning, since late letters may still help.
 */
export function caseLetterCheck(definition: CaseDefinition, today: Date, allowClosed: boolean): CaseLetterCheck {
  if (!definition.officials.length || !definition.letter) {
    return {
      refusal: 'no-official',
      error: new RefusalError(`${caseDisplayId(definition)} has no official to write to.`, {
        details: definition.petition ? [`It is a petition addressed to ${definition.petition.addressed_to.join(', ')}.`] : [],
        hint: `See what it asks with: appeal show ${definition.id}`,
      }),
    };
  }
  const state = caseState(definition, today);
  if (state === 'closed' && !allowClosed) {
    return {
      refusal: 'closed',
      error: new RefusalError(`${caseDisplayId(definition)} is closed: no further action is requested.`, {
        hint: 'Add --allow-closed to make its letters all the same.',
      }),
    };
  }
  if (state === 'expired') {
    return { warning: `the deadline of ${caseDisplayId(definition)} (${definition.deadline}) has passed. Letters may still help: check with the Amnesty office in your country before sending.` };
  }
  return {};
}

/** `caseLetterCheck`, throwing its refusal: for commands that make letters for one named case. */
export function checkCaseTakesLetters(definition: CaseDefinition, today: Date, allowClosed: boolean): { warning?: string } {
  const check = caseLetterCheck(definition, today, allowClosed);
  if (check.refusal) throw check.error;
  return { warning: check.warning };
}
