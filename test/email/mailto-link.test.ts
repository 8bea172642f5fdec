import { buildMailtoLink, MAILTO_SAFE_LENGTH } from '../../src/email/mailto-link';
import { UnsafeEmailHeaderError } from '../../src/email/build-email-draft';
import type { Letter } from '../../src/letters/letter';

const letter: Letter = {
  caseId: 'miftakhov-2026',
  officialId: 'yanao-prosecutor',
  language: 'en',
  date: '22 November 2026',
  sender: { name: 'Анна Иванова' },
  recipientLines: [],
  salutation: 'Dear Mr. Mityayev,',
  paragraphs: ['I urge you & your office to act: 100% now? Yes #1.', 'Second paragraph + more.'],
  closing: 'Yours sincerely,',
  signature: ['Анна Иванова'],
};

/** Reads a mailto: link back as RFC 6068 says a mail program does. */
function readMailto(link: string): { to: string[]; fields: Record<string, string> } {
  expect(link.startsWith('mailto:')).toBe(true);
  const [toPart, query = ''] = link.slice('mailto:'.length).split('?');
  const fields: Record<string, string> = {};
  for (const pair of query.split('&')) {
    const [key, value = ''] = pair.split('=');
    fields[decodeURIComponent(key!)] = decodeURIComponent(value);
  }
  return { to: toPart!.split(',').map(decodeURIComponent), fields };
}

describe('buildMailtoLink', () => {
  it('carries every address, the subject and the letter, each encoded so nothing spills into another field', () => {
    const to = ['proknadzor-iu-yanao@89.mailop.ru', "o'brien+x&y%z@example.org"];
    const link = buildMailtoLink({ letter, to, subject: 'Azat Miftakhov (Imprisoned Activist Allegedly Tortured) & more?' });
    expect(link).toMatch(/^mailto:[\x21-\x7e]+$/); // ASCII only, no spaces: a link a terminal or browser keeps whole
    expect(link).not.toContain('+'); // "+" would read as a space in some programs; spaces are %20
    const read = readMailto(link);
    expect(read.to).toEqual(to);
    expect(Object.keys(read.fields)).toEqual(['subject', 'body']);
    expect(read.fields.subject).toBe('Azat Miftakhov (Imprisoned Activist Allegedly Tortured) & more?');
    expect(read.fields.body).toBe(
      'Dear Mr. Mityayev,\r\n\r\nI urge you & your office to act: 100% now? Yes #1.\r\n\r\nSecond paragraph + more.\r\n\r\nYours sincerely,\r\n\r\nАнна Иванова\r\n',
    );
  });

  it('writes an internationalised domain as punycode', () => {
    expect(readMailto(buildMailtoLink({ letter, to: ['info@bücher.example'], subject: 'S' })).to).toEqual(['info@xn--bcher-kva.example']);
  });

  it.each([
    ['a subject with CRLF', { subject: 'Hi\r\nBcc: x@example.org' }],
    ['an address with LF', { to: ['a@example.org\nBcc: x@example.org'] }],
  ])('refuses %s', (_name, overrides) => {
    expect(() => buildMailtoLink({ letter, to: ['a@example.org'], subject: 'S', ...overrides })).toThrow(UnsafeEmailHeaderError);
  });

  it('names the length past which links are cut', () => {
    expect(MAILTO_SAFE_LENGTH).toBe(2000);
  });
});
