import { emailAddressProblem } from '../text/email-address';
import { oneLineProblem } from '../profile/sender-input';
import type { Asker } from './ask';

/** The sender's name, asked at the terminal (or refused naming `flag` without one). */
export async function askSenderName(asker: Asker, message: string, flag: string): Promise<string> {
  const answer = await asker.text({
    message,
    flag,
    validate: (value) => {
      const problem = oneLineProblem(value);
      if (problem === 'is empty') return 'Please type your name.';
      return problem ? `The name ${problem}.` : true;
    },
  });
  return answer.trim();
}

/** The sender's email address, asked at the terminal; only one plain address is accepted. */
export async function askSenderEmail(asker: Asker, message: string): Promise<string> {
  const answer = await asker.text({
    message,
    flag: '--email',
    validate: (value) => {
      const problem = emailAddressProblem(value.trim());
      return problem ? `This ${problem}.` : true;
    },
  });
  return answer.trim();
}
