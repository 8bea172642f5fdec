import { unlinkSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { CaseRecord } from '../cases/case-library';
import type { Official } from '../cases/case-schema';
import { caseDisplayId, caseState, probablyOverReason } from '../cases/case-summary';
import { findCase } from '../cases/find-case';
import { checkCaseTakesLetters } from '../cases/case-for-letters';
import { describeOfficial, noPostReason } from '../cases/post-targets';
import { resolveTargets } from '../cases/resolve-targets';
import { takesPost } from '../addresses/postal-address';
import { channelForFormat, recordLetters, type LetterMade } from '../action-log/record-letters';
import { AppError, ExitCode, UsageError } from '../errors/app-error';
import { buildLetter, buildSignature, letterTextNamesSender } from '../letters/letter';
import { assertCanWrite, commitTempFile, ensureOutputDir, tempPathFor, writeError } from '../output/write-output-file';
import type { BatchChunk, BatchResult } from '../pdf/batch-pdf';
import { describeCharacter } from '../pdf/letter-font';
import { ENVELOPES, LABEL_SHEETS, labelsPerSheet } from '../pdf/envelope-layout';
import { BLANK_LABELS, personalContentOf, sharedContentOf, sharedTexts, type PersonalContent, type SharedLetterContent } from '../pdf/letter-layout';
import { PAPER_LAYOUTS } from '../pdf/paper';
import type { PdfEngine } from '../pdf/pdf-engine';
import { mergeSettings, type PaperSize, type Profile } from '../profile/profile';
import type { Sender } from '../profile/sender';
import { readSigners, type Signer } from '../signers/read-signers';
import { giveReturnAddresses, type MembersWithReturnAddress } from '../signers/return-addresses';
import type { GroupProfile } from '../profile/sender';
import { localDateKey } from '../time/clock';
import { fontRequestFrom } from '../fonts/font-request';
import { loadSettings, openCaseLibrary, warnAboutProblems, type CaseSourceFlags, type CommandContext } from './command-context';

export interface BatchOptions extends CaseSourceFlags {
  open?: boolean;
  signers?: string;
  blank?: string;
  target?: string[];
  out?: string;
  paper?: string;
  font?: string[];
  force?: boolean;
  duplex?: boolean;
  envelopes?: boolean;
  labels?: boolean;
  labelStart?: string;
  allowClosed?: boolean;
}

/** Letters sent to the PDF worker at a time. */
const CHUNK_LETTERS = 50;
/** Batches this big or bigger show a progress bar at a terminal. */
const PROGRESS_FROM = 100;
const MAX_BLANK = 500;

/** One official of one case who gets letters, or is left out and why. */
interface OfficialPlan {
  record: CaseRecord;
  official: Official;
  number: number;
  letters: number;
}
interface LeftOut {
  record: CaseRecord;
  official?: Official;
  reason: string;
}

/**
 * Meeting mode: one PDF with every letter the members sign (each member × each official who
 * takes post × each case), grouped by official in mailing order, then a summary. `pdfEngine` is a
 * PDF worker the command line started early.
 */
export async function batchCommand(context: CommandContext, queries: readonly string[], options: BatchOptions, pdfEngine?: PdfEngine): Promise<void> {
  if (queries.length && options.open) throw new UsageError('Give cases or --open, not both.', { hint: 'appeal batch 150.19 miftakhov --signers members.csv, or appeal batch --open --signers members.csv' });
  if (!queries.length && !options.open) throw new UsageError('Which cases? Name them, or give --open for every open case.', { hint: 'For example: appeal batch 150.19 miftakhov --signers members.csv' });
  if (options.signers !== undefined && options.blank !== undefined) throw new UsageError('Give --signers or --blank, not both.', { hint: '--signers FILE prints each member’s name; --blank N leaves the signature blocks empty.' });
  if (options.signers === undefined && options.blank === undefined) throw new UsageError('Who signs? Give --signers FILE (a CSV or YAML list of members) or --blank N (letters to sign by hand).', { hint: 'For example: appeal batch 150.19 --signers members.csv' });
  const blank = options.blank === undefined ? undefined : blankCount(options.blank);

  const settings = mergeSettings<Profile>(loadSettings(context), { paper: options.paper as PaperSize | undefined });
  const paper: PaperSize = settings.paper ?? 'a4';
  const library = openCaseLibrary(context, options, settings);
  warnAboutProblems(context, library);
  const now = context.clock.now();
  const leftOut: LeftOut[] = [];
  const records = chooseCases(context, library.cases, queries, options, now, leftOut);

  const members = options.signers === undefined ? undefined : giveReturnAddresses(loadSigners(context, options.signers), settings.group);
  const signers: Signer[] | undefined = members?.signers;
  const signerCount = signers?.length ?? blank!;

  const plans: OfficialPlan[] = [];
  for (const record of records) {
    const { officials } = record.definition;
    let chosen: Official[];
    try {
      chosen = options.target?.length ? resolveTargets(officials, options.target) : [...officials];
    } catch (error) {
      if (error instanceof UsageError) throw new UsageError(`${caseDisplayId(record.definition)}: ${error.message}`, { details: error.details, hint: error.hint });
      throw error;
    }
    for (const official of chosen) {
      if (takesPost(official)) plans.push({ record, official, number: officials.indexOf(official) + 1, letters: signerCount });
      else leftOut.push({ record, official, reason: noPostReason(official) });
    }
  }
  if (!plans.length) {
    throw new AppError('No letters to print: none of the chosen officials takes post.', {
      exitCode: ExitCode.failure,
      details: leftOut.map(describeLeftOut),
      hint: 'See how else to reach them with: appeal show <case>',
    });
  }

  const out = resolve(context.cwd, options.out ?? `letters-${localDateKey(now)}.pdf`);
  assertCanWrite(out, Boolean(options.force));
  ensureOutputDir(dirname(out));
  const temp = tempPathFor(out);
  const engine = pdfEngine ?? (await import('../pdf/pdf-engine')).startPdfEngine();
  const total = plans.length * signerCount;
  const progress = await progressBar(context, total);
  const session = engine.startBatch(
    {
      file: temp,
      paper,
      fonts: fontRequestFrom(options.font, settings.fonts, context.env),
      cwd: context.cwd,
      now,
      title: `Letters to sign: ${records.map((record) => caseDisplayId(record.definition)).join(', ')}`,
      language: records[0]?.definition.letter?.language,
      duplex: Boolean(options.duplex),
      envelopes: Boolean(options.envelopes),
      labels: options.labels ? { start: labelStart(options.labelStart, paper) } : undefined,
    },
    progress?.update,
  );
  let result: BatchResult;
  try {
    // Every letter in mailing order, official by official, each member's letter in turn, sent to
    // the worker in chunks: it lays out one chunk while the next is made here.
    let sharedCount = 0;
    let chunk: BatchChunk = { shared: [], letters: [], fontSources: [{ what: 'the blank signature block', texts: [...BLANK_LABELS] }] };
    for (const plan of plans) {
      // The shared letters of this official so far: usually one, or one per sender country.
      const known: { content: SharedLetterContent; index: number; country: string | undefined }[] = [];
      // A letter whose text names no sender is the same for every member from one country, but
      // for the signature: build it once per country, and only the signature for each member.
      const textNamesSender = letterTextNamesSender(plan.record, library.templates);
      for (let i = 0; i < signerCount; i++) {
        const signer = signers?.[i];
        const sender: Sender = signer ?? { name: '' };
        const reuse = textNamesSender ? undefined : known.find((entry) => entry.country === sender.country);
        let index: number;
        let personal: PersonalContent;
        if (reuse) {
          index = reuse.index;
          personal = signer ? { kind: 'signed', sender: signer, signature: buildSignature(plan.record, plan.official, signer, now, library.templates) } : { kind: 'blank' };
        } else {
          const letter = buildLetter(plan.record, plan.official, sender, now, library.templates);
          const content = sharedContentOf(letter);
          const same = known.find((entry) => sameSharedContent(entry.content, content));
          if (same) index = same.index;
          else {
            index = sharedCount++;
            known.push({ content, index, country: sender.country });
            chunk.shared.push(content);
            chunk.fontSources.push({ what: `the letter of ${caseDisplayId(plan.record.definition)} to ${plan.official.name}`, texts: sharedTexts(content) });
          }
          personal = signer ? personalContentOf(letter) : { kind: 'blank' };
        }
        chunk.letters.push({ shared: index, personal });
        if (chunk.letters.length === CHUNK_LETTERS) {
          await session.add(chunk);
          chunk = { shared: [], letters: [], fontSources: [] };
        }
      }
    }
    if (chunk.letters.length) await session.add(chunk);
    result = await session.finish();
    commitTempFile(temp, out, Boolean(options.force));
  } catch (error) {
    // The worker may still be writing (when the failure was here): stop it before removing the file.
    await session.abort();
    try {
      unlinkSync(temp);
    } catch {
      // never made, or already moved
    }
    // A failure to write the file (a full disk, a folder that cannot be written) names the PDF.
    if (!(error instanceof AppError) && typeof (error as NodeJS.ErrnoException).code === 'string') throw writeError(out, error);
    throw error;
  } finally {
    progress?.stop();
  }

  // Every letter this batch made, one at a time as the action log records them.
  function* lettersMade(): Generator<LetterMade> {
    for (const plan of plans) {
      for (let i = 0; i < signerCount; i++) {
        yield { case: plan.record.definition.id, official: plan.official.id, format: 'pdf', channel: channelForFormat('pdf'), sender: signers?.[i]?.name ?? null, file: out };
      }
    }
  }
  recordLetters(context, lettersMade());
  context.stdout.write(summary({ out, paper, result, plans, leftOut, signers, blank, options, cwd: context.cwd, members, group: settings.group }));
}

function sameSharedContent(a: SharedLetterContent, b: SharedLetterContent): boolean {
  const sameLines = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((line, index) => line === y[index]);
  return a.date === b.date && a.salutation === b.salutation && a.closing === b.closing && sameLines(a.recipientLines, b.recipientLines) && sameLines(a.paragraphs, b.paragraphs);
}

/** --label-start: the first unused label of a part-used sheet, counted row by row from 1. */
function labelStart(value: string | undefined, paper: PaperSize): number {
  if (value === undefined) return 1;
  const perSheet = labelsPerSheet(LABEL_SHEETS[paper]);
  const start = Number(value);
  if (!/^\d+$/.test(value.trim()) || start < 1 || start > perSheet) {
    throw new UsageError(`--label-start ${value}: give the first unused label of the sheet, from 1 to ${perSheet} (${LABEL_SHEETS[paper].label}), counted along the rows.`, { hint: 'For example: --label-start 7 when the first two rows of a 3-column sheet are used.' });
  }
  return start;
}

function blankCount(value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value.trim()) || count < 1 || count > MAX_BLANK) {
    throw new UsageError(`--blank ${value}: give how many blank letters each official gets, from 1 to ${MAX_BLANK}.`, { hint: 'For example: --blank 5' });
  }
  return count;
}

