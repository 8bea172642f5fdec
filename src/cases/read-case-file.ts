import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, visit, type Document, type Node } from 'yaml';
import { caseSchema, type CaseDefinition } from './case-schema';
import { formatFieldPath, ofCase, type CaseProblem } from './case-problem';
import { FileRefusal, readRegularFile } from '../files/read-regular-file';
import { findControlCharacter, findControlInValue } from '../text/terminal-text';

export const MAX_CASE_FILE_BYTES = 1024 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface CaseFileResult {
  definition?: CaseDefinition;
  problems: CaseProblem[];
  /** Finds the line and column of a field, for problems found after validation (templates). */
  locate(path: readonly (string | number)[]): { line: number; column: number } | undefined;
}

/**
 * Reads one case file and checks it completely: YAML syntax, then the schema. Every problem is
 * reported at once, each with its line, column and field path. YAML features a case file never
 * needs (tags, aliases, several documents) are refused rather than interpreted, since case files
 * are shared between groups and may come from anywhere.
 */
export function readCaseFile(file: string, displayName = file): CaseFileResult {
  const problems: CaseProblem[] = [];
  const lineCounter = new LineCounter();
  const at = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const fail = (message: string, hint?: string, offset?: number): CaseFileResult => {
    problems.push({ severity: 'error', file: displayName, ...at(offset), message, hint });
    return { problems, locate: () => undefined };
  };

  let source: Buffer;
  try {
    // Only a regular file, and never more than the limit: a named pipe would hang every command,
    // a link to /dev/zero would fill the memory.
    source = readRegularFile(file, MAX_CASE_FILE_BYTES);
  } catch (error) {
    if (!(error instanceof FileRefusal)) throw error;
    if (error.tooLarge) {
      const size = error.tooLarge.size === undefined ? 'larger than 1 MB' : `${(error.tooLarge.size / 1024 / 1024).toFixed(1)} MB`;
      return fail(`is ${size}; a case file may be at most 1 MB`, 'A case file holds one Urgent Action; move long texts out or split the file.');
    }
    return fail(error.reason, 'A case folder holds case files (.yaml) and model letters (.hbs), each a plain file; remove or replace this entry.');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(source);
  } catch {
    return fail('is not UTF-8 text', 'Save it as UTF-8 in your editor.');
  }
  const control = findControlCharacter(text);
  if (control) {
    problems.push({ severity: 'error', file: displayName, line: control.line, column: control.column, message: `contains ${control.description}; case files are plain text`, hint: 'Delete the character (an editor that shows invisible characters finds it).' });
    return { problems, locate: () => undefined };
  }
  if (text.trim() === '' || /^(\s*#[^\n]*\n?)*\s*$/.test(text)) {
    return fail('is empty', 'A case file needs at least id, title, status and people; see cases/ for examples.');
  }

  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, schema: 'core' });
  if (!Array.isArray(documents) || documents.length === 0) {
    return fail('holds no YAML document', 'A case file is YAML: "key: value" lines; see cases/ for examples.');
  }
  if (documents.length > 1) {
    return fail(`holds ${documents.length} YAML documents; a case file holds one`, 'Split it at each "---" into files of their own.', documents[1]?.range[0]);
  }
  const doc = documents[0] as Document.Parsed;
  for (const error of doc.errors) {
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    if (error.code === 'DUPLICATE_KEY') {
      problems.push({ severity: 'error', file: displayName, ...at(error.pos[0]), message: `${message}${firstKeyPosition(doc, error.pos[0], lineCounter)}`, hint: 'Keep one of the two keys.' });
    } else {
      problems.push({ severity: 'error', file: displayName, ...at(error.pos[0]), message: `YAML: ${message}`, hint: yamlHint(error.code) });
    }
  }
  for (const warning of doc.warnings) {
    const message = warning.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    problems.push({ severity: 'error', file: displayName, ...at(warning.pos[0]), message: `YAML: ${message}`, hint: 'Case files use plain YAML values, without tags.' });
  }
  if (problems.length) return { problems, locate: () => undefined };

  // Refuse what plain data never needs before turning the document into objects.
  visit(doc, {
    Alias(_, node) {
      problems.push({ severity: 'error', file: displayName, ...at(node.range?.[0]), message: 'uses a YAML alias (*name); case files may not', hint: 'Write the value out in full.' });
    },
    Node(_, node) {
      if (node.tag && !isCoreTag(node.tag)) {
        problems.push({ severity: 'error', file: displayName, ...at(node.range?.[0]), message: `uses the YAML tag ${node.tag}; case files may not`, hint: 'Remove the tag and write a plain value.' });
      }
    },
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && FORBIDDEN_KEYS.has(key)) {
        const range = isScalar(pair.key) ? pair.key.range : undefined;
        problems.push({ severity: 'error', file: displayName, ...at(range?.[0]), field: key, message: `"${key}" is not allowed as a key`, hint: 'Remove it; no case field has that name.' });
      }
    },
  });
  if (problems.length) return { problems, locate: () => undefined };

  const locate = (path: readonly (string | number)[]) => {
    const node = nodeAt(doc, path);
    return node?.range ? (at(node.range[0]) as { line: number; column: number }) : undefined;
  };

  const locateKey = (path: readonly (string | number)[]) => {
    const parent = nodeAt(doc, path.slice(0, -1));
    const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]) : undefined;
    return pair && isScalar(pair.key) && pair.key.range ? (at(pair.key.range[0]) as { line: number; column: number }) : undefined;
  };

  const data = doc.toJS({ maxAliasCount: 0 }) as unknown;
  // YAML escapes ("\e", "\u202E") make control characters that the file's text does not show.
  for (const { path, control } of controlsInValues(data)) {
    problems.push({ severity: 'error', file: displayName, ...(locate(path) ?? {}), field: formatFieldPath(path), message: `contains ${control}; case files are plain text`, hint: 'Remove the escape that makes it.' });
  }
  if (problems.length) return { problems, locate };
  const parsed = caseSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
      const missing = issue.code === 'invalid_type' && nodeAt(doc, path) === undefined;
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          problems.push({
            severity: 'error',
            file: displayName,
            ...(locateKey([...path, key]) ?? {}),
            field: formatFieldPath([...path, key]),
            message: 'is not a case field',
            hint: 'Check the spelling against schema/case.schema.json, or remove it.',
          });
        }
        continue;
      }
      problems.push({
        severity: 'error',
        file: displayName,
        ...(locate(path) ?? locateNearest(doc, path, at) ?? {}),
        field: formatFieldPath(path) || undefined,
        message: missing ? 'is missing' : issue.message,
      });
    }
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    return { problems: ofCase(problems, data), locate };
  }
  return { definition: parsed.data, problems, locate };
}

