import { documentLines, joinWrappedLines, titleCase } from '../src/import/document-lines';
import { findCountry, findDeadline, findIssueDate, findPreferredLanguages, findStage, findTitle, findUaNumber } from '../src/import/ua-header';
import { findOfficials, assignSalutations, parseSalutation, splitNumbers, splitRunTogetherLine } from '../src/import/officials';
import { findBulletAppeals, findModelLetter, letterTemplate } from '../src/import/model-letter';
import { findNamedPeople, findPeople, inferPronouns, personNamesIn } from '../src/import/people';
import { findAddressees } from '../src/import/petition';
import { importDocument } from '../src/import/import-document';
import { isPersonNameLine, isTitleLine, isOrganisationLine } from '../src/import/official-words';
import { splitTrailingCountry } from '../src/import/countries';
import { parseDocumentDate } from '../src/import/document-dates';
import { htmlToText } from '../src/import/html-text';
import { dedent } from './helpers/temp-dir';

const lines = (text: string) => documentLines(dedent(text));

describe('findUaNumber: every written form', () => {
  test.each([
    ['Urgent Action: Human Rights Defender (Russian Federation: UA 150.19)', '150.19'],
    ['THIS IS THE FOURTH AND FINAL OUTPUT FOR UA 126/19.', '126.19'],
    ['let us know the actions you took on Urgent Action 132.19.', '132.19'],
    ['URGENT ACTION TYPE AND NUMBER: THIRD UA 60/16', '60.16'],
    ['UA: 45/16 Index: EUR 46/3712/2016 Russian Federation Date: 12 April 2016', '45.16'],
    ['Further information on UA 007/2019', '7.2019'],
  ])('%s', (text, expected) => {
    expect(findUaNumber(text)?.value).toBe(expected);
  });

  test('no number, and an index number is not one', () => {
    expect(findUaNumber('INDEX NUMBER: AMR 37/6674/2017')).toBeUndefined();
  });

  test('the most mentioned of two numbers wins, and the other is named for checking', () => {
    const found = findUaNumber('UA 60/16. UA 60/16 again. See also UA 12/15.');
    expect(found?.value).toBe('60.16');
    expect(found?.check).toContain('UA 12.15');
  });
});

describe('findTitle', () => {
  test.each([
    ['Urgent Action Update: Conviction of Crimeans Must be Quashed (Russian Federation: UA 126.19)', 'Conviction of Crimeans Must be Quashed', 'Russian Federation'],
    ['URGENT ACTION TITLE: Honduras: Armed attack against members of COPINH', 'Honduras: Armed attack against members of COPINH', 'Honduras'],
    ['URGENT ACTION\n\nIMPRISONED ACTIVIST ALLEGEDLY TORTURED\n\nAzat Miftakhov has been imprisoned since 2019.', 'Imprisoned Activist Allegedly Tortured', undefined],
    [' URGENT ACTION \n \n\nCONVICTION OF PRISONERS OF CONSCIENCE UPHELD \nThe Russian Military Court', 'Conviction of Prisoners of Conscience Upheld', undefined],
  ])('%s', (text, title, country) => {
    const found = findTitle(documentLines(text));
    expect(found?.value).toBe(title);
    expect(found?.country).toBe(country);
  });

  test('capitals become title case, small words stay small, hyphenated words keep both capitals', () => {
    expect(titleCase('HUMAN RIGHTS DEFENDER IMPRISONED AND ILL-TREATED')).toBe('Human Rights Defender Imprisoned and Ill-Treated');
  });
});

describe('findCountry', () => {
  test.each([
    ['beside the title', [], 'Russian Federation', 'Russian Federation', false],
    ['from the officials\' addresses', ['Russian Federation'], undefined, 'Russian Federation', true],
  ])('%s', (_, addressCountries, besideTitle, expected, checked) => {
    const found = findCountry(['Some text about Russia.'], besideTitle, addressCountries);
    expect(found?.value).toBe(expected);
    expect(Boolean(found?.check)).toBe(checked);
  });

  test('the country the text names most often, in its full name, marked for checking', () => {
    const found = findCountry(['annexation by Russia in 2014', 'the Delegation of the EU to Russia', 'Jordan said'], undefined, []);
    expect(found).toEqual({ value: 'Russian Federation', check: expect.stringContaining('Russia is the country it names most often') });
  });

  test('the older header line', () => {
    expect(findCountry(['UA: 45/16 Index: EUR 46/3712/2016 Russian Federation Date: 12 April 2016'], undefined, [])?.value).toBe('Russian Federation');
  });
});

