import { Document, isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import type { ImportCheck } from './import-document';

export const CHECK_MARK = 'CHECK:';
const LINE_WIDTH = 100;

/** A comment's text wrapped into lines of the file's width, each line with its leading space. */
function commentLines(text: string, indent = ''): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + word.length + 1 > LINE_WIDTH - 4) {
      lines.push(current);
      current = `${indent}${word}`;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines.map((line) => ` ${line}`);
}

function appendComment(node: { commentBefore?: string | null }, text: string): void {
  const lines = commentLines(text, '  ').join('\n');
  node.commentBefore = node.commentBefore ? `${node.commentBefore}\n${lines}` : lines;
}

/**
 * Puts "# CHECK: ..." just above the value it is about: above its key in a map, above the item
 * in a list, above the whole item when the key is the first of a list item (so the comment does
 * not land after the dash).
 */
export function addCheckComment(doc: Document, path: readonly (string | number)[], message: string): void {
  const text = `${CHECK_MARK} ${message}`;
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const parent = (parentPath.length ? doc.getIn(parentPath, true) : doc.contents) as Node | null | undefined;
  if (isMap(parent)) {
    const index = parent.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === key);
    const inList = parentPath.length > 0 && typeof parentPath[parentPath.length - 1] === 'number';
    if (index === 0 && inList) appendComment(parent, text);
    else if (index >= 0) appendComment(parent.items[index]!.key as Scalar, text);
    else appendComment(parent, text);
    return;
  }
  if (isSeq(parent) && typeof key === 'number' && parent.items[key]) {
    appendComment(parent.items[key] as Node, text);
    return;
  }
  appendComment(doc, text);
}

/** Long texts are written as folded blocks (">-"), as the hand-made cases write them. */
export function foldLongTexts(node: unknown): void {
  if (isScalar(node) && typeof node.value === 'string' && node.value.length > LINE_WIDTH - 20) node.type = Scalar.BLOCK_FOLDED;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      if (isMap(node)) {
        const pair = item as { value: unknown };
        if (isScalar(pair.value) && typeof pair.value.value === 'string' && pair.value.value.length > LINE_WIDTH - 20) pair.value.type = Scalar.BLOCK_FOLDED;
        else foldLongTexts(pair.value);
      } else if (isScalar(item) && typeof item.value === 'string' && item.value.length > LINE_WIDTH - 20) item.type = Scalar.BLOCK_FOLDED;
      else foldLongTexts(item);
    }
  }
}

export function caseDocument(data: Record<string, unknown>, checks: readonly ImportCheck[], header: readonly string[]): Document {
  const doc = new Document(data);
  foldLongTexts(doc.contents);
  doc.commentBefore = header.flatMap((line) => commentLines(line, '')).join('\n');
  for (const check of checks) addCheckComment(doc, check.path, check.message);
  return doc;
}

export function caseYamlText(doc: Document): string {
  return doc.toString({ lineWidth: LINE_WIDTH, minContentWidth: 40 });
}

/** A line break to a reader of the case file or of the document (documentLines splits at all of these but NEL). */
const LINE_BREAK = /[\n\r\f\u0085\u2028\u2029]/;

/**
 * Whether the case file caseYamlText writes from this data reads back to exactly this data: so
 * when every text in it is one line without white space at either end, and the rest is plain
 * lists, maps, true/false and whole numbers (test/import-case-yaml.test.ts). Import's values are
 * such lines, cut from the document's trimmed lines; some other texts read back changed (yaml
 * writes a line of spaces inside a block as a backslash, and a long text that starts with spaces
 * comes back with a line break in it).
 */
export function readsBackAsWritten(value: unknown): boolean {
  if (typeof value === 'string') return value === value.trim() && !LINE_BREAK.test(value);
  if (typeof value === 'boolean' || Number.isSafeInteger(value)) return !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(readsBackAsWritten);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.entries(value).every(([key, item]) => readsBackAsWritten(key) && readsBackAsWritten(item));
}
