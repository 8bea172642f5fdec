import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findCase } from '../cases/find-case';
import { resolveTargets } from '../cases/resolve-targets';
import { caseDisplayId, caseState } from '../cases/case-summary';
import type { Official } from '../cases/case-schema';
import { AppError, DataError, ExitCode, UsageError } from '../errors/app-error';
import { buildLetter, formatLetterText, type Letter } from '../letters/letter';
import { letterFileName } from '../output/safe-file-name';
import { assertCanWrite, removeStaleTempFiles, writeOutputFile } from '../output/write-output-file';
import { mergeSettings, type Profile } from '../profile/profile';
import type { Sender } from '../profile/sender';
import { findUnsafeCharacter } from '../text/plain-text';
import { createAsker } from '../prompts/ask';
import { channelForFormat, recordLetters } from '../action-log/record-letters';
import { loadSettings, openCaseLibrary, warnAboutProblems, type CaseSourceFlags, type CommandContext } from './command-context';

export const WRITE_FORMATS = ['text'] as const;
export type WriteFormat = (typeof WRITE_FORMATS)[number];

export interface WriteOptions extends CaseSourceFlags {
  name?: string;
  address?: string[];
  country?: string;
  email?: string;
  target?: string[];
  format?: string;
  out?: string;
  stdout?: boolean;
  force?: boolean;
  allowClosed?: boolean;
  yes?: boolean;
}

function checkOneLine(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const unsafe = findUnsafeCharacter(trimmed);
  if (unsafe) throw new UsageError(`${flag} contains ${unsafe}.`, { hint: `Give ${flag} as one line of plain text.` });
  if (!trimmed) throw new UsageError(`${flag} is empty.`, { hint: `Give ${flag} a value, or leave the flag out.` });
  return trimmed;
}

export async function writeCommand(context: CommandContext, query: string, options: WriteOptions): Promise<void> {
  const format = (options.format ?? 'text').toLowerCase();
  if (!(WRITE_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format ${options.format}: not a format appeal can write.`, { hint: `Choose one of: ${WRITE_FORMATS.join(', ')}.` });
  }
  const flags: Profile = {
    name: checkOneLine(options.name, '--name'),
    address: options.address?.map((line) => checkOneLine(line, '--address')!),
    country: checkOneLine(options.country, '--country'),
    email: checkOneLine(options.email, '--email'),
  };
  const settings = mergeSettings<Profile>(loadSettings(context), flags);
  const library = openCaseLibrary(context, options, settings);
  warnAboutProblems(context, library);
  const record = findCase(library.cases, query);
  const { definition } = record;

  if (!definition.officials.length || !definition.letter) {
    throw new DataError(`${caseDisplayId(definition)} has no official to write to.`, {
      details: definition.petition ? [`It is a petition addressed to ${definition.petition.addressed_to.join(', ')}.`] : [],
      hint: `See what it asks with: appeal show ${definition.id}`,
    });
  }
  const state = caseState(definition, context.clock.now());
  if (state === 'closed' && !options.allowClosed) {
    throw new AppError(`${caseDisplayId(definition)} is closed: no further action is requested.`, {
      exitCode: ExitCode.failure,
      hint: 'Add --allow-closed to write a letter all the same.',
    });
  }
  if (state === 'expired') {
    context.stderr.write(`warning: the deadline of ${caseDisplayId(definition)} (${definition.deadline}) has passed. Letters may still help: check with the Amnesty office in your country before sending.\n`);
  }

  const asker = createAsker(context, options.yes);
  const name = settings.name ?? (await askName(asker));
  const officials = options.target?.length
    ? resolveTargets(definition.officials, options.target)
    : definition.officials.length === 1
      ? [...definition.officials]
      : await askOfficials(asker, definition.officials);

  const sender: Sender = { name, address: settings.address, country: settings.country, email: settings.email };
  const now = context.clock.now();
  const letters = officials.map((official) => buildLetter(record, official, sender, now, library.templates));

  if (options.stdout) {
    context.stdout.write(letters.map((letter) => formatLetterText(letter)).join('\n\f\n'));
    return;
  }
  const outDir = resolve(context.cwd, options.out ?? '.');
  const outputs = planTextOutputs(letters, outDir);
  mkdirSync(outDir, { recursive: true });
  removeStaleTempFiles(outDir);
  for (const output of outputs) assertCanWrite(output.path, Boolean(options.force));
  for (const output of outputs) {
    writeOutputFile(output.path, output.content, Boolean(options.force));
    context.stdout.write(`Wrote ${output.path}\n`);
  }
  recordLetters(context, letters.map((letter, index) => ({ case: letter.caseId, official: letter.officialId, format, channel: channelForFormat(format), sender: letter.sender.name, file: outputs[index]!.path })));
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
  path: string;
  content: string;
}

/** One file per letter, named after case, official and sender; never two letters in one name. */
function planTextOutputs(letters: readonly Letter[], outDir: string): PlannedOutput[] {
  const used = new Set<string>();
  return letters.map((letter) => {
    let file = letterFileName([letter.caseId, letter.officialId, letter.sender.name], 'txt');
    for (let n = 2; used.has(file); n++) file = letterFileName([letter.caseId, letter.officialId, letter.sender.name, String(n)], 'txt');
    used.add(file);
    return { path: join(outDir, file), content: formatLetterText(letter) };
  });
}
