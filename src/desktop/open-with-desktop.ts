import type { ChildProcess, SpawnOptions } from 'node:child_process';

/** How files are handed to the desktop, or why there is no desktop to hand them to. */
export type DesktopOpener =
  | { available: true; name: string; command: string; argsFor: (file: string) => string[]; spawnOptions: SpawnOptions }
  | { available: false; reason: string };

/**
 * The program that opens a file in the user's default application for it (for an .eml, the
 * mail program): xdg-open on Linux and the BSDs, but only where a graphical session runs
 * (DISPLAY or WAYLAND_DISPLAY), `open` on macOS, `start` on Windows.
 */
export function desktopOpener(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): DesktopOpener {
  const detached: SpawnOptions = { detached: true, stdio: 'ignore' };
  if (platform === 'darwin') return { available: true, name: 'open', command: 'open', argsFor: (file) => [file], spawnOptions: detached };
  if (platform === 'win32') {
    // "start" is built into cmd; its first quoted argument is a window title, hence the "".
    // Verbatim arguments, so that cmd sees the path quoted once, as typed.
    return {
      available: true,
      name: 'start',
      command: env.ComSpec || 'cmd.exe',
      argsFor: (file) => ['/d', '/s', '/c', `start "" "${file}"`],
      spawnOptions: { ...detached, windowsVerbatimArguments: true, windowsHide: true },
    };
  }
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { available: false, reason: 'there is no desktop here (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  }
  return { available: true, name: 'xdg-open', command: 'xdg-open', argsFor: (file) => [file], spawnOptions: detached };
}

export type Spawn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

/**
 * Starts the opener on one file and lets it run on its own: appeal does not wait for the mail
 * program to close. Resolves once the opener has started; rejects if it could not be started
 * (not installed, say).
 */
export function openWithDesktop(opener: Extract<DesktopOpener, { available: true }>, file: string, spawn: Spawn): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(opener.command, opener.argsFor(file), opener.spawnOptions);
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
