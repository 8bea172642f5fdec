import type { CaseDefinition } from '../cases/case-schema';
import { joinNamesIn } from '../letters/languages';

/**
 * The subject of an email about a case in one of its languages: the case file's own
 * (`letter.subject`, or that of the letter in that language) when it has one,
 * otherwise the people concerned and the case, "Server Mustafayev (UA 150.19)". A case without
 * a UA number is named by its title, which means more to an official than appeal's own id.
 */
export function emailSubject(definition: CaseDefinition, language = definition.letter?.language): string {
  const other = definition.letters.find((letter) => letter.language === language && letter.language !== definition.letter?.language);
  if (other?.subject) return other.subject;
  if (!other && definition.letter?.subject) return definition.letter.subject;
  const caseName = definition.ua_number ? `UA ${definition.ua_number}` : definition.title;
  const people = joinNamesIn(definition.people.map((person) => person.name), language ?? 'en');
  if (!people) return definition.ua_number ? `${caseName}: ${definition.title}` : caseName;
  return `${people} (${caseName})`;
}
