import type { LanguageWords } from './language-words';

export const de: LanguageWords = {
  name: 'Deutsch',
  locale: 'de',
  closing: 'Mit freundlichen Grüßen',
  pageNumber: 'Seite {page} von {pages}',
  returnLineLabel: 'Abs.:',
  blankLabels: { signature: 'Unterschrift', name: 'Name', address: 'Anschrift' },
};
