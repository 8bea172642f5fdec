/** One letter a command made and where it went: what a record of the group's actions counts. */
export interface LetterMade {
  caseId: string;
  officialId: string;
  format: string;
  /** The signer's name, or "blank" for a letter to be signed and addressed by hand. */
  sender: string;
  file: string;
}
