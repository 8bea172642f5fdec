import type { CaseDefinition } from '../cases/case-schema';
import { formatFieldPath } from '../cases/case-problem';
import { officialChannels } from '../cases/case-summary';
import type { ImportCheck, ImportedCase } from './import-document';

/** What import found and what to check, as the lines the command shows the coordinator. */

export function formatPath(path: readonly (string | number)[]): string {
  return formatFieldPath(path as (string | number)[]) || '(case)';
}

export function describeFindings(imported: ImportedCase): string[] {
  const data = imported.data as Record<string, unknown> & Partial<CaseDefinition>;
  const out: string[] = [];
  const stage = { first: 'first issue', update: 'update', final: 'final output' }[imported.stage];
  if (imported.found === 'petition') {
    out.push(`Found a petition, not an Urgent Action: "${data.title}".`);
    out.push('  It names no official to write to and has no model letter, so it becomes a petition case (kind: petition).');
    out.push(`  Addressed to: ${(data.petition as { addressed_to: string[] }).addressed_to.join(', ') || '(not found)'}`);
    out.push(`  Demands: ${(data.petition as { asks: string[] }).asks.length}`);
    return out;
  }
  out.push(`Found: ${data.ua_number ? `UA ${data.ua_number}` : 'an Urgent Action with no UA number'}, ${stage}: "${data.title}"`);
  out.push(`  Country:    ${data.country ?? '(not found)'}`);
  out.push(`  Status:     ${data.status}${data.status === 'closed' ? ' (no further action is requested)' : ''}`);
  out.push(`  Issued:     ${data.issue_date ?? '(not given)'}`);
  out.push(`  Deadline:   ${data.deadline ?? '(not given)'}`);
  out.push(`  Language:   ${data.preferred_languages?.join(' or ') ?? '(not given)'}`);
  out.push(`  People:     ${data.people?.map((person) => `${person.name}${person.pronouns ? ` (${person.pronouns})` : ''}`).join(', ') || '(none found)'}`);
  out.push(`  Officials:  ${imported.officials.length || 'none'}`);
  const officials = (data.officials ?? []) as CaseDefinition['officials'];
  imported.officials.forEach((official, index) => {
    const record = officials[index]!;
    out.push(`    ${index + 1}. ${official.name}${official.title ? `, ${official.title}` : official.organisation ? `, ${official.organisation}` : ''}${official.copy ? ' (copies to)' : ''}`);
    const channels = officialChannels(record).map((channel) => (channel === 'twitter' ? 'Twitter' : channel));
    const extra = [official.emailHidden && !official.email.length ? 'email hidden in the document' : '', official.post === false ? 'no post' : ''].filter(Boolean);
    const source = { line: 'its Salutation line', letter: "the model letter's opening", guess: 'a guess' }[official.salutationSource ?? 'guess'];
    out.push(`       ${[channels.join(', ') || 'no way to write given', ...extra].join('; ')}; salutation "${official.salutation}" (${source})`);
  });
  const letter = imported.letter;
  out.push(
    letter
      ? `  Model letter: ${letter.paragraphs.length} paragraph${letter.paragraphs.length === 1 ? '' : 's'}${letter.source === 'appeals' ? ', made from the bullet-point appeals' : letter.source === 'composed' ? ", composed from the document's demands (it has no model letter)" : ''}, closing "${String((imported.data.letter as { closing?: string } | undefined)?.closing ?? letter.closing ?? 'Yours sincerely,')}"`
      : '  Model letter: none in the document',
  );
  return out;
}

export function describeChecks(checks: readonly ImportCheck[], notes: readonly string[]): string[] {
  const out: string[] = [];
  if (checks.length) {
    out.push(`Check before use (${checks.length}, each marked "# CHECK:" in the case file):`);
    for (const check of checks) out.push(`  - ${formatPath(check.path)}: ${check.message}`);
  }
  if (notes.length) out.push('Also in the document:', ...notes.map((note) => `  - ${note}`));
  return out;
}

