import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { SpawnOptions, ChildProcess } from 'node:child_process';

/** The editor a member's letter opens in, and where that choice came from (for messages). */
export interface TextEditor {
  command: string;
  from: 'VISUAL' | 'EDITOR' | 'the system default';
}

/** Editors tried in turn when neither VISUAL nor EDITOR names one: Debian's choice, then the usual two. */
const UNIX_DEFAULTS = ['sensible-editor', 'nano', 'vi'];

/**
 * The member's editor, as git and most Unix tools find it: $VISUAL, then $EDITOR, then one the
 * system has (Notepad on Windows). A default editor runs in the terminal, so without one there is
 * none: the caller says what to set.
 */
export function chooseTextEditor(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, hasTerminal: boolean): TextEditor | undefined {
  if (env.VISUAL?.trim()) return { command: env.VISUAL.trim(), from: 'VISUAL' };
  if (env.EDITOR?.trim()) return { command: env.EDITOR.trim(), from: 'EDITOR' };
  if (platform === 'win32') return { command: 'notepad', from: 'the system default' };
  if (!hasTerminal) return undefined;
  const found = UNIX_DEFAULTS.find((name) => onPath(name, env.PATH ?? ''));
  return found ? { command: found, from: 'the system default' } : undefined;
}

function onPath(name: string, path: string): boolean {
  return path.split(delimiter).filter(Boolean).some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export type Spawn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

/**
 * Runs the editor on a file and waits for it to close. The editor setting may carry its own
 * arguments ("code --wait"), so a shell reads it, with the file passed apart so that no file
 * name is ever read as shell words.
 */
export function runTextEditor(editor: TextEditor, file: string, options: { spawn: Spawn; platform: NodeJS.Platform; env: NodeJS.ProcessEnv; stdio: SpawnOptions['stdio'] }): Promise<void> {
  const [command, args, extra]: [string, string[], SpawnOptions] = options.platform === 'win32'
    ? [editor.command, [`"${file}"`], { shell: true, windowsVerbatimArguments: true }]
    : ['/bin/sh', ['-c', `${editor.command} "$1"`, editor.command, file], {}];
  return new Promise((resolve, reject) => {
    const child = options.spawn(command, args, { ...extra, env: options.env, stdio: options.stdio });
    child.once('error', (error) => reject(new Error(`${editor.command} (from ${editor.from}) could not be started: ${error.message}`)));
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${editor.command} (from ${editor.from}) ${signal ? `was stopped by ${signal}` : `ended with status ${code}`}`));
    });
  });
}
