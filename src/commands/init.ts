import { profileFile } from '../profile/app-paths';
import { PAPER_SIZES, readProfile, type PaperSize } from '../profile/profile';
import { profileSchema, type Profile } from '../profile/profile-file';
import { saveProfile } from '../profile/save-profile';
import { createAsker } from '../prompts/ask';
import { UsageError } from '../errors/app-error';
import { emailAddressProblem } from '../text/email-address';
import { oneLineProblem } from '../profile/sender-input';
import type { CommandContext } from './command-context';

export interface InitOptions {
  name?: string;
  address?: string[];
  country?: string;
  email?: string;
  paper?: string;
  language?: string;
  groupName?: string;
  groupAddress?: string[];
  groupCountry?: string;
  yes?: boolean;
}

/** A typed answer may be left empty (the detail is optional); otherwise it must be one line. */
const oneLine = (value: string) => {
  const problem = oneLineProblem(value);
  return problem && problem !== 'is empty' ? `This ${problem}.` : true;
};

/**
 * Asks for the sender's details once and keeps them in the profile. Flags answer the questions;
 * with --yes (or no terminal) only the flags and the current profile are used.
 */
export async function initCommand(context: CommandContext, options: InitOptions): Promise<void> {
  const file = profileFile(context.env);
  const current = await readProfile(file);
  const asker = createAsker(context, options.yes);
  const ask = async (value: string | undefined, fallback: string | undefined, message: string, flag: string, validate?: (v: string) => string | true) => {
    const required = !message.includes('(optional)');
    if (value !== undefined) return value.trim() || undefined;
    if (!asker.interactive) return fallback;
    const answer = await asker.text({ message, flag, default: fallback, required, validate: (v) => (v.trim() === '' ? true : (validate ?? oneLine)(v)) });
    return answer.trim() || undefined;
  };

  const name = await ask(options.name, current.name, 'Your name, as you sign letters:', '--name');
  if (!name) throw new UsageError('A profile needs your name.', { hint: 'Give it with --name.' });
  const addressText = await ask(options.address?.join(' | '), current.address?.join(' | '), 'Your postal address, lines separated by "|" (optional):', '--address');
  const country = await ask(options.country, current.country, 'Your country (optional):', '--country');
  const email = await ask(options.email, current.email, 'Your email address (optional):', '--email', (v) => {
    const problem = emailAddressProblem(v.trim());
    return problem ? `That address ${problem}.` : true;
  });
  let paper = (options.paper?.toLowerCase() ?? current.paper) as PaperSize | undefined;
  if (options.paper === undefined && asker.interactive) {
    paper = await asker.select({ message: 'Paper size:', flag: '--paper', choices: PAPER_SIZES.map((size) => ({ name: size === 'a4' ? 'A4' : 'US Letter', value: size })), default: current.paper ?? 'a4' });
  }
  const language = await ask(options.language, current.language ?? 'en', 'Language you read (e.g. en, de, fr; a letter itself follows its case’s language):', '--language');

  const profile: Profile = {
    ...current,
    name,
    address: addressText ? addressText.split('|').map((line) => line.trim()).filter(Boolean) : undefined,
    country,
    email,
    paper: paper ?? 'a4',
    language,
    group: groupFrom(options, current.group, country),
  };
  const checked = profileSchema.safeParse(profile);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new UsageError(`--${String(issue.path[0])}: ${issue.message}`, { hint: `Correct --${String(issue.path[0])} and run "appeal init" again.` });
  }
  if (options.groupAddress && !profile.group?.name) throw new UsageError('--group-address needs the group’s name too.', { hint: 'Add --group-name "Amnesty Bristol Group" (the first line of the return address).' });
  saveProfile(file, checked.data);
  context.stdout.write(`Saved your profile in ${file}\n`);
}

/** The group's name and return address: from the flags, else as the profile had them. */
function groupFrom(options: InitOptions, current: Profile['group'], country: string | undefined): Profile['group'] {
  if (options.groupName === undefined && options.groupAddress === undefined) return current;
  const name = options.groupName?.trim() ?? current?.name;
  const address = options.groupAddress?.map((line) => line.trim()).filter(Boolean) ?? current?.address;
  if (!name) return undefined;
  if (!address?.length) throw new UsageError('--group-name needs the group’s return address too.', { hint: 'Add --group-address LINE for each line, e.g. --group-address "1 Church Street" --group-address "Bristol BS1 1AA".' });
  return { name, address, country: options.groupCountry?.trim() || current?.country || country };
}
