/**
 * Characters a terminal acts on rather than shows, or that reorder text on display: C0 and C1
 * controls (ESC starts the sequences that retitle a window, clear the screen or hide text; CSI
 * U+009B and OSC U+009D do it alone) and the Unicode bidi embeddings, overrides and isolates.
 * Tab, line feed and carriage return are ordinary text in a file.
 */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** What appeal prints may keep: line breaks, tabs, the form feed between letters, CR of CR LF. */
const CONTROL_IN_OUTPUT = /\r(?!\n)|[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

export interface ControlCharacter {
  /** 1-based line and column in the text. */
  line: number;
  column: number;
  /** "ESC (U+001B), a terminal control character" */
  description: string;
}

function codeOf(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function describeControl(char: string): string {
  if (char === '\u001b') return `ESC (${codeOf(char)}), which starts terminal escape sequences`;
  if (/[\u202a-\u202e\u2066-\u2069]/u.test(char)) return `a bidi control (${codeOf(char)}), which reorders text on screen`;
  return `a control character (${codeOf(char)})`;
}

/** The first character of a file's text that a terminal would act on, with its position. */
export function findControlCharacter(text: string): ControlCharacter | undefined {
  const match = CONTROL_IN_TEXT.exec(text);
  if (!match) return undefined;
  const before = text.slice(0, match.index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1, description: describeControl(match[0]) };
}

/** Describes the first control character of one value, or returns undefined. */
export function findControlInValue(value: string): string | undefined {
  const match = CONTROL_IN_TEXT.exec(value);
  return match ? describeControl(match[0]) : undefined;
}

/**
 * Text as it may reach a terminal: every control character and bidi control is shown as its
 * escape (\u001b), never sent. JSON output stays valid JSON with the same value, since that is
 * how JSON writes them. The one function every printed line goes through (see entry.ts).
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL_IN_OUTPUT, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
