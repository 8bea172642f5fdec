import { findCase, matchCase, uaNumberKey } from '../../src/cases/find-case';
import { embeddedLibrary } from '../helpers/library';

describe('uaNumberKey reads a UA number however the documents write it', () => {
  test.each([
    ['UA 150.19', '150.19'],
    ['150.19', '150.19'],
    ['150/19', '150.19'],
    ['ua-150-19', '150.19'],
    ['UA 126/19', '126.19'],
    ['Urgent Action 132.19', '132.19'],
    ['  ua150.19 ', '150.19'],
    ['UA 60/16', '60.16'],
  ])('%s -> %s', (query, key) => {
    expect(uaNumberKey(query)).toBe(key);
  });

  test.each(['miftakhov', '150', 'UA', '', '150.19.1'])('%s is not a UA number', (query) => {
    expect(uaNumberKey(query)).toBeUndefined();
  });
});

describe('matchCase finds one case from every way of naming it', () => {
  const { cases } = embeddedLibrary();

  test.each([
    ['UA 150.19', 'ua-150-19'],
    ['150.19', 'ua-150-19'],
    ['150/19', 'ua-150-19'],
    ['ua-150-19', 'ua-150-19'],
    ['UA 126/19', 'ua-126-19'],
    ['126.19', 'ua-126-19'],
    ['miftakhov', 'miftakhov-2026'],
    ['Miftakhov', 'miftakhov-2026'],
    ['miftakhov-2026', 'miftakhov-2026'],
    ['Mustafayev', 'ua-150-19'],
    ['kuku', 'ua-126-19'],
    ['Dzhepparov', 'ua-126-19'],
  ])('%s finds %s', (query, id) => {
    const match = matchCase(cases, query);
    expect('record' in match && match.record.definition.id).toBe(id);
  });

  test('an unknown case lists the near matches', () => {
    expect(() => findCase(cases, 'miftahov')).toThrow(/No case matches "miftahov"/);
    try {
      findCase(cases, 'miftahov');
    } catch (error) {
      expect((error as { details: string[] }).details.join('\n')).toContain('miftakhov-2026');
    }
  });

  test('a part of a name shared by several cases is ambiguous, and names them', () => {
    expect(() => findCase(cases, 'ua-1')).toThrow(/more than one case/);
  });
});
