#!/usr/bin/env node
// Writes schema/case.schema.json from the zod schema the program checks case files with, so
// editors complete and check exactly what appeal accepts. Run after changing case-schema.ts.
'use strict';
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { caseJsonSchema } = require('../dist/cases/case-schema.js');

const file = join(__dirname, '..', 'schema', 'case.schema.json');
writeFileSync(file, `${JSON.stringify(caseJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${file}`);
