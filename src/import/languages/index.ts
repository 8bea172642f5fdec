import type { LanguageWords } from './language-words';
import { english } from './en';
import { french } from './fr';
import { german } from './de';
import { spanish } from './es';

export type { LanguageWords } from './language-words';

/** Every language import reads; the first is the default for a document too short to tell. */
export const LANGUAGES: readonly LanguageWords[] = [english, french, german, spanish];

/** One alternation of every language's patterns for one kind of word. */
export function anyOf(pick: (language: LanguageWords) => readonly string[]): string {
  return `(?:${LANGUAGES.flatMap(pick).join('|')})`;
}

/**
 * The language of a text, by its most frequent common words; ties and texts with none go to the
 * first language listed.
 */
export function languageOf(text: string): LanguageWords {
  const words = text.toLowerCase().split(/[^\p{L}]+/u);
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  let best = LANGUAGES[0]!;
  let bestScore = 0;
  for (const language of LANGUAGES) {
    const score = language.commonWords.reduce((sum, word) => sum + (counts.get(word) ?? 0), 0);
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return best;
}

export function languageByCode(code: string): LanguageWords | undefined {
  return LANGUAGES.find((language) => language.code === code);
}
