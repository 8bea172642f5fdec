import type { CaseDefinition, Official } from './case-schema';
import { caseDisplayId } from './case-summary';
import { takesPost } from '../addresses/postal-address';
import { RefusalError } from '../errors/app-error';
import { joinNames } from '../text/join-names';

/**
 * How an official can be reached: which kinds of letter they take, why not when they take none,
 * and the other ways the case gives. Every command that refuses a letter says it from here.
 */

/** Why a printed letter cannot go to this official, in the document's words when it gives them. */
export function noPostReason(official: Official): string {
  if (official.post === false) return official.post_note ?? 'the document asks not to send post to this official';
  return 'the document gives no postal address';
}

/** Why an email cannot go to this official, or undefined when it can. */
export function noEmailReason(official: Official): string | undefined {
  if (official.email?.length) return undefined;
  return official.email_hidden ? 'the document hid the address' : 'the case gives no email address';
}

/** Why this kind of letter cannot reach the official, or undefined when it can; a text letter always can. */
export function unreachableReason(official: Official, format: 'text' | 'email' | 'pdf'): string | undefined {
  if (format === 'email') return noEmailReason(official);
  if (format === 'pdf') return takesPost(official) ? undefined : noPostReason(official);
  return undefined;
}

export function describeOfficial(official: Official): string {
  return `${official.name}${official.title ? `, ${official.title}` : official.organisation ? `, ${official.organisation}` : ''}`;
}

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

/**
 * Refuses printed letters to officials who take no post, and names those in the case who do, so
 * the person knows where a printed letter can go instead.
 */
export function assertTakePost(definition: CaseDefinition, officials: readonly Official[]): void {
  const refused = officials.filter((official) => !takesPost(official));
  if (!refused.length) return;
  const takers = definition.officials.map((official, index) => ({ official, number: index + 1 })).filter(({ official }) => takesPost(official));
  const details = refused.map((official) => `${describeOfficial(official)}: ${noPostReason(official)}.`);
  if (takers.length) {
    details.push(`In ${caseDisplayId(definition)}, printed letters go to:`);
    for (const { official, number } of takers) details.push(`  ${number}. ${describeOfficial(official)} (--target ${official.id})`);
  } else {
    details.push(`No official in ${caseDisplayId(definition)} takes post.`);
  }
  const who = refused.length === 1 ? `${refused[0]!.name} takes` : `${refused.length} of the officials you chose take`;
  throw new RefusalError(`No printed letter: ${who} no post.`, {
    details,
    hint: takers.length
      ? `Write to ${takers.length === 1 ? 'that official' : 'one of them'} with --target ${takers[0]!.official.id}, or see other ways to reach them with: appeal show ${definition.id}`
      : `See other ways to reach them with: appeal show ${definition.id}`,
  });
}

function targetLabel(definition: CaseDefinition, official: Official): string {
  return `${official.name} (--target ${definition.officials.indexOf(official) + 1})`;
}

/**
 * The plain refusal when an email is asked for officials who take none: who they are, why
 * (none given, or hidden in the document), how else to reach each, and who in the case does
 * take email.
 */
export function noEmailRefusal(definition: CaseDefinition, withoutEmail: readonly Official[], nothingMade = 'No email draft was written'): RefusalError {
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
    hints.push(`For a letter to print and post: appeal write ${definition.id} ${byPost.map((official) => `--target ${definition.officials.indexOf(official) + 1}`).join(' ')} --format text`);
  }
  if (!hints.length) hints.push('Reach them one of the other ways above.');
  return new RefusalError(`${nothingMade}: ${caseId} gives no email address for ${joinNames(withoutEmail.map((official) => official.name))}.`, {
    details,
    hint: hints.join('\n'),
  });
}
