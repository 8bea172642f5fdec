import { documentText } from '../../src/import/read-document';
import { decodeWindows1252, windows1252Character } from '../../src/text/windows-1252';

describe('Windows-1252', () => {
  test('the typographic characters at 80–9F are read, not dropped', () => {
    expect(decodeWindows1252(Uint8Array.of(0x93, 0x41, 0x94, 0x20, 0x80, 0x35, 0x20, 0x96, 0x20, 0x85))).toBe('“A” €5 – …');
    expect(decodeWindows1252(Uint8Array.of(0x43, 0xe1, 0x63, 0x65, 0x72, 0x65, 0x73))).toBe('Cáceres');
  });

  test('each byte alone is the character it is in a text', () => {
    for (let byte = 0; byte < 256; byte++) expect(windows1252Character(byte)).toBe(decodeWindows1252(Uint8Array.of(byte)));
    expect(windows1252Character(0x92)).toBe('’');
  });

  test('a document that is not UTF-8 is read as Windows-1252, as older e-mails are written', async () => {
    const mail = Buffer.from([...Buffer.from('Please write to the Minister: '), 0x93, ...Buffer.from('Estimado Se'), 0xf1, ...Buffer.from('or Ministro'), 0x94, 0x0a]);
    expect(await documentText(mail, 'mail.txt')).toBe('Please write to the Minister: “Estimado Señor Ministro”\n');
  });
});
