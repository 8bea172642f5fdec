import { UsageError } from '../errors/app-error';
import { emailAddressProblem } from '../text/email-address';
import { findUnsafeCharacter } from '../text/plain-text';
import type { Profile } from './profile';

/**
 * The sender's details as a person types them (flags, environment, answers): the one check of a
 * one-line value that `write`, `sent` and `init` share.
 */

/** What is wrong with a one-line value ("contains a tab (U+0009)", "is empty"), or undefined. */
export function oneLineProblem(value: string): string | undefined {
  const unsafe = findUnsafeCharacter(value);
  if (unsafe) return `contains ${unsafe}`;
  return value.trim() ? undefined : 'is empty';
}

/**
 * A one-line value from `source` (a flag, a variable, the profile), trimmed; refused with the
 * source's name when it is not one line. `hint` replaces the usual advice, for a source that
 * needs its own.
 */
export function checkOneLine(value: string | undefined, source: string, hint?: string): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const problem = oneLineProblem(trimmed);
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
    address: flags.address?.map((line) => checkOneLine(line, '--address')!),
    country: checkOneLine(flags.country, '--country'),
    email: checkSenderEmail(checkOneLine(flags.email, '--email'), '--email'),
  };
}

/** Where a setting came from, for a message: the flag, the environment variable, or the profile. */
export function settingSource(flag: string, flagGiven: boolean, variable: string, env: NodeJS.ProcessEnv, inProfile: string): string {
  return flagGiven ? flag : env[variable] ? variable : inProfile;
}
