import { UsageError } from '../errors/app-error';
import { actionLogFile, readActionLog } from '../action-log/log-file';
import { filterRecords, parsePeriod, type Period } from '../action-log/period';
import { computeTotals, type ActionTotals, type Count } from '../action-log/totals';
import { formatTable } from '../output/text-table';
import { caseNames, loggedCaseId, type CaseNames } from '../action-log/logged-cases';
import { warnAboutLogProblems } from './log-problems';
import { loadSettings, openCaseLibrary, warnAboutProblems, type CaseSourceFlags, type CommandContext } from './command-context';

export interface ReportOptions extends CaseSourceFlags {
  since?: string;
  until?: string;
  json?: boolean;
  csv?: boolean;
}

const CHANNEL_LABELS: Record<string, string> = {
  post: 'post',
  email: 'email',
  fax: 'fax',
  unknown: 'not known yet (plain text)',
};

function periodText(period: Period): string {
  if (period.since && period.until) return period.since === period.until ? `on ${period.since}` : `from ${period.since} to ${period.until}`;
  if (period.since) return `since ${period.since}`;
  if (period.until) return `until ${period.until}`;
  return 'all dates';
}

/**
 * The totals a UA's report form asks for, from the local log only: letters made and sent per
 * case, per official, per channel, and the members who wrote. Nothing is sent anywhere.
 */
export async function reportCommand(context: CommandContext, query: string | undefined, options: ReportOptions): Promise<void> {
  if (options.json && options.csv) throw new UsageError('--json and --csv cannot be used together.', { hint: 'Choose one of them.' });
  const period = parsePeriod(options);
  const file = actionLogFile(context.env);
  const log = readActionLog(file);
  warnAboutLogProblems(context, file, log);
  const library = openCaseLibrary(context, options, loadSettings(context));
  warnAboutProblems(context, library);
  const caseId = query === undefined ? undefined : loggedCaseId(query, log.records, () => library);
  const totals = computeTotals(filterRecords(log.records, { ...period, case: caseId }));
  const names = caseNames(library);

  if (options.json) {
    context.stdout.write(`${JSON.stringify(reportJson(totals, names, { file, caseId, period }), null, 2)}\n`);
  } else if (options.csv) {
    const { stringify } = await import('csv-stringify/sync');
    context.stdout.write(stringify(reportCsvRows(totals, names, period), { header: true, columns: [...CSV_COLUMNS] }));
  } else {
    context.stdout.write(reportText(totals, names, { file, caseId, period }));
  }
}

interface ReportScope {
  file: string;
  caseId: string | undefined;
  period: Period;
}

function reportJson(totals: ActionTotals, names: CaseNames, scope: ReportScope) {
  return {
    log: scope.file,
    case: scope.caseId ?? null,
    since: scope.period.since ?? null,
    until: scope.period.until ?? null,
    letters: totals.all,
    cases: totals.cases.map((entry) => ({ case: entry.case, ua_number: names.uaNumber(entry.case) ?? null, people: names.people(entry.case), made: entry.made, sent: entry.sent })),
    officials: totals.officials.map((entry) => ({ case: entry.case, official: entry.official, name: names.officialName(entry.case, entry.official) ?? null, made: entry.made, sent: entry.sent })),
    channels: totals.channels,
    member_count: totals.members.length,
    members: totals.members,
    blank: totals.blank,
  };
}

export const CSV_COLUMNS = ['section', 'case', 'ua_number', 'official', 'official_name', 'channel', 'member', 'made', 'sent', 'since', 'until'] as const;
type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string | number>>;

/** One table, one row per total, so a coordinator can add up several groups' files. */
function reportCsvRows(totals: ActionTotals, names: CaseNames, period: Period): CsvRow[] {
  const dates = { since: period.since ?? '', until: period.until ?? '' };
  const count = (entry: Count) => ({ made: entry.made, sent: entry.sent, ...dates });
  return [
    { section: 'total', ...count(totals.all) },
    ...totals.cases.map((entry) => ({ section: 'case', case: entry.case, ua_number: names.uaNumber(entry.case) ?? '', ...count(entry) })),
    ...totals.officials.map((entry) => ({
      section: 'official',
      case: entry.case,
      ua_number: names.uaNumber(entry.case) ?? '',
      official: entry.official,
      official_name: names.officialName(entry.case, entry.official) ?? '',
      ...count(entry),
    })),
    ...totals.channels.map((entry) => ({ section: 'channel', channel: entry.channel, ...count(entry) })),
    ...totals.members.map((entry) => ({ section: 'member', member: entry.name, ...count(entry) })),
    ...(totals.blank.made || totals.blank.sent ? [{ section: 'blank', ...count(totals.blank) }] : []),
  ];
}

function reportText(totals: ActionTotals, names: CaseNames, scope: ReportScope): string {
  const numbers = (entry: Count) => [String(entry.made), String(entry.sent)];
  const rows: string[][] = [['', 'made', 'sent'], ['All letters', ...numbers(totals.all)]];
  const section = (title: string, entries: [string, Count][]) => {
    if (!entries.length) return;
    rows.push([''], [title]);
    for (const [label, count] of entries) rows.push([`  ${label}`, ...numbers(count)]);
  };
  section('By case', totals.cases.map((entry) => [names.caseLabel(entry.case), entry]));
  section('By official', totals.officials.map((entry) => [`${names.caseLabel(entry.case).replace(/ \(.*\)$/, '')}: ${names.officialName(entry.case, entry.official) ?? entry.official}`, entry]));
  section('By channel', totals.channels.map((entry) => [CHANNEL_LABELS[entry.channel] ?? entry.channel, entry]));
  const memberCount = totals.members.length;
  section(`Members who wrote: ${memberCount}`, [
    ...totals.members.map((entry): [string, Count] => [entry.name, entry]),
    ...(totals.blank.made || totals.blank.sent ? [['blank letters (no name)', totals.blank] as [string, Count]] : []),
  ]);

  const heading = `Letters made and sent${scope.caseId ? ` for ${names.caseLabel(scope.caseId)}` : ''}, ${periodText(scope.period)}`;
  const out = [heading, `Log: ${scope.file}`, ''];
  out.push(...formatTable(rows, { align: ['left', 'right', 'right'] }));
  if (!totals.all.made && !totals.all.sent) out.push('', 'No letters recorded for this report. Letters made with "appeal write" are counted here.');
  if (totals.all.made > totals.all.sent) {
    out.push('', 'Once letters are posted or emailed, count them as sent: appeal sent <case> --target ... (plain-text letters then count under the channel used).');
  }
  return `${out.join('\n')}\n`;
}
