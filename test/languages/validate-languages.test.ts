import { runCli } from '../helpers/run-cli';
import { dedent, makeTempDir } from '../helpers/temp-dir';

const CASE = dedent(`
  id: two-letters
  title: Two Letters
  status: open
  people: [{ name: Jane Roe }]
  officials:
    - id: minister
      name: Minister Alex Example
      salutation: Dear Minister
  letter:
    template: two.hbs
  letters:
    - language: ru
      template: two.ru.hbs
    - language: de
      template: missing.de.hbs
      translation: { by: appeal contributors, from: en }
`);

describe('appeal validate checks every language of a case', () => {
  const temp = makeTempDir({
    'mine/two.yaml': CASE,
    'mine/two.hbs': 'Please release {{case.people_names}}.\n',
    'mine/two.ru.hbs': 'Просим освободить {{case.poeple_names}}.\n{{#variant}}Срочно.{{/variant}}\n',
  });
  afterAll(() => temp.cleanup());

  test('every language’s template and every official’s salutation in it, all reported at once', async () => {
    const result = await runCli(['validate', '--cases', 'mine'], { cwd: temp.dir });
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('mine/two.yaml:8:17: officials[0].salutation: has no salutation in "ru", a language the case has a letter in; add salutations: { ru: ... }');
    expect(result.stderr).toContain('mine/two.yaml:8:17: officials[0].salutation: has no salutation in "de"');
  });

  test('once the salutations are there, each template is checked, variants included', async () => {
    const fixed = CASE.replace('    salutation: Dear Minister\n', '    salutation: Dear Minister\n    salutations: { ru: Уважаемый господин министр, de: Sehr geehrter Herr Minister }\n');
    const temp2 = makeTempDir({ 'mine/two.yaml': fixed, 'mine/two.hbs': 'Please release {{case.people_names}}.\n', 'mine/two.ru.hbs': 'Просим освободить {{case.poeple_names}}.\n{{#variant}}Срочно.{{/variant}}\n' });
    try {
      const result = await runCli(['validate', '--cases', 'mine'], { cwd: temp2.dir });
      expect(result.code).toBe(65);
      expect(result.stderr).toContain('mine/two.ru.hbs:1:21: (template of two-letters): unknown variable "case.poeple_names"');
      expect(result.stderr).toContain('mine/two.ru.hbs:2:1: (template of two-letters): {{#variant}} offers one wording only');
      expect(result.stderr).toMatch(/mine\/two\.yaml:\d+:\d+: letters\[1\]\.template: names mine\/missing\.de\.hbs, which does not exist/);
    } finally {
      temp2.cleanup();
    }
  });
});
