import { resolve } from 'node:path';
import { findCase } from '../cases/find-case';
import { resolveTargets } from '../cases/resolve-targets';
import { checkCaseTakesLetters } from '../cases/case-for-letters';
import type { CaseDefinition, Official } from '../cases/case-schema';
import { assertTakePost, noEmailReason, noEmailRefusal } from '../cases/official-reach';
import { AppError, ExitCode, UsageError } from '../errors/app-error';
import { buildLetter, formatLetterText } from '../letters/letter';
import { emailSubject } from '../email/email-subject';
import { assertCanWrite, ensureOutputDir, removeStaleTempFiles, writeOutputFiles, type WriteHints } from '../output/write-output-file';
import type { PaperSize } from '../profile/profile';
import { senderSettings } from '../profile/sender';
import { fontRequestFrom } from '../fonts/font-request';
import { checkOneLine, senderFlagSettings, settingSource } from '../profile/sender-input';
import { createAsker, type Asker } from '../prompts/ask';
import { channelForFormat, recordLetters } from '../action-log/record-letters';
import { takesPost } from '../addresses/postal-address';
import { checkWriteRequest, FILE_FORMATS, planLetterFiles, type FileFormat, type LetterToWrite, type WriteFormat } from '../write/plan-write';
import { renderLetterFile, type LetterFileSettings } from '../write/render-letter-file';
import type { LetterPdfRenderer } from '../pdf/letter-renderer';
import { chooseLetterLanguage } from '../letters/letter-language';
import { editLetters, personalSentence } from './write-own-words';
import { loadSettings, openCaseLibrary, warnAboutProblems, type CaseSourceFlags, type CommandContext } from './command-context';
import { withThousands } from '../text/thousands';
import { chooseCase, chooseFormat, missingCase } from './write-guided';
import { offerToSave, senderDetails } from './write-sender';

export interface WriteOptions extends CaseSourceFlags {
  name?: string;
  address?: string[];
  country?: string;
  email?: string;
  target?: string[];
  format?: string;
  out?: string;
  stdout?: boolean;
  open?: boolean;
  force?: boolean;
  allowClosed?: boolean;
  yes?: boolean;
  paper?: string;
  font?: string[];
  language?: string;
  personal?: string;
  edit?: boolean;
}

const WRITE_HINTS: WriteHints = { exists: 'Add --force to replace it, or choose another folder with --out.', cannotWrite: 'Choose a folder you can write to with --out.' };
const TARGET_FLAG = '--target (a number from "appeal show", an id, a part of the name, or "all")';

/**
 * `query` undefined: no case was given, and a terminal offers the open ones. `pdfEngine`: the
 * PDF maker the command line started early, when the format needs one.
 */
