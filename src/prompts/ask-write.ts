import type { Asker } from './ask';

/** The case to write about, from the open cases offered at the terminal (or refused naming the argument without one). */
export async function askCase(asker: Asker, cases: readonly { id: string; label: string }[]): Promise<string> {
  return asker.select({ message: 'Which case do you write about?', flag: 'a case (appeal write <case>)', choices: cases.map((item) => ({ name: item.label, value: item.id })) });
}

/** What to make, among the formats the chosen officials take. */
export async function askFormat<T extends string>(asker: Asker, formats: readonly { value: T; name: string }[]): Promise<T> {
  return asker.select({ message: 'What do you want to make?', flag: '--format', choices: [...formats], default: formats[0]?.value });
}

/** The sender's postal address for a printed letter, lines separated by "|"; empty when skipped. */
export async function askPostalAddress(asker: Asker): Promise<string[]> {
  const answer = await asker.text({ message: 'Your postal address, for the letter’s head and the envelope (lines separated by "|"; Enter to leave it out):', flag: '--address', required: false });
  return answer.split('|').map((line) => line.trim()).filter(Boolean);
}

/** Whether to keep the details just typed in the profile, so the next letter needs none of them. */
export async function askSaveDetails(asker: Asker): Promise<boolean> {
  return asker.confirm({ message: 'Save your name and address for next time (appeal init changes them)?', flag: '--yes', default: true });
}
