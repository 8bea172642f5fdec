import { findCase } from '../cases/find-case';
import { resolveTargets } from '../cases/resolve-targets';
import { caseDisplayId } from '../cases/case-summary';
import type { CaseDefinition, Official } from '../cases/case-schema';
import { UsageError } from '../errors/app-error';
import { writeError } from '../output/write-output-file';
import { SENT_CHANNELS, senderLabel, type SentChannel } from '../action-log/action-record';
import { actionLogFile, appendRecords, readActionLog } from '../action-log/log-file';
import { isSentChannel, planSentMarks, type MarkSentPlan } from '../action-log/mark-sent';
import { createAsker, type Asker } from '../prompts/ask';
import { checkOneLine } from '../profile/sender-input';
import { askSenderName } from '../prompts/ask-sender';
import { warnAboutLogProblems } from './log-problems';
import { loadSettings, openCaseLibrary, warnAboutProblems, type CaseSourceFlags, type CommandContext } from './command-context';

export interface SentOptions extends CaseSourceFlags {
  target?: string[];
  name?: string;
  allSenders?: boolean;
  channel?: string;
  yes?: boolean;
}

/**
 * Marks letters as actually sent: one "sent" record per member and official, never more sent
 * letters than were made (see planSentMarks), so running it twice does not count a letter twice.
 */
export async function sentCommand(context: CommandContext, query: string, options: SentOptions): Promise<void> {
  const channel = channelFlag(options.channel);
  if (options.allSenders && options.name !== undefined) {
    throw new UsageError('--name and --all-senders cannot be used together.', { hint: 'Give --name to mark one member\'s letters, or --all-senders for every letter made.' });
  }
  const settings = loadSettings(context);
  const library = openCaseLibrary(context, options, settings);
  warnAboutProblems(context, library);
  const { definition } = findCase(library.cases, query);
  const caseLabel = caseDisplayId(definition);
  if (!definition.officials.length) {
    throw new UsageError(`${caseLabel} has no official to write to, so no letter to mark.`, { hint: `See what it asks with: appeal show ${definition.id}` });
  }

  const file = actionLogFile(context.env);
  const log = readActionLog(file);
  warnAboutLogProblems(context, file, log);

  const asker = createAsker(context, options.yes);
  const officials = options.target?.length ? resolveTargets(definition.officials, options.target) : await chooseOfficials(asker, definition);
  const senders = options.allSenders ? 'all-made' : { name: await senderName(options.name ?? settings.name, asker) };
  const plan = planSentMarks({ records: log.records, caseId: definition.id, caseLabel, officials, senders, channel, at: context.clock.now().toISOString() });
  if (plan.marks.length) {
    try {
      appendRecords(file, plan.marks);
    } catch (error) {
      throw writeError(file, error, { cannotWrite: 'Set APPEAL_DATA to a folder you can write to.' });
    }
  }
  context.stdout.write(report(plan, definition, file));
}

function channelFlag(given: string | undefined): SentChannel | undefined {
  const channel = given?.trim().toLowerCase();
  if (channel !== undefined && !isSentChannel(channel)) {
    throw new UsageError(`--channel ${given}: not a way appeal counts.`, { hint: `Choose one of: ${SENT_CHANNELS.join(', ')}.` });
  }
  return channel;
}

async function chooseOfficials(asker: Asker, definition: CaseDefinition): Promise<Official[]> {
  if (definition.officials.length === 1) return [...definition.officials];
  return asker.choose({
    message: 'Which letters were sent? (space to choose, enter to go on)',
    flag: '--target (a number from "appeal show", an id, a part of the name, or "all")',
    choices: definition.officials.map((official, index) => ({ name: `${index + 1}. ${official.name}${official.title ? `, ${official.title}` : ''}`, value: official, checked: index === 0 })),
  });
}

function report({ marks, notes }: MarkSentPlan, definition: CaseDefinition, file: string): string {
  const lines = [...notes];
  for (const mark of marks) {
    const official = definition.officials.find((candidate) => candidate.id === mark.official)!;
    lines.push(`Marked as sent: ${caseDisplayId(definition)} to ${official.name} by ${mark.channel} (${senderLabel(mark.sender)})`);
  }
  lines.push(marks.length ? `Recorded in ${file}` : 'Nothing new to mark as sent.');
  return `${lines.join('\n')}\n`;
}

async function senderName(given: string | undefined, asker: Asker): Promise<string> {
  if (given !== undefined) return checkOneLine(given, '--name', 'Give --name as your name on one line, as you signed the letter.')!;
  return askSenderName(asker, 'Your name, as you signed the letter:', '--name (or --all-senders to mark every letter made)');
}
