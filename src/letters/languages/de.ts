import type { LanguageWords } from './language-words';

export const de: LanguageWords = {
  locale: 'de',
  closing: 'Mit freundlichen Grüßen',
  pageNumber: 'Seite {page} von {pages}',
  returnLineLabel: 'Abs.:',
  blankLabels: { signature: 'Unterschrift', name: 'Name', address: 'Anschrift' },
};
