/**
 * A word of a person's name is capitalised as one pattern said: a capital, then letters, marks and
 * apostrophes, one of them at least a small letter or a mark. It is asked as two smaller patterns
 * (isCapitalised in official-words.ts), which V8 compiles sooner; these hold it to the one pattern.
 */
import fc from 'fast-check';
import { isCapitalised, isNameWord } from '../src/import/official-words';

const AS_WRITTEN = /^\p{Lu}[\p{L}\p{M}'’]*[\p{Ll}\p{M}][\p{L}\p{M}'’]*$/u;

/** Capitals, small letters, letters without case, title case, marks, apostrophes and others, in and outside the BMP. */
const CHARACTERS = ['A', 'Z', 'É', 'Σ', 'Ж', '𝐀', 'Ǆ', 'a', 'é', 'ß', 'σ', 'ж', '𝐚', 'ǅ', 'ǆ', '中', 'ا', 'ʰ', '\u0301', '\u0903', '\u20dd', "'", '’', '‘', '-', '.', '1', ' ', '_', '\u0345', 'İ', 'ı'];

describe('a capitalised word of a name', () => {
  test('is what the one pattern matches, for words made of every kind of character', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 7 }), (characters) => {
        const word = characters.join('');
        expect(isCapitalised(word)).toBe(AS_WRITTEN.test(word));
      }),
      { numRuns: 20000 },
    );
  });

  test('names as documents write them', () => {
    for (const word of ['Mityayev', 'O’Brien', "D'Souza", 'Zúñiga', 'Çelik', 'Ǆukić', 'Жанна', 'Éloïse']) expect(isCapitalised(word)).toBe(true);
    for (const word of ['USA', 'COPINH', 'a', 'A', 'Ab1', 'ab', '’Brien', 'A’', 'A\u0301']) expect(isCapitalised(word)).toBe(AS_WRITTEN.test(word));
    expect(isNameWord('Emir-Usein')).toBe(true);
    expect(isNameWord('al-Khawaja')).toBe(true);
    expect(isNameWord('V.')).toBe(true);
  });
});
