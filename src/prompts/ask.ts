import { InterruptedError, UsageError } from '../errors/app-error';
import type { CommandContext } from '../commands/command-context';
import { rawStream } from '../output/terminal-stream';
import { terminalSafe } from '../text/terminal-text';

/**
 * Every question appeal asks goes through here. A question is only asked at a terminal; without
 * one, the missing answer is an error that names the flag to give instead, so nothing ever waits
 * for input that cannot come.
 */
export interface Asker {
  interactive: boolean;
  text(question: { message: string; flag: string; default?: string; required?: boolean; validate?: (value: string) => string | true }): Promise<string>;
  choose<T>(question: { message: string; flag: string; choices: { name: string; value: T; checked?: boolean }[] }): Promise<T[]>;
  select<T>(question: { message: string; flag: string; choices: { name: string; value: T }[]; default?: T }): Promise<T>;
  confirm(question: { message: string; flag: string; default?: boolean }): Promise<boolean>;
}

export function isInteractive(context: CommandContext, yes = false): boolean {
  return Boolean(context.stdin.isTTY) && !yes;
}

function missing(flag: string, message: string): UsageError {
  return new UsageError(`${message.replace(/[:?]$/, '')}: no answer, since there is no terminal to ask at.`, { hint: `Give it with ${flag}.` });
}

async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new InterruptedError();
    throw error;
  }
}

export function createAsker(context: CommandContext, yes = false): Asker {
  const interactive = isInteractive(context, yes);
  // Questions go to standard error, so `--stdout > letter.txt` keeps only the letter in the file.
  // The prompt draws with escape sequences, so it gets the terminal itself; the words it shows,
  // which may come from a case file, are made safe here instead.
  const streams = { input: context.stdin, output: rawStream(context.stderr), clearPromptOnDone: false } as const;
  const safeChoices = <C extends { name: string }>(choices: C[]) => choices.map((choice) => ({ ...choice, name: terminalSafe(choice.name) }));
  return {
    interactive,
    async text(question) {
      if (!interactive) throw missing(question.flag, question.message);
      const { input } = await import('@inquirer/prompts');
      return guard(() => input({ message: terminalSafe(question.message), default: question.default, required: question.required ?? true, validate: question.validate }, streams));
    },
    async choose(question) {
      if (!interactive) throw missing(question.flag, question.message);
      const { checkbox } = await import('@inquirer/prompts');
      return guard(() =>
        checkbox({ message: terminalSafe(question.message), choices: safeChoices(question.choices), required: true, loop: false }, streams),
      );
    },
    async select(question) {
      if (!interactive) throw missing(question.flag, question.message);
      const { select } = await import('@inquirer/prompts');
      return guard(() => select({ message: terminalSafe(question.message), choices: safeChoices(question.choices), default: question.default, loop: false }, streams));
    },
    async confirm(question) {
      if (!interactive) throw missing(question.flag, question.message);
      const { confirm } = await import('@inquirer/prompts');
      return guard(() => confirm({ message: terminalSafe(question.message), default: question.default ?? false }, streams));
    },
  };
}