describe('dates: issue date and deadline', () => {
  test.each([
    [['PUBLICATION DATE: 5 July 2017'], '2017-07-05'],
    [['UA: 45/16 Index: EUR 46/3712/2016 Russian Federation Date: 12 April 2016'], '2016-04-12'],
    [['No date here.'], undefined],
  ])('issue date of %j', (text, expected) => {
    expect(findIssueDate(text)?.value).toBe(expected);
  });

  test.each([
    ['APPEAL DEADLINE NOTICE: 16 August 2017', undefined, '2017-08-16', false],
    ['PLEASE SEND APPEALS BEFORE 24 MAY 2016 TO:', undefined, '2016-05-24', false],
    ['PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: 15 July', '2019-06-01', '2019-07-15', true],
    // Issued in December, due in January: the next January.
    ['PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: 31 January', '2019-12-10', '2020-01-31', true],
  ])('%s (issued %s)', (line, issued, expected, checked) => {
    const found = findDeadline([line], issued);
    expect(found?.value).toBe(expected);
    expect(Boolean(found?.check)).toBe(checked);
  });

  test('no issue date: the year comes from the latest date the text mentions', () => {
    const found = findDeadline(['On 21 April 2026, he was transferred.', 'PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: 15 July'], undefined);
    expect(found?.value).toBe('2026-07-15');
    expect(found?.check).toContain('without a year and no issue date');
  });

  test('dates in other languages and orders', () => {
    expect(parseDocumentDate('16 de agosto de 2017')?.iso).toBe('2017-08-16');
    expect(parseDocumentDate('July 15, 2017')?.iso).toBe('2017-07-15');
    expect(parseDocumentDate('15 July')).toBeUndefined();
  });
});

describe('findStage', () => {
  test.each([
    ['Urgent Action: Human Rights Defender Imprisoned', 'first', false],
    ['Urgent Action Update: Conviction of Crimeans Must be Quashed', 'update', false],
    ['URGENT ACTION TYPE AND NUMBER: THIRD UA 60/16', 'update', false],
    ['FURTHER INFORMATION ON UA 45/16', 'update', false],
    ['NO FURTHER ACTION IS REQUESTED. MANY THANKS TO ALL WHO SENT APPEALS.\nTHIS IS THE FOURTH AND FINAL OUTPUT FOR UA 126/19.', 'final', true],
    ['No further appeals are needed.', 'final', true],
  ])('%s', (text, stage, closed) => {
    expect(findStage(text)).toMatchObject({ stage, closed });
  });
});

describe('findPreferredLanguages', () => {
  test.each([
    ['PREFERRED LANGUAGE TO ADDRESS TARGET: Russian or English', ['Russian', 'English']],
    ['PREFERRED LANGUAGE TO ADDRESS TARGET: Spanish', ['Spanish']],
    ['Please write immediately in Russian, English or your own language:', ['Russian', 'English']],
    ['PREFERRED LANGUAGE: FRENCH', ['French']],
  ])('%s', (line, expected) => {
    expect(findPreferredLanguages([line])?.value).toEqual(expected);
  });
});

