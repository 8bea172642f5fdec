import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { makeTempDir } from './helpers/temp-dir';
import { REPO_ROOT, runCli } from './helpers/run-cli';

const CORPUS = join(REPO_ROOT, 'test', 'fixtures', 'corpus');
const documents = readdirSync(CORPUS).filter((name) => name.endsWith('.txt')).map((name) => name.slice(0, -4));

/** The document as it arrives: the corpus file without its "Source:" line and the blank after it. */
const documentOf = (id: string) => readFileSync(join(CORPUS, `${id}.txt`), 'utf8').split('\n\n').slice(1).join('\n\n');

interface Shown {
  id: string;
  status: string;
  officials: { name: string; address?: string[]; email?: string[]; fax?: string[] }[];
}

describe('appeal import of real Urgent Actions in every layout and language', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  test.each(documents)('%s gives one case that "appeal validate" accepts', async (id) => {
    writeFileSync(join(temp.dir, `${id}.txt`), documentOf(id));
    const imported = await runCli(['import', `${id}.txt`, '--cases', id, '--no-builtin'], { cwd: temp.dir });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const validated = await runCli(['validate', '--cases', id, '--no-builtin'], { cwd: temp.dir });
    expect(validated.code).toBe(0);
    const listed = JSON.parse((await runCli(['list', '--all', '--json', '--cases', id, '--no-builtin'], { cwd: temp.dir })).stdout) as unknown;
    const items = Array.isArray(listed) ? listed : Object.values(listed as Record<string, unknown>).find(Array.isArray);
    expect(items).toHaveLength(1);
  });

  test('the closing notices of each language close the case', async () => {
    for (const id of ['cn-chen-guangcheng-de', 'et-afr25-021-07-final']) {
      writeFileSync(join(temp.dir, `${id}.txt`), documentOf(id));
      const result = await runCli(['import', `${id}.txt`, '--stdout', '--no-builtin', '--cases', 'none'], { cwd: temp.dir });
      expect(result.stdout).toMatch(/^status: closed$/m);
    }
  });

  test('a page with several letter templates gives the first and says there are more', async () => {
    writeFileSync(join(temp.dir, 'multi.txt'), documentOf('sy-ua313-14-letter-de'));
    const result = await runCli(['import', 'multi.txt', '--stdout', '--no-builtin', '--cases', 'none'], { cwd: temp.dir });
    expect(result.stdout).toMatch(/^ua_number: "?313[./]2014"?$/m);
    expect(result.stdout).toContain('name: Bashar Ja\'afari');
    expect(result.stdout).not.toContain('Ilham Aliyev');
    expect(result.stderr).toContain('more letter templates');
  });

  test('a document without a model letter gets one composed from its demands, marked to check', async () => {
    writeFileSync(join(temp.dir, 'moscow.txt'), documentOf('ru-moscow-protesters-19'));
    const result = await runCli(['import', 'moscow.txt', '--stdout', '--no-builtin', '--cases', 'none'], { cwd: temp.dir });
    expect(result.stdout).toContain("# CHECK: composed from the document's calls to action; the document has no model letter");
    expect(result.stdout).toContain('All peaceful protesters must be urgently released, and charges against them must be dropped.');
  });

  test('the petition seed, which appeal already has, is found in the library and nothing is written', async () => {
    const seeds = join(REPO_ROOT, 'test', 'fixtures', 'seeds');
    const petition = readdirSync(seeds).find((name) => name.startsWith('002_'))!;
    const result = await runCli(['import', join(seeds, petition), '--cases', 'mine'], { cwd: temp.dir });
    expect(result.stdout).toContain('covid-19-kremlin-prisoners is already in the library');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Nothing was written.');
    expect(() => readdirSync(join(temp.dir, 'mine'))).toThrow();
  });

  test('a README is refused, and nothing is written', async () => {
    writeFileSync(join(temp.dir, 'README.md'), readFileSync(join(REPO_ROOT, 'README.md')));
    const result = await runCli(['import', 'README.md', '--cases', 'readme', '--no-builtin'], { cwd: temp.dir });
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('No Urgent Action found in README.md');
    expect(() => readdirSync(join(temp.dir, 'readme'))).toThrow();
  });

  test('a PDF of a corpus text, with the line breaks pdfkit gives it, imports the same officials as the text', async () => {
    const id = 'eg-ua90-23';
    const text = documentOf(id);
    const pdf = new PDFDocument({ size: 'A4', margins: { top: 50, bottom: 50, left: 60, right: 60 }, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
    pdf.font('Helvetica').fontSize(11);
    // Each line of the text is a paragraph that pdfkit wraps at the page width, as a printed UA is.
    for (const line of text.split('\n')) pdf.text(line.replace(/[^\x20-\x7e]/g, ' ') || ' ', { paragraphGap: 4 });
    pdf.end();
    await done;
    writeFileSync(join(temp.dir, 'egypt.pdf'), Buffer.concat(chunks));
    writeFileSync(join(temp.dir, 'egypt.txt'), text.replace(/[^\x20-\x7e\n]/g, ' '));
    const shown: Shown[] = [];
    for (const [file, folder] of [['egypt.txt', 'from-text'], ['egypt.pdf', 'from-pdf']] as const) {
      const imported = await runCli(['import', file, '--cases', folder, '--no-builtin'], { cwd: temp.dir });
      expect(imported.code).toBe(0);
      const listed = JSON.parse((await runCli(['list', '--all', '--json', '--cases', folder, '--no-builtin'], { cwd: temp.dir })).stdout) as unknown;
      const items = (Array.isArray(listed) ? listed : Object.values(listed as Record<string, unknown>).find(Array.isArray)) as { id: string }[];
      const show = await runCli(['show', items[0]!.id, '--json', '--cases', folder, '--no-builtin'], { cwd: temp.dir });
      shown.push(JSON.parse(show.stdout) as Shown);
    }
    const [fromText, fromPdf] = shown;
    expect(fromText!.officials.map((o) => o.name)).toEqual(['Public Prosecutor Mohamed Shawky Ayyad', 'Ambassador Motaz Mounir Zahran']);
    const pick = (one: Shown) => one.officials.map((o) => ({ name: o.name, address: o.address, email: o.email, fax: o.fax }));
    expect(pick(fromPdf!)).toEqual(pick(fromText!));
  });
});
