import { joinWrappedLines } from './document-lines';
import { caseInsensitive } from './case-patterns';
import { NAME_PARTICLES, isNameWord } from './official-words';

const NAMES_AND_PRONOUNS = caseInsensitive(String.raw`^names?\s+and\s+(?:\p{L}+\s+)?pronouns?\s*:`, 'iu');

export interface ImportedPerson {
  name: string;
  pronouns?: string;
  /** Why the pronouns are a guess: the words they were read from. */
  pronounsCheck?: string;
}

/**
 * "NAME AND PREFFERED PRONOUN: Emir-Usein Kuku (he/him), Muslim Aliev (he/him) and Refat
 * Alimov (he/him)." The list may run over several lines, up to a blank one.
 */
export function findNamedPeople(lines: readonly string[]): ImportedPerson[] | undefined {
  const start = lines.findIndex((line) => NAMES_AND_PRONOUNS.test(line));
  if (start < 0) return undefined;
  const block = [lines[start]!.replace(/^[^:]*:\s*/, '')];
  for (let i = start + 1; i < lines.length && lines[i]; i++) block.push(lines[i]!);
  const text = joinWrappedLines(block).replace(/\.$/, '');
  const people: ImportedPerson[] = [];
  for (const part of text.split(/\s*(?:,|;|\band\b)\s*(?![^()]*\))/)) {
    const match = /^(.+?)\s*(?:\(([^()]+)\))?$/.exec(part.trim());
    if (!match || !match[1]) continue;
    const pronouns = match[2]?.trim().replace(/\s*\/\s*/g, '/');
    people.push({ name: match[1].trim(), ...(pronouns ? { pronouns } : {}) });
  }
  return people.length ? people : undefined;
}

/**
 * Names of people in running text: runs of two to four capitalised name words ("Server
 * Mustafayev", "José Asunción Martínez"), never places, bodies or months.
 */
export function personNamesIn(text: string): string[] {
  const names: string[] = [];
  const tokens = text.replace(/\s+/g, ' ').split(' ');
  let run: string[] = [];
  const flush = () => {
    while (run.length && NAME_PARTICLES.has(run[run.length - 1]!.toLowerCase())) run.pop();
    if (run.length >= 2 && run.length <= 4 && !names.includes(run.join(' '))) names.push(run.join(' '));
    run = [];
  };
  for (const raw of tokens) {
    const token = raw.replace(/^[("“‘'«]+/, '');
    const word = token.replace(/(?:['’]s?)?[)"”’'».,;:!?]*$/u, '');
    const endsRun = word !== token;
    if (isNameWord(word)) run.push(word);
    else if (run.length && NAME_PARTICLES.has(word.toLowerCase()) && !endsRun) run.push(word);
    else {
      flush();
      continue;
    }
    if (endsRun) flush();
  }
  flush();
  return names;
}

const HE = /\b(?:he|him|his|himself)\b/i;
const SHE = /\b(?:she|her|hers|herself)\b/i;

/**
 * Pronouns a text uses for a person: in a sentence that names only that person, a pronoun after
 * the name ("Sotero Chavarría Fúnez recently reported ... the mother of his children"). Nothing
 * when the text never does, or does both ways.
 */
export function inferPronouns(name: string, text: string): { pronouns: string; evidence: string } | undefined {
  return pronounsIn(name, sentencesOf(text));
}

/** The text's sentences, each on one line. */
const sentencesOf = (text: string): string[] => text.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[\p{Lu}"“])/u);

function pronounsIn(name: string, sentences: readonly string[]): { pronouns: string; evidence: string } | undefined {
  const found = new Set<string>();
  let evidence = '';
  for (const sentence of sentences) {
    const at = sentence.indexOf(name);
    if (at < 0) continue;
    const others = personNamesIn(sentence).filter((other) => other !== name && !name.includes(other) && !other.includes(name));
    if (others.length) continue;
    const after = sentence.slice(at + name.length);
    const he = HE.exec(after);
    const she = SHE.exec(after);
    if (he && !she) found.add('he/him');
    if (she && !he) found.add('she/her');
    if ((he || she) && !evidence) evidence = `"${(he ?? she)![0]}" in "${sentence.length > 120 ? `${sentence.slice(0, 117)}...` : sentence}"`;
  }
  return found.size === 1 ? { pronouns: [...found][0]!, evidence } : undefined;
}

/**
 * The people the case is about: the document's own "NAME AND PRONOUN" list, else the people the
 * summary and the model letter's first paragraph name, other than the officials.
 */
export function findPeople(lines: readonly string[], summary: string | undefined, letterStart: string | undefined, officialNames: readonly string[]): ImportedPerson[] {
  const named = findNamedPeople(lines);
  if (named) return named;
  const candidates = [...personNamesIn(summary ?? ''), ...personNamesIn(letterStart ?? '')];
  const people: ImportedPerson[] = [];
  let sentences: string[] | undefined;
  for (const name of candidates) {
    if (officialNames.some((official) => official.includes(name))) continue;
    if (people.some((person) => person.name.includes(name) || name.includes(person.name))) continue;
    // The document's sentences, split once for all the people it names.
    const pronouns = pronounsIn(name, (sentences ??= sentencesOf(lines.join('\n'))));
    people.push(pronouns ? { name, pronouns: pronouns.pronouns, pronounsCheck: `the document states no pronouns; read from ${pronouns.evidence}` } : { name });
  }
  return people;
}