describe('lines of an official\'s block', () => {
  test.each([
    ['Yuriy Yakovlevich Chaika', true],
    ['Ambassador Anatoly Antonov', true],
    ['General de División Julián Pacheco', true],
    ['Mityayev Mikhail Arkadyevich', true],
    ['Mr. Mityayev', true],
    ['Minister of Security', false],
    ['Prosecutor General of the Russian Federation', false],
    ['Yamalo-Nenets Autonomous Okrug', false],
    ['Ministry of Internal Affairs', false],
    ['Labytnangi, Harp village', false],
  ])('person name: %s', (line, expected) => {
    expect(isPersonNameLine(line)).toBe(expected);
  });

  test.each([
    ['Chief Military Prosecutor', 'title'],
    ['Minister of Security', 'title'],
    ['Head of the Federal Penitentiary Service', 'title'],
    ['Prosecutor General’s Office', 'organisation'],
    ['Embassy of the Russian Federation', 'organisation'],
    ['Secretaría de Estado en el Despacho de Seguridad', 'organisation'],
    ['125993 Moscow GSP-3', 'neither'],
  ])('%s is a %s', (line, kind) => {
    expect(isTitleLine(line) ? 'title' : isOrganisationLine(line) ? 'organisation' : 'neither').toBe(kind);
  });

  test.each([
    ['629420 Russian Federation', '629420', 'Russian Federation'],
    ['Tegucigalpa, Honduras', 'Tegucigalpa', 'Honduras'],
    ['Russian Federation', '', 'Russian Federation'],
  ])('country at the end of %s', (line, rest, country) => {
    expect(splitTrailingCountry(line)).toEqual({ rest, country: { code: expect.any(String), written: country } });
  });

  test.each(['Washington DC 20007', '125993 Moscow GSP-3', 'Yamalo-Nenets Autonomous Okrug'])('no country in %s', (line) => {
    expect(splitTrailingCountry(line)).toBeUndefined();
  });

  test.each([
    ['+7495 987 58 41/ +7495 692 17 25', ['+7495 987 58 41', '+7495 692 17 25']],
    ['202 298 5700 I', ['202 298 5700']],
    ['+7 (495) 693-13-60', ['+7 (495) 693-13-60']],
    ['+1 202 555 0100, +1 202 555 0101', ['+1 202 555 0100', '+1 202 555 0101']],
  ])('numbers in %s', (value, expected) => {
    expect(splitNumbers(value)).toEqual(expected);
  });

  test.each([
    ['Phone: 202 298 5700 I Fax: 202 298 5735', ['Phone: 202 298 5700', 'Fax: 202 298 5735']],
    ['Fax: +7 495 987 58 41, Email: info@genproc.gov.ru, Salutation: Dear Prosecutor General', ['Fax: +7 495 987 58 41', 'Email: info@genproc.gov.ru', 'Salutation: Dear Prosecutor General']],
    ['You can also email, fax, call or Tweet them.', ['You can also email, fax, call or Tweet them.']],
    ['Salutation: Dear Minister Attorney General Óscar Chinchilla, Ministerio Público', ['Salutation: Dear Minister', 'Attorney General Óscar Chinchilla, Ministerio Público']],
  ])('run-together line: %s', (line, expected) => {
    expect(splitRunTogetherLine(line)).toEqual(expected);
  });

  test.each([
    ['Dear Ambassador', 'Dear Ambassador', undefined],
    ['Dear Minister/Estimado Señor Secretario de Seguridad', 'Dear Minister', { text: 'Estimado Señor Secretario de Seguridad', language: 'Spanish' }],
    ['Monsieur le Ministre / Dear Minister', 'Dear Minister', { text: 'Monsieur le Ministre', language: 'French' }],
    ['Dear Sir/Madam', 'Dear Sir/Madam', undefined],
  ])('salutation %s', (value, salutation, other) => {
    expect(parseSalutation(value)).toEqual({ salutation, ...(other ? { other } : {}) });
  });
});

