import { dirname, resolve } from 'node:path';
import type { CaseRecord } from '../cases/case-library';
import { caseDisplayId } from '../cases/case-summary';
import { recordLetters } from '../action-log/record-letters';
import { batchChunks, batchLanguageCounts, batchLettersMade } from '../batch/batch-letters';
import { chooseLetterLanguage } from '../letters/letter-language';
import { batchSummary, type BatchSummaryInput } from '../batch/batch-summary';
import { checkLabelStart, chooseBatchCases, planBatchOfficials } from '../batch/plan-batch';
import { fontRequestFrom } from '../fonts/font-request';
import { AppError, UsageError } from '../errors/app-error';
import { assertCanWrite, commitTempFile, discardTempFile, ensureOutputDir, removeStaleTempFiles, tempPathFor, writeError, type WriteHints } from '../output/write-output-file';
import { rawStream } from '../output/terminal-stream';
import type { BatchHeader, BatchResult } from '../pdf/batch-pdf';
import type { PdfEngine } from '../pdf/pdf-engine';
import { mergeSettings, type PaperSize, type Profile } from '../profile/profile';
import { readSigners, type Signer } from '../signers/read-signers';
import { giveReturnAddresses } from '../signers/return-addresses';
import { localDateKey } from '../time/clock';
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
  /** false with --no-log or --preview: the PDF is made, nothing is recorded. */
  log?: boolean;
  preview?: boolean;
  language?: string;
}

/** --out names the PDF itself, not a folder. */
const PDF_HINTS: WriteHints = { exists: 'Add --force to replace it, or name another file with --out.', cannotWrite: 'Choose a place you can write to with --out.' };
/** Batches this big or bigger show a progress bar at a terminal. */
const PROGRESS_FROM = 100;
const MAX_BLANK = 500;

/**
 * Meeting mode: one PDF with every letter the members sign (each member × each official who
 * takes post × each case), grouped by official in mailing order, then a summary. `pdfEngine` is a
 * PDF worker the command line started early.
 */
export async function batchCommand(context: CommandContext, queries: readonly string[], options: BatchOptions, pdfEngine?: PdfEngine): Promise<void> {
  checkBatchFlags(queries, options);
  const blank = options.blank === undefined ? undefined : blankCount(options.blank);

  const settings = mergeSettings<Profile>(await loadSettings(context), { paper: options.paper as PaperSize | undefined });
  const paper: PaperSize = settings.paper ?? 'a4';
  const library = await openCaseLibrary(context, options, settings);
  warnAboutProblems(context, library);
  const now = context.clock.now();
  const chosen = withLanguage(chooseBatchCases({ cases: library.cases, queries, open: Boolean(options.open), allowClosed: Boolean(options.allowClosed), now }), options.language);
  for (const warning of chosen.warnings) context.stderr.write(`warning: ${warning}\n`);

  const members = options.signers === undefined ? undefined : giveReturnAddresses(loadSigners(context, options.signers), settings.group);
  const signers: Signer[] | undefined = members?.signers;
  const signerCount = signers?.length ?? blank!;
  const { plans, leftOut } = planBatchOfficials(chosen.records, options.target ?? [], signerCount, chosen.leftOut);

  const labels = options.labels ? { start: checkLabelStart(options.labelStart, paper) } : undefined;
  const out = resolve(context.cwd, options.out ?? `letters-${localDateKey(now)}.pdf`);
  assertCanWrite(out, Boolean(options.force), PDF_HINTS);
  ensureOutputDir(dirname(out), PDF_HINTS);
  removeStaleTempFiles(dirname(out));
  const temp = tempPathFor(out);
  const engine = pdfEngine ?? (await import('../pdf/pdf-engine')).startPdfEngine();
  const progress = await progressBar(context, plans.length * signerCount);
  const fonts = fontRequestFrom(options.font, settings.fonts, context.env);
  const session = engine.startBatch({ ...batchPrinting(options, paper, labels), file: temp, fonts, cwd: context.cwd, now, ...titleOf(chosen.records) }, progress?.update);
  let result: BatchResult;
  try {
    for (const chunk of batchChunks({ plans, signers, signerCount, templates: library.templates, now, language: options.language })) await session.add(chunk);
    result = await session.finish();
    commitTempFile(temp, out, Boolean(options.force), PDF_HINTS);
  } catch (error) {
    // The worker may still be writing (when the failure was here): stop it before removing the file.
    await session.abort();
    discardTempFile(temp);
    // A failure to write the file (a full disk, a folder that cannot be written) names the PDF.
    if (!(error instanceof AppError) && typeof (error as NodeJS.ErrnoException).code === 'string') throw writeError(out, error, PDF_HINTS);
    throw error;
  } finally {
    progress?.stop();
  }

  const summary: BatchSummaryInput = { out, paper, duplex: Boolean(options.duplex), result, plans, leftOut, signers, blank, cwd: context.cwd, members, group: settings.group, signersFile: options.signers, labelStart: labels?.start, languages: batchLanguageCounts(plans, signers, signerCount, options.language) };
  recordAndSummarise(context, options, summary, signerCount);
}

