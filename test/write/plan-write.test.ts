import { buildLetter } from '../../src/letters/letter';
import type { Official } from '../../src/cases/case-schema';
import { checkWriteRequest, formatChoices, planLetterFiles, type LetterToWrite } from '../../src/write/plan-write';
import { embeddedLibrary } from '../helpers/library';

/**
 * The plan of `appeal write`, called directly: which formats a run makes, which flags cannot go
 * together, and which files it writes under which names, and which letters it leaves out and why.
 */
describe('checkWriteRequest', () => {
  test.each([
    { format: 'text', open: false, stdout: false, files: ['text'] },
    { format: 'PDF', open: false, stdout: false, files: ['pdf'] },
    { format: 'email', open: true, stdout: false, files: ['email'] },
    { format: 'email', open: false, stdout: true, files: ['email'] },
    { format: 'mailto', open: false, stdout: false, files: [] },
    { format: 'all', open: true, stdout: false, files: ['text', 'email', 'pdf'] },
  ])('--format $format (--open $open, --stdout $stdout) makes $files', ({ format, open, stdout, files }) => {
    expect(checkWriteRequest({ format, open, stdout }).fileFormats).toEqual(files);
  });

  test.each([
    { format: 'docx', open: false, stdout: false, error: '--format docx: not a format appeal can write.' },
    { format: 'text', open: true, stdout: false, error: '--open hands email drafts to your mail program, and this run makes none.' },
    { format: 'mailto', open: true, stdout: false, error: '--open hands email drafts to your mail program, and this run makes none.' },
    { format: 'pdf', open: false, stdout: true, error: '--stdout prints text letters and email drafts, not PDFs.' },
    { format: 'all', open: false, stdout: true, error: '--stdout prints one format; --format all writes several.' },
    { format: 'email', open: true, stdout: true, error: '--stdout prints one format; --open needs the drafts as files.' },
  ])('refuses --format $format with --open $open, --stdout $stdout', ({ format, open, stdout, error }) => {
    expect(() => checkWriteRequest({ format, open, stdout })).toThrow(error);
  });
});

describe('formatChoices: what `appeal write` with no case offers, the best first', () => {
  const official = (reach: Partial<Official>): Official => ({ id: 'o', name: 'An Official', salutation: 'Dear Sir or Madam', ...reach }) as Official;
  const post = official({ address: ['1 Main Street', 'Capital'] });
  const email = official({ email: ['minister@example.org'] });
  const both = official({ address: ['1 Main Street', 'Capital'], email: ['minister@example.org'] });
  const noPost = official({ address: ['1 Main Street', 'Capital'], post: false, email: ['minister@example.org'] });
  const neither = official({ fax: ['+1 555 0100'] });
  test.each([
    { who: 'post only', officials: [post], offered: ['pdf', 'text'] },
    { who: 'email only', officials: [email], offered: ['email', 'text'] },
    { who: 'post and email', officials: [both], offered: ['pdf', 'email', 'text'] },
    { who: 'an address but "no post", and email', officials: [noPost], offered: ['email', 'text'] },
    { who: 'neither (fax)', officials: [neither], offered: ['text'] },
    { who: 'one by post, one by email', officials: [post, email], offered: ['text'] },
    { who: 'two who take both', officials: [both, both], offered: ['pdf', 'email', 'text'] },
  ])('an official who takes $who is offered $offered', ({ officials, offered }) => {
    expect(formatChoices(officials)).toEqual(offered);
  });
});

describe('planLetterFiles', () => {
  const library = embeddedLibrary();
  const now = new Date('2026-11-22T12:00:00Z');
  const letters = (caseId: string, senders: string[]): LetterToWrite[] => {
    const record = library.cases.find((candidate) => candidate.definition.id === caseId)!;
    return record.definition.officials.flatMap((official) => senders.map((name) => ({ official, letter: buildLetter(record, official, { name }, now, library.templates) })));
  };

  test.each([
    { caseId: 'ua-150-19', formats: ['text'] as const, files: ['ua-150-19_prosecutor-general_ann-smith.txt', 'ua-150-19_ambassador_ann-smith.txt'], skipped: [] },
    { caseId: 'ua-150-19', formats: ['pdf'] as const, files: ['ua-150-19_prosecutor-general_ann-smith.pdf', 'ua-150-19_ambassador_ann-smith.pdf'], skipped: [] },
    {
      caseId: 'ua-150-19',
      formats: ['email'] as const,
      files: [],
      skipped: ['email draft: prosecutor-general (the case gives no email address)', 'email draft: ambassador (the document hid the address)'],
    },
    {
      caseId: 'ua-126-19',
      formats: ['text', 'pdf'] as const,
      files: ['ua-126-19_chief-military-prosecutor_ann-smith.txt', 'ua-126-19_ambassador_ann-smith.txt', 'ua-126-19_ambassador_ann-smith.pdf'],
      skipped: [expect.stringMatching(/^pdf: chief-military-prosecutor \(/)],
    },
  ])('$caseId as $formats', ({ caseId, formats, files, skipped }) => {
    const plan = planLetterFiles(letters(caseId, ['Ann Smith']), formats, '/out');
    expect(plan.files.map((file) => file.path)).toEqual(files.map((file) => `/out/${file}`));
    expect(plan.skipped.map((item) => `${item.format === 'email' ? 'email draft' : item.format}: ${item.official.id} (${item.reason})`)).toEqual(skipped);
  });

  test('two letters that would share a name get _2, _3, never one file', () => {
    const plan = planLetterFiles(letters('ua-150-19', ['Ann Smith', 'ann smith', 'Ann/Smith']).filter(({ official }) => official.id === 'ambassador'), ['text'], '/out');
    expect(plan.files.map((file) => file.path)).toEqual(['/out/ua-150-19_ambassador_ann-smith.txt', '/out/ua-150-19_ambassador_ann-smith_2.txt', '/out/ua-150-19_ambassador_ann-smith_3.txt']);
  });
});
