import type { CaseRecord } from '../cases/case-library';
import type { LetterChoice } from './letter';
import { chooseLetterLanguage } from './letter-language';
import { variantCycle } from './letter-templates';

/** What a member of a batch brings to their letters: their language and their own sentence. */
export interface MemberWishes {
  language?: string;
  personal?: string;
}

/** A member's letter choice, and a key shared by every member whose letter text is the same. */
export interface MemberLetterChoice {
  choice: Required<Pick<LetterChoice, 'language' | 'variant'>> & Pick<LetterChoice, 'personal'>;
  /** undefined when the letter is the member's alone (it has their own sentence). */
  shareKey?: string;
}

/** Per case: each language's variant cycle, and the language each (requested, member's) pair gets. */
const cycles = new WeakMap<CaseRecord, Map<string, number>>();
const languages = new WeakMap<CaseRecord, Map<string, string>>();

/**
 * The letter the member at `index` of a batch gets from a case: in --language when given (the
 * case must have it, checked by the caller), else in the member's own language where the case
 * has it, else in the case's usual language; each member in turn gets the next wording of the
 * template's variant blocks, so letters to one official differ.
 */
export function memberLetterChoice(record: CaseRecord, member: MemberWishes | undefined, index: number, requested?: string): MemberLetterChoice {
  let chosen = languages.get(record);
  if (!chosen) languages.set(record, (chosen = new Map()));
  const key = `${requested ?? ''}\u0000${member?.language ?? ''}`;
  let language = chosen.get(key);
  if (language === undefined) chosen.set(key, (language = chooseLetterLanguage(record.definition, { requested, ownLanguage: member?.language, memberFirst: true })));
  let byLanguage = cycles.get(record);
  if (!byLanguage) cycles.set(record, (byLanguage = new Map()));
  let cycle = byLanguage.get(language);
  if (cycle === undefined) byLanguage.set(language, (cycle = variantCycle(record.letterTemplates[language]?.source ?? '')));
  const variant = index % cycle;
  const personal = member?.personal;
  return { choice: { language, variant, personal }, shareKey: personal ? undefined : `${language}\u0000${variant}` };
}
