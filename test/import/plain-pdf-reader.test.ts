import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { extractPdfText, extractPdfTextWithPdfjs } from '../../src/import/pdf-text';
import { pdfPageLines } from '../../src/import/pdf-page-lines';
import { readPlainPdfText, type PlainPdfLimits } from '../../src/import/pdf-plain-text';
import { readToUnicode } from '../../src/import/pdf-fonts';
import { STANDARD_FONT_WIDTHS } from '../../src/import/pdf-standard-font-widths';
import { PdfLexer, PdfName, PdfRef, PdfString } from '../../src/import/pdf-syntax';
import { WIN_ANSI_CHARACTERS } from '../../src/import/pdf-win-ansi';

const LIMITS: PlainPdfLimits = { pages: 200, textLength: 20 * 1024 * 1024, inflatedBytes: 100 * 1024 * 1024, operations: 20_000_000 };
const DEJAVU = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

/** A PDF drawn by pdfkit, as an office program would lay a document out. */
function pdfkitPdf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { CreationDate: new Date(Date.UTC(2026, 0, 1)) }, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    draw(doc);
    doc.end();
  });
}

const URGENT_ACTION = [
  'URGENT ACTION',
  'HONDURAS: ARMED ATTACK AGAINST MEMBERS OF COPINH',
  'On 30 June, members of the Civic Council of Popular and Indigenous Organizations of Honduras (COPINH) were attacked by armed men while they were travelling home after a protest. Berta Zúniga Cáceres, the daughter of Berta Cáceres, was among them.',
  'Please write immediately in Spanish or your own language:',
  'Minister of Security, General de División Julián Pacheco, Secretaría de Seguridad, Tegucigalpa, Honduras. Salutation: Dear Minister / Estimado Señor Ministro',
  'Please send appeals before 16 August 2017.',
];
const latin1Only = (text: string) => text.replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '?');

/** A PDF with one page drawing `content`, its fonts given as `fonts` (name → dictionary), objects numbered from 1. */
function handMadePdf(content: string, fonts: Record<string, string>, extra: string[] = []): Buffer {
  const data = deflateSync(content);
  const fontNames = Object.keys(fonts);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << ${fontNames.map((name, index) => `/${name} ${5 + index} 0 R`).join(' ')} >> >> >>`,
    null,
    ...fontNames.map((name) => fonts[name]!),
    ...extra,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  objects.forEach((object, index) => {
    if (object === null) parts.push(Buffer.from(`${index + 1} 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`), data, Buffer.from('\nendstream\nendobj\n'));
    else parts.push(Buffer.from(`${index + 1} 0 obj\n${object}\nendobj\n`));
  });
  parts.push(Buffer.from(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\n%%EOF\n`));
  return Buffer.concat(parts);
}

