import { senderLabel, type ActionRecord } from '../action-log/action-record';
import { actionLogFile, readActionLog } from '../action-log/log-file';
import { filterRecords, parsePeriod } from '../action-log/period';
import { formatTable } from '../output/text-table';
import { localDateKey } from '../time/clock';
import { loggedCaseId } from '../action-log/logged-cases';
import { warnAboutLogProblems } from './log-problems';
import { loadSettings, openCaseLibrary, warnAboutProblems, type CaseSourceFlags, type CommandContext } from './command-context';

export interface LogOptions extends CaseSourceFlags {
  case?: string;
  since?: string;
  until?: string;
  sender?: string;
  json?: boolean;
}

function localTime(at: string): string {
  const date = new Date(at);
  return `${localDateKey(date)} ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Every letter made or marked as sent, oldest first, as the log holds them. */
export async function logCommand(context: CommandContext, options: LogOptions): Promise<void> {
  const period = parsePeriod(options);
  const file = actionLogFile(context.env);
  const log = readActionLog(file);
  warnAboutLogProblems(context, file, log);
  const caseId = options.case === undefined ? undefined : loggedCaseId(options.case, log.records, () => {
    const library = openCaseLibrary(context, options, loadSettings(context));
    warnAboutProblems(context, library);
    return library;
  });
  const records = filterRecords(log.records, { ...period, case: caseId, sender: options.sender });

  if (options.json) {
    context.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
    return;
  }
  const filtered = caseId !== undefined || period.since !== undefined || period.until !== undefined || options.sender !== undefined;
  if (!records.length) {
    context.stdout.write(
      log.records.length && filtered
        ? `No letters in ${file} match these filters (${plural(log.records.length, 'record')} in all).\n`
        : `No letters recorded yet in ${file}.\nLetters made with "appeal write" are recorded there; mark them as sent with "appeal sent".\n`,
    );
    return;
  }
  const made = records.filter((record) => record.kind === 'made').length;
  const out = [`${plural(made, 'letter')} made, ${records.length - made} marked as sent${filtered ? ' (filtered)' : ''}; log: ${file}`, ''];
  const rows = [['When', 'What', 'Case', 'Official', 'Format', 'Channel', 'Sender', 'File'], ...records.map((record: ActionRecord) => [
    localTime(record.at),
    record.kind,
    record.case,
    record.official,
    record.kind === 'made' ? record.format : '-',
    record.channel,
    senderLabel(record.sender),
    record.kind === 'made' ? (record.file ?? '-') : '-',
  ])];
  out.push(...formatTable(rows));
  context.stdout.write(`${out.join('\n')}\n`);
}
