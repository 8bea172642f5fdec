import type { CaseDefinition } from '../cases/case-schema';
import { joinNames } from '../text/join-names';

/**
 * The subject of an email about a case: the case file's own (`letter.subject`) when it has one,
 * otherwise the people concerned and the case, "Server Mustafayev (UA 150.19)". A case without
 * a UA number is named by its title, which means more to an official than appeal's own id.
 */
export function emailSubject(definition: CaseDefinition): string {
  if (definition.letter?.subject) return definition.letter.subject;
  const caseName = definition.ua_number ? `UA ${definition.ua_number}` : definition.title;
  const people = joinNames(definition.people.map((person) => person.name));
  if (!people) return definition.ua_number ? `${caseName}: ${definition.title}` : caseName;
  return `${people} (${caseName})`;
}
