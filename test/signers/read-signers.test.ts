import { join } from 'node:path';
import { DataError, UsageError } from '../../src/errors/app-error';
import { readSigners } from '../../src/signers/read-signers';
import { dedent, makeTempDir } from '../helpers/temp-dir';

const temp = makeTempDir();
afterAll(() => temp.cleanup());
let fileNumber = 0;
/** Writes a signers file and reads it back. */
function read(extension: string, content: string | Buffer) {
  const name = `signers-${++fileNumber}.${extension}`;
  const { writeFileSync } = require('node:fs') as typeof import('node:fs');
  writeFileSync(join(temp.dir, name), content);
  return readSigners(join(temp.dir, name), name);
}
function problem(extension: string, content: string | Buffer): string {
  try {
    read(extension, content);
  } catch (error) {
    const err = error as DataError;
    return [err.message, ...err.details].join('\n');
  }
  throw new Error('expected an error');
}

describe('readSigners: CSV', () => {
  test('reads names, addresses of several lines, countries, emails and languages, with the line of each member', () => {
    const { signers, warnings } = read('csv', dedent(`
      Name,Address,Country,Email,Language,Phone
      Анна Иванова,"ул. Пушкина, д. 1
      Москва 101000",Russia,anna@example.org,ru,123
      José Núñez,Calle Mayor 5 | 28013 Madrid,Spain,,,
      Zoë Brontë,,,,,
    `));
    expect(signers).toEqual([
      { name: 'Анна Иванова', address: ['ул. Пушкина, д. 1', 'Москва 101000'], country: 'Russia', email: 'anna@example.org', language: 'ru', line: 2 },
      { name: 'José Núñez', address: ['Calle Mayor 5', '28013 Madrid'], country: 'Spain', line: 4 },
      { name: 'Zoë Brontë', line: 5 },
    ]);
    expect(warnings).toEqual([expect.stringContaining('column "Phone" is not one appeal uses')]);
  });

  test.each([
    ['a byte-order mark and semicolons, as spreadsheets save', '\ufeffname;country\nÓlafur Þórsson;Iceland\n', [{ name: 'Ólafur Þórsson', country: 'Iceland', line: 2 }]],
    ['columns in plain words: full name, address 1, address 2, e-mail', 'Full Name,Address 1,Address 2,E-mail\nJane Doe,1 Elm St,Springfield,jane@example.org\n', [{ name: 'Jane Doe', address: ['1 Elm St', 'Springfield'], email: 'jane@example.org', line: 2 }]],
    ['blank lines after the last member', 'name\nJane\n\n\n', [{ name: 'Jane', line: 2 }]],
    ['Windows line ends', 'name,country\r\nJane,UK\r\nLi Wei,China\r\n', [{ name: 'Jane', country: 'UK', line: 2 }, { name: 'Li Wei', country: 'China', line: 3 }]],
  ])('reads %s', (_, content, expected) => {
    expect(read('csv', content).signers).toEqual(expected);
  });

  test.each([
    ['a missing name column', 'member name,address\nJane,1 Elm St\n', 'signers-N.csv:1: no "name" column'],
    ['an empty row', 'name,country\nJane,UK\n,\nLi Wei,China\n', 'signers-N.csv:3: the row is empty'],
    ['an empty row after a row of several lines', 'name,address\nJane,"1 Elm St\nSpringfield"\n\nLi Wei,x\n', 'signers-N.csv:4: the row is empty'],
    ['a row without a name', 'name,country\nJane,UK\n,China\n', 'signers-N.csv:3: no name'],
    ['a row with more fields than the header', 'name,country\nDoe, Jane,UK\n', 'signers-N.csv:2: the row has 3 fields and the header 2'],
    ['an email that is not one address', 'name,email\nJane,jane at example.org\n', 'signers-N.csv:2: the email "jane at example.org" must be exactly one address'],
    ['a name with a control character', 'name\nJa\u0007ne\n', 'signers-N.csv:2: the name contains a control character (U+0007)'],
    ['an unclosed quote', 'name\n"Jane\n', 'the CSV cannot be read'],
  ])('names the line of %s', (_, content, expected) => {
    const message = problem('csv', content).replace(/signers-\d+/g, 'signers-N');
    expect(message).toContain(expected);
    expect(message).toMatch(/no PDF was made/);
  });

  test('names the line of the first byte that is not UTF-8 (a Latin-1 file)', () => {
    const latin1 = Buffer.concat([Buffer.from('name,country\nJane,UK\n'), Buffer.from('Fran\xe7ois,France\n', 'latin1')]);
    const message = problem('csv', latin1);
    expect(message).toMatch(/signers-\d+\.csv:3: the file is not UTF-8 text \(the byte 0xE7/);
  });

  test('a list with no member, or a file of another kind, is an error', () => {
    expect(problem('csv', 'name\n')).toMatch(/names no member/);
    expect(() => read('xlsx', 'name\nJane\n')).toThrow(UsageError);
  });
});

describe('readSigners: YAML', () => {
  test('reads a list of members, or a "signers:" key holding one', () => {
    const list = read('yaml', dedent(`
      - name: Анна Иванова
        address: [ул. Пушкина, д. 1, Москва 101000]
        country: Russia
      - Zoë Brontë
    `));
    expect(list.signers).toEqual([
      { name: 'Анна Иванова', address: ['ул. Пушкина', 'д. 1', 'Москва 101000'], country: 'Russia', line: 1 },
      { name: 'Zoë Brontë', line: 4 },
    ]);
    const keyed = read('yml', 'signers:\n  - name: Jane Doe\n    email: jane@example.org\n');
    expect(keyed.signers).toEqual([{ name: 'Jane Doe', email: 'jane@example.org', line: 2 }]);
  });

  test.each([
    ['an unknown field', '- name: Jane\n  phone: 123\n', ':2: "phone" is not a field appeal knows'],
    ['an entry without a name', '- name: Jane\n- country: UK\n', ':2: no name'],
    ['an empty entry', '- name: Jane\n-\n', ':2: the entry is empty'],
    ['something that is not a list', 'name: Jane\n', ':1: expected a list of members'],
    ['YAML that cannot be read', '- name: [Jane\n', 'not valid YAML'],
  ])('names the line of %s', (_, content, expected) => {
    expect(problem('yaml', content)).toContain(expected);
  });
});
