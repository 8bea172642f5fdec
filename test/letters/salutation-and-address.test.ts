import { openingSalutation, salutationLine } from '../../src/letters/salutation';
import { postalAddressLines, sameCountry, takesPost } from '../../src/addresses/postal-address';
import { embeddedLibrary } from '../helpers/library';
import type { Official } from '../../src/cases/case-schema';

describe('salutationLine', () => {
  test.each([
    ['Dear Prosecutor General', 'Dear Prosecutor General,'],
    ['Dear Ambassador', 'Dear Ambassador,'],
    ['Dear Mr. Mityayev', 'Dear Mr. Mityayev,'],
    ['Dear Mr. Mityayev,', 'Dear Mr. Mityayev,'],
    ['  Estimado Señor Secretario de Seguridad:', 'Estimado Señor Secretario de Seguridad:'],
  ])('%s -> %s', (salutation, line) => {
    expect(salutationLine(salutation)).toBe(line);
  });
});

describe('each official of the embedded cases is addressed with their own salutation, in the letter\'s language', () => {
  const { cases } = embeddedLibrary();
  const definition = (caseId: string) => cases.find((c) => c.definition.id === caseId)!.definition;
  const official = (caseId: string, officialId: string) => definition(caseId).officials.find((o) => o.id === officialId)!;

  test.each([
    ['ua-150-19', 'prosecutor-general', 'en', 'Dear Prosecutor General,'],
    ['ua-150-19', 'ambassador', 'en', 'Dear Ambassador,'],
    ['ua-126-19', 'chief-military-prosecutor', 'en', 'Dear Chief Military Prosecutor,'],
    ['ua-126-19', 'ambassador', 'en', 'Dear Ambassador,'],
    ['miftakhov-2026', 'yanao-prosecutor', 'en', 'Dear Mr. Mityayev,'],
    // The case's Russian letter: the official's salutation for Russian from the case file.
    ['miftakhov-2026', 'yanao-prosecutor', 'ru', 'Уважаемый Михаил Аркадьевич,'],
  ])('%s / %s in %s opens "%s"', (caseId, officialId, language, line) => {
    expect(openingSalutation(official(caseId, officialId), definition(caseId), language)).toBe(line);
  });

  test('the prosecutor of UA 126.19 takes no post; the embassy does', () => {
    expect(takesPost(official('ua-126-19', 'chief-military-prosecutor'))).toBe(false);
    expect(takesPost(official('ua-126-19', 'ambassador'))).toBe(true);
  });
});

describe('postalAddressLines puts the country last, only for senders abroad', () => {
  const embassy: Official = {
    id: 'ambassador',
    name: 'Ambassador Anatoly Antonov',
    organisation: 'Embassy of the Russian Federation',
    address: ['2650 Wisconsin Ave. NW', 'Washington DC 20007'],
    country: 'USA',
    salutation: 'Dear Ambassador',
  };
  test.each([
    ['United States', false],
    ['USA', false],
    ['us', false],
    ['United Kingdom', true],
    [undefined, true],
  ])('sender in %s: country line %s', (senderCountry, printed) => {
    const lines = postalAddressLines(embassy, senderCountry);
    expect(lines[0]).toBe('Ambassador Anatoly Antonov');
    expect(lines.at(-1) === 'USA').toBe(printed);
    expect(lines).toContain('Washington DC 20007');
  });

  test('country names are compared by their common forms', () => {
    expect(sameCountry('Russia', 'Russian Federation')).toBe(true);
    expect(sameCountry('Germany', 'Deutschland')).toBe(true);
    expect(sameCountry('France', 'Germany')).toBe(false);
  });
});