describe('findOfficials', () => {
  test('blocks one field a line, as the web pages lay them out (seed 000)', () => {
    const { officials } = findOfficials(lines(`
      2. Click here to let us know the actions you took on Urgent Action 150.19. It is important.
      Yuriy Yakovlevich Chaika
      Prosecutor General of the Russian Federation
      Prosecutor General’s Office
      Ul. B. Dmitrovka, d. 15a
      125993 Moscow GSP-3
      Russian Federation
      Fax: +7495 987 58 41/ +7495 692 17 25
      Twitter: @Genproc
      Ambassador Anatoly Antonov
      Embassy of the Russian Federation
      2650 Wisconsin Ave. NW, Washington DC 20007
      Phone: 202 298 5700 I Fax: 202 298 5735
      Email: [email protected]
      Twitter: @RusEmbUSA
      Salutation: Dear Ambassador
    `));
    expect(officials.map((o) => [o.name, o.title, o.organisation, o.address, o.country, o.fax, o.phone, o.twitter, o.emailHidden, o.email, o.salutation])).toEqual([
      ['Yuriy Yakovlevich Chaika', 'Prosecutor General of the Russian Federation', 'Prosecutor General’s Office', ['Ul. B. Dmitrovka, d. 15a', '125993 Moscow GSP-3'], 'Russian Federation', ['+7495 987 58 41', '+7495 692 17 25'], [], '@Genproc', false, [], undefined],
      ['Ambassador Anatoly Antonov', undefined, 'Embassy of the Russian Federation', ['2650 Wisconsin Ave. NW', 'Washington DC 20007'], 'USA', ['202 298 5735'], ['202 298 5700'], '@RusEmbUSA', true, [], 'Dear Ambassador'],
    ]);
    expect(officials[1]!.checks.map((check) => check.field)).toEqual(['country', 'email_hidden']);
  });

  test('a whole official on one line, and "copies to" recipients with a bilingual salutation', () => {
    const { officials, notes } = findOfficials(lines(`
      PLEASE SEND APPEALS BEFORE 24 MAY 2016 TO:
      Prosecutor General Yuriy Chaika, Prosecutor General's Office, ul. B. Dmitrovka 15a, 125993 Moscow GSP-3, Russian Federation, Fax: +7 495 987 58 41, Email: info@genproc.gov.ru, Salutation: Dear Prosecutor General

      And copies to: Minister of Internal Affairs
      Vladimir Kolokoltsev
      Ministry of Internal Affairs
      ul. Zhitnaya 16
      119049 Moscow, Russian Federation
      Fax: +7 495 667 0838
      Salutation: Dear Minister/Уважаемый господин Министр

      Also send copies to diplomatic representatives accredited to your country.
    `));
    expect(officials.map((o) => ({ name: o.name, title: o.title, organisation: o.organisation, address: o.address, country: o.country, email: o.email, salutation: o.salutation, copy: o.copy }))).toEqual([
      { name: 'Prosecutor General Yuriy Chaika', title: undefined, organisation: "Prosecutor General's Office", address: ['ul. B. Dmitrovka 15a', '125993 Moscow GSP-3'], country: 'Russian Federation', email: ['info@genproc.gov.ru'], salutation: 'Dear Prosecutor General', copy: false },
      { name: 'Vladimir Kolokoltsev', title: 'Minister of Internal Affairs', organisation: 'Ministry of Internal Affairs', address: ['ul. Zhitnaya 16', '119049 Moscow'], country: 'Russian Federation', email: [], salutation: 'Dear Minister', copy: true },
    ]);
    expect(officials[1]!.notes.join(' ')).toContain('"Уважаемый господин Министр" is for a letter in Russian');
    expect(notes).toEqual(['Also send copies to diplomatic representatives accredited to your country.']);
  });

  test('title before name, address and emails in emphasis, emails on lines of their own (seed 004)', () => {
    const { officials } = findOfficials(lines(`
      TAKE ACTION: WRITE AN APPEAL IN YOUR OWN WORDS OR USE THIS MODEL LETTER

      Prosecutor for Supervision of Law Enforcement in Correctional Institutions of the Yamalo-Nenets Autonomous Okrug
      Mityayev Mikhail Arkadyevich

      *ul. Dzerzhinskogo, 13
      Labytnangi, Harp village
      629420 Russian Federation*

      *phone: +7 (34992) 7-25-28
      emails: proknadzor-iu-yanao@89.mailop.ru
      prokyan-iu@yandex.ru*

      Dear Mr. Mityayev,
    `));
    expect(officials).toHaveLength(1);
    expect(officials[0]).toMatchObject({
      name: 'Mityayev Mikhail Arkadyevich',
      title: 'Prosecutor for Supervision of Law Enforcement in Correctional Institutions of the Yamalo-Nenets Autonomous Okrug',
      address: ['ul. Dzerzhinskogo, 13', 'Labytnangi, Harp village', '629420'],
      country: 'Russian Federation',
      phone: ['+7 (34992) 7-25-28'],
      email: ['proknadzor-iu-yanao@89.mailop.ru', 'prokyan-iu@yandex.ru'],
    });
  });

  test('"please only send physical mail to the Embassy" stops post to everyone else', () => {
    const { officials } = findOfficials(lines(`
      Valeriy Georgievich Petrov
      Chief Military Prosecutor
      Due to postal restrictions caused by COVID-19, please only send physical mail to the Embassy
      Fax. +7 (495) 693-13-60
      Emails: [email protected] [email protected]
      Ambassador Anatoly Antonov
      Embassy of the Russian Federation
      2650 Wisconsin Ave. NW, Washington DC 20007
      Salutation: Dear Ambassador
    `));
    expect(officials.map((o) => [o.name, o.post, o.postNote, o.emailHidden, o.email])).toEqual([
      ['Valeriy Georgievich Petrov', false, 'Due to postal restrictions caused by COVID-19, please only send physical mail to the Embassy', true, []],
      ['Ambassador Anatoly Antonov', undefined, undefined, false, []],
    ]);
  });

  test('salutations: the model letter\'s opening goes to the official it names; the rest are guessed and checked', () => {
    const { officials } = findOfficials(lines(`
      Valeriy Georgievich Petrov
      Chief Military Prosecutor
      Fax: +7 (495) 693-13-60
      Irina Volk
      Head of the Press Service
      Fax: +7 495 667 0838
      Ambassador Anatoly Antonov
      Embassy of the Russian Federation
      Fax: 202 298 5735
    `));
    assignSalutations(officials, 'Dear Chief Military Prosecutor');
    expect(officials.map((o) => [o.salutation, o.salutationSource])).toEqual([
      ['Dear Chief Military Prosecutor', 'letter'],
      ['Dear Head of the Press Service', 'guess'],
      ['Dear Ambassador', 'guess'],
    ]);
    expect(officials[1]!.checks).toEqual([{ field: 'salutation', message: expect.stringContaining('gives no salutation') }]);
  });
});