/** How the PDF is printed: paper, both sides, envelopes and labels after the letters. */
function batchPrinting(options: BatchOptions, paper: PaperSize, labels: BatchHeader['labels']): Pick<BatchHeader, 'paper' | 'duplex' | 'envelopes' | 'labels'> {
  return { paper, duplex: Boolean(options.duplex), envelopes: Boolean(options.envelopes), labels };
}

function titleOf(records: readonly CaseRecord[]): Pick<BatchHeader, 'title' | 'language'> {
  return { title: `Letters to sign: ${records.map((record) => caseDisplayId(record.definition)).join(', ')}`, language: records[0]?.definition.letter?.language };
}

/** Records the letters, unless this is a preview (--preview, --no-log), and says what the PDF holds. */
function recordAndSummarise(context: CommandContext, options: BatchOptions, summary: BatchSummaryInput, signerCount: number): void {
  const recorded = options.log !== false && !options.preview;
  const logWarning = recorded ? recordLetters(context, batchLettersMade(summary.plans, summary.signers, signerCount, summary.out)) : undefined;
  if (logWarning) context.stderr.write(`warning: ${logWarning}\n`);
  context.stdout.write(batchSummary({ ...summary, recorded }));
}

/** The chosen cases, once each is known to have a letter in --language: refused before any letter is made. */
function withLanguage<T extends { records: readonly CaseRecord[] }>(chosen: T, language: string | undefined): T {
  if (language !== undefined) for (const { definition } of chosen.records) chooseLetterLanguage(definition, { requested: language, requestedFrom: `${caseDisplayId(definition)}: --language` });
  return chosen;
}

function checkBatchFlags(queries: readonly string[], options: BatchOptions): void {
  if (queries.length && options.open) throw new UsageError('Give cases or --open, not both.', { hint: 'appeal batch 150.19 miftakhov --signers members.csv, or appeal batch --open --signers members.csv' });
  if (!queries.length && !options.open) throw new UsageError('Which cases? Name them, or give --open for every open case.', { hint: 'For example: appeal batch 150.19 miftakhov --signers members.csv' });
  if (options.signers !== undefined && options.blank !== undefined) throw new UsageError('Give --signers or --blank, not both.', { hint: '--signers FILE prints each member’s name; --blank N leaves the signature blocks empty.' });
  if (options.signers === undefined && options.blank === undefined) throw new UsageError('Who signs? Give --signers FILE (a CSV or YAML list of members) or --blank N (letters to sign by hand).', { hint: 'For example: appeal batch 150.19 --signers members.csv' });
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

/** A progress bar on a terminal only: never in a pipe, in CI, or with NO_COLOR set. */
async function progressBar(context: CommandContext, total: number): Promise<{ update: (done: number) => void; stop: () => void } | undefined> {
  const { env, stderr } = context;
  if (total < PROGRESS_FROM || !stderr.isTTY || env.CI || env.NO_COLOR !== undefined || env.TERM === 'dumb') return undefined;
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar({ stream: rawStream(stderr) as NodeJS.WriteStream, format: 'Laying out letters [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
