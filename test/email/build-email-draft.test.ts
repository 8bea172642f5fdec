import fc from 'fast-check';
import { buildEmailDraft, UnsafeEmailHeaderError, type EmailDraftInput } from '../../src/email/build-email-draft';
import { emailAddressToAscii } from '../../src/text/email-address';
import type { Letter } from '../../src/letters/letter';
import { findUnsafeCharacter } from '../../src/text/plain-text';
import { rawLines, readWithMailparser, readWithPython } from '../helpers/read-email';

function letterFrom(senderName: string, paragraphs: string[] = ['I am writing to express my deep concern over the treatment of Azat Miftakhov. '.repeat(4).trim()]): Letter {
  return {
    caseId: 'miftakhov-2026',
    officialId: 'yanao-prosecutor',
    language: 'en',
    date: '22 November 2026',
    sender: { name: senderName, email: 'anna@example.org' },
    recipientLines: ['Mityayev Mikhail Arkadyevich'],
    salutation: 'Dear Mr. Mityayev,',
    paragraphs,
    closing: 'Yours sincerely,',
    signature: [senderName],
  };
}

const DATE = new Date('2026-11-22T12:00:00Z');
const TO = ['proknadzor-iu-yanao@89.mailop.ru', 'prokyanao@89.mailop.ru', 'prokyan-iu@yandex.ru'];

function input(overrides: Partial<EmailDraftInput> = {}): EmailDraftInput {
  return { letter: letterFrom('Анна Иванова'), from: 'anna@example.org', to: TO, subject: 'Azat Miftakhov (Imprisoned Activist Allegedly Tortured)', date: DATE, ...overrides };
}

