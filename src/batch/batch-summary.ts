import { relative } from 'node:path';
import type { CaseRecord } from '../cases/case-library';
import { caseDisplayId } from '../cases/case-summary';
import { describeOfficial } from '../cases/official-reach';
import { describeLanguage } from '../letters/letter-language';
import type { BatchResult } from '../pdf/batch-pdf';
import { ENVELOPES, LABEL_SHEETS } from '../pdf/envelope-layout';
import { describeCharacter } from '../pdf/letter-font';
import type { GroupProfile } from '../profile/sender';
import type { MembersWithReturnAddress } from '../signers/return-addresses';
import { PAPER_LAYOUTS } from '../pdf/paper';
import type { PaperSize } from '../profile/profile';
import type { Signer } from '../signers/read-signers';
import { describeLeftOut, type LeftOut, type OfficialPlan } from './plan-batch';
import { withThousands } from '../text/thousands';

export interface BatchSummaryInput {
  out: string;
  paper: PaperSize;
  duplex: boolean;
  result: BatchResult;
  plans: readonly OfficialPlan[];
  leftOut: readonly LeftOut[];
  signers: readonly Signer[] | undefined;
  blank: number | undefined;
  cwd: string;
  /** Whose letters carry the group's return address, and whose carry none. */
  members?: MembersWithReturnAddress;
  group?: GroupProfile;
  /** --signers, as typed, for the lines of members who sign by hand. */
  signersFile?: string;
  /** --label-start, when labels start part-way into the first sheet. */
  labelStart?: number;
  /** false for --preview or --no-log: the letters were not recorded. */
  recorded?: boolean;
  /** Letters per language, most first. */
  languages: readonly [string, number][];
}

/** What the coordinator needs at the meeting: what is in the PDF, in its order, and what is not. */
export function batchSummary(input: BatchSummaryInput): string {
  const { out, paper, duplex, result, plans, leftOut, signers, blank, cwd, languages } = input;
  const letters = plans.reduce((sum, plan) => sum + plan.letters, 0);
  const paperName = PAPER_LAYOUTS[paper].label;
  const letterSheets = duplex ? (result.letterPages + result.blankPages) / 2 : result.letterPages;
  const shown = relative(cwd, out) && !relative(cwd, out).startsWith('..') ? relative(cwd, out) : out;
  const lines = [`Wrote ${out}`, ''];
  lines.push(`${count(letters, 'letter')} on ${count(letterSheets, `sheet`)} of ${paperName}${duplex ? ' (printed on both sides, each letter starting on a new sheet)' : ''}, ${count(result.pages, 'page')} in all.`);
  lines.push('Letters by case and official, in the order of the PDF (stack each into its envelopes):');
  let lastCase: CaseRecord | undefined;
  for (const plan of plans) {
    if (plan.record !== lastCase) {
      lines.push(`  ${caseDisplayId(plan.record.definition)}${plan.record.definition.ua_number ? ` (${plan.record.definition.id})` : ''}`);
      lastCase = plan.record;
    }
    lines.push(`    ${String(plan.letters).padStart(4)}  ${plan.number}. ${describeOfficial(plan.official)}`);
  }
  if (signers) {
    lines.push(`Signers: ${count(signers.length, 'member')}, ${count(plans.length, 'letter')} each to sign.`);
    lines.push(...returnAddressLines(input), ...handSignedLines(input));
  } else {
    lines.push(`Blank letters: ${blank} for each official, with empty signature blocks to sign and address by hand.`);
  }
  lines.push(`Languages: ${languages.map(([language, n], index) => `${index === 0 ? count(n, 'letter') : withThousands(n)} in ${describeLanguage(language)}`).join(', ')}.`);
  if (result.envelopes) lines.push(`Envelopes: ${count(result.envelopes, `${ENVELOPES[paper].label} envelope page`)} after the letters, in the same order.`);
  if (result.labelSheets) {
    const from = input.labelStart && input.labelStart > 1 ? `, from label ${input.labelStart} of the first sheet` : '';
    lines.push(`Labels: ${count(letters, 'address')} on ${count(result.labelSheets, `sheet`)} of ${LABEL_SHEETS[paper].label} labels${from}, in the same order.`);
  }
  // Letters, envelopes and labels go on different paper: say where each starts.
  if (result.sections.length > 1) lines.push(`Pages: ${result.sections.map((section) => `${section.what} ${section.first}${section.last > section.first ? `–${section.last}` : ''}`).join(', ')} (change the paper in the printer between them).`);
  if (input.recorded === false) lines.push('Not recorded in the action log (--preview): run the batch without it to count these letters.');
  if (leftOut.length) {
    lines.push('Left out (no printed letter):');
    for (const item of leftOut) lines.push(`  ${describeLeftOut(item)}`);
  }
  lines.push(`Print ${shown}, sign, fold and stuff the envelopes in order.`);
  return `${lines.join('\n')}\n`;
}

/** Whose letters carry the group's return address, and whose carry none at all (and how to give them one). */
function returnAddressLines({ members, group, signersFile }: BatchSummaryInput): string[] {
  const lines: string[] = [];
  if (members?.fromGroup.length && group) lines.push(`Return address: the group’s (${[group.name, ...group.address].join(', ')}) on the letters of ${members.fromGroup.join(', ')}, who gave none.`);
  if (members?.without.length) lines.push(`No return address on the letters of ${members.without.join(', ')}: add their addresses to ${signersFile}, or the group’s to your profile with appeal init --group-name NAME --group-address LINE.`);
  return lines;
}

/** The members no font here can show, with their line in the signers' file and the characters. */
function handSignedLines({ result, signers, signersFile }: BatchSummaryInput): string[] {
  if (!result.handSigned.length) return [];
  const lines = [`To sign by hand: no font here has every character of ${result.handSigned.length === 1 ? 'this member’s' : 'these members’'} name or address, so their letters have empty lines to sign and to write the name and address:`];
  for (const member of result.handSigned) {
    const line = signers?.find((signer) => signer.name === member.name)?.line;
    lines.push(`  ${member.name}${line ? ` (${signersFile}:${line})` : ''}: ${member.characters.map(describeCharacter).join(', ')}`);
  }
  lines.push('  (A font that has them, given with --font FILE or installed on this computer, prints their names.)');
  return lines;
}

function count(n: number, noun: string): string {
  return `${withThousands(n)} ${noun}${n === 1 ? '' : noun.endsWith('s') ? 'es' : 's'}`;
}