export async function writeCommand(context: CommandContext, query: string | undefined, options: WriteOptions, pdfEngine?: LetterPdfRenderer): Promise<void> {
  // The flags are checked before anything is asked; with no case and no --format, the format is asked.
  const request = checkWriteRequest({ format: options.format ?? 'text', open: Boolean(options.open), stdout: Boolean(options.stdout) });
  const settings = senderSettings(await loadSettings(context), { ...senderFlagSettings(options), paper: options.paper as PaperSize | undefined });
  // The environment layer is not checked on the way in: a name from APPEAL_NAME must be one line too.
  settings.name = checkOneLine(settings.name, settingSource('--name', options.name !== undefined, 'APPEAL_NAME', context.env, 'the name in your profile'));
  const asker = createAsker(context, options.yes);
  const guided = query === undefined;
  if (guided && !asker.interactive) throw missingCase();
  const library = await openCaseLibrary(context, options, settings);
  warnAboutProblems(context, library);
  const record = guided ? await chooseCase(asker, library.cases, context.clock.now()) : findCase(library.cases, query, library.problems);
  const { definition } = record;
  const { warning } = checkCaseTakesLetters(definition, context.clock.now(), Boolean(options.allowClosed));
  const language = chooseLetterLanguage(definition, { requested: options.language, ownLanguage: settings.language });
  if (warning) context.stderr.write(`warning: ${warning}\n`);

  // The member's own sentence is offered when they are being asked anyway (--personal adds one otherwise).
  const asking = asker.interactive && (guided || !settings.name || (!options.target?.length && definition.officials.length > 1));
  const askingFormat = guided && options.format === undefined;
  const officials = await chooseOfficials(asker, definition, askingFormat ? 'text' : request.format, options.target ?? [], settings.name);
  const { format, fileFormats } = askingFormat ? checkWriteRequest({ format: await chooseFormat(asker, officials, Boolean(options.stdout)), open: Boolean(options.open), stdout: Boolean(options.stdout) }) : request;
  const { sender, typed } = await senderDetails(context, asker, { settings, emailFlag: options.email !== undefined, officials, fileFormats, guided });
  const personal = await personalSentence(options.personal, asker, asking);
  if (guided) await offerToSave(context, asker, typed, Boolean(options.stdout));

  const now = context.clock.now();
  let items: LetterToWrite[] = officials.map((official) => ({ official, letter: buildLetter(record, official, sender, now, library.templates, { language, personal }) }));
  if (options.edit) items = await editLetters(context, items);
  const fileSettings: LetterFileSettings = { senderEmail: sender.email, subject: emailSubject(definition, language), now, paper: settings.paper ?? 'a4', fonts: fontRequestFrom(options.font, settings.fonts, context.env), cwd: context.cwd, pdfEngine };

  if (format === 'mailto') return printMailtoLinks(context, items, fileSettings.subject);
  if (options.stdout) return printLetters(context, format, items, fileSettings);
  await writeLetterFiles(context, items, fileFormats, fileSettings, options);
}

/** One file per letter and format, all made in memory before any is written, then logged. */
async function writeLetterFiles(context: CommandContext, items: readonly LetterToWrite[], fileFormats: readonly FileFormat[], fileSettings: LetterFileSettings, options: WriteOptions): Promise<void> {
  const plan = planLetterFiles(items, fileFormats, resolve(context.cwd, options.out ?? '.'));
  for (const { format: skipped, official, reason } of plan.skipped) context.stderr.write(`note: no ${FILE_FORMATS[skipped].label} for ${official.name}: ${reason}.\n`);
  // Everything is made in memory first, so a letter that cannot be made stops the run before any file is written.
  const outputs = [];
  for (const file of plan.files) outputs.push({ ...file, content: await renderLetterFile(file.format, file, fileSettings) });
  const outDir = resolve(context.cwd, options.out ?? '.');
  ensureOutputDir(outDir, WRITE_HINTS);
  removeStaleTempFiles(outDir);
  for (const output of outputs) assertCanWrite(output.path, Boolean(options.force), WRITE_HINTS);
  // All or nothing: a disk that fills up half-way leaves none of the letters, and logs none.
  writeOutputFiles(outputs, Boolean(options.force), WRITE_HINTS);
  for (const output of outputs) context.stdout.write(`Wrote ${output.path}\n`);
  const logWarning = recordLetters(context, outputs.map((output) => ({ case: output.letter.caseId, official: output.letter.officialId, format: output.format, channel: channelForFormat(output.format), sender: output.letter.sender.name, file: output.path })));
  if (logWarning) context.stderr.write(`warning: ${logWarning}\n`);
  if (options.open) await openDrafts(context, outputs.filter((output) => output.format === 'email').map((output) => output.path));
}

/**
 * The officials to write to, from --target or asked; every chosen official is checked against
 * the format before anything is asked or written.
 */
