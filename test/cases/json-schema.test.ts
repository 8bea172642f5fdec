import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseJsonSchema } from '../../src/cases/case-schema';

test('the published JSON Schema is the one the program checks with (run "npm run schema" after changing it)', () => {
  const published = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schema', 'case.schema.json'), 'utf8'));
  expect(published).toEqual(JSON.parse(JSON.stringify(caseJsonSchema())));
  expect(published.required).toEqual(expect.arrayContaining(['id', 'title', 'status', 'people']));
  expect(Object.keys(published.properties.officials.items.properties)).toEqual(expect.arrayContaining(['salutation', 'email', 'address', 'post']));
});
