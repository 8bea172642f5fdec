import { UsageError } from '../errors/app-error';
import { emailAddressProblem } from '../text/email-address';
import { normalizePersonText, personTextProblem, PERSON_TEXT_LIMITS } from '../text/person-name';
import type { Profile } from './profile';

/**
 * The sender's details as a person types them (flags, environment, answers): the one check of a
 * one-line value that `write`, `sent` and `init` share.
 */

/**
 * What is wrong with a one-line value ("contains a tab (U+0009)", "is 10,000 characters long;
 * at most 150 fit on a letter", "is empty"), or undefined. Names are the default length.
 */
export function oneLineProblem(value: string, maxCharacters: number = PERSON_TEXT_LIMITS.name): string | undefined {
  const problem = personTextProblem(value, maxCharacters);
  if (problem) return problem;
  return value.trim() ? undefined : 'is empty';
}

/**
 * A one-line value from `source` (a flag, a variable, the profile), trimmed; refused with the
 * source's name when it is not one line. `hint` replaces the usual advice, for a source that
 * needs its own.
 */
export function checkOneLine(value: string | undefined, source: string, hint?: string, maxCharacters: number = PERSON_TEXT_LIMITS.name): string | undefined {
  if (value === undefined) return undefined;
  // One form for every name (NFC, no zero-width characters), so the report counts one member.
  const trimmed = normalizePersonText(value);
  const problem = oneLineProblem(trimmed, maxCharacters);
  if (problem) throw new UsageError(`${source} ${problem}.`, { hint: hint ?? (problem === 'is empty' ? `Give ${source} a value, or leave the flag out.` : `Give ${source} as one line of plain text.`) });
  return trimmed;
}

/** An email address from `source`, refused when it is not exactly one address. */
export function checkSenderEmail(value: string | undefined, source: string): string | undefined {
  const problem = value === undefined ? undefined : emailAddressProblem(value);
  if (problem) throw new UsageError(`${source} "${value}" ${problem}.`, { hint: `Give ${source === '--email' ? '--email' : 'your address with --email'} as one address, such as anna@example.org.` });
  return value;
}

export interface SenderFlags {
  name?: string;
  address?: string[];
  country?: string;
  email?: string;
}

/** The sender's flags, each checked: the top layer of the settings. */
export function senderFlagSettings(flags: SenderFlags): Pick<Profile, 'name' | 'address' | 'country' | 'email'> {
  return {
    name: checkOneLine(flags.name, '--name'),
    address: checkAddressLines(flags.address),
    country: checkOneLine(flags.country, '--country', undefined, PERSON_TEXT_LIMITS.country),
    email: checkSenderEmail(checkOneLine(flags.email, '--email', undefined, PERSON_TEXT_LIMITS.email), '--email'),
  };
}

function checkAddressLines(lines: readonly string[] | undefined): string[] | undefined {
  if (lines && lines.length > PERSON_TEXT_LIMITS.addressLines) {
    throw new UsageError(`--address is given ${lines.length} times; an address has at most ${PERSON_TEXT_LIMITS.addressLines} lines.`, { hint: 'Give one --address per line of your postal address.' });
  }
  return lines?.map((line) => checkOneLine(line, '--address', undefined, PERSON_TEXT_LIMITS.addressLine)!);
}

/** Where a setting came from, for a message: the flag, the environment variable, or the profile. */
export function settingSource(flag: string, flagGiven: boolean, variable: string, env: NodeJS.ProcessEnv, inProfile: string): string {
  return flagGiven ? flag : env[variable] ? variable : inProfile;
}

/** A postal address typed on one line, its lines separated by "|" ("12 Harbour Lane | Bristol BS1 4DJ"). */
export function splitAddressLine(text: string): string[] {
  return text.split('|').map((line) => normalizePersonText(line)).filter(Boolean);
}

/** What is wrong with an address typed that way, or undefined. */
export function typedAddressProblem(text: string): string | undefined {
  const lines = splitAddressLine(text);
  if (!lines.length) return 'is empty';
  if (lines.length > PERSON_TEXT_LIMITS.addressLines) return `has ${lines.length} lines; at most ${PERSON_TEXT_LIMITS.addressLines} fit on a letter`;
  for (const line of lines) {
    const problem = oneLineProblem(line, PERSON_TEXT_LIMITS.addressLine);
    if (problem) return `line "${line.slice(0, 40)}" ${problem}`;
  }
  return undefined;
}
