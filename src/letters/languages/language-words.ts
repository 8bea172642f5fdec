/**
 * The words around a letter's body that change with its language. Each language is one table
 * (a file of its own here); adding a language is adding a table, not editing code.
 */
export interface LanguageWords {
  /** The locale Node's ICU writes dates and lists in ("en" alone would write "November 22, 2026"). */
  locale: string;
  /**
   * The language's name in English and in itself, and a date written out in it, as ICU writes
   * them: the first use of ICU costs a start-up 30–40 ms, which a table does not.
   */
  names: { english: string; own: string };
  /** The months as a date writes them ("ноября", not "ноябрь"), January first. */
  months: readonly string[];
  /** A date with {day}, {month} and {year} filled in: "{day} {month} {year}". */
  datePattern: string;
  /** The closing a letter takes when its case gives none. */
  closing: string;
  /** Page numbers of a letter longer than one page; {page} and {pages} are filled in. */
  pageNumber: string;
  /** Put before the return address above the envelope window, where that is the custom; '' for none. */
  returnLineLabel: string;
  /** Labels under the lines of a blank letter, where a member signs and writes name and address by hand. */
  blankLabels: { signature: string; name: string; address: string };
}
