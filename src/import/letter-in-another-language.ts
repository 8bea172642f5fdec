import { isMap, isScalar, type Document, type YAMLMap } from 'yaml';
import type { CaseDefinition } from '../cases/case-schema';

/**
 * What a document in another language brings to a case already in the library: its model letter
 * in that language, and the salutations it gives. Plain data, so it can come from any importer.
 */
export interface LetterVersionFound {
  /** Language tag of the document's model letter: "de". */
  language: string;
  /** The letter's body as a template (the .hbs file's text). */
  template: string;
  paragraphs: number;
  closing?: string;
  /** The model letter's opening without its comma: "Sehr geehrter Herr Botschafter". */
  opening?: string;
  /** The officials the document names, in its order, with the salutation it gives each. */
  officials: readonly { name: string; salutation?: string }[];
}

export interface AddedSalutation {
  index: number;
  salutation: string;
  /** How it was found, for the coordinator to check. */
  how: string;
}

/** The change that adds a letter in a new language to a case: shown first, then written. */
export interface AddedLetterPlan {
  language: string;
  /** The new template's path, relative to the case file, beside the case's main template. */
  templatePath: string;
  template: string;
  closing?: string;
  salutations: AddedSalutation[];
  /** The difference, as `import` shows changes: field and lines. */
  changes: { field: string; lines: string[] }[];
}

/**
 * Whether a document of a case is the case in another language: its model letter is in a
 * language the case has no letter in yet. Then it adds that letter, and changes nothing else:
 * the case's facts stay as written in its main language.
 */
export function isLetterInNewLanguage(definition: CaseDefinition, found: Pick<LetterVersionFound, 'language'> | undefined): boolean {
  if (!definition.letter || !found) return false;
  return found.language !== definition.letter.language && !definition.letters.some((letter) => letter.language === found.language);
}

export function planAddedLetter(definition: CaseDefinition, found: LetterVersionFound): AddedLetterPlan {
  const main = definition.letter!;
  const templatePath = main.template.replace(/(?:\.[a-z]{2,3})?\.hbs$/, `.${found.language}.hbs`);
  const salutations = definition.officials.map((official, index): AddedSalutation => {
    const byName = found.officials.find((other) => other.salutation && sameOfficial(official.name, other.name));
    if (byName) return { index, salutation: byName.salutation!, how: `the document's salutation for ${byName.name}` };
    const byPlace = found.officials.length === definition.officials.length ? found.officials[index] : undefined;
    if (byPlace?.salutation) return { index, salutation: byPlace.salutation, how: `the document's salutation for its official ${index + 1}, ${byPlace.name}; check it is the same person` };
    return { index, salutation: found.opening ?? '', how: 'the opening of the document\'s model letter; check it suits this official' };
  });
  const changes = [
    { field: 'letters', lines: [`+ ${found.language}: ${templatePath}, ${found.paragraphs} paragraph${found.paragraphs === 1 ? '' : 's'}${found.closing ? `, closing "${found.closing}"` : ''}`] },
    ...salutations.map((added) => ({
      field: `officials[${added.index}].salutations.${found.language}`,
      lines: [`+ ${added.salutation || '(none found)'} (${added.how})`],
    })),
  ];
  return { language: found.language, templatePath, template: found.template, closing: found.closing, salutations, changes };
}

/** Adds the letter and the salutations to the case file's YAML, beside what is there. */
export function applyAddedLetter(doc: Document, plan: AddedLetterPlan): void {
  const entry = { language: plan.language, template: plan.templatePath, ...(plan.closing ? { closing: plan.closing } : {}) };
  const letters = doc.getIn(['letters']);
  if (letters && typeof letters === 'object' && 'add' in letters) (letters as { add(value: unknown): void }).add(doc.createNode(entry));
  else insertAfter(doc, doc.contents as YAMLMap, 'letter', 'letters', [entry]);
  for (const added of plan.salutations) {
    if (!added.salutation) continue;
    const official = doc.getIn(['officials', added.index]) as YAMLMap | undefined;
    if (!isMap(official)) continue;
    if (isMap(official.get('salutations', true))) doc.setIn(['officials', added.index, 'salutations', plan.language], added.salutation);
    else insertAfter(doc, official, 'salutation', 'salutations', { [plan.language]: added.salutation });
  }
}

function insertAfter(doc: Document, map: YAMLMap, afterKey: string, key: string, value: unknown): void {
  const index = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === afterKey);
  const pair = doc.createPair(key, value);
  if (index < 0) map.items.push(pair);
  else map.items.splice(index + 1, 0, pair);
}

const TITLE_WORDS = new Set(['ambassador', 'botschafter', 'ambassadeur', 'embajador', 'president', 'prasident', 'presidente', 'minister', 'ministre', 'ministro', 'prosecutor', 'general', 'generale', 'generalstaatsanwalt', 'procureur', 'fiscal', 'herr', 'frau', 'mr', 'mrs', 'ms', 'dr', 'his', 'her', 'excellency', 'seine', 'exzellenz']);

/** Two ways of writing one official's name: they share a name word, titles left aside. */
function sameOfficial(a: string, b: string): boolean {
  const words = (name: string) =>
    new Set(
      name
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter((word) => word.length >= 3 && !TITLE_WORDS.has(word)),
    );
  const first = words(a);
  return [...words(b)].some((word) => first.has(word));
}