async function chooseOfficials(asker: Asker, definition: CaseDefinition, format: WriteFormat, targets: readonly string[], name: string | undefined): Promise<Official[]> {
  // A printed letter can only go to officials who take post: offer only those, refuse the others.
  const candidates = format === 'pdf' && definition.officials.some(takesPost) ? definition.officials.filter(takesPost) : definition.officials;
  if (!asker.interactive && !targets.length && candidates.length > 1) {
    // Say at once everything the person must add, rather than one flag per attempt.
    const missing = [...(name ? [] : ['--name (your name, as you sign)']), '--target (a number from "appeal show", an id, part of the name, or "all")'];
    throw new UsageError('There is no terminal to ask at, and answers are missing.', { details: missing.map((flag) => `Give ${flag}`), hint: `For example: appeal write ${definition.id} --name "Your Name" --target all` });
  }
  const officials = targets.length ? resolveTargets(definition.officials, targets) : candidates.length === 1 ? [...candidates] : await askOfficials(asker, candidates);
  if (format === 'pdf') assertTakePost(definition, officials);
  if (format === 'email' || format === 'mailto') {
    const withoutEmail = officials.filter((official) => noEmailReason(official));
    if (withoutEmail.length) throw noEmailRefusal(definition, withoutEmail, format === 'mailto' ? 'No mailto: link was printed' : undefined);
  }
  return officials;
}

async function printMailtoLinks(context: CommandContext, items: readonly LetterToWrite[], subject: string): Promise<void> {
  const { buildMailtoLink, MAILTO_SAFE_LENGTH } = await import('../email/mailto-link');
  for (const { letter, official } of items) {
    const link = buildMailtoLink({ letter, to: official.email!, subject });
    if (link.length > MAILTO_SAFE_LENGTH) {
      context.stderr.write(`warning: the link to ${official.name} is ${withThousands(link.length)} characters long; some mail programs cut links longer than ${withThousands(MAILTO_SAFE_LENGTH)}, so check the letter arrived whole, or use --format email.\n`);
    }
    context.stdout.write(`${link}\n`);
  }
}

async function printLetters(context: CommandContext, format: WriteFormat, items: readonly LetterToWrite[], fileSettings: LetterFileSettings): Promise<void> {
  if (format === 'email') {
    if (items.length > 1) throw new UsageError('--stdout prints one email draft, and this run makes several.', { hint: 'Choose one official with --target, or leave out --stdout to write a file each.' });
    context.stdout.write(await renderLetterFile('email', items[0]!, fileSettings));
    return;
  }
  context.stdout.write(items.map(({ letter }) => formatLetterText(letter)).join('\n\f\n'));
}

/** Hands each draft to the desktop's opener, or says plainly why not and what to do instead. */
async function openDrafts(context: CommandContext, files: readonly string[]): Promise<void> {
  if (!files.length) return;
  const { desktopOpener, openWithDesktop } = await import('../desktop/open-with-desktop');
  const opener = desktopOpener(process.platform, context.env);
  if (!opener.available) {
    const them = files.length === 1 ? 'the .eml file above in your mail program, which shows it' : 'the .eml files above in your mail program, which shows each';
    context.stdout.write(`Not opened: ${opener.reason}. Open ${them} as a draft to read over and send.\n`);
    return;
  }
  const { spawn } = await import('node:child_process');
  for (const file of files) {
    try {
      await openWithDesktop(opener, file, spawn);
    } catch (error) {
      throw new AppError(`The drafts were written, but ${opener.name} could not be started to open them: ${(error as Error).message}.`, {
        exitCode: ExitCode.failure,
        hint: `Open the .eml file${files.length === 1 ? '' : 's'} above in your mail program yourself.`,
      });
    }
    context.stdout.write(`Opened ${file} with ${opener.name}\n`);
  }
}

async function askOfficials(asker: Asker, officials: readonly Official[]): Promise<Official[]> {
  return asker.choose({
    message: 'Whom do you write to? (space to choose, enter to go on)',
    flag: TARGET_FLAG,
    choices: officials.map((official, index) => ({ name: `${index + 1}. ${official.name}${official.title ? `, ${official.title}` : ''}`, value: official, checked: index === 0 })),
  });
}
