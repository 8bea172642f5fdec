import type { LanguageWords } from './language-words';

export const en: LanguageWords = {
  locale: 'en-GB',
  closing: 'Yours sincerely,',
  pageNumber: '{page} / {pages}',
  returnLineLabel: '',
  blankLabels: { signature: 'Signature', name: 'Name', address: 'Address' },
};
