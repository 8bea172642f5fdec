/**
 * The words of one language that an Urgent Action uses for its parts: section labels, contact
 * labels, salutations and closings, closing notices, deadlines. Patterns are regular-expression
 * sources matched case-insensitively; each is a bounded phrase (no nested repetition), so the
 * finders built from them stay linear in the document's length. Adding a language is adding a
 * table beside en.ts, fr.ts, de.ts and es.ts and listing it in index.ts.
 */
export interface LanguageWords {
  /** BCP 47 tag, as a case's letter.language records it. */
  code: string;
  /** The language's name in English, as cases write preferred languages. */
  name: string;
  /** Short words common in running text, to tell the document's language. */
  commonWords: readonly string[];
  /** What the language calls an Urgent Action ("Acción Urgente", "Action urgente"). */
  urgentAction: readonly string[];
  /** Abbreviations written before a UA number ("UA", "AU", "UAN Letter"). */
  uaAbbreviations: readonly string[];
  /** Words that make a document a later issue: "Urgent Action Update", "Cuarta AU". */
  updates: readonly string[];
  /** Notices that close a case: "no further action is requested". */
  closedNotices: readonly string[];
  /** Cues before an appeal deadline's date ("send appeals before", "Appelle bis"). */
  deadlineCues: readonly string[];
  /** Section labels: who to write to, who gets copies, the model letter, the call to action. */
  sections: {
    targets: readonly string[];
    copies: readonly string[];
    letter: readonly string[];
    action: readonly string[];
    /** Sections after the action that hold nothing to write: downloads, further information. */
    after: readonly string[];
  };
  /** Contact labels before a colon: "Courriel :", "E-Mail:", "korrekte Anrede:". */
  contactLabels: {
    fax: readonly string[];
    phone: readonly string[];
    email: readonly string[];
    twitter: readonly string[];
    facebook: readonly string[];
    instagram: readonly string[];
    salutation: readonly string[];
  };
  /** Words a letter's opening line starts with ("Dear", "Sehr geehrte", "Exzellenz"). */
  salutationOpeners: readonly string[];
  /** A letter's closing line, whole ("Yours sincerely", "Mit freundlichen Grüßen"). */
  closings: readonly string[];
  /** Sentences that give targets inside running text: "en l'adressant au ...". */
  inlineTarget: readonly string[];
  /** "avec copie à", "with a copy to": a copies recipient inside a sentence. */
  inlineCopy: readonly string[];
  /** A blind copy to the organisation itself, which is not a target ("en copie cachée"). */
  blindCopy: readonly string[];
  /** Words for "or" between two phone numbers. */
  or: readonly string[];
  /** Line breaks a web page leaves that are not content ("zurück", "Close"). */
  noise: readonly string[];
  /** Parts of a composed letter, when the document has none: introduction and closing. */
  composed: { salutation: string; intro: string; closing: string };
  /** Opening verbs of bullet-point demands ("Calling on ...") and their first-person form. */
  appealVerbs: Readonly<Record<string, string>>;
}
