import type { LanguageWords } from './language-words';

export const es: LanguageWords = {
  name: 'español',
  locale: 'es',
  closing: 'Atentamente,',
  pageNumber: 'Página {page} de {pages}',
  returnLineLabel: 'Remite:',
  blankLabels: { signature: 'Firma', name: 'Nombre', address: 'Dirección' },
};
