import type { LanguageWords } from './language-words';

export const fr: LanguageWords = {
  locale: 'fr',
  names: { english: 'French', own: 'français' },
  months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  datePattern: '{day} {month} {year}',
  closing: 'Veuillez agréer l’expression de mes salutations distinguées.',
  pageNumber: 'Page {page} sur {pages}',
  returnLineLabel: 'Exp. :',
  blankLabels: { signature: 'Signature', name: 'Nom', address: 'Adresse' },
};
