import { existsSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { AppError, DataError, ExitCode, UsageError } from '../errors/app-error';
import { caseSchema, type CaseDefinition } from '../cases/case-schema';
import { formatFieldPath } from '../cases/case-problem';
import { uaNumberKey } from '../cases/find-case';
import type { CaseRecord } from '../cases/case-library';
import { officialChannels } from '../cases/case-summary';
import { checkTemplate } from '../letters/letter-templates';
import { userCasesDir } from '../profile/app-paths';
import { createAsker } from '../prompts/ask';
import { assertCanWrite, commitTempFile, removePendingTempFiles, tempPathFor, writeError } from '../output/write-output-file';
import { localDateKey } from '../time/clock';
import { importDocument, type ImportCheck, type ImportedCase } from '../import/import-document';
import { caseDocument, caseYamlText } from '../import/case-yaml';
import { applyCaseUpdate, planCaseUpdate } from '../import/case-update';
import { isPdf } from '../import/pdf-text';
import { schemaLinkLines } from '../libraries/library-layout';
import { htmlToText, isHtml } from '../import/html-text';
import { loadSettings, openCaseLibrary, type CommandContext } from './command-context';

export interface ImportOptions {
  cases?: string;
  builtin?: boolean;
  yes?: boolean;
  force?: boolean;
  stdout?: boolean;
}

const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

async function readInput(context: CommandContext, file: string): Promise<{ bytes: Buffer; name: string }> {
  if (file === '-') {
    if (context.stdin.isTTY) {
      throw new UsageError('"-" reads the Urgent Action from standard input, and here that is the keyboard.', { hint: 'Pipe the document in (appeal import - < ua.txt), or give its file name.' });
    }
    const chunks: Buffer[] = [];
    for await (const chunk of context.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return { bytes: Buffer.concat(chunks), name: 'standard input' };
  }
  const path = resolve(context.cwd, file);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    throw new AppError(`Cannot read ${file}: ${why}.`, { exitCode: ExitCode.noInput, hint: 'Give the path of the Urgent Action (a PDF or a text file), or "-" to read standard input.' });
  }
  if (size > MAX_DOCUMENT_BYTES) throw new DataError(`${file} is ${(size / 1024 / 1024).toFixed(0)} MB; an Urgent Action is a few pages.`, { hint: 'Check that this is the right file.' });
  return { bytes: readFileSync(path), name: file };
}

/** The document's text: a PDF's extracted text, a web page's visible text, or the text itself. */
async function documentText(bytes: Buffer, name: string): Promise<string> {
  if (isPdf(bytes)) {
    const { extractPdfText } = await import('../import/pdf-text');
    let text: string;
    try {
      text = await extractPdfText(bytes);
    } catch (error) {
      throw new DataError(`${name} is a PDF that cannot be read: ${(error as Error).message}. Nothing was written.`, { hint: 'Open it in a PDF reader, copy its text into a file, and import that file.' });
    }
    if (!text.trim()) throw new DataError(`${name} is a PDF with no text in it (a scan?). Nothing was written.`, { hint: 'Copy its text into a text file by hand or with a text-recognition program, and import that file.' });
    return text;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Older emails and pages are often Windows-1252.
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return isHtml(text) ? htmlToText(text) : text;
}

function shown(context: CommandContext, path: string): string {
  const rel = relative(context.cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function formatPath(path: readonly (string | number)[]): string {
  return formatFieldPath(path as (string | number)[]) || '(case)';
}

/** The case in the library that the document is a later (or the same) issue of. */
function findExisting(cases: readonly CaseRecord[], imported: ImportedCase): CaseRecord | undefined {
  const number = imported.data.ua_number as string | undefined;
  if (number) {
    const key = uaNumberKey(number);
    const byNumber = cases.find((record) => record.definition.ua_number && uaNumberKey(record.definition.ua_number) === key);
    if (byNumber) return byNumber;
  }
  return cases.find((record) => record.definition.id === imported.data.id);
}

function validationProblems(data: unknown, template: string | undefined, partialNames: readonly string[]): string[] {
  const problems: string[] = [];
  const parsed = caseSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${formatPath(issue.path.filter((key): key is string | number => typeof key !== 'symbol'))}: ${issue.message}`);
    }
  }
  if (template !== undefined) {
    for (const problem of checkTemplate(template, partialNames)) problems.push(`model letter, line ${problem.line}: ${problem.message}`);
  }
  return problems;
}

/** Writes several files so that either all of them land or none does. */
function writeAll(files: { path: string; content: string; replace: boolean }[]): void {
  for (const file of files) if (!file.replace) assertCanWrite(file.path, false);
  const temps: string[] = [];
  try {
    for (const file of files) {
      const temp = tempPathFor(file.path);
      writeFileSync(temp, file.content, { flag: 'wx' });
      temps.push(temp);
    }
  } catch (error) {
    // Every temporary file of this run, the one whose write failed too; never hides the error.
    removePendingTempFiles();
    throw writeError(files[temps.length]!.path, error);
  }
  const done: string[] = [];
  try {
    files.forEach((file, index) => {
      commitTempFile(temps[index]!, file.path, file.replace);
      done.push(file.path);
    });
  } catch (error) {
    // Take back what landed, so a failure leaves the folder as it was; new files only.
    for (const [index, path] of done.entries()) if (!files[index]!.replace) unlinkSync(path);
    for (const temp of temps.slice(done.length + 1)) if (existsSync(temp)) unlinkSync(temp);
    throw error;
  }
}

function describeFindings(imported: ImportedCase): string[] {
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
      ? `  Model letter: ${letter.paragraphs.length} paragraph${letter.paragraphs.length === 1 ? '' : 's'}${letter.source === 'appeals' ? ', made from the bullet-point appeals' : ''}, closing "${letter.closing ?? 'Yours sincerely,'}"`
      : '  Model letter: none in the document',
  );
  return out;
}

function describeChecks(checks: readonly ImportCheck[], notes: readonly string[]): string[] {
  const out: string[] = [];
  if (checks.length) {
    out.push(`Check before use (${checks.length}, each marked "# CHECK:" in the case file):`);
    for (const check of checks) out.push(`  - ${formatPath(check.path)}: ${check.message}`);
  }
  if (notes.length) out.push('Also in the document:', ...notes.map((note) => `  - ${note}`));
  return out;
}

/**
 * Turns an Urgent Action (text, web page or PDF) into a case file and its model-letter template
 * in the user's case folder, or updates the case it is a later issue of, after showing the
 * difference and asking.
 */
export async function importCommand(context: CommandContext, file: string, options: ImportOptions): Promise<void> {
  const { bytes, name } = await readInput(context, file);
  const imported = importDocument(await documentText(bytes, name));
  if (imported.found === 'nothing') {
    throw new DataError(`No Urgent Action found in ${name}: ${imported.reason}. Nothing was written.`, {
      hint: 'appeal import reads an Urgent Action document: a PDF, or its text saved from a web page or an email.',
    });
  }

  const profile = loadSettings(context);
  const destination = resolve(context.cwd, options.cases ?? userCasesDir(context.env));
  if (existsSync(destination) && !statSync(destination).isDirectory()) {
    throw new UsageError(`--cases ${options.cases}: is a file, not a folder.`, { hint: 'Give the folder the case file should go into.' });
  }
  const library = openCaseLibrary(context, { cases: existsSync(destination) ? [destination] : [], builtin: options.builtin, libraries: false }, profile);
  const partialNames = Object.keys(library.templates.partials);
  const existing = findExisting(library.cases, imported);
  if (existing) return updateCase(context, existing, imported, options, partialNames);

  const data = imported.data;
  const caseFile = join(destination, `${data.id}.yaml`);
  const templateFile = imported.template !== undefined ? join(destination, `${data.id}.hbs`) : undefined;
  const today = localDateKey(context.clock.now());
  const header = [
    ...schemaLinkLines(destination),
    `Draft made by "appeal import" from ${name === 'standard input' ? 'standard input' : basename(name)} on ${today}.`,
    imported.checks.length ? 'Check every value marked CHECK against the document, then delete the mark.' : 'Check it against the document before you use it.',
    ...imported.notes,
  ];
  const yaml = caseYamlText(caseDocument(data, imported.checks, header));
  const problems = validationProblems(parseDocument(yaml).toJS(), imported.template, partialNames);

  if (options.stdout) {
    context.stdout.write(yaml);
    if (imported.template !== undefined) context.stdout.write(`--- ${data.id}.hbs\n${imported.template}`);
  } else {
    mkdirSync(destination, { recursive: true });
    const files = [
      ...(templateFile ? [{ path: templateFile, content: imported.template!, replace: Boolean(options.force) }] : []),
      { path: caseFile, content: yaml, replace: Boolean(options.force) },
    ];
    for (const output of files) {
      if (!output.replace && existsSync(output.path)) {
        throw new AppError(`${shown(context, output.path)} already exists; nothing was written.`, {
          exitCode: ExitCode.cantCreate,
          hint: 'It is not a case of this UA in your library (it may have problems: run "appeal validate"). Add --force to replace it, or choose another folder with --cases.',
        });
      }
    }
    writeAll(files);
  }

  const out = describeFindings(imported);
  if (!options.stdout) out.push('Wrote:', ...[caseFile, ...(templateFile ? [templateFile] : [])].map((path) => `  ${shown(context, path)}`));
  out.push(...describeChecks(imported.checks, imported.notes.filter((note) => !note.startsWith('The page shows'))));
  if (problems.length) {
    (options.stdout ? context.stderr : context.stdout).write(`${out.join('\n')}\n`);
    throw new DataError(`The draft does not pass "appeal validate" yet; fill in what is missing${options.stdout ? '' : ` in ${shown(context, caseFile)}`}:`, {
      details: problems,
      hint: 'The document does not give these; find them and add them, then run "appeal validate".',
    });
  }
  if (!options.stdout) {
    const where = options.cases ? ` --cases ${options.cases}` : '';
    out.push(`Next: check it with "appeal show ${data.id}${where}"${imported.found === 'petition' ? '.' : `, then write with "appeal write ${data.id}${where}".`}`);
  }
  (options.stdout ? context.stderr : context.stdout).write(`${out.join('\n')}\n`);
}

async function updateCase(context: CommandContext, existing: CaseRecord, imported: ImportedCase, options: ImportOptions, partialNames: readonly string[]): Promise<void> {
  const definition = existing.definition;
  const label = definition.ua_number ? `UA ${definition.ua_number}` : definition.id;
  const stage = { first: 'the first issue', update: 'an update', final: 'the final output' }[imported.stage];
  const plan = planCaseUpdate(definition, existing.templateSource, imported);
  const out = describeFindings(imported);
  out.push('', `${label} is already in the library: ${shown(context, existing.file)}${existing.builtin ? ' (it comes with appeal)' : ''}.`);
  if (!plan.changes.length) {
    out.push(`This document is ${stage} of it and changes nothing there; nothing was written.`);
    context.stdout.write(`${out.join('\n')}\n`);
    return;
  }
  out.push(`This document is ${stage} of it. Importing it changes:`);
  for (const change of plan.changes) {
    if (change.lines.length === 1) out.push(`  ${change.field}: ${change.lines[0]}`);
    else out.push(`  ${change.field}:`, ...change.lines.map((line) => `    ${line}`));
  }
  context.stdout.write(`${out.join('\n')}\n`);
  if (existing.builtin) {
    throw new AppError(`${label} comes with appeal, and import does not change the cases that come with it. Nothing was written.`, {
      exitCode: ExitCode.cantCreate,
      hint: 'To keep your own copy with these changes, import it with --no-builtin (into your own case folder, or --cases DIR), and use --no-builtin when you list, show and write it.',
    });
  }

  const doc = parseDocument(readFileSync(existing.file, 'utf8'));
  applyCaseUpdate(doc, plan);
  const yaml = caseYamlText(doc);
  const templatePath = plan.template !== undefined ? resolve(dirname(existing.file), definition.letter?.template ?? `${definition.id}.hbs`) : undefined;
  const problems = validationProblems(doc.toJS(), plan.template, partialNames);
  if (problems.length) {
    throw new DataError(`The changed case would not pass "appeal validate"; nothing was written:`, { details: problems, hint: `Fix ${shown(context, existing.file)} first, then import again.` });
  }
  if (options.stdout) {
    context.stdout.write(yaml);
    if (plan.template !== undefined) context.stdout.write(`--- ${basename(templatePath!)}\n${plan.template}`);
    return;
  }
  const asker = createAsker(context, options.yes);
  const accepted = options.yes || (await asker.confirm({ message: `Change ${shown(context, existing.file)}${templatePath ? ` and its model letter` : ''}?`, flag: '--yes' }));
  if (!accepted) {
    context.stdout.write(`Left ${shown(context, existing.file)} as it was.\n`);
    return;
  }
  writeAll([...(templatePath ? [{ path: templatePath, content: plan.template!, replace: true }] : []), { path: existing.file, content: yaml, replace: true }]);
  const done = [`Changed ${shown(context, existing.file)}${templatePath ? ` and ${shown(context, templatePath)}` : ''}.`];
  done.push(...describeChecks(plan.checks, []));
  context.stdout.write(`${done.join('\n')}\n`);
}
