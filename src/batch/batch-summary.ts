import { relative } from 'node:path';
import type { CaseRecord } from '../cases/case-library';
import { caseDisplayId } from '../cases/case-summary';
import { describeOfficial } from '../cases/official-reach';
import { describeLanguage } from '../letters/letter-language';
import type { BatchResult } from '../pdf/batch-pdf';
import { ENVELOPES, LABELS_PER_SHEET } from '../pdf/envelope-layout';
import { PAPER_LAYOUTS } from '../pdf/paper';
import type { PaperSize } from '../profile/profile';
import type { Signer } from '../signers/read-signers';
import { describeLeftOut, type LeftOut, type OfficialPlan } from './plan-batch';

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
  /** Letters per language, most first. */
  languages: readonly [string, number][];
}

/** What the coordinator needs at the meeting: what is in the PDF, in its order, and what is not. */
export function batchSummary({ out, paper, duplex, result, plans, leftOut, signers, blank, cwd, languages }: BatchSummaryInput): string {
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
  } else {
    lines.push(`Blank letters: ${blank} for each official, with empty signature blocks to sign and address by hand.`);
  }
  lines.push(`Languages: ${languages.map(([language, n], index) => `${index === 0 ? count(n, 'letter') : n.toLocaleString('en')} in ${describeLanguage(language)}`).join(', ')}.`);
  if (result.envelopes) lines.push(`Envelopes: ${count(result.envelopes, `${ENVELOPES[paper].label} envelope page`)} after the letters, in the same order.`);
  if (result.labelSheets) lines.push(`Labels: ${count(letters, 'address')} on ${count(result.labelSheets, `sheet`)} of ${LABELS_PER_SHEET} labels (A4, 3 × 7) after the letters, in the same order.`);
  if (leftOut.length) {
    lines.push('Left out (no printed letter):');
    for (const item of leftOut) lines.push(`  ${describeLeftOut(item)}`);
  }
  lines.push(`Print ${shown}, sign, fold and stuff the envelopes in order.`);
  return `${lines.join('\n')}\n`;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : noun.endsWith('s') ? 'es' : 's'}`;
}
