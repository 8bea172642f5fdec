import { caseSchema, type CaseDefinition } from '../../src/cases/case-schema';
import { emailSubject } from '../../src/email/email-subject';

function definition(fields: Record<string, unknown>): CaseDefinition {
  return caseSchema.parse({ id: 'test-case', title: 'Imprisoned Activist Allegedly Tortured', status: 'open', people: [], officials: [], ...fields });
}

describe('emailSubject', () => {
  it.each([
    ['one person and a UA number', { ua_number: '150.19', people: [{ name: 'Server Mustafayev' }] }, 'Server Mustafayev (UA 150.19)'],
    [
      'six people',
      { ua_number: '126.19', people: ['Emir-Usein Kuku', 'Muslim Aliev', 'Vadim Siruk'].map((name) => ({ name })) },
      'Emir-Usein Kuku, Muslim Aliev and Vadim Siruk (UA 126.19)',
    ],
    ['no UA number: the title names the case', { people: [{ name: 'Azat Miftakhov' }] }, 'Azat Miftakhov (Imprisoned Activist Allegedly Tortured)'],
    ['nobody named', { ua_number: '1.20' }, 'UA 1.20: Imprisoned Activist Allegedly Tortured'],
    ['nobody named and no number', {}, 'Imprisoned Activist Allegedly Tortured'],
    [
      'the case file’s own subject',
      { ua_number: '150.19', people: [{ name: 'Server Mustafayev' }], letter: { template: 'x.hbs', subject: 'Free Server Mustafayev' } },
      'Free Server Mustafayev',
    ],
  ])('%s', (_name, fields, subject) => {
    expect(emailSubject(definition(fields))).toBe(subject);
  });

  it('cannot take a subject with a line break from a case file', () => {
    const parsed = caseSchema.safeParse({
      id: 'test-case',
      title: 'T',
      status: 'open',
      people: [],
      letter: { template: 'x.hbs', subject: 'Hello\r\nBcc: x@example.org' },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['letter.subject', expect.stringMatching(/carriage return/)]]);
  });
});
