import { isPersonNameLine } from './official-words';
import { findEmails, type ImportedOfficial } from './officials';
import { BLIND_COPY, INLINE_COPY, INLINE_TARGET } from './language-patterns';
import { LANGUAGES, type LanguageWords } from './languages';
import type { ModelLetter } from './model-letter';

function official(name: string, copy: boolean): ImportedOfficial {
  return { name, address: [], email: [], emailHidden: false, fax: [], phone: [], copy, notes: [], checks: [] };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Officials named inside a sentence: "en l'adressant au Président de la République du Burundi,
 * Évariste Ndayishimiyela, en l'envoyant à l'adresse presidence@burundi.gov.bi, avec copie à
 * l'Ambassade du Burundi en Belgique : ambassade.burundi@gmail.com". The organisation's own
 * blind-copy address, in another sentence, is not a target.
 */
export function inlineOfficials(lines: readonly string[]): ImportedOfficial[] {
  for (const line of lines) {
    if (line.length > 2000) continue;
    const cue = INLINE_TARGET.exec(line);
    if (!cue) continue;
    const rest = line.slice(cue.index + cue[0].length).split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0]!;
    const copyCue = INLINE_COPY.exec(rest);
    const primaryPart = copyCue ? rest.slice(0, copyCue.index) : rest;
    const clauses = primaryPart.split(/\s*,\s*/).filter(Boolean);
    const name = clauses.slice(1, 3).find((clause) => isPersonNameLine(clause));
    const emails = findEmails(primaryPart);
    if (!name && !emails.length) continue;
    const primary = official(name ?? capitalised(clauses[0]!), false);
    if (name) primary.title = capitalised(clauses[0]!);
    primary.email = emails;
    primary.checks.push({ field: 'name', message: `read from a sentence of the document: "${primaryPart.trim().slice(0, 160)}"` });
    const found = [primary];
    if (copyCue) {
      const copyPart = rest.slice(copyCue.index + copyCue[0].length);
      if (!BLIND_COPY.test(copyPart)) {
        const body = capitalised(copyPart.split(/\s*[:,(]\s*|\s+(?=\S+@)/)[0]!.trim().replace(/[.;]$/, ''));
        const copy = official(body, true);
        copy.organisation = body;
        copy.email = findEmails(copyPart);
        copy.notes.push('A "copies to" recipient: the document asks for copies of the appeals to go here.');
        copy.checks.push({ field: 'name', message: 'the document names no person here; the name is the organisation' });
        if (copy.email.length || body) found.push(copy);
      }
    }
    return found;
  }
  return [];
}

/** "Monsieur le Responsable du pouvoir judiciaire" is addressed to the "Responsable du pouvoir judiciaire". */
function addresseeOfOpening(opening: string): string | undefined {
  for (const language of LANGUAGES) {
    const match = new RegExp(`^(?:${language.salutationOpeners.join('|')})\\s+(?:(?:le|la|l['’]|el|der|die|the)\\s*)?(.{3,80})$`, 'iu').exec(opening.trim());
    if (match) return capitalised(match[1]!.trim());
  }
  return undefined;
}

/**
 * One official for a document that names none, from what there is: a sentence that names them,
 * the model letter's opening, or the authorities the appeals call on. Always marked for checking:
 * the coordinator adds the address.
 */
export function fallbackOfficials(lines: readonly string[], letter: ModelLetter | undefined, language: LanguageWords): ImportedOfficial[] {
  const inline = inlineOfficials(lines);
  if (inline.length) return inline;
  const text = lines.join('\n');
  const fromOpening = letter?.opening ? addresseeOfOpening(letter.opening) : undefined;
  const authorities = /\b(?:urging|calling on|urge|call on)\s+(the\s+[\p{L} -]{2,40}?\s+authorities)\b/iu.exec(text)?.[1];
  const name = fromOpening ?? (authorities ? capitalised(authorities) : undefined) ?? { en: 'The authorities', fr: 'Les autorités', de: 'Die Behörden', es: 'Las autoridades' }[language.code] ?? 'The authorities';
  const one = official(name, false);
  one.checks.push({
    field: 'name',
    message: `the document names no official to write to${fromOpening ? ' (its letter opens "' + letter!.opening + '")' : ''}; add the official, their address and how to reach them (a linked Word or PDF version often has them)`,
  });
  return [one];
}
