import { z } from '../validation/zod';
import { emailAddressProblem } from '../text/email-address';
import { findUnsafeCharacter, LANGUAGE_TAG } from '../text/plain-text';

/** One line of text for a letter, an address or a header: no line breaks or control characters. */
const line = (what: string) =>
  z
    .string({ error: `must be text (${what})` })
    .trim()
    .min(1, { error: `must not be empty (${what})` })
    .superRefine((value, ctx) => {
      const unsafe = findUnsafeCharacter(value);
      if (unsafe) ctx.addIssue({ code: 'custom', message: `contains ${unsafe}; write it on one line without it` });
    });

const paragraph = (what: string) =>
  z.string({ error: `must be text (${what})` }).trim().min(1, { error: `must not be empty (${what})` });

const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD, for example 2026-07-15' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD, for example 2026-07-15' })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    error: 'is not a real calendar date',
  });

const slug = z
  .string({ error: 'must be text' })
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'must be lower-case letters, digits and dashes, such as "ua-150-19"' });

const emailAddress = z.string({ error: 'must be an email address' }).superRefine((value, ctx) => {
  const problem = emailAddressProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const languageTag = z.string({ error: 'must be a language tag such as "en" or "ru"' }).regex(LANGUAGE_TAG, { error: 'must be a language tag such as "en" or "ru"' });

const templatePath = z
  .string({ error: 'must be the path of a Handlebars file, relative to this case file' })
  .regex(/\.hbs$/, { error: 'must be the path of a .hbs file, relative to this case file' });

/** The model letter in another language than the document's: a section's own version, or a translation. */
const otherLetterSchema = z.strictObject({
  language: languageTag,
  template: templatePath,
  closing: line('the closing').optional().describe('Default: the usual closing of the language ("С уважением,").'),
  subject: line('the email subject').optional(),
  translation: z
    .strictObject({
      by: line('who translated it').describe('Who made the translation, e.g. "appeal contributors".'),
      from: languageTag.describe('The language it was translated from.'),
      note: paragraph('a note on the translation').optional(),
    })
    .optional()
    .describe('Set when the letter is a translation made for appeal, not a version the organisation published.'),
});

const lines = (what: string) => z.array(line(what), { error: `must be a list of ${what}` });

export const officialSchema = z.strictObject({
  id: slug.describe('Short id used with --target, unique within the case, e.g. "ambassador".'),
  name: line('the official’s name').describe('Name as the document writes it, e.g. "Ambassador Anatoly Antonov".'),
  title: line('the official’s title').optional(),
  organisation: line('the organisation').optional(),
  address: lines('postal address lines').optional().describe('Postal address lines, without the country.'),
  country: line('the country of the postal address').optional().describe('Printed last, in capitals, unless the sender lives there.'),
  post: z.boolean({ error: 'must be true or false' }).optional().describe('false when the document asks not to send post to this official.'),
  post_note: line('why no post').optional(),
  email: z.array(emailAddress, { error: 'must be a list of email addresses' }).optional(),
  email_hidden: z.boolean({ error: 'must be true or false' }).optional().describe('true when the document hid the address ("[email protected]").'),
  fax: lines('fax numbers').optional(),
  phone: lines('phone numbers').optional(),
  twitter: line('a Twitter handle').optional(),
  facebook: line('a Facebook page').optional(),
  instagram: line('an Instagram handle').optional(),
  salutation: line('the salutation').describe('Without the comma, e.g. "Dear Ambassador"; in the language of `letter`.'),
  salutations: z
    .record(languageTag, line('the salutation'), { error: 'must map language tags to salutations, such as ru: Уважаемый Михаил Аркадьевич' })
    .optional()
    .describe('The salutation in each language of `letters`, e.g. ru: "Уважаемый Михаил Аркадьевич".'),
  notes: paragraph('notes').optional(),
});

export const caseSchema = z
  .strictObject({
    id: slug.describe('The case’s own id, e.g. "ua-150-19".'),
    ua_number: z
      .string({ error: 'must be text such as "150.19" (quote it in YAML)' })
      .regex(/^\d{1,4}[./]\d{2,4}$/, { error: 'must be written like "150.19" or "126/19"' })
      .optional(),
    kind: z.enum(['urgent-action', 'petition'], { error: 'must be "urgent-action" or "petition"' }).default('urgent-action'),
    title: line('the title'),
    country: line('the country').optional(),
    status: z.enum(['open', 'closed'], { error: 'must be "open" or "closed"' }),
    issue_date: isoDate.optional(),
    deadline: isoDate.optional(),
    preferred_languages: lines('languages').optional(),
    summary: paragraph('the summary').optional(),
    people: z.array(
      z.strictObject({ name: line('a person’s name'), pronouns: line('pronouns such as he/him').optional() }),
      { error: 'must be a list of people, each with a name' },
    ),
    officials: z.array(officialSchema, { error: 'must be a list of officials' }).default([]),
    letter: z
      .strictObject({
        template: templatePath,
        language: languageTag.default('en'),
        closing: line('the closing').optional().describe('Default: the usual closing of the language ("Yours sincerely,").'),
        subject: line('the email subject').optional(),
      })
      .optional()
      .describe('The model letter, in the language of the document.'),
    letters: z
      .array(otherLetterSchema, { error: 'must be a list of letters, each with language and template' })
      .default([])
      .describe('The model letter in other languages, each with its own template.'),
    petition: z
      .strictObject({
        addressed_to: lines('addressees'),
        asks: z.array(paragraph('a demand')),
        how_to_act: paragraph('how to act').optional(),
      })
      .optional(),
    history: z
      .array(
        z.strictObject({
          stage: z.enum(['first', 'update', 'final'], { error: 'must be "first", "update" or "final"' }),
          date: isoDate.optional(),
          note: paragraph('the note'),
        }),
      )
      .default([]),
  })
  .superRefine((value, ctx) => {
    const seen = new Map<string, number>();
    value.officials.forEach((official, index) => {
      const first = seen.get(official.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['officials', index, 'id'], message: `repeats the id of official ${first + 1}; give each official its own id` });
      } else seen.set(official.id, index);
      if (official.post === true && !official.address?.length) {
        ctx.addIssue({ code: 'custom', path: ['officials', index, 'address'], message: 'is needed when post is true; add the postal address lines or set post: false' });
      }
    });
    if (value.kind === 'urgent-action' && value.officials.length > 0 && !value.letter) {
      ctx.addIssue({ code: 'custom', path: ['letter'], message: 'is missing: an Urgent Action with officials needs letter.template, the model letter' });
    }
    checkLetterLanguages(value, ctx);
    if (value.kind === 'petition' && !value.petition) {
      ctx.addIssue({ code: 'custom', path: ['petition'], message: 'is missing: a petition needs addressed_to and asks' });
    }
  });

