import type { Official } from '../cases/case-schema';
import { noEmailReason } from '../cases/official-reach';
import type { Profile } from '../profile/profile';
import { profileFile } from '../profile/app-paths';
import { readProfile } from '../profile/profile';
import type { Sender } from '../profile/sender';
import { checkOneLine, checkSenderEmail, settingSource } from '../profile/sender-input';
import { mixedScriptWarning } from '../text/person-name';
import type { FileFormat } from '../write/plan-write';
import type { Asker } from '../prompts/ask';
import { askSenderEmail, askSenderName } from '../prompts/ask-sender';
import { askCountry, askPostalAddress, askSaveDetails } from '../prompts/ask-write';
import type { CommandContext } from './command-context';

export interface SenderRequest {
  /** The settings: profile, environment and flags. */
  settings: Profile;
  /** Whether --email was given, to name where a bad address came from. */
  emailFlag: boolean;
  officials: readonly Official[];
  fileFormats: readonly FileFormat[];
  /** `appeal write` with no case: a printed letter's return address is asked when none is known. */
  guided: boolean;
}

/**
 * The person who signs, from the settings, with what is missing asked at the terminal; `typed`
 * holds the answers typed, which may be kept in the profile for next time.
 */
export async function senderDetails(context: CommandContext, asker: Asker, request: SenderRequest): Promise<{ sender: Sender; typed: Profile }> {
  const { settings } = request;
  const typed: Profile = {};
  const name = settings.name ?? (typed.name = await askSenderName(asker, 'Your name, as you sign letters:', '--name'));
  const mixedScripts = mixedScriptWarning(name);
  if (mixedScripts) context.stderr.write(`warning: ${mixedScripts}\n`);
  let email = settings.email;
  if (request.fileFormats.includes('email') && request.officials.some((official) => !noEmailReason(official))) {
    if (email === undefined) email = typed.email = await askSenderEmail(asker, 'Your email address, for the From line of the drafts:');
    else {
      const source = settingSource('--email', request.emailFlag, 'APPEAL_EMAIL', context.env, 'the email in your profile');
      email = checkSenderEmail(checkOneLine(email, source), source);
    }
  }
  let { address, country } = settings;
  // A letter sent by post without a return address cannot be answered or sent back.
  if (request.guided && request.fileFormats.includes('pdf') && !address?.length) {
    address = typed.address = await askPostalAddress(asker);
    if (!country) country = typed.country = await askCountry(asker);
  }
  return { sender: { name, address, country, email }, typed };
}

/** Offers to keep the details just typed in the profile (made when there is none), so the next letter asks none of them. */
export async function offerToSave(context: CommandContext, asker: Asker, typed: Profile, stdoutTaken: boolean): Promise<void> {
  const what = [typed.name && 'name', typed.address && 'address', typed.email && 'email address'].filter((part): part is string => Boolean(part));
  if (!what.length || !(await askSaveDetails(asker, what))) return;
  const file = profileFile(context.env);
  const { saveProfile } = await import('../profile/save-profile');
  saveProfile(file, { ...(await readProfile(file)), ...JSON.parse(JSON.stringify(typed)) });
  // With --stdout, standard output holds only the letter.
  (stdoutTaken ? context.stderr : context.stdout).write(`Saved your ${what.join(', ').replace(/, ([^,]*)$/, ' and $1')} in ${file} (change them with: appeal init)\n`);
}
