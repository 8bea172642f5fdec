import type { LanguageWords } from './language-words';

export const ru: LanguageWords = {
  locale: 'ru',
  closing: 'С уважением,',
  pageNumber: 'Страница {page} из {pages}',
  returnLineLabel: 'От кого:',
  blankLabels: { signature: 'Подпись', name: 'Имя', address: 'Адрес' },
};
