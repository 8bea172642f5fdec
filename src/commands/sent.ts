import { findCase } from '../cases/find-case';
import { resolveTargets } from '../cases/resolve-targets';
import { caseDisplayId, officialChannels } from '../cases/case-summary';
import type { Official } from '../cases/case-schema';
import { UsageError } from '../errors/app-error';
import { writeError } from '../output/write-output-file';
import { ACTION_LOG_VERSION, SENT_CHANNELS, senderKey, senderLabel, type ActionRecord, type SentChannel, type SentRecord } from '../action-log/action-record';
import { actionLogFile, appendRecords, readActionLog } from '../action-log/log-file';
import { letterCounts } from '../action-log/totals';
import { createAsker } from '../prompts/ask';
import { normalizePersonText, personTextProblem, PERSON_TEXT_LIMITS } from '../text/person-name';
import { localDateKey } from '../time/clock';
import { warnAboutLogProblems } from './action-log-cases';
import { loadSettings, openCaseLibrary, warnAboutProblems, type CaseSourceFlags, type CommandContext } from './command-context';

export interface SentOptions extends CaseSourceFlags {
  target?: string[];
  name?: string;
  allSenders?: boolean;
  channel?: string;
  yes?: boolean;
}

const isSentChannel = (channel: string): channel is SentChannel => (SENT_CHANNELS as readonly string[]).includes(channel);

/**
 * How a letter went: the flag; else the channel of the letter made, when that says; else the one
 * way among post and email the official takes. A plain-text letter to an official who takes
 * both leaves only the person who sent it able to say.
 */
function sentChannel(flag: SentChannel | undefined, lastMade: ActionRecord | undefined, official: Official, caseLabel: string): SentChannel {
  if (flag) return flag;
  if (lastMade && isSentChannel(lastMade.channel)) return lastMade.channel;
  const ways = officialChannels(official).filter((channel): channel is 'post' | 'email' => channel === 'post' || channel === 'email');
  if (ways.length === 1) return ways[0]!;
  throw new UsageError(`How was the letter to ${official.name} (${caseLabel}) sent?`, {
    details: [lastMade ? `It was made as ${lastMade.kind === 'made' ? lastMade.format : 'a letter'}, which can go more than one way.` : 'appeal made no letter to this official, so it cannot tell.'],
    hint: `Say it with --channel ${SENT_CHANNELS.join(', --channel ')}.`,
  });
}

/**
 * Marks letters as actually sent: one "sent" record per member and official, never more sent
 * letters than were made (one, when the letter was made outside appeal), so running it twice
 * does not count a letter twice.
 */
export async function sentCommand(context: CommandContext, query: string, options: SentOptions): Promise<void> {
  const channelFlag = options.channel?.trim().toLowerCase();
  if (channelFlag !== undefined && !isSentChannel(channelFlag)) {
    throw new UsageError(`--channel ${options.channel}: not a way appeal counts.`, { hint: `Choose one of: ${SENT_CHANNELS.join(', ')}.` });
  }
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
  const officials = options.target?.length
    ? resolveTargets(definition.officials, options.target)
    : definition.officials.length === 1
      ? [...definition.officials]
      : await asker.choose({
          message: 'Which letters were sent? (space to choose, enter to go on)',
          flag: '--target (a number from "appeal show", an id, a part of the name, or "all")',
          choices: definition.officials.map((official, index) => ({ name: `${index + 1}. ${official.name}${official.title ? `, ${official.title}` : ''}`, value: official, checked: index === 0 })),
        });

  const senders: (string | null)[] = options.allSenders ? [] : [await senderName(options.name ?? settings.name, asker)];
  const at = context.clock.now().toISOString();
  const marks: SentRecord[] = [];
  const notes: string[] = [];
  for (const official of officials) {
    const candidates = options.allSenders ? madeSenders(log.records, definition.id, official.id) : senders;
    if (options.allSenders && !candidates.length) notes.push(`No letter to ${official.name} was made with appeal; give --name to mark one sent all the same.`);
    for (const sender of candidates) {
      const counts = letterCounts(log.records, definition.id, official.id, sender);
      // The name as the letter was signed, however it was typed now.
      const signed = counts.lastMade?.sender ?? counts.lastSent?.sender ?? sender;
      if (counts.sent >= Math.max(counts.made, 1)) {
        if (counts.lastSent) notes.push(`${signed === null ? 'The blank letter' : `${signed}'s letter`} to ${official.name} was already marked as sent on ${localDateKey(new Date(counts.lastSent.at))}; not counted again.`);
        continue;
      }
      const channel = sentChannel(channelFlag as SentChannel | undefined, counts.lastMade, official, caseLabel);
      // Every letter made and not yet marked (a batch's blank letters share one "sender").
      for (let n = counts.sent; n < Math.max(counts.made, 1); n++) {
        marks.push({ v: ACTION_LOG_VERSION, kind: 'sent', at, case: definition.id, official: official.id, channel, sender: signed });
      }
    }
  }

  const out = [...notes];
  if (marks.length) {
    try {
      appendRecords(file, marks);
    } catch (error) {
      throw writeError(file, error);
    }
    for (const mark of marks) {
      const official = definition.officials.find((candidate) => candidate.id === mark.official)!;
      out.push(`Marked as sent: ${caseLabel} to ${official.name} by ${mark.channel} (${senderLabel(mark.sender)})`);
    }
    out.push(`Recorded in ${file}`);
  } else {
    out.push('Nothing new to mark as sent.');
  }
  context.stdout.write(`${out.join('\n')}\n`);
}

/** Every sender with a letter to this official made with appeal, in log order. */
function madeSenders(records: readonly ActionRecord[], caseId: string, officialId: string): (string | null)[] {
  const seen = new Map<string, string | null>();
  for (const record of records) {
    if (record.kind === 'made' && record.case === caseId && record.official === officialId && !seen.has(senderKey(record.sender))) seen.set(senderKey(record.sender), record.sender);
  }
  return [...seen.values()];
}

async function senderName(given: string | undefined, asker: ReturnType<typeof createAsker>): Promise<string> {
  if (given !== undefined) {
    const trimmed = normalizePersonText(given);
    const problem = personTextProblem(trimmed, PERSON_TEXT_LIMITS.name);
    if (problem || !trimmed) throw new UsageError(`--name ${problem ?? 'is empty'}.`, { hint: 'Give --name as your name on one line, as you signed the letter.' });
    return trimmed;
  }
  const answer = await asker.text({
    message: 'Your name, as you signed the letter:',
    flag: '--name (or --all-senders to mark every letter made)',
    validate: (value) => (value.trim() ? true : 'Please type your name.'),
  });
  return normalizePersonText(answer);
}
