import { join, resolve } from 'node:path';
import { findCase } from '../cases/find-case';
import { resolveTargets } from '../cases/resolve-targets';
import { checkCaseTakesLetters } from '../cases/case-for-letters';
import type { Official } from '../cases/case-schema';
import { AppError, ExitCode, UsageError } from '../errors/app-error';
import { buildLetter, formatLetterText, type Letter } from '../letters/letter';
import { emailAddressProblem } from '../email/email-address';
import { emailSubject } from '../email/email-subject';
import { noEmailRefusal } from '../email/no-email-refusal';
import { letterFileName } from '../output/safe-file-name';
import { assertCanWrite, ensureOutputDir, removeStaleTempFiles, writeOutputFile } from '../output/write-output-file';
import { mergeSettings, type PaperSize, type Profile } from '../profile/profile';
import type { Sender } from '../profile/sender';
import { findUnsafeCharacter } from '../text/plain-text';
import { createAsker } from '../prompts/ask';
import { channelForFormat, recordLetters } from '../action-log/record-letters';
import { takesPost } from '../addresses/postal-address';
import { assertTakePost, noPostReason } from '../cases/post-targets';
import type { PdfEngine } from '../pdf/pdf-engine';
import { chooseLetterLanguage } from '../letters/letter-language';
import { editLetters, personalSentence } from './write-own-words';
import { loadSettings, openCaseLibrary, warnAboutProblems, type CaseSourceFlags, type CommandContext } from './command-context';

export const WRITE_FORMATS = ['text', 'email', 'mailto', 'pdf', 'all'] as const;
export type WriteFormat = (typeof WRITE_FORMATS)[number];

/** Formats written as files; `--format all` writes each one the chosen officials can take. */
type FileFormat = 'text' | 'email' | 'pdf';
const ALL_FILE_FORMATS: readonly FileFormat[] = ['text', 'email', 'pdf'];

interface LetterToWrite {
  letter: Letter;
  official: Official;
}

/** What an email draft takes beyond the letter: the same for every official of one run. */
interface DraftDetails {
  senderEmail?: string;
  subject: string;
  now: Date;
  paper: PaperSize;
  /** --font, for PDF letters in scripts the built-in font lacks. */
  fontFile?: string;
  cwd: string;
  /** The thread that makes PDFs, started early by the command line (or here when needed). */
  pdfEngine?: PdfEngine;
}

interface FileFormatSpec {
  /** What one file is called in messages: "email draft". */
  label: string;
  extension: string;
  /** Why this official cannot be reached this way, or undefined when they can. */
  whyNot(official: Official): string | undefined;
  render(item: LetterToWrite, draft: DraftDetails): Promise<string | Uint8Array>;
}

const FILE_FORMATS: Record<FileFormat, FileFormatSpec> = {
  text: { label: 'text letter', extension: 'txt', whyNot: () => undefined, render: async ({ letter }) => formatLetterText(letter) },
  email: {
    label: 'email draft',
    extension: 'eml',
    whyNot: (official) => (official.email?.length ? undefined : official.email_hidden ? 'the document hid the address' : 'the case gives no email address'),
    render: async ({ letter, official }, draft) => {
      const { buildEmailDraft } = await import('../email/build-email-draft');
      return buildEmailDraft({ letter, from: draft.senderEmail!, to: official.email!, subject: draft.subject, date: draft.now });
    },
  },
  pdf: {
    label: 'printed letter',
    extension: 'pdf',
    whyNot: (official) => (takesPost(official) ? undefined : noPostReason(official)),
    render: async ({ letter }, draft) => {
      draft.pdfEngine ??= (await import('../pdf/pdf-engine')).startPdfEngine();
      const [pdf] = await draft.pdfEngine.renderLetterPdfs([letter], { paper: draft.paper, fontFile: draft.fontFile, cwd: draft.cwd, now: draft.now });
      return pdf!;
    },
  },
};

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
  font?: string;
  language?: string;
  personal?: string;
  edit?: boolean;
}

function checkOneLine(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const unsafe = findUnsafeCharacter(trimmed);
  if (unsafe) throw new UsageError(`${flag} contains ${unsafe}.`, { hint: `Give ${flag} as one line of plain text.` });
  if (!trimmed) throw new UsageError(`${flag} is empty.`, { hint: `Give ${flag} a value, or leave the flag out.` });
  return trimmed;
}

