/**
 * What `appeal import` does with a document's text once it has it: read it into a draft case,
 * write the case as YAML, check it as "appeal validate" would, or plan an update. These need YAML
 * and zod, the larger part of the command's start (chrono-node loads only for a date the importer
 * cannot read itself); the command loads them through this module while a PDF's reader thread is
 * already starting (see commands/import.ts).
 */
export { parseDocument } from 'yaml';
import { importDocument as importDocumentText, type ImportedCase, type NotAnUrgentAction } from './import-document';
import { swapStandIns, swapStandInsIn } from './stand-ins';

/** import-document.ts's importDocument, reading the text with stand-ins for its typographic characters (see stand-ins.ts). */
export function importDocument(raw: string): ImportedCase | NotAnUrgentAction {
  return swapStandInsIn(importDocumentText(swapStandIns(raw)));
}
export { caseDocument, caseYamlText, readsBackAsWritten } from './case-yaml';
export { applyCaseUpdate, planCaseUpdate } from './case-update';
export { describeChecks, describeFindings } from './import-report';
export { validationProblems } from './validate-draft';
