import { findUnsafeCharacter } from '../text/plain-text';
import { emailAddressProblem } from '../text/email-address';

/** Every value that becomes a header of an email draft or a field of a mailto: link. */
export interface EmailHeaderValues {
  senderName?: string;
  from?: string;
  to: readonly string[];
  subject: string;
}

/**
 * What is wrong with the values that would become headers, one line each; empty when all are
 * safe. A line break or control character in any of them could end a header and start another
 * (a "Bcc:" the sender never sees), so such a value is refused, never cleaned up.
 */
export function emailHeaderProblems(values: EmailHeaderValues): string[] {
  const problems: string[] = [];
  const oneLine = (what: string, value: string) => {
    const unsafe = findUnsafeCharacter(value);
    if (unsafe) problems.push(`${what} contains ${unsafe}`);
    else if (!value.trim()) problems.push(`${what} is empty`);
  };
  const address = (what: string, value: string) => {
    const unsafe = findUnsafeCharacter(value);
    if (unsafe) {
      problems.push(`${what} contains ${unsafe}`);
      return;
    }
    const problem = emailAddressProblem(value);
    if (problem) problems.push(`${what} "${value}" ${problem}`);
  };
  if (values.senderName !== undefined) oneLine('the sender’s name', values.senderName);
  if (values.from !== undefined) address('the sender’s email address', values.from);
  if (!values.to.length) problems.push('there is no address to send to');
  values.to.forEach((value, index) => address(values.to.length > 1 ? `recipient address ${index + 1}` : 'the recipient address', value));
  oneLine('the subject', values.subject);
  return problems;
}