function isCoreTag(tag: string): boolean {
  return ['tag:yaml.org,2002:str', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null'].includes(tag);
}

function nodeAt(doc: Document.Parsed, path: readonly (string | number)[]): Node | undefined {
  if (path.length === 0) return doc.contents ?? undefined;
  const node = doc.getIn(path, true) as unknown;
  if (node && typeof node === 'object' && 'range' in node) return node as Node;
  // A key present with an empty value ("salutation:") has a null scalar: point at the key.
  const parent = nodeAt(doc, path.slice(0, -1));
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === path[path.length - 1]);
    if (pair && isScalar(pair.key)) return pair.key;
  }
  return undefined;
}

function locateNearest(doc: Document.Parsed, path: readonly (string | number)[], at: (offset: number | undefined) => object) {
  for (let i = path.length - 1; i >= 0; i--) {
    const node = nodeAt(doc, path.slice(0, i));
    if (node?.range) return at(isMap(node) || isSeq(node) ? node.range[0] : node.range[0]);
  }
  return undefined;
}

function firstKeyPosition(doc: Document.Parsed, duplicateOffset: number, lineCounter: LineCounter): string {
  let found = '';
  visit(doc, {
    Map(_, map) {
      const keys = map.items.map((item) => (isScalar(item.key) ? item.key : undefined));
      const dup = keys.find((key) => key?.range?.[0] === duplicateOffset);
      if (!dup) return;
      const first = keys.find((key) => key && key !== dup && key.value === dup.value);
      if (first?.range) {
        const pos = lineCounter.linePos(first.range[0]);
        found = ` ("${String(dup.value)}" first appears at line ${pos.line}, column ${pos.col})`;
        return visit.BREAK;
      }
    },
  });
  return found;
}

function yamlHint(code: string): string {
  if (code === 'TAB_AS_INDENT') return 'Indent with spaces, not tabs.';
  if (code.includes('INDENT')) return 'Line the keys of one block up with the same number of spaces.';
  if (code === 'MISSING_CHAR' || code === 'IMPLICIT_KEY_MULTILINE') return 'Each field is written "key: value"; check for a missing colon or quote.';
  return 'Fix the YAML syntax at that position.';
}

/** Every string of the parsed file that holds a control character, with its field path. */
function* controlsInValues(value: unknown, path: (string | number)[] = []): Generator<{ path: (string | number)[]; control: string }> {
  if (typeof value === 'string') {
    const control = findControlInValue(value);
    if (control) yield { path, control };
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* controlsInValues(item, [...path, index]);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyControl = findControlInValue(key);
      if (keyControl) yield { path: [...path, key], control: keyControl };
      yield* controlsInValues(item, [...path, key]);
    }
  }
}
