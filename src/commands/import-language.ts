import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { CaseRecord } from '../cases/case-library';
import { caseDisplayId } from '../cases/case-summary';
import { AppError, DataError, ExitCode } from '../errors/app-error';
import { caseYamlText } from '../import/case-yaml';
import type { ImportedCase } from '../import/import-document';
import { describeFindings } from '../import/import-report';
import { applyAddedLetter, isLetterInNewLanguage, planAddedLetter } from '../import/letter-in-another-language';
import { validationProblems } from '../import/validate-draft';
import { describeLanguage } from '../letters/letter-language';
import { writeFilesTogether } from '../output/write-files-together';
import { createAsker } from '../prompts/ask';
import type { CommandContext } from './command-context';

/** Whether an imported document of a case in the library is that case's letter in a new language. */
export function isNewLanguageOf(existing: CaseRecord, imported: ImportedCase): boolean {
  return imported.template !== undefined && isLetterInNewLanguage(existing.definition, imported.letter);
}

/**
 * A document of a case already in the library, in a language the case has no letter in (the
 * German section's version of an English UA): adds its model letter to the case as the letter in
 * that language, with the salutations it gives, after showing the difference and asking, as
 * updates are. The case's other fields stay as they are.
 */
export async function addLetterInNewLanguage(
  context: CommandContext,
  existing: CaseRecord,
  imported: ImportedCase,
  options: { yes?: boolean; stdout?: boolean; cases?: string },
  partialNames: readonly string[],
  shown: (path: string) => string,
): Promise<void> {
  const { definition } = existing;
  const letter = imported.letter!;
  const plan = planAddedLetter(definition, {
    language: letter.language,
    template: imported.template!,
    paragraphs: letter.paragraphs.length,
    closing: letter.closing,
    opening: letter.opening,
    officials: imported.officials.map((official) => ({ name: official.name, salutation: official.salutation })),
  });
  const out = describeFindings(imported);
  out.push('', `${caseDisplayId(definition)} is already in the library: ${shown(existing.file)}${existing.builtin ? ' (it comes with appeal)' : ''}.`);
  out.push(`This document is its letter in ${describeLanguage(plan.language)}, which the case does not have yet. Importing it adds:`);
  for (const change of plan.changes) out.push(`  ${change.field}: ${change.lines.join(' ')}`);
  context.stdout.write(`${out.join('\n')}\n`);
  if (existing.builtin) {
    throw new AppError(`${caseDisplayId(definition)} comes with appeal, and import does not change the cases that come with it. Nothing was written.`, {
      exitCode: ExitCode.cantCreate,
      hint: 'To keep your own copy with this letter, import both documents with --no-builtin (into your own case folder, or --cases DIR).',
    });
  }
  const doc = parseDocument(readFileSync(existing.file, 'utf8'));
  applyAddedLetter(doc, plan);
  const yaml = caseYamlText(doc);
  const templateFile = resolve(dirname(existing.file), plan.templatePath);
  const problems = validationProblems(doc.toJS(), plan.template, partialNames);
  if (problems.length) throw new DataError('The case with this letter would not pass "appeal validate"; nothing was written:', { details: problems, hint: `Fix ${shown(existing.file)} first, then import again.` });
  if (options.stdout) {
    context.stdout.write(`${yaml}--- ${plan.templatePath}\n${plan.template}`);
    return;
  }
  const accepted = options.yes || (await createAsker(context, options.yes).confirm({ message: `Add the ${describeLanguage(plan.language)} letter to ${shown(existing.file)}?`, flag: '--yes' }));
  if (!accepted) {
    context.stdout.write(`Left ${shown(existing.file)} as it was.\n`);
    return;
  }
  writeFilesTogether([
    { path: templateFile, content: plan.template, replace: false },
    { path: existing.file, content: yaml, replace: true },
  ]);
  context.stdout.write(`Changed ${shown(existing.file)} and wrote ${shown(templateFile)}.\nWrite it with: appeal write ${definition.id}${options.cases ? ` --cases ${options.cases}` : ''} --language ${plan.language}\n`);
}
