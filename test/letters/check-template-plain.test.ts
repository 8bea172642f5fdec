/**
 * checkTemplate passes a template without "{{" (and without NUL) at once, without Handlebars'
 * parser: these hold Handlebars to the reason, that it reads any such text as plain text alone.
 */
import fc from 'fast-check';
import Handlebars from 'handlebars';
import { checkTemplate } from '../../src/letters/letter-templates';

const plain = (text: string) => !text.includes('{{') && !text.includes('\0');

describe('a template without "{{"', () => {
  test('is plain text to Handlebars, whatever else it holds: single braces, backslashes, "}}", any characters', () => {
    const pieces = fc.constantFrom('{', '}', '}}', '\\', '\\{', '{\\{', '!', '#', '/', '>', '~', 'else', '\n', ' ', 'Dear {name},', 'é', '’', '\u2028');
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }).map((parts) => parts.join(''))).filter(plain);
    fc.assert(
      fc.property(text, (source) => {
        const program = Handlebars.parse(source);
        expect(program.body.every((statement) => statement.type === 'ContentStatement')).toBe(true);
        expect(checkTemplate(source, [])).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  test('with a NUL in it is still read, and refused as Handlebars refuses it', () => {
    expect(() => Handlebars.parse('Dear Minister,\0')).toThrow();
    expect(checkTemplate('Dear Minister,\0', [])[0]?.message).toMatch(/^the template cannot be read/);
  });
});