describe('buildEmailDraft', () => {
  // Drafts in several scripts and shapes, each read back by both parsers.
  const cases: [string, EmailDraftInput][] = [
    ['Cyrillic sender, three addresses', input()],
    ['ASCII only', input({ letter: letterFrom('Jane Doe'), to: ['ambassador@example.org'], subject: 'Server Mustafayev (UA 150.19)' })],
    ['Turkic and Arabic names, long subject', input({
      letter: letterFrom('Emir-Usein Kuku · Şükrü Öztürk · محمد', ['Первый абзац письма на русском языке, довольно длинный, чтобы строки переносились. '.repeat(5).trim(), 'Second paragraph.']),
      subject: 'Emir-Usein Kuku, Muslim Aliev, Vadim Siruk, Enver Bekirov, Arsen Dzhepparov and Refat Alimov (UA 126.19)',
    })],
    ['internationalised domain', input({ to: ['info@bücher.example'] })],
  ];

  let built: { name: string; input: EmailDraftInput; raw: Buffer }[];
  beforeAll(async () => {
    built = await Promise.all(cases.map(async ([name, draft]) => ({ name, input: draft, raw: await buildEmailDraft(draft) })));
  });

  it('is read the same by mailparser and by Python’s email package', async () => {
    const fromPython = readWithPython(built.map((draft) => draft.raw));
    for (const [index, { name, input: draft, raw }] of built.entries()) {
      const python = fromPython[index]!;
      const node = await readWithMailparser(raw);
      expect({ name, from: node.from }).toEqual({ name, from: [{ name: draft.letter.sender.name, address: draft.from }] });
      // Python before 3.14 keeps the folding space between two encoded-words of a display name,
      // which RFC 2047 (6.2) says to drop (python/cpython#128110); mailparser above reads it exactly.
      const squeeze = (text: string) => text.replace(/\s+/g, '');
      expect({ name, from: python.from.map((entry) => ({ ...entry, name: squeeze(entry.name) })) }).toEqual({ name, from: [{ name: squeeze(draft.letter.sender.name), address: draft.from }] });
      for (const read of [node, python]) {
        // The domain travels as punycode; mailparser turns it back into Unicode, Python does not.
        expect(read.to.map(emailAddressToAscii)).toEqual(draft.to.map(emailAddressToAscii));
        expect(read.subject).toBe(draft.subject);
        expect(read.xUnsent).toBe('1');
        expect(read.contentType).toBe('text/plain');
        expect(read.charset?.toLowerCase()).toBe('utf-8');
        expect(new Date(read.date!).toISOString()).toBe(DATE.toISOString());
        expect(read.body).toBe(['Dear Mr. Mityayev,', ...draft.letter.paragraphs, 'Yours sincerely,', draft.letter.sender.name].join('\n\n') + '\n');
        expect(read.headerNames).not.toContain('bcc');
        expect(read.headerNames).not.toContain('cc');
      }
      expect(python.defects).toEqual([]);
      expect(python.messageId).toBe(node.messageId);
    }
  });

  it('keeps every line within 78 characters, ends lines with CRLF and uses only ASCII bytes', () => {
    for (const { name, raw } of built) {
      expect({ name, longer: rawLines(raw).filter((line) => line.length > 78) }).toEqual({ name, longer: [] });
      expect(raw.toString('latin1')).not.toMatch(/(?<!\r)\n|\r(?!\n)/);
      expect([...raw].every((byte) => byte < 0x80)).toBe(true);
    }
  });

  it('gives the same bytes for the same letter and moment, and a new Message-ID for another', async () => {
    const again = await buildEmailDraft(input());
    expect(again.equals(built[0]!.raw)).toBe(true);
    const later = await buildEmailDraft(input({ date: new Date('2026-11-23T09:00:00Z') }));
    const [first, second] = await Promise.all([readWithMailparser(built[0]!.raw), readWithMailparser(later)]);
    expect(first.messageId).toMatch(/^<appeal\.[0-9a-f]{32}@example\.org>$/);
    expect(second.messageId).not.toBe(first.messageId);
  });

  it.each([
    ['a sender name with CRLF', { letter: letterFrom('Eve\r\nBcc: x@example.org') }, /sender’s name contains a carriage return/],
    ['a sender name with a bare LF', { letter: letterFrom('Eve\nBcc: x@example.org') }, /sender’s name contains a line break/],
    ['a subject with CRLF', { subject: 'Hello\r\nBcc: x@example.org' }, /subject contains a carriage return/],
    ['a subject with NUL', { subject: 'Hello\u0000' }, /subject contains a control character/],
    ['a From address with CRLF', { from: 'anna@example.org\r\nBcc: x@example.org' }, /sender’s email address contains a carriage return/],
    ['a To address with LF', { to: ['a@example.org\nBcc: x@example.org'] }, /recipient address contains a line break/],
    ['a To address that is a list', { to: ['a@example.org, x@example.org'] }, /must be exactly one address/],
    ['no To address', { to: [] }, /no address to send to/],
    ['an empty subject', { subject: '  ' }, /subject is empty/],
  ] as [string, Partial<EmailDraftInput>, RegExp][])('refuses %s before building anything', async (_name, overrides, message) => {
    const error = await buildEmailDraft(input(overrides)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnsafeEmailHeaderError);
    expect((error as UnsafeEmailHeaderError).details.join('\n')).toMatch(message);
  });

  it('never lets a name or subject add a header line, whatever they hold', async () => {
    const expectedHeaders = ['x-unsent', 'content-language', 'from', 'to', 'subject', 'message-id', 'date', 'content-transfer-encoding', 'mime-version', 'content-type'];
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), async (name, subject) => {
        let raw: Buffer;
        try {
          raw = await buildEmailDraft(input({ letter: letterFrom(name), subject }));
        } catch (error) {
          expect(error).toBeInstanceOf(UnsafeEmailHeaderError);
          // Refused only for a reason: a control character, a line break, or nothing at all.
          expect(Boolean(findUnsafeCharacter(name) || findUnsafeCharacter(subject) || !name.trim() || !subject.trim())).toBe(true);
          return;
        }
        const read = await readWithMailparser(raw);
        expect([...read.headerNames].sort()).toEqual([...expectedHeaders].sort());
        // Spaces around a display name are not part of it to a mail reader, nor in the draft.
        expect(read.from).toEqual([{ name: name.trim(), address: 'anna@example.org' }]);
        expect(read.subject).toBe(subject);
      }),
      { numRuns: 100 },
    );
  });
});