function loadSigners(context: CommandContext, file: string): Signer[] {
  const { signers, warnings } = readSigners(resolve(context.cwd, file), file);
  for (const warning of warnings) context.stderr.write(`warning: ${warning}\n`);
  return signers;
}

/** The named cases (each once, in the order given), or every open case with officials. */
function chooseCases(context: CommandContext, cases: readonly CaseRecord[], queries: readonly string[], options: BatchOptions, now: Date, leftOut: LeftOut[]): CaseRecord[] {
  if (options.open) {
    const open = cases.filter((record) => caseState(record.definition, now) === 'open' && !probablyOverReason(record.definition, now));
    for (const record of cases) {
      const over = caseState(record.definition, now) === 'open' && probablyOverReason(record.definition, now);
      if (over) leftOut.push({ record, reason: `probably over (${over}): check it is still current, then name it to print its letters` });
    }
    for (const record of open) if (!record.definition.officials.length || !record.definition.letter) leftOut.push({ record, reason: 'a petition, with no official to write to' });
    const chosen = open.filter((record) => record.definition.officials.length && record.definition.letter);
    if (!chosen.length) throw new AppError(`No open case has officials to write to on ${localDateKey(now)}.`, { exitCode: ExitCode.failure, hint: 'See the cases with: appeal list --all' });
    return chosen;
  }
  const chosen: CaseRecord[] = [];
  for (const query of queries) {
    const record = findCase(cases, query);
    if (chosen.includes(record)) continue;
    const { definition } = record;
    const { warning } = checkCaseTakesLetters(definition, now, Boolean(options.allowClosed));
    if (warning) context.stderr.write(`warning: ${warning}\n`);
    chosen.push(record);
  }
  return chosen;
}

