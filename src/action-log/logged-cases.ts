import type { CaseLibrary } from '../cases/case-library';
import { caseDisplayId } from '../cases/case-summary';
import { findCase } from '../cases/find-case';
import type { ActionRecord } from './action-record';

/**
 * The case id a `log` or `report` query means: an id the log holds, even for a case no longer in
 * the library, or else any way `appeal write` finds a case ("UA 150.19", a name).
 */
export function loggedCaseId(query: string, records: readonly ActionRecord[], openLibrary: () => CaseLibrary): string {
  const id = query.trim().toLowerCase();
  if (records.some((record) => record.case === id)) return id;
  return findCase(openLibrary().cases, query).definition.id;
}

/** How the report names cases and officials; ids stand in for cases the library no longer has. */
export interface CaseNames {
  caseLabel(caseId: string): string;
  uaNumber(caseId: string): string | undefined;
  people(caseId: string): string[];
  officialName(caseId: string, officialId: string): string | undefined;
}

export function caseNames(library: CaseLibrary): CaseNames {
  const byId = new Map(library.cases.map((record) => [record.definition.id, record.definition]));
  return {
    caseLabel: (caseId) => {
      const definition = byId.get(caseId);
      if (!definition) return caseId;
      const people = definition.people.map((person) => person.name).join(', ');
      return people ? `${caseDisplayId(definition)} (${people})` : caseDisplayId(definition);
    },
    uaNumber: (caseId) => byId.get(caseId)?.ua_number,
    people: (caseId) => byId.get(caseId)?.people.map((person) => person.name) ?? [],
    officialName: (caseId, officialId) => byId.get(caseId)?.officials.find((official) => official.id === officialId)?.name,
  };
}
