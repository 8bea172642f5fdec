import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { runCli, type CliResult } from './helpers/run-cli';
import { makeTempDir } from './helpers/temp-dir';
import { hasPoppler, poppler, readPdfs, type PdfPage, type PdfReading } from './helpers/read-pdf';

/**
 * Meeting night as a group has it: twelve members whose names are in six scripts, some with no
 * address, one PDF. Every name must print exactly (read back with pdf.js, glyph by glyph for the
 * Chinese, Japanese and Arabic ones), in embedded fonts, and every letter must carry a return address.
 */
const MEMBERS: { name: string; address?: string; script: string }[] = [
  { name: 'Anna Schmidt', address: 'Hauptstraße 1 | 10115 Berlin', script: 'Latin' },
  { name: "Mary O'Brien", script: 'Latin' },
  { name: 'José Núñez', address: 'Calle Mayor 5 | 28013 Madrid', script: 'Latin' },
  { name: 'Анна Иванова', address: 'ул. Пушкина, д. 1 | Москва 101000', script: 'Cyrillic' },
  { name: 'Дмитрий Петров', script: 'Cyrillic' },
  { name: 'Γιώργος Παπαδόπουλος', address: 'Οδός Αθηνάς 10 | 10551 Αθήνα', script: 'Greek' },
  { name: '李明', address: '北京市朝阳区 | 100020', script: 'Chinese' },
  { name: '王芳', script: 'Chinese' },
  { name: '山田太郎', address: '東京都新宿区 1-2-3', script: 'Japanese' },
  { name: '鈴木 さくら', script: 'Japanese' },
  { name: 'محمد عبد الله', address: '12 Harbour Lane | Bristol BS1 4DJ', script: 'Arabic' },
  { name: 'فاطمة الزهراء', script: 'Arabic' },
];
const CSV = ['name,address', ...MEMBERS.map((member) => `${member.name},"${member.address ?? ''}"`)].join('\n') + '\n';
const GROUP = ['Amnesty Bristol Group', '1 Church Street', 'Bristol BS1 1AA'];
const CJK = /[\u3040-\u30ff\u4e00-\u9fff]/u;
const ARABIC = /[\u0600-\u06ff]/u;

