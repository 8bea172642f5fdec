import { caseDisplayId, channelCounts, deadlineText, describeChannels } from '../cases/case-summary';
import { byDeadline, datedCase } from '../cases/case-order';
import { describeLanguages } from '../letters/letter-language';
import { caseLetterLanguages } from '../letters/model-letter';
import { localDateKey } from '../time/clock';
import { loadSettings, openCaseLibrary, staleLibraryNotes, warnAboutProblems, type CaseSourceFlags, type CommandContext } from './command-context';

export interface ListOptions extends CaseSourceFlags {
  all?: boolean;
  json?: boolean;
}

export async function listCommand(context: CommandContext, options: ListOptions): Promise<void> {
  const profile = await loadSettings(context);
  const library = await openCaseLibrary(context, options, profile);
  warnAboutProblems(context, library);
  for (const note of await staleLibraryNotes(context)) context.stderr.write(`${note}\n`);
  const today = context.clock.now();
  const listed = library.cases
    .map((record) => datedCase(record, today))
    .filter((item) => options.all || item.state === 'open')
    .sort(byDeadline);

  if (options.json) {
    const json = listed.map(({ record, state, daysLeft, probablyOver }) => ({
      id: record.definition.id,
      ua_number: record.definition.ua_number ?? null,
      kind: record.definition.kind,
      title: record.definition.title,
      people: record.definition.people.map((person) => person.name),
      status: state,
      deadline: record.definition.deadline ?? null,
      days_left: daysLeft,
      probably_over: probablyOver ?? null,
      officials: record.definition.officials.length, letter_languages: caseLetterLanguages(record.definition),
      channels: channelCounts(record.definition),
      file: record.file,
    }));
    context.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }

  const out: string[] = [];
  if (!listed.length) {
    out.push(`No open cases on ${localDateKey(today)}: every case is closed or past its deadline.`);
    out.push('See them all with "appeal list --all"; add case files with --cases DIR.');
    context.stdout.write(`${out.join('\n')}\n`);
    return;
  }
  out.push(options.all ? `All cases on ${localDateKey(today)}, open ones first:` : `Open cases on ${localDateKey(today)}, nearest deadline first:`);
  for (const { record, state, probablyOver } of listed) {
    const { definition } = record;
    const people = definition.people.map((person) => person.name).join(', ');
    out.push('');
    out.push(`${caseDisplayId(definition)}  ${people || '(no one person named)'}${options.all ? `  [${state}]` : ''}`);
    out.push(`  ${definition.title}`);
    out.push(`  id: ${definition.id} · deadline: ${deadlineText(definition, today)}`);
    if (probablyOver) out.push(`  probably over: check before writing (${probablyOver})`);
    if (definition.kind === 'petition') {
      out.push('  petition to international organisations: no official to write to');
    } else {
      const count = definition.officials.length;
      out.push(`  ${count} official${count === 1 ? '' : 's'}: ${describeChannels(channelCounts(definition))}`);
      out.push(...letterLanguagesLine(caseLetterLanguages(definition)));
    }
  }
  out.push('');
  out.push('Details: appeal show <id> · Write: appeal write <id>');
  context.stdout.write(`${out.join('\n')}\n`);
}

/** "letters in English (en) and Russian (ru)": which languages a case's letters are in. */
function letterLanguagesLine(languages: readonly string[]): string[] {
  return languages.length ? [`  letter${languages.length === 1 ? '' : 's'} in ${describeLanguages(languages)}`] : [];
}