describe('model letter', () => {
  test('opening, paragraphs joined from the PDF\'s wrapping, closing', () => {
    const letter = findModelLetter(lines(`
      URGENT ACTION LETTER:

      Dear Minister,

      I am concerned to hear about another violent attack against human rights defenders of the Civic Council of
      Popular and Indigenous Organizations of Honduras (COPINH).

      I urge you to ensure that COPINH members have all the protection they ask for.

      Yours sincerely,

      TARGET’S CONTACT DETAILS
    `));
    expect(letter).toEqual({
      opening: 'Dear Minister',
      paragraphs: [
        'I am concerned to hear about another violent attack against human rights defenders of the Civic Council of Popular and Indigenous Organizations of Honduras (COPINH).',
        'I urge you to ensure that COPINH members have all the protection they ask for.',
      ],
      closing: 'Yours sincerely,',
      source: 'letter',
      language: 'en',
    });
    expect(letterTemplate(letter!)).toBe(`${letter!.paragraphs.join('\n\n')}\n`);
  });

  test('bullet-point appeals without a model letter become first-person paragraphs', () => {
    const letter = findBulletAppeals(lines(`
      Please write immediately in Russian, English or your own language:
      - Calling on the authorities to release Ivan Petrov immediately
        and unconditionally;
      - Urging them to ensure he is not tortured;
      - Demanding that he has access to his lawyer.

      PLEASE SEND APPEALS BEFORE 24 MAY 2016 TO:
    `));
    expect(letter?.paragraphs).toEqual([
      'I call on the authorities to release Ivan Petrov immediately and unconditionally.',
      'I urge them to ensure he is not tortured.',
      'I demand that he has access to his lawyer.',
    ]);
    expect(letter?.source).toBe('appeals');
  });

  test('Handlebars braces in the text stay text', () => {
    expect(letterTemplate({ paragraphs: ['Say {{name}} twice.'], source: 'letter', language: 'en' })).toBe('Say \\{{name}} twice.\n');
  });
});