/** Whether fontconfig knows a font with Chinese and Japanese characters (Debian: fonts-noto-cjk or fonts-wqy-microhei). */
function hasCjkFont(): boolean {
  try {
    return execFileSync('fc-list', [':charset=674e 3055', 'file'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}
const cjk = hasCjkFont();
if (!cjk) {
  // eslint-disable-next-line no-console
  console.warn('meeting.test.ts: no Chinese/Japanese font found by fontconfig (install fonts-noto-cjk or fonts-wqy-microhei, as .ci/run does); the tests that print those names are skipped.');
}
const withCjk = cjk ? test : test.skip;

/** The text of every glyph drawn on a page, in drawing order. */
function glyphText(page: PdfPage): string {
  return page.glyphs.map((glyph) => glyph.unicode).join('');
}

describe('meeting night: twelve members in six scripts', () => {
  const temp = makeTempDir({ 'members.csv': CSV });
  const run = (args: string[], env?: NodeJS.ProcessEnv) => runCli(args, { cwd: temp.dir, env, timeoutMs: 120_000 });
  let meeting: CliResult;
  let noSystemFonts: CliResult;
  let pdf: PdfReading;
  let bare: PdfReading;

  beforeAll(async () => {
    const init = await run(['init', '--yes', '--name', 'Carol Coordinator', '--address', '9 Home Road', '--email', 'carol@example.org', '--group-name', GROUP[0]!, '--group-address', GROUP[1]!, '--group-address', GROUP[2]!]);
    expect(init.code).toBe(0);
    [meeting, noSystemFonts] = await Promise.all([
      run(['batch', '150.19', '--signers', 'members.csv', '--out', 'meeting.pdf']),
      // A computer without Chinese or Japanese fonts: the meeting still prints.
      run(['batch', '150.19', '--signers', 'members.csv', '--out', 'bare.pdf'], { APPEAL_SYSTEM_FONTS: 'none' }),
    ]);
    const files = [...(meeting.code === 0 ? ['meeting.pdf'] : []), 'bare.pdf'].map((file) => join(temp.dir, file));
    const read = await readPdfs(files);
    bare = read.pop()!;
    pdf = read[0]!;
  }, 240_000);
  afterAll(() => temp.cleanup());

  withCjk('one PDF: each member’s name heads and signs their letters, exactly as in the list', () => {
    expect(meeting.stderr).not.toMatch(/error/i);
    expect(meeting.code).toBe(0);
    expect(pdf.pages).toHaveLength(24);
    pdf.pages.forEach((page, index) => {
      const member = MEMBERS[index % 12]!;
      const texts = page.items.map((item) => item.text.replace(/[\u202a-\u202e\u200e\u200f]/g, ''));
      // The letterhead and the printed name under the room to sign.
      expect({ page: index + 1, lines: texts.filter((text) => text === member.name).length }).toEqual({ page: index + 1, lines: 2 });
    });
    expect(meeting.stdout).not.toContain('To sign by hand');
  });

  withCjk('the Chinese and Japanese names are drawn glyph by glyph in an embedded font that has them', () => {
    for (const [index, member] of MEMBERS.entries()) {
      if (!CJK.test(member.name)) continue;
      const page = pdf.pages[index]!;
      const drawn = page.glyphs.filter((glyph) => CJK.test(glyph.unicode));
      // Every CJK character of the name (and address) is its own glyph, mapped back to the character.
      const expected = [...`${member.name}${member.name}${member.address ?? ''}`.replace(/[^\u3040-\u30ff\u4e00-\u9fff]/gu, '')];
      for (const char of new Set(expected)) expect({ member: member.name, char, drawn: drawn.some((glyph) => glyph.unicode === char && glyph.width > 0) }).toEqual({ member: member.name, char, drawn: true });
      for (const glyph of drawn) expect(page.fonts[glyph.font]).toMatchObject({ missingFile: false });
    }
  });

  test('the Arabic names are joined, right to left, with their spaces and word order', async () => {
    const reading = cjk ? pdf : bare;
    const dejavu = fontkit.create(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))) as fontkit.Font;
    for (const [index, member] of MEMBERS.entries()) {
      if (!ARABIC.test(member.name)) continue;
      const page = reading.pages[index]!;
      // The glyphs drawn, left to right, for the signature line: the name read backwards (its
      // first letter is at the right), spaces kept.
      const visual = [...member.name].reverse().join('');
      expect(glyphText(page)).toContain(visual);
      // Each glyph is the joined form fontkit's shaping gives (an isolated form has another width).
      const shaped = dejavu.layout(member.name, [], 'arab', undefined, 'rtl');
      const widths = shaped.glyphs.map((glyph) => Math.round((glyph.advanceWidth * 1000) / dejavu.unitsPerEm));
      const start = glyphText(page).indexOf(visual);
      expect(page.glyphs.slice(start, start + widths.length).map((glyph) => Math.round(glyph.width))).toEqual(widths);
      const isolated = [...visual].map((char) => Math.round((dejavu.glyphForCodePoint(char.codePointAt(0)!).advanceWidth * 1000) / dejavu.unitsPerEm));
      expect(widths).not.toEqual(isolated);
    }
    // pdftotext reads the name back in its logical order.
    if (hasPoppler()) {
      const { stdout } = await poppler('pdftotext', ['-f', '11', '-l', '11', join(temp.dir, cjk ? 'meeting.pdf' : 'bare.pdf'), '-']);
      expect(stdout.replace(/[\u202a-\u202e]/g, '')).toContain('محمد عبد الله');
    }
  });

  withCjk('every font is embedded', async () => {
    for (const page of pdf.pages) for (const font of Object.values(page.fonts)) expect(font.missingFile).toBe(false);
    if (!hasPoppler()) return;
    const { stdout } = await poppler('pdffonts', [join(temp.dir, 'meeting.pdf')]);
    const rows = stdout.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(3); // the letter font, a CJK font, DejaVu Sans for Arabic
    for (const row of rows) expect(row).toMatch(/ yes +yes +yes /);
  });

  test('every letter has a return address: the member’s own, or the group’s for those who gave none', () => {
    const reading = cjk ? pdf : bare;
    reading.pages.forEach((page, index) => {
      const member = MEMBERS[index % 12]!;
      // The return line in the envelope window (DIN 5008), name · address lines, as the glyphs
      // stand on the page from left to right: an Arabic name is drawn from its last letter.
      const lines = member.address ? member.address.split(' | ') : GROUP;
      if (reading === bare && CJK.test(member.name)) return; // signed by hand: see below
      const visual = [member.name, ...lines].map((part) => (ARABIC.test(part) ? [...part].reverse().join('') : part)).join(' · ');
      expect({ page: index + 1, returnLine: glyphText(page).includes(visual) }).toEqual({ page: index + 1, returnLine: true });
    });
    const withoutAddress = MEMBERS.filter((member) => !member.address).map((member) => member.name);
    expect(reading === bare ? noSystemFonts.stdout : meeting.stdout).toContain(`Return address: the group’s (${GROUP.join(', ')}) on the letters of ${withoutAddress.join(', ')}, who gave none.`);
  });

  test('without a font for some names the meeting still prints: those members sign by hand, and the summary names them', () => {
    expect(noSystemFonts.code).toBe(0);
    expect(bare.pages).toHaveLength(24);
    const handSigned = MEMBERS.filter((member) => CJK.test(member.name));
    expect(noSystemFonts.stdout).toContain('To sign by hand:');
    for (const member of handSigned) {
      expect(noSystemFonts.stdout).toMatch(new RegExp(`\\n  ${member.name} \\(members\\.csv:${MEMBERS.indexOf(member) + 2}\\): ${[...member.name][0]} \\(U\\+`));
      const page = bare.pages[MEMBERS.indexOf(member)]!;
      const texts = page.items.map((item) => item.text);
      // No name with a character missing: the lines to sign and to write the name and address.
      expect(texts.some((text) => CJK.test(text))).toBe(false);
      expect(texts).toEqual(expect.arrayContaining(['Signature', 'Name', 'Address']));
    }
    // The others print as usual, the Arabic names in the DejaVu Sans that comes with appeal.
    expect(bare.pages[10]!.items.map((item) => item.text.replace(/[\u202a-\u202e]/g, ''))).toContain('محمد عبد الله');
  });
});
