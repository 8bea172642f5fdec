import type { LanguageWords } from './language-words';

export const fr: LanguageWords = {
  locale: 'fr',
  closing: 'Veuillez agréer l’expression de mes salutations distinguées.',
  pageNumber: 'Page {page} sur {pages}',
  returnLineLabel: 'Exp. :',
  blankLabels: { signature: 'Signature', name: 'Nom', address: 'Adresse' },
};
