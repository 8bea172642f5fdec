import type { CaseDefinition, Official } from './case-schema';
import { caseDisplayId } from './case-summary';
import { takesPost } from '../addresses/postal-address';
import { AppError, ExitCode } from '../errors/app-error';

/** Why a printed letter cannot go to this official, in the document's words when it gives them. */
export function noPostReason(official: Official): string {
  if (official.post === false) return official.post_note ?? 'the document asks not to send post to this official';
  return 'the document gives no postal address';
}

export function describeOfficial(official: Official): string {
  return `${official.name}${official.title ? `, ${official.title}` : official.organisation ? `, ${official.organisation}` : ''}`;
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
  throw new AppError(`No printed letter: ${who} no post.`, {
    exitCode: ExitCode.failure,
    details,
    hint: takers.length
      ? `Write to ${takers.length === 1 ? 'that official' : 'one of them'} with --target ${takers[0]!.official.id}, or see other ways to reach them with: appeal show ${definition.id}`
      : `See other ways to reach them with: appeal show ${definition.id}`,
  });
}
