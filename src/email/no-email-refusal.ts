import type { CaseDefinition, Official } from '../cases/case-schema';
import { caseDisplayId } from '../cases/case-summary';
import { takesPost } from '../addresses/postal-address';
import { joinNames } from '../letters/letter-context';
import { AppError, ExitCode } from '../errors/app-error';

/** The ways other than email to reach an official, spelt out: "fax +7495 987 58 41". */
export function otherWaysToReach(official: Official): string[] {
  const ways: string[] = [];
  if (takesPost(official)) ways.push(`post to ${official.address!.join(', ')}${official.country ? `, ${official.country}` : ''}`);
  if (official.fax?.length) ways.push(`fax ${official.fax.join(' or ')}`);
  if (official.phone?.length) ways.push(`phone ${official.phone.join(' or ')}`);
  if (official.twitter) ways.push(`Twitter ${official.twitter}`);
  if (official.facebook) ways.push(`Facebook ${official.facebook}`);
  if (official.instagram) ways.push(`Instagram ${official.instagram}`);
  return ways;
}

function targetLabel(definition: CaseDefinition, official: Official): string {
  return `${official.name} (--target ${definition.officials.indexOf(official) + 1})`;
}

/**
 * The plain refusal when an email is asked for officials who take none: who they are, why
 * (none given, or hidden in the document), how else to reach each, and who in the case does
 * take email.
 */
export function noEmailRefusal(definition: CaseDefinition, withoutEmail: readonly Official[], nothingMade = 'No email draft was written'): AppError {
  const caseId = caseDisplayId(definition);
  const details: string[] = [];
  for (const official of withoutEmail) {
    const why = official.email_hidden ? 'the document hid the address ("[email protected]")' : 'the case gives no email address';
    const ways = otherWaysToReach(official);
    details.push(`${targetLabel(definition, official)}: ${why}; ${ways.length ? `other ways to reach: ${ways.join('; ')}` : 'the case gives no other way to reach this official'}.`);
  }
  const emailTakers = definition.officials.filter((official) => official.email?.length);
  details.push(
    emailTakers.length
      ? `In ${caseId}, email goes to: ${emailTakers.map((official) => targetLabel(definition, official)).join(', ')}.`
      : `Nobody in ${caseId} takes email.`,
  );
  const hints: string[] = [];
  if (emailTakers.length) {
    hints.push(`For an email draft, choose ${emailTakers.map((official) => `--target ${definition.officials.indexOf(official) + 1}`).join(' or ')}.`);
  }
  const byPost = withoutEmail.filter(takesPost);
  if (byPost.length) {
    hints.push(`For a letter to print and post: appeal write ${definition.id} ${byPost.map((official) => `--target ${definition.officials.indexOf(official) + 1}`).join(' ')} --format pdf`);
  }
  if (!hints.length) hints.push('Reach them one of the other ways above.');
  return new AppError(`${nothingMade}: ${caseId} gives no email address for ${joinNames(withoutEmail.map((official) => official.name))}.`, {
    exitCode: ExitCode.failure,
    details,
    hint: hints.join('\n'),
  });
}
