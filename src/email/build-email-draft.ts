import { createHash } from 'node:crypto';
import { AppError, ExitCode } from '../errors/app-error';
import { formatLetterEmailBody, type Letter } from '../letters/letter';
import { emailAddressToAscii } from '../text/email-address';
import { emailHeaderProblems } from './email-header-check';

export interface EmailDraftInput {
  letter: Letter;
  /** The sender's email address; the display name is the letter's signer, `letter.sender.name`. */
  from: string;
  /** Every address of the official. */
  to: readonly string[];
  subject: string;
  /** The moment the draft is made (the one clock), written as its Date header. */
  date: Date;
}

/** A value that would become an email header is not one safe line; nothing was built. */
export class UnsafeEmailHeaderError extends AppError {
  constructor(problems: readonly string[]) {
    super('The email draft was not made: a header value is not safe.', {
      exitCode: ExitCode.usage,
      details: problems,
      hint: 'Give names, addresses and the subject as one line each, without line breaks or control characters.',
    });
    this.name = 'UnsafeEmailHeaderError';
  }
}

/**
 * A Message-ID made from the draft itself, so the same letter made at the same moment gives
 * the same bytes (tests and re-runs compare files), while any change gives a new id. The
 * right-hand side is the sender's domain, as mail programs write it.
 */
export function draftMessageId(input: EmailDraftInput, body: string): string {
  const hash = createHash('sha256');
  for (const part of [input.letter.caseId, input.letter.officialId, input.letter.sender.name, input.from, ...input.to, input.subject, input.date.toISOString(), body]) {
    hash.update(part).update('\0');
  }
  const from = emailAddressToAscii(input.from);
  const domain = from.slice(from.lastIndexOf('@') + 1);
  return `<appeal.${hash.digest('hex').slice(0, 32)}@${domain}>`;
}

/**
 * The letter as an RFC 5322 message (the bytes of an .eml file) for the sender to read over and
 * send from their own mail program: marked unsent (`X-Unsent: 1`) so mail programs open it as a
 * draft. nodemailer's MailComposer writes the headers, so names and subjects in any script are
 * encoded and long lines folded; every header value is checked first, and a line break or
 * control character in one stops the build. One text part: no MIME boundary, no random bytes.
 */
export async function buildEmailDraft(input: EmailDraftInput): Promise<Buffer> {
  const problems = emailHeaderProblems({ senderName: input.letter.sender.name, from: input.from, to: input.to, subject: input.subject });
  if (problems.length) throw new UnsafeEmailHeaderError(problems);
  const body = formatLetterEmailBody(input.letter);
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
  const composer = new MailComposer({
    // Mail programs read a display name without the spaces around it (an address parser trims
    // them): the draft holds the name as it will be read.
    from: { name: input.letter.sender.name.trim(), address: emailAddressToAscii(input.from) },
    to: input.to.map(emailAddressToAscii),
    subject: input.subject,
    date: input.date,
    messageId: draftMessageId(input, body),
    text: body,
    headers: { 'X-Unsent': '1', 'Content-Language': input.letter.language },
    // CRLF throughout, as RFC 5322 asks; MailComposer keeps the body's own line ends otherwise.
    newline: 'windows',
  });
  return composer.compile().build();
}