describe('people', () => {
  test('the document\'s own list with pronouns, over two lines', () => {
    expect(findNamedPeople(lines(`
      NAME AND PREFFERED PRONOUN: Emir-Usein Kuku (he/him), Muslim Aliev (he/him), Vadim Siruk
      (he/him) and Refat Alimov (she / her).

      THIS IS THE FOURTH AND FINAL OUTPUT FOR UA 126/19.
    `))).toEqual([
      { name: 'Emir-Usein Kuku', pronouns: 'he/him' },
      { name: 'Muslim Aliev', pronouns: 'he/him' },
      { name: 'Vadim Siruk', pronouns: 'he/him' },
      { name: 'Refat Alimov', pronouns: 'she/her' },
    ]);
  });

  test.each([
    ['On 30 June unknown assailants attacked Berta Zuniga Cáceres, Sotero Chavarría Fúnez and José Asunción Martínez, coordinators of the Civic Council of Popular and Indigenous Organizations of Honduras (COPINH), while returning to La Esperanza.', ['Berta Zuniga Cáceres', 'Sotero Chavarría Fúnez', 'José Asunción Martínez']],
    ['The Russian Military Court of Appeal will review the verdict of human rights defender Emir-Usein Kuku and his co-defendants Muslim Aliev, Vadim Siruk and Refat Alimov in Rostov-on-Don.', ['Emir-Usein Kuku', 'Muslim Aliev', 'Vadim Siruk', 'Refat Alimov']],
    ['He was detained in Moscow on 12 September 2019 by the Federal Security Service.', []],
  ])('names in running text: %s', (text, expected) => {
    expect(personNamesIn(text)).toEqual(expected);
  });

  test('pronouns only where a sentence naming that one person uses one', () => {
    const text = 'Attacked: Berta Zuniga Cáceres, Sotero Chavarría Fúnez and José Asunción Martínez. Sotero Chavarría Fúnez recently reported men trying to kidnap the mother of his children. Her daughter Berta Zuniga Cáceres spoke.';
    expect(inferPronouns('Sotero Chavarría Fúnez', text)?.pronouns).toBe('he/him');
    expect(inferPronouns('José Asunción Martínez', text)).toBeUndefined();
    expect(inferPronouns('Berta Zuniga Cáceres', text)).toBeUndefined();
  });

  test('officials are not people the case is about', () => {
    expect(findPeople([], 'Yuriy Chaika refused to see Server Mustafayev.', undefined, ['Yuriy Chaika']).map((p) => p.name)).toEqual(['Server Mustafayev']);
  });
});

describe('whole documents', () => {
  test('a petition is not an Urgent Action: its addressees and demands', () => {
    expect(findAddressees('We call on international organizations, such as the UN, the Council of Europe, the European Union, the OSCE, as well as the states participating in these organizations, to immediately take measures')).toEqual([
      'the UN', 'the Council of Europe', 'the European Union', 'the OSCE', 'the states participating in these organizations',
    ]);
  });

  test.each([
    ['an empty file', ''],
    ['a shopping list', 'Milk\nBread\nEggs, two dozen'],
    ['prose that mentions urgent action in passing', 'The climate needs urgent action now. Everyone agrees that leaders must act.'],
  ])('%s: nothing found', (_, text) => {
    expect(importDocument(text)).toEqual({ found: 'nothing', reason: expect.any(String) });
  });

  test('a web page saved as HTML reads as its text, hidden emails included', () => {
    expect(htmlToText('<html><body><p>Email: <a href="/cdn-cgi/l/email-protection">[email&#160;protected]</a></p><p>Fax: 1&nbsp;2</p><script>x()</script></body></html>').trim()).toBe('Email: [email\u00a0protected]\n\nFax: 1 2');
    expect(joinWrappedLines(['Emir-', 'Usein Kuku and', 'Refat'])).toBe('Emir-Usein Kuku and Refat');
  });
});
