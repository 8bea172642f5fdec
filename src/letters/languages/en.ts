import type { LanguageWords } from './language-words';

export const en: LanguageWords = {
  name: 'English',
  locale: 'en-GB',
  closing: 'Yours sincerely,',
  pageNumber: '{page} / {pages}',
  returnLineLabel: '',
  blankLabels: { signature: 'Signature', name: 'Name', address: 'Address' },
};
