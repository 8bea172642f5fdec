import type { DatedCase } from '../cases/case-order';
import type { CaseRecord } from '../cases/case-library';
import { caseDisplayId } from '../cases/case-summary';
import type { FileFormat } from '../write/plan-write';
import { oneLineProblem, splitAddressLine, typedAddressProblem } from '../profile/sender-input';
import { normalizePersonText, PERSON_TEXT_LIMITS } from '../text/person-name';
import type { Asker } from './ask';

/**
 * The questions of `appeal write` with no case: which case, which format, and the details a
 * posted letter needs. Each names the flag that answers it, for when there is no terminal.
 */

/** One case to choose, the first (nearest deadline) chosen unless another is. */
export async function askCase(asker: Asker, cases: readonly DatedCase[]): Promise<CaseRecord> {
  return asker.select({
    message: 'Which case do you write about? (nearest deadline first)',
    flag: 'the case (a UA number, case id or part of a name)',
    choices: cases.map((item) => {
      const { definition } = item.record;
      const people = definition.people.map((person) => person.name).join(', ');
      return { name: `${caseDisplayId(definition)}  ${people ? `${people} ` : ''}(${timeLeft(item)}): ${definition.title}`, value: item.record };
    }),
    default: cases[0]?.record,
  });
}

function timeLeft({ daysLeft, probablyOver }: DatedCase): string {
  if (probablyOver) return 'probably over: check before writing';
  if (daysLeft === null) return 'no deadline';
  return daysLeft === 0 ? 'deadline today' : `${daysLeft} day${daysLeft === 1 ? '' : 's'} left`;
}

const FORMAT_NAMES: Record<FileFormat, string> = {
  pdf: 'PDF: a letter to print, sign and post',
  email: 'Email: a draft to open in your mail program and send',
  text: 'Text: a plain letter to copy wherever you like',
};

/** The format, among those the chosen officials take (`choices`, the best first, which is the default). */
export async function askFormat(asker: Asker, choices: readonly FileFormat[]): Promise<FileFormat> {
  return asker.select({
    message: 'What do you want to make?',
    flag: '--format',
    choices: choices.map((format) => ({ name: FORMAT_NAMES[format], value: format })),
    default: choices[0],
  });
}

/** The sender's postal address for the return address, typed on one line. */
export async function askPostalAddress(asker: Asker): Promise<string[]> {
  const answer = await asker.text({
    message: 'Your postal address for the letter, lines separated by "|":',
    flag: '--address',
    validate: (value) => {
      const problem = typedAddressProblem(value);
      if (problem === 'is empty') return 'Please type your address, e.g. 12 Harbour Lane | Bristol BS1 4DJ.';
      return problem ? `The address ${problem}.` : true;
    },
  });
  return splitAddressLine(answer);
}

/** The sender's country, which a letter posted abroad needs under the address; may be left empty. */
export async function askCountry(asker: Asker): Promise<string | undefined> {
  const answer = await asker.text({
    message: 'Your country (Enter to leave it out):',
    flag: '--country',
    required: false,
    validate: (value) => {
      const problem = oneLineProblem(normalizePersonText(value), PERSON_TEXT_LIMITS.country);
      return problem && problem !== 'is empty' ? `The country ${problem}.` : true;
    },
  });
  return normalizePersonText(answer) || undefined;
}

/** Whether to keep what was just typed in the profile, so the next letter asks none of it. */
export async function askSaveDetails(asker: Asker, what: readonly string[]): Promise<boolean> {
  return asker.confirm({ message: `Save your ${what.join(', ').replace(/, ([^,]*)$/, ' and $1')} for next time?`, flag: '--yes', default: true });
}
