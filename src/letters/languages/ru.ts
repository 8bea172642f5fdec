import type { LanguageWords } from './language-words';

export const ru: LanguageWords = {
  locale: 'ru',
  names: { english: 'Russian', own: 'русский' },
  months: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  datePattern: '{day} {month} {year} г.',
  closing: 'С уважением,',
  pageNumber: 'Страница {page} из {pages}',
  returnLineLabel: 'От кого:',
  blankLabels: { signature: 'Подпись', name: 'Имя', address: 'Адрес' },
};
