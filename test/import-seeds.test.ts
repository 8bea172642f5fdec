import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCaseFile } from '../src/cases/read-case-file';
import type { CaseDefinition } from '../src/cases/case-schema';
import { uaNumberKey } from '../src/cases/find-case';
import { toParagraphs } from '../src/letters/letter';
import { makeTempDir } from './helpers/temp-dir';
import { REPO_ROOT, runCli } from './helpers/run-cli';

const SHARED = join(REPO_ROOT, 'test', 'fixtures');
const SEEDS = join(SHARED, 'seeds');
const seed = (prefix: string) => join(SEEDS, readdirSync(SEEDS).find((name) => name.startsWith(prefix))!);

interface LoadedCase {
  definition: CaseDefinition;
  template?: string;
}

function loadCase(file: string): LoadedCase {
  const result = readCaseFile(file);
  if (!result.definition) throw new Error(`${file} does not read: ${JSON.stringify(result.problems)}`);
  const definition = result.definition;
  const template = definition.letter ? readFileSync(join(file, '..', definition.letter.template), 'utf8') : undefined;
  return { definition, template };
}

const handMade = (id: string) => loadCase(join(REPO_ROOT, 'cases', `${id}.yaml`));

const OFFICIAL_FIELDS = ['name', 'title', 'organisation', 'address', 'country', 'post', 'post_note', 'phone', 'fax', 'email', 'email_hidden', 'twitter', 'facebook', 'instagram', 'salutation', 'notes'] as const;
const show = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value));
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Every difference between the hand-made case and the imported one, in the fields the issue
 * names: officials (every field but the id, which is a handle, not a transcription), their
 * addresses, salutations and emails, deadline, status and the model letter; and the case's
 * number, kind, country, languages and people's names.
 */
function differences(expected: LoadedCase, actual: LoadedCase): string[] {
  const out: string[] = [];
  const compare = (path: string, want: unknown, got: unknown) => {
    if (JSON.stringify(want ?? null) !== JSON.stringify(got ?? null)) out.push(`${path}: hand-made ${show(want)}, imported ${show(got)}`);
  };
  const e = expected.definition;
  const a = actual.definition;
  for (const field of ['ua_number', 'kind', 'country', 'status', 'deadline', 'preferred_languages'] as const) compare(field, e[field], a[field]);
  compare('people (names)', e.people.map((person) => person.name), a.people.map((person) => person.name));
  compare('officials (count)', e.officials.length, a.officials.length);
  e.officials.forEach((official, index) => {
    const imported = a.officials[index];
    if (!imported) return;
    for (const field of OFFICIAL_FIELDS) compare(`officials[${index}].${field}`, official[field], imported[field]);
  });
  compare('letter.closing', e.letter?.closing, a.letter?.closing);
  compare('letter.language', e.letter?.language, a.letter?.language);
  const paragraphs = (template: string | undefined) => (template === undefined ? undefined : toParagraphs(template));
  const want = paragraphs(expected.template);
  const got = paragraphs(actual.template);
  compare('model letter (paragraph count)', want?.length, got?.length);
  want?.forEach((paragraph, index) => compare(`model letter paragraph ${index + 1}`, paragraph, got?.[index]));
  if (e.petition || a.petition) {
    compare('petition.addressed_to', e.petition?.addressed_to, a.petition?.addressed_to);
    compare('petition.asks', e.petition?.asks.map(plain), a.petition?.asks.map(plain));
  }
  return out;
}

/** Pronouns differ by design where the hand-made case leaves out what the text implies. */
function pronounDifferences(expected: LoadedCase, actual: LoadedCase): string[] {
  return expected.definition.people.flatMap((person, index) => {
    const got = actual.definition.people[index]?.pronouns;
    return person.pronouns === got ? [] : [`people[${index}].pronouns: hand-made ${show(person.pronouns)}, imported ${show(got)}`];
  });
}

