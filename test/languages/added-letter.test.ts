import { parseDocument } from 'yaml';
import { caseSchema } from '../../src/cases/case-schema';
import { applyAddedLetter, isLetterInNewLanguage, planAddedLetter } from '../../src/import/letter-in-another-language';

const CASE_YAML = `id: ua-150-19
ua_number: "150.19"
title: Human Rights Defender Imprisoned and Ill-Treated
status: open
people:
  - name: Server Mustafayev
officials:
  - id: prosecutor-general
    name: Yuriy Yakovlevich Chaika
    salutation: Dear Prosecutor General
  - id: ambassador
    name: Ambassador Anatoly Antonov
    salutation: Dear Ambassador
letter:
  template: ua-150-19.hbs
  language: en
history: []
`;

describe('a document in another language adds a letter to the case', () => {
  const definition = caseSchema.parse(parseDocument(CASE_YAML).toJS());
  const found = {
    language: 'de',
    template: 'Ich schreibe Ihnen wegen Server Mustafayev.\n',
    paragraphs: 1,
    closing: 'Mit freundlichen Grüßen',
    opening: 'Sehr geehrter Herr Generalstaatsanwalt',
    officials: [{ name: 'Yuriy Yakovlevich Chaika' }, { name: 'Botschafter Anatoly Antonov', salutation: 'Sehr geehrter Herr Botschafter' }],
  };

  test('only a language the case has no letter in yet', () => {
    expect(isLetterInNewLanguage(definition, { language: 'de' })).toBe(true);
    expect(isLetterInNewLanguage(definition, { language: 'en' })).toBe(false);
    expect(isLetterInNewLanguage(definition, undefined)).toBe(false);
  });

  test('the difference names the template and each official’s salutation, and where it was found', () => {
    const plan = planAddedLetter(definition, found);
    expect(plan.templatePath).toBe('ua-150-19.de.hbs');
    expect(plan.changes).toEqual([
      { field: 'letters', lines: ['+ de: ua-150-19.de.hbs, 1 paragraph, closing "Mit freundlichen Grüßen"'] },
      { field: 'officials[0].salutations.de', lines: ['+ Sehr geehrter Herr Generalstaatsanwalt (the opening of the document\'s model letter; check it suits this official)'] },
      { field: 'officials[1].salutations.de', lines: ['+ Sehr geehrter Herr Botschafter (the document\'s salutation for Botschafter Anatoly Antonov)'] },
    ]);
  });

  test('the case file gets the letter beside `letter` and the salutations beside each official’s, and stays valid', () => {
    const doc = parseDocument(CASE_YAML);
    applyAddedLetter(doc, planAddedLetter(definition, found));
    const text = doc.toString();
    expect(text).toContain('letter:\n  template: ua-150-19.hbs\n  language: en\nletters:\n  - language: de\n    template: ua-150-19.de.hbs\n    closing: Mit freundlichen Grüßen\nhistory: []');
    expect(text).toContain('    salutation: Dear Ambassador\n    salutations:\n      de: Sehr geehrter Herr Botschafter\n');
    const parsed = caseSchema.safeParse(doc.toJS());
    expect(parsed.success).toBe(true);
  });
});