/** `pdfEngine`: a PDF worker the command line started early, when the format needs one. */
export async function writeCommand(context: CommandContext, query: string, options: WriteOptions, pdfEngine?: PdfEngine): Promise<void> {
  const format = (options.format ?? 'text').toLowerCase() as WriteFormat;
  if (!(WRITE_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format ${options.format}: not a format appeal can write.`, { hint: `Choose one of: ${WRITE_FORMATS.join(', ')}.` });
  }
  const fileFormats: readonly FileFormat[] = format === 'all' ? ALL_FILE_FORMATS : format === 'mailto' ? [] : [format];
  if (options.open && !fileFormats.includes('email')) {
    throw new UsageError('--open hands email drafts to your mail program, and this run makes none.', { hint: 'Add --format email (or --format all), or leave out --open.' });
  }
  if (options.stdout && format === 'pdf') {
    throw new UsageError('--stdout prints text letters and email drafts, not PDFs.', { hint: 'Leave out --stdout to write the PDF files (choose the folder with --out).' });
  }
  if (options.stdout && (format === 'all' || options.open)) {
    throw new UsageError(`--stdout prints one format; ${format === 'all' ? '--format all writes several' : '--open needs the drafts as files'}.`, { hint: 'Leave out --stdout to write files (into --out).' });
  }
  const flags: Profile = {
    name: checkOneLine(options.name, '--name'),
    address: options.address?.map((line) => checkOneLine(line, '--address')!),
    country: checkOneLine(options.country, '--country'),
    email: checkEmailAddress(checkOneLine(options.email, '--email'), '--email'),
    paper: options.paper as PaperSize | undefined,
  };
  const settings = mergeSettings<Profile>(loadSettings(context), flags);
  // The environment layer is not checked on the way in: a name from APPEAL_NAME must be one line too.
  settings.name = checkOneLine(settings.name, options.name !== undefined ? '--name' : context.env.APPEAL_NAME ? 'APPEAL_NAME' : 'the name in your profile');
  const library = openCaseLibrary(context, options, settings);
  warnAboutProblems(context, library);
  const record = findCase(library.cases, query);
  const { definition } = record;

  const { warning } = checkCaseTakesLetters(definition, context.clock.now(), Boolean(options.allowClosed));
  const language = chooseLetterLanguage(definition, { requested: options.language, ownLanguage: settings.language });
  if (warning) context.stderr.write(`warning: ${warning}\n`);

  const asker = createAsker(context, options.yes);
  // A printed letter can only go to officials who take post: offer only those, refuse the others.
  const candidates = format === 'pdf' && definition.officials.some(takesPost) ? definition.officials.filter(takesPost) : definition.officials;
  if (!asker.interactive && !options.target?.length && candidates.length > 1) {
    // Say at once everything the person must add, rather than one flag per attempt.
    const missing = [...(settings.name ? [] : ['--name (your name, as you sign)']), '--target (a number from "appeal show", an id, part of the name, or "all")'];
    throw new UsageError('There is no terminal to ask at, and answers are missing.', { details: missing.map((flag) => `Give ${flag}`), hint: `For example: appeal write ${definition.id} --name "Your Name" --target all` });
  }
  const officials = options.target?.length
    ? resolveTargets(definition.officials, options.target)
    : candidates.length === 1
      ? [...candidates]
      : await askOfficials(asker, candidates);
  if (format === 'pdf') assertTakePost(definition, officials);

  // Every chosen official is checked before anything is asked or written.
  if (format === 'email' || format === 'mailto') {
    const withoutEmail = officials.filter((official) => FILE_FORMATS.email.whyNot(official));
    if (withoutEmail.length) throw noEmailRefusal(definition, withoutEmail, format === 'mailto' ? 'No mailto: link was printed' : undefined);
  }
  // The member's own sentence is offered when they are being asked anyway: a run that needs no
  // answer stays quiet (--personal adds one there).
  const askedSomething = asker.interactive && (!settings.name || (!options.target?.length && candidates.length > 1));
  const name = settings.name ?? (await askName(asker));
  const needsSenderEmail = fileFormats.includes('email') && officials.some((official) => !FILE_FORMATS.email.whyNot(official));
  const senderEmail = needsSenderEmail ? await senderEmailFor(context, options, settings.email, asker) : settings.email;

  const personal = await personalSentence(options.personal, asker, askedSomething);

  const sender: Sender = { name, address: settings.address, country: settings.country, email: senderEmail };
  const now = context.clock.now();
  let items: LetterToWrite[] = officials.map((official) => ({ official, letter: buildLetter(record, official, sender, now, library.templates, { language, personal }) }));
  if (options.edit) items = await editLetters(context, items);
  const draft: DraftDetails = { senderEmail, subject: emailSubject(definition, language), now, paper: settings.paper ?? 'a4', fontFile: options.font, cwd: context.cwd, pdfEngine };

  if (format === 'mailto') {
    const { buildMailtoLink, MAILTO_SAFE_LENGTH } = await import('../email/mailto-link');
    for (const { letter, official } of items) {
      const link = buildMailtoLink({ letter, to: official.email!, subject: draft.subject });
      if (link.length > MAILTO_SAFE_LENGTH) {
        context.stderr.write(`warning: the link to ${official.name} is ${link.length.toLocaleString('en')} characters long; some mail programs cut links longer than ${MAILTO_SAFE_LENGTH.toLocaleString('en')}, so check the letter arrived whole, or use --format email.\n`);
      }
      context.stdout.write(`${link}\n`);
    }
    return;
  }
  if (options.stdout) {
    if (format === 'email') {
      if (items.length > 1) throw new UsageError('--stdout prints one email draft, and this run makes several.', { hint: 'Choose one official with --target, or leave out --stdout to write a file each.' });
      context.stdout.write(await FILE_FORMATS.email.render(items[0]!, draft));
      return;
    }
    context.stdout.write(items.map(({ letter }) => formatLetterText(letter)).join('\n\f\n'));
    return;
  }
  for (const fileFormat of fileFormats) {
    for (const { official } of items) {
      const whyNot = FILE_FORMATS[fileFormat].whyNot(official);
      if (whyNot) context.stderr.write(`note: no ${FILE_FORMATS[fileFormat].label} for ${official.name}: ${whyNot}.\n`);
    }
  }
  const outDir = resolve(context.cwd, options.out ?? '.');
  const outputs = await planOutputs(items, fileFormats, draft, outDir);
  ensureOutputDir(outDir);
  removeStaleTempFiles(outDir);
  for (const output of outputs) assertCanWrite(output.path, Boolean(options.force));
  for (const output of outputs) {
    writeOutputFile(output.path, output.content, Boolean(options.force));
    context.stdout.write(`Wrote ${output.path}\n`);
  }
  recordLetters(context, outputs.map((output) => ({ case: output.letter.caseId, official: output.letter.officialId, format: output.format, channel: channelForFormat(output.format), sender: output.letter.sender.name, file: output.path })));
  if (options.open) await openDrafts(context, outputs.filter((output) => output.format === 'email').map((output) => output.path));
}

/** The sender's email for the From line: flag, environment or profile, else asked; always checked. */
async function senderEmailFor(context: CommandContext, options: WriteOptions, known: string | undefined, asker: ReturnType<typeof createAsker>): Promise<string> {
  if (known === undefined) {
    return asker
      .text({
        message: 'Your email address, for the From line of the drafts:',
        flag: '--email',
        validate: (value) => {
          const problem = emailAddressProblem(value.trim());
          return problem ? `This ${problem}.` : true;
        },
      })
      .then((value) => value.trim());
  }
  const source = options.email !== undefined ? '--email' : context.env.APPEAL_EMAIL ? 'APPEAL_EMAIL' : 'the email in your profile';
  return checkEmailAddress(checkOneLine(known, source), source)!;
}

function checkEmailAddress(value: string | undefined, source: string): string | undefined {
  const problem = value === undefined ? undefined : emailAddressProblem(value);
  if (problem) throw new UsageError(`${source} "${value}" ${problem}.`, { hint: `Give ${source === '--email' ? '--email' : 'your address with --email'} as one address, such as anna@example.org.` });
  return value;
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

async function askName(asker: ReturnType<typeof createAsker>): Promise<string> {
  return asker.text({
    message: 'Your name, as you sign letters:',
    flag: '--name',
    validate: (value) => {
      const unsafe = findUnsafeCharacter(value);
      if (unsafe) return `The name contains ${unsafe}.`;
      return value.trim() ? true : 'Please type your name.';
    },
  }).then((value) => value.trim());
}

async function askOfficials(asker: ReturnType<typeof createAsker>, officials: readonly Official[]): Promise<Official[]> {
  return asker.choose({
    message: 'Whom do you write to? (space to choose, enter to go on)',
    flag: '--target (a number from "appeal show", an id, a part of the name, or "all")',
    choices: officials.map((official, index) => ({
      name: `${index + 1}. ${official.name}${official.title ? `, ${official.title}` : ''}`,
      value: official,
      checked: index === 0,
    })),
  });
}

interface PlannedOutput {
  format: FileFormat;
  letter: Letter;
  path: string;
  content: string | Uint8Array;
}

/**
 * One file per letter and format, named after case, official and sender; never two letters in
 * one name. Everything is made in memory first, so a letter that cannot be made stops the run
 * before any file is written.
 */
async function planOutputs(items: readonly LetterToWrite[], formats: readonly FileFormat[], draft: DraftDetails, outDir: string): Promise<PlannedOutput[]> {
  const outputs: PlannedOutput[] = [];
  for (const format of formats) {
    const spec = FILE_FORMATS[format];
    const used = new Set<string>();
    for (const item of items.filter(({ official }) => !spec.whyNot(official))) {
      const { letter } = item;
      let file = letterFileName([letter.caseId, letter.officialId, letter.sender.name], spec.extension);
      for (let n = 2; used.has(file); n++) file = letterFileName([letter.caseId, letter.officialId, letter.sender.name, String(n)], spec.extension);
      used.add(file);
      outputs.push({ format, letter, path: join(outDir, file), content: await spec.render(item, draft) });
    }
  }
  return outputs;
}
