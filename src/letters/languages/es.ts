import type { LanguageWords } from './language-words';

export const es: LanguageWords = {
  locale: 'es',
  names: { english: 'Spanish', own: 'español' },
  months: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  datePattern: '{day} de {month} de {year}',
  closing: 'Atentamente,',
  pageNumber: 'Página {page} de {pages}',
  returnLineLabel: 'Remite:',
  blankLabels: { signature: 'Firma', name: 'Nombre', address: 'Dirección' },
};