describe('appeal import of the seed documents gives the hand-made cases', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());
  const importInto = async (folder: string, file: string, ...flags: string[]) => {
    const result = await runCli(['import', file, '--cases', folder, '--no-builtin', ...flags], { cwd: temp.dir });
    return result;
  };

  test('000: UA 150.19', async () => {
    const result = await importInto('c000', seed('000'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const imported = loadCase(join(temp.dir, 'c000', 'ua-150-19.yaml'));
    expect(differences(handMade('ua-150-19'), imported)).toEqual([]);
    expect(pronounDifferences(handMade('ua-150-19'), imported)).toEqual([]);
  });

  test('001 then 003: the update gives UA 126.19, and its final output closes it', async () => {
    const first = await importInto('c126', seed('001'));
    expect(first.code).toBe(0);
    const update = loadCase(join(temp.dir, 'c126', 'ua-126-19.yaml'));
    const expected = handMade('ua-126-19');
    expect(update.definition.status).toBe('open');
    expect(differences(expected, update)).toEqual(['status: hand-made "closed", imported "open"']);

    const final = await importInto('c126', seed('003'), '--yes');
    expect(final.stderr).toBe('');
    expect(final.code).toBe(0);
    expect(final.stdout).toContain('status: open → closed');
    expect(readdirSync(join(temp.dir, 'c126')).sort()).toEqual(['ua-126-19.hbs', 'ua-126-19.yaml']);
    const closed = loadCase(join(temp.dir, 'c126', 'ua-126-19.yaml'));
    expect(differences(expected, closed)).toEqual([]);
    expect(pronounDifferences(expected, closed)).toEqual([]);
    expect(closed.definition.history.map((entry) => entry.stage)).toEqual(['update', 'final']);
    expect(closed.definition.summary).toBe(expected.definition.summary);
  });

  test('002: a petition, not an Urgent Action, becomes a petition case like the hand-made one', async () => {
    const result = await importInto('c002', seed('002'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Found a petition, not an Urgent Action');
    const [file] = readdirSync(join(temp.dir, 'c002'));
    const imported = loadCase(join(temp.dir, 'c002', file!));
    // The document names no one person, so neither case invents whom it is for.
    expect(differences(handMade('covid-19-kremlin-prisoners'), imported)).toEqual([]);
    expect(readFileSync(join(temp.dir, 'c002', file!), 'utf8')).toContain('# CHECK: a petition names no one person; add whom it is for\npeople: []');
  });

  test('004: miftakhov-2026, no UA number, deadline year from the text', async () => {
    const result = await importInto('c004', seed('004'));
    expect(result.code).toBe(0);
    const imported = loadCase(join(temp.dir, 'c004', 'miftakhov-2026.yaml'));
    expect(differences(handMade('miftakhov-2026'), imported)).toEqual([]);
    expect(pronounDifferences(handMade('miftakhov-2026'), imported)).toEqual([]);
    expect(readFileSync(join(temp.dir, 'c004', 'miftakhov-2026.yaml'), 'utf8')).toMatch(/# CHECK: the document gives "15 July" without a year[^\n]*\n[^\n]*\n?deadline: 2026-07-15/);
  });

  test('every imported case passes appeal validate', async () => {
    const result = await runCli(['validate', '--no-builtin', '--cases', 'c000', '--cases', 'c126', '--cases', 'c002', '--cases', 'c004'], { cwd: temp.dir });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('All 4 cases and their templates are valid.\n');
  });
});

/** The sample's JSON (one reader's transcription of the PDF) in the words of our case files. */
interface SampleJson {
  ua_id: string;
  title: string;
  country: string;
  status: string;
  deadline: string;
  issue_date: string;
  preferred_languages: string[];
  subjects: { name: string; pronouns: string | null }[];
  targets: {
    name: string;
    title: string;
    organisation: string;
    address_lines: string[];
    emails: string[];
    fax: string | null;
    phone: string | null;
    twitter: string | null;
    salutation: string;
    postal_ok: boolean;
    role: string;
    salutation_as_written: string;
  }[];
  model_letter: string;
}

describe('appeal import of the Honduras sample equals its JSON', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  test('hn-ua60-16-3.txt: one official, Spanish preferred, bilingual salutation', async () => {
    const result = await runCli(['import', join(SHARED, 'samples', 'hn-ua60-16-3.txt'), '--cases', 'hn', '--no-builtin'], { cwd: temp.dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(readFileSync(join(SHARED, 'samples', 'hn-ua60-16-3.json'), 'utf8')) as SampleJson;
    const { definition: ours, template } = loadCase(join(temp.dir, 'hn', 'ua-60-16.yaml'));
    const out: string[] = [];
    const compare = (path: string, want: unknown, got: unknown) => {
      if (JSON.stringify(want ?? null) !== JSON.stringify(got ?? null)) out.push(`${path}: JSON ${show(want)}, imported ${show(got)}`);
    };
    // JSON field → ours. ua_id "UA 60/16" → ua_number, compared in any written form.
    compare('ua_id → ua_number', uaNumberKey(json.ua_id), uaNumberKey(ours.ua_number ?? ''));
    compare('title', json.title, ours.title);
    compare('country', json.country, ours.country);
    compare('status', json.status, ours.status);
    compare('deadline', json.deadline, ours.deadline);
    compare('issue_date', json.issue_date, ours.issue_date);
    compare('preferred_languages', json.preferred_languages, ours.preferred_languages);
    // subjects → people; a null pronoun is a person without pronouns.
    compare('subjects → people', json.subjects.map((s) => ({ name: s.name, pronouns: s.pronouns ?? undefined })), ours.people.map((p) => ({ name: p.name, pronouns: p.pronouns })));
    // targets → officials.
    compare('targets → officials (count)', json.targets.length, ours.officials.length);
    json.targets.forEach((target, index) => {
      const official = ours.officials[index]!;
      const at = `targets[${index}] → officials[${index}]`;
      compare(`${at}.name`, target.name, official.name);
      compare(`${at}.title`, target.title, official.title);
      compare(`${at}.organisation`, target.organisation, official.organisation);
      // address_lines are the lines as the document writes them; our address splits the
      // organisation and the country off, as cases/*.yaml do, so both are read as one text.
      compare(`${at}.address_lines → organisation + address + country`, target.address_lines.join(', '), [official.organisation, ...(official.address ?? []), official.country].filter(Boolean).join(', '));
      compare(`${at}.emails → email`, target.emails, official.email);
      compare(`${at}.fax`, target.fax === null ? undefined : [target.fax], official.fax);
      compare(`${at}.phone`, target.phone === null ? undefined : [target.phone], official.phone);
      compare(`${at}.twitter`, target.twitter ?? undefined, official.twitter);
      compare(`${at}.salutation`, target.salutation, official.salutation);
      compare(`${at}.salutation_as_written → in notes`, true, official.notes?.includes(target.salutation_as_written) ?? false);
      compare(`${at}.postal_ok → post`, target.postal_ok, official.post !== false);
      compare(`${at}.role → not a "copies to" recipient`, target.role === 'primary', !/copies to/i.test(official.notes ?? ''));
    });
    // model_letter → the letter to the official it opens with: salutation, template, closing.
    const letter = [`${ours.officials[0]!.salutation},`, ...toParagraphs(template ?? ''), ours.letter?.closing ?? ''].join('\n\n');
    compare('model_letter', plain(json.model_letter), plain(letter));
    expect(out).toEqual([]);
  });
});
