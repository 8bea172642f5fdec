/**
 * What `appeal import` does with a document's text once it has it: read it into a draft case,
 * write the case as YAML, check it as "appeal validate" would, or plan an update. These need YAML,
 * zod and chrono-node, the larger part of the command's start; the command loads them through this
 * module while a PDF's reader thread is already starting (see commands/import.ts).
 */
export { parseDocument } from 'yaml';
export { importDocument } from './import-document';
export { caseDocument, caseYamlText } from './case-yaml';
export { applyCaseUpdate, planCaseUpdate } from './case-update';
export { describeChecks, describeFindings } from './import-report';
export { validationProblems } from './validate-draft';
