import { existsSync } from 'node:fs';
import type { Profile } from './profile-file';

export type { Profile } from './profile-file';

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/**
 * The saved profile; {} when there is none. YAML and zod load only when there is a file to read,
 * so commands run without a profile never load them.
 */
export async function readProfile(file: string): Promise<Profile> {
  if (!existsSync(file)) return {};
  return (await import('./profile-file')).parseProfileFile(file);
}

/** Settings from the environment, which sit between the profile and the flags. */
export function profileFromEnv(env: NodeJS.ProcessEnv): Profile {
  const out: Profile = {};
  if (env.APPEAL_NAME) out.name = env.APPEAL_NAME;
  if (env.APPEAL_EMAIL) out.email = env.APPEAL_EMAIL;
  if (env.APPEAL_COUNTRY) out.country = env.APPEAL_COUNTRY;
  if (env.APPEAL_PAPER && (PAPER_SIZES as readonly string[]).includes(env.APPEAL_PAPER.toLowerCase())) out.paper = env.APPEAL_PAPER.toLowerCase() as PaperSize;
  if (env.APPEAL_LANGUAGE) out.language = env.APPEAL_LANGUAGE;
  return out;
}

/** Later layers win; an undefined value never hides an earlier one. */
export function mergeSettings<T extends object>(...layers: Partial<T>[]): Partial<T> {
  const out: Partial<T> = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      if (value !== undefined) (out as Record<string, unknown>)[key] = value;
    }
  }
  return out;
}
