import type { CaseDefinition, Official } from '../cases/case-schema';
import type { Sender } from '../profile/sender';
import { joinNamesIn } from './languages';

/**
 * What a model-letter template may use. Every key is always present (null when unknown), so
 * Handlebars' strict mode can tell a misspelt variable from a value that is simply missing.
 */
export interface LetterContext {
  case: {
    id: string;
    ua_number: string | null;
    title: string;
    country: string | null;
    people: { name: string; pronouns: string | null }[];
    people_names: string;
  };
  official: { id: string; name: string; title: string | null; organisation: string | null; salutation: string };
  sender: { name: string; email: string | null; country: string | null; address: string[] };
  date: string;
  salutation: string;
  closing: string;
  /** The member's own paragraph (--personal), or null; templates place it with {{> personal}}. */
  personal: string | null;
}

/** The shape of LetterContext, which template checks walk to find variables that do not exist. */
export type ContextShape = 'value' | { fields: Record<string, ContextShape> } | { items: ContextShape };

const person: ContextShape = { fields: { name: 'value', pronouns: 'value' } };
export const LETTER_CONTEXT_SHAPE: ContextShape = {
  fields: {
    case: {
      fields: { id: 'value', ua_number: 'value', title: 'value', country: 'value', people: { items: person }, people_names: 'value' },
    },
    official: { fields: { id: 'value', name: 'value', title: 'value', organisation: 'value', salutation: 'value' } },
    sender: { fields: { name: 'value', email: 'value', country: 'value', address: { items: 'value' } } },
    date: 'value',
    salutation: 'value',
    closing: 'value',
    personal: 'value',
  },
};

/** What differs between letters of one case beyond official and sender. */
export interface LetterWording {
  language: string;
  date: string;
  salutation: string;
  closing: string;
  personal: string | null;
}

export function buildLetterContext(definition: CaseDefinition, official: Official, sender: Sender, wording: LetterWording): LetterContext {
  return {
    case: {
      id: definition.id,
      ua_number: definition.ua_number ?? null,
      title: definition.title,
      country: definition.country ?? null,
      people: definition.people.map((p) => ({ name: p.name, pronouns: p.pronouns ?? null })),
      people_names: joinNamesIn(definition.people.map((p) => p.name), wording.language),
    },
    official: {
      id: official.id,
      name: official.name,
      title: official.title ?? null,
      organisation: official.organisation ?? null,
      salutation: official.salutation,
    },
    sender: { name: sender.name, email: sender.email ?? null, country: sender.country ?? null, address: [...(sender.address ?? [])] },
    date: wording.date,
    salutation: wording.salutation,
    closing: wording.closing,
    personal: wording.personal,
  };
}
