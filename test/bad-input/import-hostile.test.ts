import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync, deflateSync } from 'node:zlib';
import { makeTempDir } from '../helpers/temp-dir';
import { BIN, REPO_ROOT, TEST_NOW, runCli } from '../helpers/run-cli';

// Issue 14, item 9: a hostile document cannot tie import up. The principle: read at most 20 MB
// from any source (file, pipe, device), and read the text with patterns that stay linear.
describe('import of hostile documents', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  test('"import - < /dev/zero" stops at the 20 MB limit with a clear error, and writes nothing', () => {
    const zero = openSync('/dev/zero', 'r');
    const result = spawnSync(process.execPath, [BIN, 'import', '-', '--cases', 'big', '--no-builtin'], {
      cwd: temp.dir,
      env: { PATH: process.env.PATH, HOME: temp.dir, APPEAL_NOW: TEST_NOW, APPEAL_CONFIG: join(temp.dir, '.config'), APPEAL_DATA: join(temp.dir, '.data'), TZ: 'UTC' },
      stdio: [zero, 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 60_000,
    });
    closeSync(zero);
    expect(result.status).toBe(65);
    expect(result.stderr).toContain('standard input is over 20 MB; an Urgent Action is a few pages. Nothing was written.');
    expect(existsSync(join(temp.dir, 'big'))).toBe(false);
  });

  test('a device is refused rather than read without end', async () => {
    const result = await runCli(['import', '/dev/zero', '--cases', 'dev', '--no-builtin'], { cwd: temp.dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('/dev/zero is not a regular file (a device or a pipe)');
    expect(existsSync(join(temp.dir, 'dev'))).toBe(false);
  });

  test('a 400 KB unbroken token (the e-mail pattern used to backtrack on it) is read and refused', async () => {
    writeFileSync(join(temp.dir, 'token.txt'), `Urgent Action\n${'a.'.repeat(200 * 1024)}@\n`);
    const result = await runCli(['import', 'token.txt', '--cases', 'token', '--no-builtin'], { cwd: temp.dir });
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('No Urgent Action found in token.txt');
    expect(existsSync(join(temp.dir, 'token'))).toBe(false);
    expect(readdirSync(temp.dir).filter((name) => name.startsWith('.appeal-tmp'))).toEqual([]);
  });

  test('SIGTERM while import waits on its input ends it at once, with nothing on disk', async () => {
    const child = spawn(process.execPath, [BIN, 'import', '-', '--cases', 'term', '--no-builtin'], {
      cwd: temp.dir,
      env: { PATH: process.env.PATH, HOME: temp.dir, APPEAL_NOW: TEST_NOW, APPEAL_CONFIG: join(temp.dir, '.config'), APPEAL_DATA: join(temp.dir, '.data'), TZ: 'UTC' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.write('Urgent Action\n');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill('SIGTERM');
    const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    // 143 from appeal's own handler; a start-up slower than the wait ends by the signal itself.
    expect(ended.code === 143 || ended.signal === 'SIGTERM').toBe(true);
    expect(existsSync(join(temp.dir, 'term'))).toBe(false);
  });
});

const MB = 1024 * 1024;

/**
 * A zlib stream of `megabytes` MB of zeros, about a thousandth of that in size: one megabyte of
 * zeros compressed and flushed to a byte boundary, repeated, then a final empty block and the
 * checksum. Made in milliseconds, where compressing gigabytes would take minutes.
 */
function zerosStream(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(MB), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((((megabytes * MB) % 65521) << 16) | 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0x9c]), ...Array<Buffer>(megabytes).fill(block), Buffer.from([0x03, 0x00]), adler]);
}

/** The same stream with its checksum wrong: zlib inflates all of it, then fails. */
const damagedAtEnd = (stream: Buffer): Buffer => Buffer.concat([stream.subarray(0, -1), Buffer.from([stream.at(-1)! ^ 0xff])]);

type PdfObject = string | { dict: string; data: Buffer };

/** A PDF whose pages draw `contents` (content streams), with `extra` objects after them, and a true cross-reference table. */
function pdfFile(contents: PdfObject[], extra: PdfObject[] = []): Buffer {
  const first = 3 + contents.length;
  const objects: PdfObject[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${contents.map((_, i) => `${3 + i} 0 R`).join(' ')}] /Count ${contents.length} >>`,
    ...contents.map((_, i) => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${first + i} 0 R /Resources << >> >>`),
    ...contents,
    ...extra,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let size = parts[0]!.length;
  objects.forEach((object, index) => {
    offsets.push(size);
    const body = typeof object === 'string' ? [Buffer.from(`${index + 1} 0 obj\n${object}\nendobj\n`)] : [Buffer.from(`${index + 1} 0 obj\n${object.dict}\nstream\n`), object.data, Buffer.from('\nendstream\nendobj\n')];
    for (const part of body) {
      parts.push(part);
      size += part.length;
    }
  });
  const xref = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const flate = (data: Buffer, dict = ''): PdfObject => ({ dict: `<< /Length ${data.length} /Filter /FlateDecode${dict} >>`, data });

/** Each PDF bomb is 4 to 8 MB and inflates to gigabytes, in one of the shapes such files take. */
const BOMBS: [string, () => Buffer, string][] = [
  ['one stream of 4 GB', () => pdfFile([flate(zerosStream(4096))]), 'inflates to more than 100 MB'],
  ['64 streams of 64 MB each', () => pdfFile(Array.from({ length: 64 }, () => flate(zerosStream(64)))), 'inflates to more than 100 MB'],
  ['a stream without /Length', () => pdfFile([{ dict: '<< /Filter /FlateDecode >>', data: zerosStream(4096) }]), 'inflates to more than 100 MB'],
  ['a stream compressed twice, [/FlateDecode /FlateDecode]', () => pdfFile([{ dict: '<< /Filter [/FlateDecode /FlateDecode] >>', data: deflateSync(zerosStream(4096)) }]), 'inflates to more than 100 MB'],
  // zlib fails each one only at its last byte, after 90 MB: counted for what they give, not as nothing.
  ['64 streams of 90 MB each, damaged at their end', () => pdfFile(Array.from({ length: 64 }, () => flate(damagedAtEnd(zerosStream(90))))), 'inflates to more than 100 MB'],
  // zlib's stream form may leave the last 16 KB unreported: each counts for that much at least.
  ['8,000 streams of 16 KB each, damaged at their end', () => {
    const damaged = () => flate(damagedAtEnd(deflateSync(Buffer.alloc(16_000))));
    return pdfFile([damaged()], Array.from({ length: 8000 }, damaged));
  }, 'inflates to more than 100 MB'],
  ['a stream compressed twice, its outer layer damaged', () => pdfFile([{ dict: '<< /Filter [/FlateDecode /FlateDecode] >>', data: damagedAtEnd(deflateSync(zerosStream(300))) }]), 'inflates to more than 100 MB'],
  // Not a bomb of memory but of work: the plain reader stops counting at its bound on drawing.
  ['a page of 24 million drawing instructions', () => pdfFile([flate(deflateSync('q Q '.repeat(12_000_000)))]), 'draws its pages with more than 20 million instructions'],
  ['an object stream no page draws', () => pdfFile([flate(deflateSync('BT ET'))], [flate(zerosStream(4096), ' /Type /ObjStm /N 1 /First 4')]), 'inflates to more than 100 MB'],
  // Hex-encoded, the compressed data does not show as such in the file: pdf.js decodes it, and the
  // memory watch on the thread that reads it stops it.
  ['a stream hex-encoded, [/ASCIIHexDecode /FlateDecode]', () => {
    const data = Buffer.from(`${zerosStream(3072).toString('hex')}>`);
    return pdfFile([{ dict: `<< /Length ${data.length} /Filter [/ASCIIHexDecode /FlateDecode] >>`, data }]);
  }, 'needs more than 512 MB of memory to read'],
];

const linuxOnly = process.platform === 'linux' ? describe : describe.skip;

// Issue 14, item 9: "a 4 MB PDF that inflates to 4 GB passes 9 GB of memory". The principle: a
// PDF's compressed streams are inflated with one shared budget before any reader sees the file;
// the plain reader counts what it draws, and pdf.js reads on a thread that is stopped when the
// process grows past a bound, whatever it was decoding. Peak memory is read from /proc (VmHWM) by a preload, hence Linux only.
linuxOnly('import of PDF bombs', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  test.each(BOMBS)('%s is refused in bounded memory, and nothing is written', (label, build, why) => {
    const file = join(temp.dir, 'bomb.pdf');
    writeFileSync(file, build());
    const peakFile = join(temp.dir, 'peak');
    rmSync(peakFile, { force: true });
    const result = spawnSync(process.execPath, ['-r', join(__dirname, '..', 'helpers', 'peak-memory.cjs'), BIN, 'import', 'bomb.pdf', '--cases', 'cases', '--no-builtin'], {
      cwd: temp.dir,
      env: { PATH: process.env.PATH, HOME: temp.dir, APPEAL_NOW: TEST_NOW, APPEAL_CONFIG: join(temp.dir, '.config'), APPEAL_DATA: join(temp.dir, '.data'), TZ: 'UTC', APPEAL_TEST_PEAK_FILE: peakFile },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.stderr).toContain(`appeal: bomb.pdf is a PDF that ${why}; an Urgent Action is a few pages. Nothing was written.`);
    expect(result.status).toBe(65);
    expect(existsSync(join(temp.dir, 'cases'))).toBe(false);
    expect(readdirSync(temp.dir).filter((name) => name.startsWith('.appeal-tmp'))).toEqual([]);
    // The bombs inflate to 3 to 4 GB; reading one stays well under a gigabyte.
    const peakMb = Number(readFileSync(peakFile, 'utf8')) / 1024;
    expect(peakMb).toBeGreaterThan(10);
    expect(peakMb).toBeLessThan(1024);
  }, 180_000);

  test('a small PDF in the same shape, inflating to little, is read as before', () => {
    const text = 'Minutes of the meeting';
    writeFileSync(join(temp.dir, 'small.pdf'), pdfFile([flate(deflateSync(`BT /F1 12 Tf 72 720 Td (${text}) Tj ET`))], ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']));
    const result = spawnSync(process.execPath, [BIN, 'import', 'small.pdf', '--stdout', '--no-builtin', '--cases', 'none'], {
      cwd: temp.dir,
      env: { PATH: process.env.PATH, HOME: temp.dir, APPEAL_NOW: TEST_NOW, APPEAL_CONFIG: join(temp.dir, '.config'), APPEAL_DATA: join(temp.dir, '.data'), TZ: 'UTC' },
      encoding: 'utf8',
    });
    // Its text is read (a PDF without text says so), and it is no Urgent Action.
    expect(result.stderr).toContain('No Urgent Action found in small.pdf');
    expect(result.status).toBe(65);
  });
});

// The importer loads while pdf.js's thread reads a PDF the plain reader leaves to it: when it
// cannot load (a damaged installation), that is reported as any other failure, not as a crash.
describe('a copy of the installation whose importer does not load', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  test('a PDF read by pdf.js meanwhile ends in an error message, status 70, and nothing written', async () => {
    const install = join(temp.dir, 'install');
    for (const part of ['bin', 'dist', 'cases', 'templates', 'package.json']) cpSync(join(REPO_ROOT, part), join(install, part), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(install, 'node_modules'));
    const chunk = readdirSync(join(install, 'dist', 'cli')).find((name) => name.startsWith('importer-'))!;
    writeFileSync(join(install, 'dist', 'cli', chunk), "throw new Error('this installation is damaged');\n");
    // A wrong checksum: the plain reader leaves the page to pdf.js, which reads it.
    const content = damagedAtEnd(deflateSync('BT /F1 12 Tf 72 720 Td (Minutes of the meeting) Tj ET'));
    writeFileSync(join(temp.dir, 'minutes.pdf'), pdfFile([flate(content)], ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']));
    const result = await runCli(['import', 'minutes.pdf', '--cases', 'cases', '--no-builtin'], { cwd: temp.dir, bin: join(install, 'bin', 'appeal.js') });
    expect(result.stderr).toContain('appeal: unexpected error: this installation is damaged');
    expect(result.code).toBe(70);
    expect(existsSync(join(temp.dir, 'cases'))).toBe(false);
  });
});
