/**
 * Windows-1252, the encoding of older e-mails and web pages and of PDF's WinAnsiEncoding: Latin-1
 * with typographic characters at 80–9F. Decoded here because Node 20's TextDecoder drops those
 * bytes (it reads "windows-1252" as Latin-1 and loses what Latin-1 has there: “quotes”, €, –, …).
 * The five codes Windows-1252 leaves unassigned are read as the control characters Latin-1 has.
 */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** The character one Windows-1252 byte stands for. */
export const windows1252Character = (byte: number): string => (byte >= 0x80 && byte <= 0x9f ? HIGH[byte - 0x80]! : String.fromCharCode(byte));

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (char) => windows1252Character(char.charCodeAt(0)));
}
