import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { AppError, DataError, ExitCode, UsageError } from '../errors/app-error';
import { findCaseOfDocument } from '../cases/find-case';
import type { CaseRecord } from '../cases/case-library';
import { userCasesDir } from '../profile/app-paths';
import { createAsker } from '../prompts/ask';
import { writeFilesTogether } from '../output/write-files-together';
import { removeStaleTempFiles } from '../output/write-output-file';
import { localDateKey } from '../time/clock';
import type { ImportedCase } from '../import/import-document';
import { documentText, readDocumentFile, readStream } from '../import/read-document';
import { schemaLinkLines } from '../libraries/library-layout';
import { loadSettings, openCaseLibrary, type CommandContext } from './command-context';

export interface ImportOptions {
  cases?: string;
  builtin?: boolean;
  yes?: boolean;
  force?: boolean;
  stdout?: boolean;
}

async function readInput(context: CommandContext, file: string): Promise<{ bytes: Buffer; name: string }> {
  if (file !== '-') return { bytes: readDocumentFile(context.cwd, file), name: file };
  if (context.stdin.isTTY) {
    throw new UsageError('"-" reads the Urgent Action from standard input, and here that is the keyboard.', { hint: 'Pipe the document in (appeal import - < ua.txt), or give its file name.' });
  }
  return { bytes: await readStream(context.stdin, 'standard input'), name: 'standard input' };
}

function shown(context: CommandContext, path: string): string {
  const rel = relative(context.cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/**
 * The document read into a draft case. Its text is read before the importer (YAML, zod, the
 * finders) loads, so the plain PDF reader's short-lived objects are collected with few others still
 * young around them (2 ms less). A PDF that goes to pdf.js's thread has the importer load meanwhile.
 */
async function readUrgentAction(context: CommandContext, file: string): Promise<{ name: string; imported: ImportedCase; importer: typeof import('../import/importer') }> {
  const { bytes, name } = await readInput(context, file);
  let loading: Promise<typeof import('../import/importer')> | undefined;
  const loadImporter = () => {
    if (!loading) {
      loading = import('../import/importer');
      // Awaited below, once the text is read: a failure to load is reported then, not as an
      // unhandled rejection while pdf.js's thread is still reading.
      loading.catch(() => {});
    }
    return loading;
  };
  const text = await documentText(bytes, name, loadImporter);
  const importer = await loadImporter();
  const imported = importer.importDocument(text);
  if (imported.found === 'nothing') {
    throw new DataError(`No Urgent Action found in ${name}: ${imported.reason}. Nothing was written.`, {
      hint: 'appeal import reads an Urgent Action document: a PDF, or its text saved from a web page or an email.',
    });
  }
  return { name, imported, importer };
}

/**
 * Turns an Urgent Action (text, web page or PDF) into a case file and its model-letter template
 * in the user's case folder, or updates the case it is a later issue of, after showing the
 * difference and asking.
 */
export async function importCommand(context: CommandContext, file: string, options: ImportOptions): Promise<void> {
  const { name, imported, importer } = await readUrgentAction(context, file);
  const { caseDocument, caseYamlText, readsBackAsWritten, parseDocument, validationProblems, describeFindings, describeChecks } = importer;
  const profile = await loadSettings(context);
  const destination = resolve(context.cwd, options.cases ?? userCasesDir(context.env));
  if (existsSync(destination) && !statSync(destination).isDirectory()) {
    throw new UsageError(`--cases ${options.cases}: is a file, not a folder.`, { hint: 'Give the folder the case file should go into.' });
  }
  // What a killed import left in the folder is finished or taken back first, so it blocks nothing.
  if (!options.stdout && existsSync(destination)) removeStaleTempFiles(destination);
  const library = await openCaseLibrary(context, { cases: existsSync(destination) ? [destination] : [], builtin: options.builtin, libraries: false }, profile);
  const partialNames = Object.keys(library.templates.partials);
  const existing = findCaseOfDocument(library.cases, { uaNumber: imported.data.ua_number as string | undefined, id: imported.data.id, title: imported.data.title });
  if (existing) return updateCase(context, existing, imported, options, partialNames);

  const data = imported.data;
  const caseFile = join(destination, `${data.id}.yaml`);
  const templateFile = imported.template !== undefined ? join(destination, `${data.id}.hbs`) : undefined;
  const today = localDateKey(context.clock.now());
  const header = [
    ...schemaLinkLines(destination),
    `Draft made by "appeal import" from ${name === 'standard input' ? 'standard input' : basename(name)} on ${today}.`,
    imported.checks.length ? 'Check every value marked CHECK against the document, then delete the mark.' : 'Check it against the document before you use it.',
    ...imported.notes.map((note) => note.text),
  ];
  const yaml = caseYamlText(caseDocument(data, imported.checks, header));
  // Checked as "appeal validate" will read the file: the data it was written from, when the file
  // reads back to exactly that (as import's one-line values do), else the file read back.
  const written: unknown = readsBackAsWritten(data) ? data : parseDocument(yaml).toJS();
  const problems = validationProblems(written, imported.template, partialNames);

  if (options.stdout) {
    context.stdout.write(yaml);
    if (imported.template !== undefined) context.stdout.write(`--- ${data.id}.hbs\n${imported.template}`);
  } else {
    writeDraftFiles(context, destination, [
      ...(templateFile ? [{ path: templateFile, content: imported.template! }] : []),
      { path: caseFile, content: yaml },
    ], Boolean(options.force));
  }

  const out = describeFindings(imported);
  if (!options.stdout) out.push('Wrote:', ...[caseFile, ...(templateFile ? [templateFile] : [])].map((path) => `  ${shown(context, path)}`));
  out.push(...describeChecks(imported.checks, imported.notes.filter((note) => note.kind !== 'counter').map((note) => note.text)));
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

/** Writes the case file and its model letter together, or neither; never over a file that is not this case's without --force. */
function writeDraftFiles(context: CommandContext, destination: string, drafts: { path: string; content: string }[], force: boolean): void {
  mkdirSync(destination, { recursive: true });
  if (!force) {
    const taken = drafts.find((draft) => existsSync(draft.path));
    if (taken) {
      throw new AppError(`${shown(context, taken.path)} already exists; nothing was written.`, {
        exitCode: ExitCode.cantCreate,
        hint: 'It is not a case of this UA in your library (it may have problems: run "appeal validate"). Add --force to replace it, or choose another folder with --cases.',
      });
    }
  }
  writeFilesTogether(drafts.map((draft) => ({ ...draft, replace: force })));
}

async function updateCase(context: CommandContext, existing: CaseRecord, imported: ImportedCase, options: ImportOptions, partialNames: readonly string[]): Promise<void> {
  const { addLetterInNewLanguage, isNewLanguageOf } = await import('./import-language');
  if (isNewLanguageOf(existing, imported)) return addLetterInNewLanguage(context, existing, imported, options, partialNames, (path) => shown(context, path));
  const { planCaseUpdate, applyCaseUpdate, caseYamlText, parseDocument, validationProblems, describeFindings, describeChecks } = await import('../import/importer');
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
  writeFilesTogether([...(templatePath ? [{ path: templatePath, content: plan.template!, replace: true }] : []), { path: existing.file, content: yaml, replace: true }]);
  const done = [`Changed ${shown(context, existing.file)}${templatePath ? ` and ${shown(context, templatePath)}` : ''}.`];
  done.push(...describeChecks(plan.checks, []));
  context.stdout.write(`${done.join('\n')}\n`);
}
