import { findCase } from '../cases/find-case';
import { caseDisplayId, caseState, deadlineText, officialChannels, probablyOverReason } from '../cases/case-summary';
import { dirname, relative } from 'node:path';
import { postalAddressLines } from '../addresses/postal-address';
import type { CaseRecord } from '../cases/case-library';
import { describeCaseOrigin } from '../cases/case-origin';
import type { CaseDefinition, Official } from '../cases/case-schema';
import { describeLanguage } from '../letters/letter-language';
import { englishLanguageName } from '../letters/languages';
import { loadSettings, openCaseLibrary, warnAboutProblems, type CaseSourceFlags, type CommandContext } from './command-context';

export interface ShowOptions extends CaseSourceFlags {
  json?: boolean;
}

export async function showCommand(context: CommandContext, query: string, options: ShowOptions): Promise<void> {
  const profile = await loadSettings(context);
  const library = await openCaseLibrary(context, options, profile);
  warnAboutProblems(context, library);
  const record = findCase(library.cases, query);
  const { definition } = record;
  const today = context.clock.now();
  const state = caseState(definition, today);

  if (options.json) {
    context.stdout.write(`${JSON.stringify({ ...definition, state, file: record.file, template: record.templateFile ?? null, source: record.origin }, null, 2)}\n`);
    return;
  }

  const out: string[] = [];
  const heading = `${caseDisplayId(definition)}: ${definition.title}`;
  out.push(heading, '='.repeat(Math.min(heading.length, 78)));
  out.push(`Case id: ${definition.id}${definition.country ? ` · Country: ${definition.country}` : ''}`);
  out.push(`Source: ${caseSource(record, context.cwd)}`);
  const over = probablyOverReason(definition, today);
  out.push(`Status: ${state === 'closed' ? 'closed (no further action is requested)' : state === 'expired' ? 'deadline passed (late letters may still help: check with your section)' : over ? `probably over: check before writing (${over})` : 'open'}`);
  out.push(`Deadline: ${deadlineText(definition, today)}`);
  if (definition.issue_date) out.push(`Issued: ${definition.issue_date}`);
  if (definition.preferred_languages?.length) out.push(`Preferred language: ${definition.preferred_languages.join(' or ')}`);
  out.push('', 'People concerned:');
  if (!definition.people.length) out.push('  (the document names no one person)');
  for (const person of definition.people) out.push(`  - ${person.name}${person.pronouns ? ` (${person.pronouns})` : ''}`);
  if (definition.summary) out.push('', 'Summary:', ...wrap(definition.summary, 76).map((line) => `  ${line}`));

  if (definition.petition) {
    out.push('', 'A petition, not a letter to an official. It is addressed to:');
    for (const addressee of definition.petition.addressed_to) out.push(`  - ${addressee}`);
    out.push('', 'What it asks:');
    for (const ask of definition.petition.asks) out.push(...wrap(ask, 74).map((line, i) => `${i === 0 ? '  - ' : '    '}${line}`));
    if (definition.petition.how_to_act) out.push('', `How to act: ${definition.petition.how_to_act}`);
  }

  if (definition.officials.length) {
    out.push('', `Officials to write to (${definition.officials.length}):`);
    definition.officials.forEach((official, index) => out.push('', ...officialLines(official, index + 1)));
  }

  if (definition.history.length) {
    out.push('', 'History:');
    for (const entry of definition.history) {
      const label = { first: 'First issue', update: 'Update', final: 'Final output' }[entry.stage];
      out.push(...wrap(`${label}${entry.date ? ` (${entry.date})` : ''}: ${entry.note}`, 74).map((line, i) => `${i === 0 ? '  - ' : '    '}${line}`));
    }
  }
  out.push(...letterLanguageLines(definition));
  if (definition.kind !== 'petition' && definition.officials.length) out.push('', `Write a letter: appeal write ${definition.id}`);
  if (record.origin.kind === 'folder') out.push(`Case file: ${shownPath(record.file, context.cwd)}, from your case folder ${shownPath(dirname(record.file), context.cwd)} (--cases, APPEAL_CASES or your profile).`);
  context.stdout.write(`${out.join('\n')}\n`);
}

/** Where the case came from, and which case of the same id it replaces. */
function caseSource(record: CaseRecord, cwd: string): string {
  const where = record.origin.kind === 'folder' ? `${describeCaseOrigin(record.origin)} (${shownPath(record.file, cwd)})` : describeCaseOrigin(record.origin);
  const replaced = (record.replaces ?? []).map((other) => describeCaseOrigin(other.origin));
  return `${where}${replaced.length ? `; it replaces the case of the same id in ${replaced.join(' and ')}` : ''}`;
}

function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** One official as `appeal show` lists them: the number to give --target, and every way to reach them. */
function officialLines(official: Official, number: number): string[] {
  const out = [`  ${number}. ${official.name}   [--target ${number} or --target ${official.id}]`];
  if (official.title) out.push(`     ${official.title}`);
  out.push(`     Salutation: ${official.salutation}`);
  for (const [language, salutation] of Object.entries(official.salutations ?? {})) out.push(`       in ${describeLanguage(language)}: ${salutation}`);
  const channels = officialChannels(official);
  out.push(`     Can be reached by: ${channels.length ? channels.join(', ') : 'no way given'}`);
  if (official.address?.length) {
    out.push('     Postal address:');
    for (const line of postalAddressLines(official, undefined).slice(1)) out.push(`       ${line}`);
  }
  if (official.post === false) out.push(`     No post: ${official.post_note ?? 'the case asks not to send letters by post'}`);
  if (official.email?.length) out.push(`     Email: ${official.email.join(', ')}`);
  else if (official.email_hidden) out.push('     Email: hidden in the document ("[email protected]"), so not known');
  if (official.fax?.length) out.push(`     Fax: ${official.fax.join(', ')}`);
  if (official.phone?.length) out.push(`     Phone: ${official.phone.join(', ')}`);
  if (official.twitter) out.push(`     Twitter: ${official.twitter}`);
  if (official.facebook) out.push(`     Facebook: ${official.facebook}`);
  if (official.instagram) out.push(`     Instagram: ${official.instagram}`);
  return out;
}

/** Which languages the case's letters are in, and which of them are translations made for appeal. */
function letterLanguageLines(definition: CaseDefinition): string[] {
  if (!definition.letter) return [];
  const lines = ['', 'Letters:', `  - ${describeLanguage(definition.letter.language)}: the document's model letter (--language ${definition.letter.language})`];
  for (const other of definition.letters) {
    const origin = other.translation
      ? `translated from ${englishLanguageName(other.translation.from)} by ${other.translation.by}, not published by the organisation`
      : 'the organisation\'s own version';
    lines.push(`  - ${describeLanguage(other.language)}: ${origin} (--language ${other.language})`);
  }
  return lines;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}
