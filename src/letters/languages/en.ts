import type { LanguageWords } from './language-words';

export const en: LanguageWords = {
  locale: 'en-GB',
  names: { english: 'English', own: 'English' },
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  datePattern: '{day} {month} {year}',
  closing: 'Yours sincerely,',
  pageNumber: '{page} / {pages}',
  returnLineLabel: '',
  blankLabels: { signature: 'Signature', name: 'Name', address: 'Address' },
};
