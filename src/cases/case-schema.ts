import * as z from '../validation/zod';
import { emailAddressProblem } from '../text/email-address';
import { findUnsafeCharacter, LANGUAGE_TAG } from '../text/plain-text';

/** One line of text for a letter, an address or a header: no line breaks or control characters. */
const line = (what: string) =>
  z.string({ error: `must be text (${what})` }).check(
    z.trim(),
    z.minLength(1, { error: `must not be empty (${what})` }),
    z.superRefine((value: string, ctx) => {
      const unsafe = findUnsafeCharacter(value);
      if (unsafe) ctx.addIssue({ code: 'custom', message: `contains ${unsafe}; write it on one line without it` });
    }),
  );

const paragraph = (what: string) => z.string({ error: `must be text (${what})` }).check(z.trim(), z.minLength(1, { error: `must not be empty (${what})` }));

const isoDate = z.string({ error: 'must be a date written YYYY-MM-DD, for example 2026-07-15' }).check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD, for example 2026-07-15' }),
  z.refine((value: string) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    error: 'is not a real calendar date',
  }),
);

const slug = z.string({ error: 'must be text' }).check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'must be lower-case letters, digits and dashes, such as "ua-150-19"' }));

const emailAddress = z.string({ error: 'must be an email address' }).check(
  z.superRefine((value: string, ctx) => {
    const problem = emailAddressProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
);

const languageTag = z.string({ error: 'must be a language tag such as "en" or "ru"' }).check(z.regex(LANGUAGE_TAG, { error: 'must be a language tag such as "en" or "ru"' }));

const templatePath = z
  .string({ error: 'must be the path of a Handlebars file, relative to this case file' })
  .check(z.regex(/\.hbs$/, { error: 'must be the path of a .hbs file, relative to this case file' }));

/** A description for editors, in schema/case.schema.json. */
const described = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description));

/** The model letter in another language than the document's: a section's own version, or a translation. */
const otherLetterSchema = z.strictObject({
  language: languageTag,
  template: templatePath,
  closing: described(z.optional(line('the closing')), 'Default: the usual closing of the language ("С уважением,").'),
  subject: z.optional(line('the email subject')),
  translation: described(
    z.optional(
      z.strictObject({
        by: described(line('who translated it'), 'Who made the translation, e.g. "appeal contributors".'),
        from: described(languageTag, 'The language it was translated from.'),
        note: z.optional(paragraph('a note on the translation')),
      }),
    ),
    'Set when the letter is a translation made for appeal, not a version the organisation published.',
  ),
});

const lines = (what: string) => z.array(line(what), { error: `must be a list of ${what}` });

export const officialSchema = z.strictObject({
  id: described(slug, 'Short id used with --target, unique within the case, e.g. "ambassador".'),
  name: described(line('the official’s name'), 'Name as the document writes it, e.g. "Ambassador Anatoly Antonov".'),
  title: z.optional(line('the official’s title')),
  organisation: z.optional(line('the organisation')),
  address: described(z.optional(lines('postal address lines')), 'Postal address lines, without the country.'),
  country: described(z.optional(line('the country of the postal address')), 'Printed last, in capitals, unless the sender lives there.'),
  post: described(z.optional(z.boolean({ error: 'must be true or false' })), 'false when the document asks not to send post to this official.'),
  post_note: z.optional(line('why no post')),
  email: z.optional(z.array(emailAddress, { error: 'must be a list of email addresses' })),
  email_hidden: described(z.optional(z.boolean({ error: 'must be true or false' })), 'true when the document hid the address ("[email protected]").'),
  fax: z.optional(lines('fax numbers')),
  phone: z.optional(lines('phone numbers')),
  twitter: z.optional(line('a Twitter handle')),
  facebook: z.optional(line('a Facebook page')),
  instagram: z.optional(line('an Instagram handle')),
  salutation: described(line('the salutation'), 'Without the comma, e.g. "Dear Ambassador"; in the language of `letter`.'),
  salutations: described(
    z.optional(z.record(languageTag, line('the salutation'), { error: 'must map language tags to salutations, such as ru: Уважаемый Михаил Аркадьевич' })),
    'The salutation in each language of `letters`, e.g. ru: "Уважаемый Михаил Аркадьевич".',
  ),
  notes: z.optional(paragraph('notes')),
});

export const caseSchema = z
  .strictObject({
    id: described(slug, 'The case’s own id, e.g. "ua-150-19".'),
    ua_number: z.optional(
      z.string({ error: 'must be text such as "150.19" (quote it in YAML)' }).check(z.regex(/^\d{1,4}[./]\d{2,4}$/, { error: 'must be written like "150.19" or "126/19"' })),
    ),
    kind: z._default(z.enum(['urgent-action', 'petition'], { error: 'must be "urgent-action" or "petition"' }), 'urgent-action'),
    title: line('the title'),
    country: z.optional(line('the country')),
    status: z.enum(['open', 'closed'], { error: 'must be "open" or "closed"' }),
    issue_date: z.optional(isoDate),
    deadline: z.optional(isoDate),
    preferred_languages: z.optional(lines('languages')),
    summary: z.optional(paragraph('the summary')),
    people: z.array(z.strictObject({ name: line('a person’s name'), pronouns: z.optional(line('pronouns such as he/him')) }), {
      error: 'must be a list of people, each with a name',
    }),
    officials: z._default(z.array(officialSchema, { error: 'must be a list of officials' }), []),
    letter: described(
      z.optional(
        z.strictObject({
          template: templatePath,
          language: z._default(languageTag, 'en'),
          closing: described(z.optional(line('the closing')), 'Default: the usual closing of the language ("Yours sincerely,").'),
          subject: z.optional(line('the email subject')),
        }),
      ),
      'The model letter, in the language of the document.',
    ),
    letters: described(
      z._default(z.array(otherLetterSchema, { error: 'must be a list of letters, each with language and template' }), []),
      'The model letter in other languages, each with its own template.',
    ),
    petition: z.optional(
      z.strictObject({
        addressed_to: lines('addressees'),
        asks: z.array(paragraph('a demand')),
        how_to_act: z.optional(paragraph('how to act')),
      }),
    ),
    history: z._default(
      z.array(
        z.strictObject({
          stage: z.enum(['first', 'update', 'final'], { error: 'must be "first", "update" or "final"' }),
          date: z.optional(isoDate),
          note: paragraph('the note'),
        }),
      ),
      [],
    ),
  })
  .check(
    z.superRefine((value, ctx) => {
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
  }),
  );

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
