import { formatLetterEmailBody, type Letter } from '../letters/letter';
import { emailAddressToAscii } from '../text/email-address';
import { emailHeaderProblems } from './email-header-check';
import { UnsafeEmailHeaderError } from './build-email-draft';

/** Some mail programs and browsers cut mailto: links longer than this. */
export const MAILTO_SAFE_LENGTH = 2000;

/** Percent-encodes a mailto: field (RFC 6068): UTF-8 bytes, spaces as %20, never "+". */
function encodeField(value: string): string {
  return encodeURIComponent(value);
}

/** An address in the "to" part: everything percent-encoded that RFC 6068 asks, "@" kept. */
function encodeAddress(address: string): string {
  return encodeURIComponent(emailAddressToAscii(address)).replace(/%40/g, '@');
}

export interface MailtoInput {
  letter: Letter;
  to: readonly string[];
  subject: string;
}

/**
 * A mailto: link (RFC 6068) that opens a new message to every address of the official with
 * the subject and the letter filled in. Line breaks in the body are CRLF, encoded as %0D%0A.
 */
export function buildMailtoLink(input: MailtoInput): string {
  const problems = emailHeaderProblems({ to: input.to, subject: input.subject });
  if (problems.length) throw new UnsafeEmailHeaderError(problems);
  const body = formatLetterEmailBody(input.letter).replace(/\r?\n/g, '\r\n');
  return `mailto:${input.to.map(encodeAddress).join(',')}?subject=${encodeField(input.subject)}&body=${encodeField(body)}`;
}
