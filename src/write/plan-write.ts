import { join } from 'node:path';
import type { Official } from '../cases/case-schema';
import { unreachableReason } from '../cases/official-reach';
import { UsageError } from '../errors/app-error';
import type { Letter } from '../letters/letter';
import { letterFileNames } from '../output/safe-file-name';

export const WRITE_FORMATS = ['text', 'email', 'mailto', 'pdf', 'all'] as const;
export type WriteFormat = (typeof WRITE_FORMATS)[number];

/** Formats written as files; `--format all` writes each one the chosen officials can take. */
export type FileFormat = 'text' | 'email' | 'pdf';
const ALL_FILE_FORMATS: readonly FileFormat[] = ['text', 'email', 'pdf'];

export const FILE_FORMATS: Record<FileFormat, { label: string; extension: string }> = {
  text: { label: 'text letter', extension: 'txt' },
  email: { label: 'email draft', extension: 'eml' },
  pdf: { label: 'printed letter', extension: 'pdf' },
};

/**
 * The formats a letter to all these officials can take, the best first: a printed letter when
 * every one of them takes post (a signed letter on paper is what an Urgent Action asks for
 * first), an email draft when every one has an address, and a text letter, which always can.
 */
export function formatChoices(officials: readonly Official[]): FileFormat[] {
  const best: readonly FileFormat[] = ['pdf', 'email', 'text'];
  return best.filter((format) => officials.every((official) => !unreachableReason(official, format)));
}

export interface WriteRequest {
  /** --format, as typed. */
  format: string;
  open: boolean;
  stdout: boolean;
}

/** The format asked for and the files it makes, after refusing flags that cannot go together. */
export function checkWriteRequest({ format: given, open, stdout }: WriteRequest): { format: WriteFormat; fileFormats: readonly FileFormat[] } {
  const format = given.toLowerCase() as WriteFormat;
  if (!(WRITE_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format ${given}: not a format appeal can write.`, { hint: `Choose one of: ${WRITE_FORMATS.join(', ')}.` });
  }
  const fileFormats: readonly FileFormat[] = format === 'all' ? ALL_FILE_FORMATS : format === 'mailto' ? [] : [format];
  if (open && !fileFormats.includes('email')) {
    throw new UsageError('--open hands email drafts to your mail program, and this run makes none.', { hint: 'Add --format email (or --format all), or leave out --open.' });
  }
  if (stdout && format === 'pdf') {
    throw new UsageError('--stdout prints text letters and email drafts, not PDFs.', { hint: 'Leave out --stdout to write the PDF files (choose the folder with --out).' });
  }
  if (stdout && (format === 'all' || open)) {
    throw new UsageError(`--stdout prints one format; ${format === 'all' ? '--format all writes several' : '--open needs the drafts as files'}.`, { hint: 'Leave out --stdout to write files (into --out).' });
  }
  return { format, fileFormats };
}

export interface LetterToWrite {
  letter: Letter;
  official: Official;
}

export interface LetterFile extends LetterToWrite {
  format: FileFormat;
  path: string;
}

export interface WritePlan {
  /** The files to make, format by format, officials in the order chosen. */
  files: LetterFile[];
  /** The letters not made, and why: an official this format cannot reach. */
  skipped: { format: FileFormat; official: Official; reason: string }[];
}

/**
 * One file per letter and format each official can take, named after case, official and sender
 * in `outDir`; never two letters in one name.
 */
export function planLetterFiles(items: readonly LetterToWrite[], formats: readonly FileFormat[], outDir: string): WritePlan {
  const plan: WritePlan = { files: [], skipped: [] };
  for (const format of formats) {
    for (const { official } of items) {
      const reason = unreachableReason(official, format);
      if (reason) plan.skipped.push({ format, official, reason });
    }
    const reachable = items.filter(({ official }) => !unreachableReason(official, format));
    const names = letterFileNames(reachable.map(({ letter }) => [letter.caseId, letter.officialId, letter.sender.name]), FILE_FORMATS[format].extension);
    reachable.forEach((item, index) => plan.files.push({ ...item, format, path: join(outDir, names[index]!) }));
  }
  return plan;
}