/** Each language once; an official's salutation in every language the case has a letter in. */
function checkLetterLanguages(value: { letter?: { language: string }; letters: { language: string }[]; officials: { salutations?: Record<string, string> }[] }, ctx: z.RefinementCtx): void {
  const seen = new Set(value.letter ? [value.letter.language] : []);
  value.letters.forEach((other, index) => {
    if (!value.letter) ctx.addIssue({ code: 'custom', path: ['letters', index], message: 'needs `letter`, the model letter in the document’s language, beside it' });
    if (seen.has(other.language)) ctx.addIssue({ code: 'custom', path: ['letters', index, 'language'], message: `repeats the language "${other.language}"; give each language one letter` });
    seen.add(other.language);
  });
  value.officials.forEach((official, index) => {
    for (const other of value.letters) {
      if (!official.salutations?.[other.language]) {
        ctx.addIssue({ code: 'custom', path: ['officials', index, official.salutations ? 'salutations' : 'salutation'], message: `has no salutation in "${other.language}", a language the case has a letter in; add salutations: { ${other.language}: ... }` });
      }
    }
  });
}

export type CaseDefinition = z.output<typeof caseSchema>;
export type Official = z.output<typeof officialSchema>;
export type OtherLetter = z.output<typeof otherLetterSchema>;

/** The schema as JSON Schema, for editors (published as schema/case.schema.json). */
export function caseJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(caseSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'appeal case file',
    description: 'One Urgent Action (or petition) as appeal reads it: the people concerned, the officials to write to, and the model letter.',
  };
}
