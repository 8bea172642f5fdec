import { FileRefusal, readRegularFile } from '../files/read-regular-file';
import * as z from '../validation/zod';
import { parseDocument, stringify } from 'yaml';
import { DataError } from '../errors/app-error';
import { emailAddressProblem } from '../text/email-address';
import { findUnsafeCharacter, LANGUAGE_TAG } from '../text/plain-text';
import { formatFieldPath } from '../cases/case-problem';
import { PAPER_SIZES } from './profile';

const oneLine = z.string().check(
  z.trim(),
  z.minLength(1),
  z.superRefine((value: string, ctx) => {
    const unsafe = findUnsafeCharacter(value);
    if (unsafe) ctx.addIssue({ code: 'custom', message: `contains ${unsafe}` });
  }),
);

export const profileSchema = z.strictObject({
  name: z.optional(oneLine),
  address: z.optional(z.array(oneLine)),
  country: z.optional(oneLine),
  email: z.optional(
    z.string().check(
      z.superRefine((value: string, ctx) => {
        const problem = emailAddressProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    ),
  ),
  paper: z.optional(z.enum(PAPER_SIZES)),
  language: z.optional(z.string().check(z.regex(LANGUAGE_TAG))),
  cases: z.optional(z.array(z.string().check(z.minLength(1)))),
  /**
   * A letter-writing group's coordinator: the group's name and return address, used on the
   * letters of members who give no address of their own.
   */
  group: z.optional(
    z.strictObject({
      name: oneLine,
      address: z.array(oneLine).check(z.minLength(1)),
      country: z.optional(oneLine),
    }),
  ),
  /** Font files for characters the letter font lacks (a member's name in Chinese, say). */
  fonts: z.optional(z.array(z.string().check(z.minLength(1)))),
});

/** The sender's details kept between runs, so members type them once. */
export type Profile = z.output<typeof profileSchema>;

export function parseProfileFile(file: string): Profile {
  let text: string;
  try {
    // A profile is a few lines; every command reads it, so a pipe or a device must not hang them.
    text = readRegularFile(file, 1024 * 1024).toString('utf8');
  } catch (error) {
    if (error instanceof FileRefusal) throw new DataError(`${file}: the profile ${error.reason}.`, { hint: 'Remove it, or run "appeal init" to write it again.' });
    throw error;
  }
  const doc = parseDocument(text, { uniqueKeys: true });
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

