import type { LanguageWords } from './language-words';

export const ru: LanguageWords = {
  name: 'русский',
  locale: 'ru',
  closing: 'С уважением,',
  pageNumber: 'Страница {page} из {pages}',
  returnLineLabel: 'От кого:',
  blankLabels: { signature: 'Подпись', name: 'Имя', address: 'Адрес' },
};
