import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Official } from '../cases/case-schema';
import { AppError, ExitCode, UsageError } from '../errors/app-error';
import { readEditedLetter } from '../letters/edited-letter';
import { formatLetterText, type Letter } from '../letters/letter';
import { letterFileName } from '../output/safe-file-name';
import { findUnsafeCharacter } from '../text/plain-text';
import type { Asker } from '../prompts/ask';
import type { CommandContext } from './command-context';

/**
 * The member's own sentence: --personal, else (at a terminal) asked, and skipped with Enter.
 * One line of plain text; the letter gives it a paragraph of its own.
 */
export async function personalSentence(flag: string | undefined, asker: Asker, offer: boolean): Promise<string | undefined> {
  if (flag !== undefined) return checkPersonal(flag, '--personal');
  if (!asker.interactive || !offer) return undefined;
  const answer = await asker.text({
    message: 'A sentence of your own for the letter (Enter to skip):',
    flag: '--personal',
    required: false,
    validate: (value) => {
      const unsafe = findUnsafeCharacter(value.trim());
      return unsafe ? `The sentence contains ${unsafe}.` : true;
    },
  });
  return answer.trim() || undefined;
}

export function checkPersonal(value: string, source: string): string | undefined {
  const trimmed = value.trim();
  const unsafe = findUnsafeCharacter(trimmed);
  if (unsafe) throw new UsageError(`${source} contains ${unsafe}.`, { hint: `Give ${source} as one line of plain text; the letter makes a paragraph of it.` });
  return trimmed || undefined;
}

interface EditableLetter {
  letter: Letter;
  official: Official;
}

/**
 * --edit: opens each finished letter in the member's editor, one after the other, and returns the
 * letters as saved. Nothing is written here, so an emptied letter stops the run before any file is.
 */
export async function editLetters<T extends EditableLetter>(context: CommandContext, items: readonly T[]): Promise<T[]> {
  const { chooseTextEditor, runTextEditor } = await import('../editor/text-editor');
  const hasTerminal = Boolean(context.stdin.isTTY);
  const editor = chooseTextEditor(context.env, process.platform, hasTerminal);
  if (!editor) {
    throw new UsageError(hasTerminal ? '--edit found no editor: VISUAL and EDITOR are not set, and neither sensible-editor, nano nor vi is installed.' : '--edit opens your letter in an editor, and there is no terminal to run one in.', {
      hint: 'Set VISUAL or EDITOR to your editor (one that opens its own window, without a terminal), or leave out --edit.',
    });
  }
  const { spawn } = await import('node:child_process');
  const dir = mkdtempSync(join(tmpdir(), 'appeal-edit-'));
  // A letter that cannot be read back stays where the member saved it, for them to mend.
  let keep = false;
  try {
    const edited: T[] = [];
    for (const item of items) {
      const file = join(dir, letterFileName([item.letter.caseId, item.letter.officialId, item.letter.sender.name], 'txt'));
      writeFileSync(file, formatLetterText(item.letter));
      // A terminal editor draws on standard output; in a pipe, that would mix with the letters.
      await runTextEditor(editor, file, { spawn, platform: process.platform, env: context.env, stdio: ['inherit', context.stdout.isTTY ? 'inherit' : process.stderr, 'inherit'] }).catch((error: Error) => {
        throw new AppError(`${error.message}. Nothing was written.`, { exitCode: ExitCode.failure, hint: 'Check VISUAL or EDITOR, or leave out --edit.' });
      });
      const text = readFileSync(file, 'utf8');
      let result: ReturnType<typeof readEditedLetter>;
      try {
        result = readEditedLetter(item.letter, text, file);
      } catch (error) {
        keep = true;
        throw error;
      }
      if (result.kind === 'emptied') {
        throw new AppError(`You emptied the letter to ${item.official.name} in the editor, so nothing was written.`, { exitCode: ExitCode.failure, hint: 'Run the command again to start from the model letter.' });
      }
      if (result.kind === 'unchanged') context.stderr.write(`note: the letter to ${item.official.name} was saved unchanged; it is made as the model letter.\n`);
      else context.stderr.write(`Your changes to the letter to ${item.official.name} are in every format made.\n`);
      edited.push({ ...item, letter: result.letter });
    }
    return edited;
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
