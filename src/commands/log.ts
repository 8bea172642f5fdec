import { senderLabel, type ActionRecord } from '../action-log/action-record';
import { actionLogFile, scanActionLog, type LogProblem } from '../action-log/log-file';
import { parsePeriod, recordFilter } from '../action-log/period';
import { columnWidths, formatRow } from '../output/text-table';
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

const HEADER = ['When', 'What', 'Case', 'Official', 'Format', 'Channel', 'Sender', 'File'];
const row = (record: ActionRecord) => [
  localTime(record.at),
  record.kind,
  record.case,
  record.official,
  record.kind === 'made' ? record.format : '-',
  record.channel,
  senderLabel(record.sender),
  record.kind === 'made' ? (record.file ?? '-') : '-',
];
/** Lines are written in groups: one write per record is slow, one for a year's log is too big. */
const LINES_PER_WRITE = 2000;

/**
 * Every letter made or marked as sent, oldest first, as the log holds them. The log is read as
 * a stream, several times over (which cases it names; the columns' widths; the rows), so a log of
 * any length is listed in little memory.
 */
export async function logCommand(context: CommandContext, options: LogOptions): Promise<void> {
  const period = parsePeriod(options);
  const file = actionLogFile(context.env);
  const log = { problems: [] as LogProblem[], records: { length: 0 } };
  const caseIds = new Set<string>();
  scanActionLog(file, { record: (record) => caseIds.add(record.case) && (log.records.length += 1), problem: (problem) => log.problems.push(problem) });
  warnAboutLogProblems(context, file, log);
  const caseId = options.case === undefined ? undefined : await loggedCaseId(options.case, caseIds, async () => {
    const library = await openCaseLibrary(context, options, await loadSettings(context));
    warnAboutProblems(context, library);
    return library;
  });
  const keep = recordFilter({ ...period, case: caseId, sender: options.sender });
  const each = (visit: (record: ActionRecord) => void) => scanActionLog(file, { record: (record) => keep(record) && visit(record), problem: () => undefined });

  if (options.json) {
    let count = 0;
    const out = new Lines(context);
    each((record) => out.push(`${count++ === 0 ? '[\n' : ',\n'}${JSON.stringify(record, null, 2).replace(/^/gm, '  ')}`));
    out.push(count ? '\n]\n' : '[]\n');
    out.flush();
    return;
  }
  const filtered = caseId !== undefined || period.since !== undefined || period.until !== undefined || options.sender !== undefined;
  let made = 0;
  let count = 0;
  const widths = columnWidths([HEADER]);
  each((record) => {
    count += 1;
    if (record.kind === 'made') made += 1;
    columnWidths([row(record)], widths);
  });
  if (!count) {
    context.stdout.write(
      log.records.length && filtered
        ? `No letters in ${file} match these filters (${plural(log.records.length, 'record')} in all).\n`
        : `No letters recorded yet in ${file}.\nLetters made with "appeal write" are recorded there; mark them as sent with "appeal sent".\n`,
    );
    return;
  }
  const out = new Lines(context);
  out.push(`${plural(made, 'letter')} made, ${count - made} marked as sent${filtered ? ' (filtered)' : ''}; log: ${file}\n\n${formatRow(HEADER, widths)}\n`);
  each((record) => out.push(`${formatRow(row(record), widths)}\n`));
  out.flush();
}

/** Output gathered into writes of LINES_PER_WRITE pieces. */
class Lines {
  private pending: string[] = [];
  constructor(private readonly context: CommandContext) {}
  push(text: string): void {
    this.pending.push(text);
    if (this.pending.length >= LINES_PER_WRITE) this.flush();
  }
  flush(): void {
    if (this.pending.length) this.context.stdout.write(this.pending.join(''));
    this.pending = [];
  }
}
