import type { LanguageWords } from './language-words';

export const es: LanguageWords = {
  locale: 'es',
  closing: 'Atentamente,',
  pageNumber: 'Página {page} de {pages}',
  returnLineLabel: 'Remite:',
  blankLabels: { signature: 'Firma', name: 'Nombre', address: 'Dirección' },
};
