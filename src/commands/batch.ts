import { unlinkSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { CaseRecord } from '../cases/case-library';
import type { Official } from '../cases/case-schema';
import { caseDisplayId, caseState } from '../cases/case-summary';
import { findCase } from '../cases/find-case';
import { checkCaseTakesLetters } from '../cases/case-for-letters';
import { describeOfficial, noPostReason } from '../cases/post-targets';
import { resolveTargets } from '../cases/resolve-targets';
import { takesPost } from '../addresses/postal-address';
import { channelForFormat, recordLetters, type LetterMade } from '../action-log/record-letters';
import { AppError, ExitCode, UsageError } from '../errors/app-error';
import { buildLetter, buildSignature, letterTextNamesSender } from '../letters/letter';
import { chooseLetterLanguage, describeLanguage } from '../letters/letter-language';
import { memberLetterChoice } from '../letters/member-letter';
import { assertCanWrite, commitTempFile, ensureOutputDir, tempPathFor, writeError } from '../output/write-output-file';
import type { BatchChunk, BatchResult } from '../pdf/batch-pdf';
import { ENVELOPES, LABELS_PER_SHEET } from '../pdf/envelope-layout';
import { BLANK_LABELS, personalContentOf, sharedContentOf, sharedTexts, type PersonalContent, type SharedLetterContent } from '../pdf/letter-layout';
import { PAPER_LAYOUTS } from '../pdf/paper';
import type { PdfEngine } from '../pdf/pdf-engine';
import { mergeSettings, type PaperSize, type Profile } from '../profile/profile';
import type { Sender } from '../profile/sender';
import { readSigners, type Signer } from '../signers/read-signers';
import { localDateKey } from '../time/clock';
import { loadSettings, openCaseLibrary, warnAboutProblems, type CaseSourceFlags, type CommandContext } from './command-context';

export interface BatchOptions extends CaseSourceFlags {
  open?: boolean;
  signers?: string;
  blank?: string;
  target?: string[];
  out?: string;
  paper?: string;
  font?: string;
  force?: boolean;
  duplex?: boolean;
  envelopes?: boolean;
  labels?: boolean;
  allowClosed?: boolean;
  language?: string;
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
  if (options.envelopes && options.labels) throw new UsageError('Give --envelopes or --labels, not both.', { hint: 'Envelopes print each address on an envelope; labels print them on A4 sheets of 21 labels.' });
  const blank = options.blank === undefined ? undefined : blankCount(options.blank);

  const settings = mergeSettings<Profile>(loadSettings(context), { paper: options.paper as PaperSize | undefined });
  const paper: PaperSize = settings.paper ?? 'a4';
  const library = openCaseLibrary(context, options, settings);
  warnAboutProblems(context, library);
  const now = context.clock.now();
  const leftOut: LeftOut[] = [];
  const records = chooseCases(context, library.cases, queries, options, now, leftOut);

  // --language must be one every chosen case has: refused here, before any letter is made.
  for (const record of records) if (options.language !== undefined) chooseLetterLanguage(record.definition, { requested: options.language, requestedFrom: `${caseDisplayId(record.definition)}: --language` });
  const signers: Signer[] | undefined = options.signers === undefined ? undefined : loadSigners(context, options.signers);
  const languageCounts = new Map<string, number>();
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
      fontFile: options.font,
      cwd: context.cwd,
      now,
      title: `Letters to sign: ${records.map((record) => caseDisplayId(record.definition)).join(', ')}`,
      language: records[0]?.definition.letter?.language,
      duplex: Boolean(options.duplex),
      extras: options.envelopes ? 'envelopes' : options.labels ? 'labels' : 'none',
    },
    progress?.update,
  );
  let result: BatchResult;
  try {
    // Every letter in mailing order, official by official, each member's letter in turn, sent to
    // the worker in chunks: it lays out one chunk while the next is made here.
    let sharedCount = 0;
    let chunk: BatchChunk = { shared: [], letters: [], fontSources: signerFontSources(signers, options.signers) };
    for (const plan of plans) {
      // The shared letters of this official so far: usually one, or one per sender country,
      // language and wording.
      const known: { content: SharedLetterContent; index: number; key: string }[] = [];
      // A letter whose text names no sender is the same for every member from one country (in
      // one language and wording), but for the signature: build it once, and only the signature
      // for each member. A member's own sentence makes their letter theirs alone.
      const textNamesSender = letterTextNamesSender(plan.record, library.templates);
      for (let i = 0; i < signerCount; i++) {
        const signer = signers?.[i];
        const sender: Sender = signer ?? { name: '' };
        const { choice, shareKey } = memberLetterChoice(plan.record, signer, i, options.language);
        languageCounts.set(choice.language, (languageCounts.get(choice.language) ?? 0) + 1);
        const key = `${sender.country ?? ''}\u0000${shareKey}`;
        const reuse = textNamesSender || shareKey === undefined ? undefined : known.find((entry) => entry.key === key);
        let index: number;
        let personal: PersonalContent;
        if (reuse) {
          index = reuse.index;
          personal = signer ? { kind: 'signed', sender: signer, signature: buildSignature(plan.record, plan.official, signer, now, library.templates, choice) } : { kind: 'blank' };
        } else {
          const letter = buildLetter(plan.record, plan.official, sender, now, library.templates, choice);
          const content = sharedContentOf(letter);
          const same = known.find((entry) => sameSharedContent(entry.content, content));
          if (same) index = same.index;
          else {
            index = sharedCount++;
            known.push({ content, index, key });
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
  context.stdout.write(summary({ out, paper, result, plans, leftOut, signers, blank, options, cwd: context.cwd, languageCounts }));
}

function sameSharedContent(a: SharedLetterContent, b: SharedLetterContent): boolean {
  const sameLines = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((line, index) => line === y[index]);
  return a.language === b.language && a.date === b.date && a.salutation === b.salutation && a.closing === b.closing && sameLines(a.recipientLines, b.recipientLines) && sameLines(a.paragraphs, b.paragraphs);
}

/**
 * The characters of the signers' names and addresses, to check against the font before the first
 * letter is written: each character that is not plain ASCII once, with the line it first appears
 * on, so a character the font lacks is reported with a line to fix.
 */
function signerFontSources(signers: readonly Signer[] | undefined, file: string | undefined): BatchChunk['fontSources'] {
  if (!signers) return [{ what: 'the blank signature block', texts: [...BLANK_LABELS] }];
  const seen = new Set<string>();
  const sources: BatchChunk['fontSources'] = [];
  for (const signer of signers) {
    const fresh = new Set<string>();
    for (const text of [signer.name, ...(signer.address ?? []), signer.country ?? '', signer.email ?? '']) {
      if (!/[^\u0000-\u007e]/.test(text)) continue;
      for (const char of text.normalize('NFC')) if (char > '\u007e' && !seen.has(char)) fresh.add(char);
    }
    if (!fresh.size) continue;
    fresh.forEach((char) => seen.add(char));
    sources.push({ what: `${file}:${signer.line} (${signer.name})`, texts: [[...fresh].join('')] });
  }
  return sources;
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
    const open = cases.filter((record) => caseState(record.definition, now) === 'open');
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
  blank: number | undefined;
  options: BatchOptions;
  cwd: string;
  languageCounts: ReadonlyMap<string, number>;
}

/** What the coordinator needs at the meeting: what is in the PDF, in its order, and what is not. */
function summary({ out, paper, result, plans, leftOut, signers, blank, options, cwd, languageCounts }: SummaryInput): string {
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
  } else {
    lines.push(`Blank letters: ${blank} for each official, with empty signature blocks to sign and address by hand.`);
  }
  lines.push(`Languages: ${[...languageCounts].sort((a, b) => b[1] - a[1]).map(([language, n], index) => `${index === 0 ? count(n, 'letter') : n.toLocaleString('en')} in ${describeLanguage(language)}`).join(', ')}.`);
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
