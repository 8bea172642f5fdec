import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseDocument, stringify } from 'yaml';
import { DataError } from '../errors/app-error';
import { emailAddressProblem } from '../text/email-address';
import { findUnsafeCharacter, LANGUAGE_TAG } from '../text/plain-text';
import { formatFieldPath } from '../cases/case-problem';

const oneLine = z.string().trim().min(1).superRefine((value, ctx) => {
  const unsafe = findUnsafeCharacter(value);
  if (unsafe) ctx.addIssue({ code: 'custom', message: `contains ${unsafe}` });
});

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const profileSchema = z.strictObject({
  name: oneLine.optional(),
  address: z.array(oneLine).optional(),
  country: oneLine.optional(),
  email: z.string().superRefine((value, ctx) => {
    const problem = emailAddressProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }).optional(),
  paper: z.enum(PAPER_SIZES).optional(),
  language: z.string().regex(LANGUAGE_TAG).optional(),
  cases: z.array(z.string().min(1)).optional(),
});

/** The sender's details kept between runs, so members type them once. */
export type Profile = z.output<typeof profileSchema>;

export function readProfile(file: string): Profile {
  if (!existsSync(file)) return {};
  const doc = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: true });
  if (doc.errors.length) {
    throw new DataError(`${file}: the profile is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`, { hint: 'Fix it, or run "appeal init" to write it again.' });
  }
  const parsed = profileSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    throw new DataError(`${file}: the profile has problems:`, {
      details: parsed.error.issues.map((issue) => `${formatFieldPath(issue.path.filter((k) => typeof k !== 'symbol') as (string | number)[]) || '(top)'}: ${issue.message}`),
      hint: 'Fix it, or run "appeal init" to write it again.',
    });
  }
  return parsed.data;
}

export function serializeProfile(profile: Profile): string {
  return `# appeal sender profile: your details for letters. Edit here or run "appeal init".\n${stringify(profile)}`;
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
