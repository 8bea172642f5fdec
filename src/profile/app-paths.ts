import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The user's folders for appeal: XDG on Linux, the usual places on macOS and Windows.
 * APPEAL_CONFIG and APPEAL_DATA point elsewhere (tests and portable installs use them).
 */
export function configDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (env.APPEAL_CONFIG) return env.APPEAL_CONFIG;
  const home = env.HOME || env.USERPROFILE || homedir();
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'appeal');
  if (platform === 'darwin') return join(home, 'Library', 'Preferences', 'appeal');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'appeal');
}

export function dataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (env.APPEAL_DATA) return env.APPEAL_DATA;
  const home = env.HOME || env.USERPROFILE || homedir();
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'appeal');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'appeal');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'appeal');
}

export function profileFile(env: NodeJS.ProcessEnv): string {
  return join(configDir(env), 'profile.yaml');
}

/** The user's own case folder, where "appeal import" writes and every command reads. */
export function userCasesDir(env: NodeJS.ProcessEnv): string {
  return join(configDir(env), 'cases');
}

/** Where appeal keeps what it can always make again (the parsed case library). */
export function cacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (env.APPEAL_CACHE) return env.APPEAL_CACHE;
  const home = env.HOME || env.USERPROFILE || homedir();
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'appeal', 'Cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'appeal');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'appeal');
}

/** Where the case libraries the user follows are kept (see src/libraries/library-store.ts). */
export function librariesDir(dataDir: string): string {
  return join(dataDir, 'libraries');
}
