import type { LanguageWords } from './language-words';

export const de: LanguageWords = {
  locale: 'de',
  names: { english: 'German', own: 'Deutsch' },
  months: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  datePattern: '{day}. {month} {year}',
  closing: 'Mit freundlichen Grüßen',
  pageNumber: 'Seite {page} von {pages}',
  returnLineLabel: 'Abs.:',
  blankLabels: { signature: 'Unterschrift', name: 'Name', address: 'Anschrift' },
};
