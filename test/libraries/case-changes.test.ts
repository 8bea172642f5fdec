import { describeCaseChanges, formatCaseChange, officialLabel, type CaseVersion } from '../../src/libraries/case-changes';
import { caseSchema, type Official } from '../../src/cases/case-schema';
import { gitEnvironment, isLocalPath } from '../../src/libraries/git';
import { libraryNameFromUrl, libraryNameProblem } from '../../src/libraries/library-store';

function version(fields: Record<string, unknown>, templateSource = 'Body.'): CaseVersion {
  const definition = caseSchema.parse({
    id: 'ua-150-19',
    ua_number: '150.19',
    title: 'Human Rights Defender Imprisoned and Ill-Treated',
    status: 'open',
    people: [{ name: 'Server Mustafayev' }],
    officials: [
      { id: 'prosecutor-general', name: 'Yuriy Chaika', salutation: 'Dear Prosecutor General', address: ['Ul. B. Dmitrovka, d. 15a'] },
      { id: 'ambassador', name: 'Ambassador Anatoly Antonov', salutation: 'Dear Ambassador', address: ['2650 Wisconsin Ave. NW', 'Washington DC 20007'] },
    ],
    letter: { template: 'ua-150-19.hbs' },
    ...fields,
  });
  return { definition, templateSource };
}

const base = version({});
const officials = base.definition.officials;

describe('what changed in a library, in a member\'s words', () => {
  test.each<[string, CaseVersion[], CaseVersion[], string[]]>([
    ['a new case', [], [base], ['new: UA 150.19 Server Mustafayev: Human Rights Defender Imprisoned and Ill-Treated']],
    ['a closed case', [base], [version({ status: 'closed', summary: 'It is over.' })], ['closed: UA 150.19']],
    ['a reopened case', [version({ status: 'closed' })], [base], ['reopened: UA 150.19']],
    ['a removed case', [base], [], ['removed: UA 150.19 (no longer in the library)']],
    ['nothing a member sees', [base], [version({})], []],
    [
      'the Ambassador\'s address',
      [base],
      [version({ officials: [officials[0], { ...officials[1], address: ['1 New Street', 'Washington DC 20001'] }] })],
      ["changed: the Ambassador's address in UA 150.19"],
    ],
    [
      'several fields of one official, and of the case',
      [base],
      [version({ deadline: '2026-12-24', officials: [{ ...officials[0], fax: ['+7 495 000'], email: ['office@example.org'] }, officials[1]] })],
      ["changed: the deadline (now 2026-12-24) and the Prosecutor General's email address and fax number in UA 150.19"],
    ],
    [
      'an official added and one no longer to write to',
      [base],
      [version({ officials: [officials[1], { id: 'minister', name: 'Minister X', salutation: 'Dear Mr. Minister', address: ['1 Street'] }] })],
      ['changed: a new official to write to (Minister X) and the Prosecutor General is no longer to be written to in UA 150.19'],
    ],
    ['the model letter', [base], [version({}, 'A new body.')], ['changed: the model letter in UA 150.19']],
  ])('%s', (_, before, after, expected) => {
    expect(describeCaseChanges(before, after).map(formatCaseChange)).toEqual(expected);
  });

  test.each<[string, string, string]>([
    ['Dear Ambassador', 'Ambassador Anatoly Antonov', 'the Ambassador'],
    ['Dear Prosecutor General', 'Yuriy Chaika', 'the Prosecutor General'],
    ['Dear Mr. Mityayev', 'Mityayev Mikhail Arkadyevich', 'Mr. Mityayev'],
    ['Dear Sir or Madam', 'The Registrar', 'The Registrar'],
    ['Sehr geehrter Herr Minister', 'Herr Minister', 'Herr Minister'],
  ])('"%s" calls the official %s', (salutation, name, label) => {
    expect(officialLabel({ id: 'x', name, salutation } as Official)).toBe(label);
  });
});

describe('library addresses and names', () => {
  test.each<[string, boolean]>([
    ['/srv/cases.git', true],
    ['../cases.git', true],
    ['cases.git', true],
    ['file:///srv/cases.git', true],
    ['C:\\cases', true],
    ['https://example.org/group/cases.git', false],
    ['ssh://git@example.org/cases.git', false],
    ['git@example.org:group/cases.git', false],
    ['ext::sh -c touch% /tmp/x', false],
  ])('%s is a folder on this computer: %s', (url, local) => {
    expect(isLocalPath(url)).toBe(local);
  });

  test.each<[string, string]>([
    ['https://example.org/group/UK-Cases.git', 'uk-cases'],
    ['git@example.org:group/cases.git', 'cases'],
    ['/srv/groups/bristol cases/', 'bristol-cases'],
    ['/', 'cases'],
  ])('%s is called %s', (url, name) => {
    expect(libraryNameFromUrl(url)).toBe(name);
    expect(libraryNameProblem(name)).toBeUndefined();
  });

  test.each(['../x', '.hidden', 'a/b', 'UPPER', ''])('"%s" is not a library name', (name) => {
    expect(libraryNameProblem(name)).toBeDefined();
  });

  test('git runs with no prompt, no ssh question, no system settings, and none of the caller\'s git variables', () => {
    const env = gitEnvironment({ PATH: '/usr/bin', HOME: '/home/jane', GIT_DIR: '/elsewhere', GIT_CONFIG_PARAMETERS: "'core.hooksPath'='/evil'", GIT_ASKPASS: '/usr/bin/ksshaskpass', EDITOR: 'vim' });
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/jane',
      LC_ALL: 'C',
      GIT_TERMINAL_PROMPT: '0',
      GIT_ASKPASS: '',
      SSH_ASKPASS: '',
      GIT_SSH_COMMAND: 'ssh -o BatchMode=yes -o ConnectTimeout=20',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_COUNT: '0',
      GIT_OPTIONAL_LOCKS: '0',
    });
  });
});