describe('the plain PDF reader gives the text pdf.js gives', () => {
  const documents: [string, () => Promise<Buffer>][] = [
    ['Helvetica, a standard font without widths, in justified paragraphs', () => pdfkitPdf((doc) => {
      doc.font('Helvetica').fontSize(11);
      for (const paragraph of URGENT_ACTION) doc.text(latin1Only(paragraph), { align: 'justify', paragraphGap: 6 });
    })],
    ['Times in two columns, with headings in another size', () => pdfkitPdf((doc) => {
      doc.font('Times-Bold').fontSize(16).text(URGENT_ACTION[0]!);
      doc.font('Times-Roman').fontSize(10).text(latin1Only(URGENT_ACTION.slice(1).join('\n\n')), { columns: 2, columnGap: 15, height: 300 });
    })],
    ['an embedded font (composite, with a ToUnicode map): Cyrillic, accents, quotes, a ligature', () => pdfkitPdf((doc) => {
      doc.font(DEJAVU).fontSize(12);
      for (const paragraph of [...URGENT_ACTION, 'Анна Иванова — «Мемориал», Zoë Brontë, “quoted”, ﬁnal, 1 000 €']) doc.text(paragraph, { paragraphGap: 8 });
    })],
    ['sizes changing within a line, underlined and letter-spaced text, several pages', () => pdfkitPdf((doc) => {
      doc.font('Helvetica').fontSize(10).text('E', { continued: true }).fontSize(6).text('2', { continued: true }).fontSize(10).text(' = mc and more');
      doc.font('Courier').fontSize(9).text('UA 60/16 Index: AMR 37/6615/2017', { underline: true, characterSpacing: 2 });
      for (let page = 0; page < 3; page++) {
        doc.addPage().font('Helvetica-Oblique').fontSize(12).text(latin1Only(URGENT_ACTION.join(' ')), { wordSpacing: 3 });
      }
    })],
  ];

  test.each(documents)('%s', async (_, make) => {
    const bytes = await make();
    const plain = readPlainPdfText(bytes, LIMITS);
    expect(plain).toHaveProperty('text');
    const text = (plain as { text: string }).text;
    expect(text).toBe(await extractPdfTextWithPdfjs(bytes, 'document.pdf'));
    expect(text).toMatch(/Honduras|HONDURAS|mc and more/);
  });

  test('a font it does not read (an encoding with differences, no ToUnicode map) is left to pdf.js, which reads it', async () => {
    const bytes = handMadePdf('BT /F1 12 Tf 72 720 Td (Amnesty Wroc\\001aw) Tj ET', {
      F1: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [1 /lslash] >> >>',
    });
    expect(readPlainPdfText(bytes, LIMITS)).toEqual({ unsupported: 'an encoding with differences, without a ToUnicode map' });
    expect(await extractPdfText(bytes, 'odd.pdf')).toBe('Amnesty Wrocław');
  });

  test('an encrypted file is left to pdf.js', () => {
    const bytes = handMadePdf('BT /F1 12 Tf 72 720 Td (x) Tj ET', { F1: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' });
    const encrypted = Buffer.from(bytes.toString('latin1').replace('/Root 1 0 R', '/Root 1 0 R /Encrypt << /Filter /Standard >>'), 'latin1');
    expect(readPlainPdfText(encrypted, LIMITS)).toEqual({ unsupported: 'an encrypted file' });
  });

  test('forms drawing forms ten times over stop at the bound on drawing, in the plain reader', () => {
    // Form n draws form n+1 ten times: 10^8 drawings from a file of a kilobyte.
    const forms = Array.from({ length: 8 }, (_, level) => {
      const body = level === 7 ? 'BT /F1 12 Tf (x) Tj ET' : Array(10).fill(`/X${level + 1} Do`).join(' ');
      return `<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Length ${body.length} /Resources << /XObject << /X${level + 1} ${8 + level} 0 R >> /Font << /F1 5 0 R >> >> >>\nstream\n${body}\nendstream`;
    });
    const bytes = handMadePdf('/X0 Do', { F1: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' }, [
      '<< /X0 7 0 R >>',
      ...forms,
    ]);
    const page = bytes.toString('latin1').replace('/Resources << /Font', '/Resources << /XObject 6 0 R /Font');
    expect(readPlainPdfText(Buffer.from(page, 'latin1'), { ...LIMITS, operations: 100_000 })).toEqual({ limit: 'operations' });
  });

  test('more pages than the bound are refused by count', async () => {
    const bytes = await pdfkitPdf((doc) => {
      for (let page = 0; page < 5; page++) doc.addPage().text('x');
    });
    expect(readPlainPdfText(bytes, { ...LIMITS, pages: 3 })).toEqual({ limit: 'pages', pages: 6 });
  });
});

/** A PDF written out from numbered objects (1 the catalog), with `after` appended past its end. */
function rawPdf(objects: string[], after = ''): Buffer {
  const body = objects.map((object, index) => `${index + 1} 0 obj\n${object}\nendobj\n`).join('');
  return Buffer.from(`%PDF-1.4\n${body}trailer\n<< /Root 1 0 R >>\n%%EOF\n${after}`, 'latin1');
}
const stream = (content: string, dict = '') => `<< /Length ${Buffer.byteLength(content, 'latin1')}${dict} >>\nstream\n${content}\nendstream`;
const HELVETICA = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
const onePage = (contents: string, resources = '<< /Font << /F1 5 0 R >> >>') => [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${contents} /Resources ${resources} >>`,
];

// Found in review: files of a few kilobytes that made the plain reader, on the main thread, run
// for minutes or run out of memory. Each is now left to pdf.js (its thread is watched and stopped)
// or read as pdf.js reads it.
describe('hostile files: the plain reader gives up early, or reads them as pdf.js does', () => {
  test('a ToUnicode range whose text is thousands of characters long (it had filled 4 GB)', () => {
    const cmap = `1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <${'0041'.repeat(20_000)}> endbfrange`;
    const font = '<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 6 0 R >>';
    const bytes = rawPdf([...onePage('4 0 R'), stream('BT /F1 12 Tf <0001> Tj ET'), font, stream(cmap), '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X >>']);
    expect(readPlainPdfText(bytes, LIMITS)).toEqual({ unsupported: 'a ToUnicode text too long' });
  });

  test('one form drawn again and again, and one stream listed again and again in a page', () => {
    const big = `%${' '.repeat(1024 * 1024)}`;
    const form = rawPdf([...onePage('4 0 R', '<< /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >>'), stream('q /X Do Q\n'.repeat(100)), HELVETICA, stream(big, ' /Type /XObject /Subtype /Form /BBox [0 0 1 1]')]);
    expect(readPlainPdfText(form, LIMITS)).toEqual({ unsupported: 'more to read than a document of a few pages' });
    const listed = rawPdf([...onePage(`[${'4 0 R '.repeat(100)}]`), stream(big), HELVETICA]);
    expect(readPlainPdfText(listed, LIMITS)).toEqual({ unsupported: 'more to read than a document of a few pages' });
  });

  test('an object defined twice (as after a file\'s end) is left to pdf.js, which follows the cross-reference table', () => {
    const bytes = rawPdf([...onePage('4 0 R'), stream('BT /F1 12 Tf 72 720 Td (What the viewer shows) Tj ET'), HELVETICA], `4 0 obj\n${stream('BT /F1 12 Tf 72 720 Td (Something else) Tj ET')}\nendobj\n`);
    expect(readPlainPdfText(bytes, LIMITS)).toEqual({ unsupported: 'an object defined more than once' });
  });

  test('a page tree that holds more pages than its /Count is left to pdf.js', () => {
    const bytes = rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /Contents 5 0 R >>', '<< /Type /Page /Parent 2 0 R /Contents 5 0 R >>', stream('')]);
    expect(readPlainPdfText(bytes, LIMITS)).toEqual({ unsupported: 'a page tree that does not hold its count of pages' });
  });

  test('extra numbers before an operator: the last ones count, as in pdf.js', async () => {
    const bytes = rawPdf([...onePage('4 0 R'), stream('BT /F1 12 Tf 72 720 Td (Hello) Tj 999 0 -30 Td (World) Tj ET'), HELVETICA]);
    const plain = readPlainPdfText(bytes, LIMITS) as { text: string };
    expect(plain.text).toBe(await extractPdfTextWithPdfjs(bytes, 'extra.pdf'));
    expect(plain.text).toBe('Hello\n\nWorld');
  });

  test('a run of a million digits, and a line of a million spaces, are read through once', () => {
    // The object-header pattern once tried every digit of such a run to its end, and the trailing
    // spaces' pattern every space: hours. Each is one pass now; a slip back would time the test out.
    const digits = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1_000_000, '7'), Buffer.from(' x')]);
    expect(readPlainPdfText(digits, LIMITS)).toEqual({ unsupported: 'no catalog' });
    const line = `a${' '.repeat(1_000_000)}b`;
    expect(pdfPageLines([{ str: `${line}   `, hasEOL: true, transform: [1, 0, 0, 1, 72, 720], height: 12 }])).toBe(line);
  });
});

describe('PDF syntax, read as pdf.js reads it', () => {
  const read = (text: string) => {
    const lexer = new PdfLexer(Buffer.from(text, 'latin1'));
    const values = [];
    for (let value = lexer.read(true); value !== undefined; value = lexer.read(true)) values.push(value);
    return values;
  };

  test.each([
    ['12', 12],
    ['-3.5', -3.5],
    ['.25', 0.25],
    ['+7', 7],
    ['771.838', 771.838],
    ['--4', -4],
    ['4.5.6', 4.5],
  ])('the number %s is %p', (text, value) => {
    expect(read(text)[0]).toBe(value);
  });

  test('strings: escapes, octal codes, nested parentheses, line ends, hex with an odd digit', () => {
    const values = read('(a\\(b\\)c\\n\\101\\\r\nd (e) f) <48 65 6c6C 6> (\r\n)');
    expect(values).toEqual([new PdfString('a(b)c\nAd (e) f'), new PdfString('Hel\x6c\x60'), new PdfString('\n')]);
  });

  test('names with #-escapes, references, arrays and dictionaries', () => {
    const [dict] = read('<< /Font#20Name 12 0 R /Kids [1 0 R 2 0 R] /N 3 /Flag true /None null >>');
    expect(dict).toEqual(new Map<string, unknown>([
      ['Font Name', new PdfRef(12, 0)],
      ['Kids', [new PdfRef(1, 0), new PdfRef(2, 0)]],
      ['N', 3],
      ['Flag', true],
      ['None', null],
    ]));
    expect(read('/Helvetica-Bold')).toEqual([new PdfName('Helvetica-Bold')]);
  });

  test('arrays nested beyond any document are refused rather than followed down the stack', () => {
    expect(() => read('['.repeat(100_000))).toThrow('nesting too deep');
  });
});

describe('fonts', () => {
  test('a ToUnicode map: single codes, ranges (the last byte carried), arrays, surrogate pairs', () => {
    const cmap = [
      '1 begincodespacerange <0000> <FFFF> endcodespacerange',
      '2 beginbfchar <0003> <0020> <0010> <D835DC00> endbfchar',
      '2 beginbfrange <0020> <0022> <0041> <00FE> <0101> <00FE> endbfrange',
      '1 beginbfrange <0030> <0031> [<0066 0069> <00E9>] endbfrange',
    ].join('\n');
    const map = readToUnicode(Buffer.from(cmap, 'latin1'), () => {});
    expect(map.get(0x03)).toBe(' ');
    expect(map.get(0x10)).toBe('\u{1d400}');
    expect([map.get(0x20), map.get(0x21), map.get(0x22)]).toEqual(['A', 'B', 'C']);
    expect([map.get(0xfe), map.get(0xff), map.get(0x100), map.get(0x101)]).toEqual(['\u00fe', '\u00ff', '\u0100', '\u0101']);
    expect([map.get(0x30), map.get(0x31)]).toEqual(['fi', 'é']);
  });

  test('WinAnsiEncoding: Windows-1252, with its second space and hyphen and the bullets in its gaps', () => {
    expect(WIN_ANSI_CHARACTERS[0x41]).toBe('A');
    expect(WIN_ANSI_CHARACTERS[0x80]).toBe('€');
    expect(WIN_ANSI_CHARACTERS[0x93]).toBe('“');
    expect(WIN_ANSI_CHARACTERS[0xe9]).toBe('é');
    expect(WIN_ANSI_CHARACTERS[0xa0]).toBe(' ');
    expect(WIN_ANSI_CHARACTERS[0xad]).toBe('-');
    expect(WIN_ANSI_CHARACTERS[0x81]).toBe('\u2022');
    expect(WIN_ANSI_CHARACTERS[0x0a]).toBeUndefined();
  });

  test("the standard fonts' widths are Adobe's", () => {
    expect(STANDARD_FONT_WIDTHS['Helvetica']![0x20]).toBe(278);
    expect(STANDARD_FONT_WIDTHS['Helvetica']![0x41]).toBe(667);
    expect(STANDARD_FONT_WIDTHS['Times-Roman']![0x6d]).toBe(778);
    expect(STANDARD_FONT_WIDTHS['Courier-Bold']![0xe9]).toBe(600);
    expect(STANDARD_FONT_WIDTHS['Helvetica-Bold']![0x80]).toBe(556);
  });
});