/** A progress bar on a terminal only: never in a pipe, in CI, or with NO_COLOR set. */
async function progressBar(context: CommandContext, total: number): Promise<{ update: (done: number) => void; stop: () => void } | undefined> {
  const { env, stderr } = context;
  if (total < PROGRESS_FROM || !stderr.isTTY || env.CI || env.NO_COLOR !== undefined || env.TERM === 'dumb') return undefined;
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar({ stream: stderr as NodeJS.WriteStream, format: 'Laying out letters [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}

function describeLeftOut(item: LeftOut): string {
  const where = caseDisplayId(item.record.definition);
  return item.official ? `${where}: ${describeOfficial(item.official)}: takes no post (${item.reason})` : `${where}: ${item.reason}`;
}

interface SummaryInput {
  out: string;
  paper: PaperSize;
  result: BatchResult;
  plans: readonly OfficialPlan[];
  leftOut: readonly LeftOut[];
  signers: readonly Signer[] | undefined;
  members: MembersWithReturnAddress | undefined;
  group: GroupProfile | undefined;
  blank: number | undefined;
  options: BatchOptions;
  cwd: string;
}

/** What the coordinator needs at the meeting: what is in the PDF, in its order, and what is not. */
function summary({ out, paper, result, plans, leftOut, signers, blank, options, cwd, members, group }: SummaryInput): string {
  const letters = plans.reduce((sum, plan) => sum + plan.letters, 0);
  const paperName = PAPER_LAYOUTS[paper].label;
  const letterSheets = options.duplex ? (result.letterPages + result.blankPages) / 2 : result.letterPages;
  const shown = relative(cwd, out) && !relative(cwd, out).startsWith('..') ? relative(cwd, out) : out;
  const lines = [`Wrote ${out}`, ''];
  lines.push(`${count(letters, 'letter')} on ${count(letterSheets, `sheet`)} of ${paperName}${options.duplex ? ' (printed on both sides, each letter starting on a new sheet)' : ''}, ${count(result.pages, 'page')} in all.`);
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
    if (members?.fromGroup.length && group) lines.push(`Return address: the group’s (${[group.name, ...group.address].join(', ')}) on the letters of ${members.fromGroup.join(', ')}, who gave none.`);
    if (members?.without.length) lines.push(`No return address on the letters of ${members.without.join(', ')}: add their addresses to ${options.signers}, or the group’s to your profile with appeal init --group-name NAME --group-address LINE.`);
  } else {
    lines.push(`Blank letters: ${blank} for each official, with empty signature blocks to sign and address by hand.`);
  }
  if (result.envelopes) lines.push(`Envelopes: ${count(result.envelopes, `${ENVELOPES[paper].label} envelope page`)} after the letters, in the same order.`);
  if (result.labelSheets) lines.push(`Labels: ${count(letters, 'address')} on ${count(result.labelSheets, `sheet`)} of ${LABEL_SHEETS[paper].label} labels${options.labelStart ? `, from label ${options.labelStart} of the first sheet` : ''}, in the same order.`);
  if (result.sections.length > 1) lines.push(`Pages: ${result.sections.map((section) => `${section.what} ${section.first}${section.last > section.first ? `–${section.last}` : ''}`).join(', ')} (change the paper in the printer between them).`);
  if (result.handSigned.length) {
    lines.push(`To sign by hand: no font here has every character of ${result.handSigned.length === 1 ? 'this member’s' : 'these members’'} name or address, so their letters have empty lines to sign and to write the name and address:`);
    for (const member of result.handSigned) {
      const line = signers?.find((signer) => signer.name === member.name)?.line;
      lines.push(`  ${member.name}${line ? ` (${options.signers}:${line})` : ''}: ${member.characters.map(describeCharacter).join(', ')}`);
    }
  }
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
