import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPdfs, pageText } from '../helpers/read-pdf';
import { REPO_ROOT, TEST_NOW } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, [...args], { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 240_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * The package as a user gets it: `npm pack` of the built project, installed globally into a
 * prefix of its own, and the installed `appeal` run from a folder that has nothing to do with
 * the clone. This is what catches a file missing from `files` or a path that only works in the
 * repository.
 */
describe('the packed package, installed globally', () => {
  const temp = makeTempDir();
  const prefix = join(temp.dir, 'prefix');
  const work = join(temp.dir, 'somewhere-else');
  const env: NodeJS.ProcessEnv = {
    PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}`,
    HOME: temp.dir,
    npm_config_prefix: prefix,
    npm_config_cache: process.env.npm_config_cache ?? join(process.env.HOME ?? temp.dir, '.npm'),
    APPEAL_NOW: TEST_NOW,
    APPEAL_CONFIG: join(temp.dir, '.config', 'appeal'),
    APPEAL_DATA: join(temp.dir, '.data', 'appeal'),
    TZ: 'UTC',
    NO_COLOR: '1',
    // What npm needs to reach the registry from here: a network that inspects TLS gives its own
    // certificate authority (and maybe a proxy), as users' company networks do.
    ...Object.fromEntries(['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'].filter((name) => process.env[name] !== undefined).map((name) => [name, process.env[name]])),
  };
  let install: Run;

  beforeAll(async () => {
    // `npm test` has just built dist/; packing again without scripts keeps the other test
    // files, which run the same dist/ at the same time, from seeing it rebuilt under them.
    const pack = await run('npm', ['pack', '--ignore-scripts', '--pack-destination', temp.dir, '--json'], REPO_ROOT, { ...env, npm_config_prefix: undefined });
    expect(pack.code).toBe(0);
    const tarball = join(temp.dir, (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename);
    install = await run('npm', ['install', '--global', '--prefer-offline', '--no-audit', '--no-fund', tarball], temp.dir, env);
    mkdirSync(work);
  }, 300_000);

  afterAll(() => temp.cleanup());

  test('installs the `appeal` command without warnings', () => {
    expect(install.code).toBe(0);
    expect(install.stderr).not.toMatch(/warn/i);
    expect(existsSync(join(prefix, 'bin', 'appeal'))).toBe(true);
  });

  test('lists the embedded cases from another folder', async () => {
    const list = await run('appeal', ['list'], work, env);
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('UA 150.19  Server Mustafayev');
  });

  test('writes a PDF letter that pdf.js reads, with the salutation and the postal address', async () => {
    const write = await run('appeal', ['write', '150.19', '--target', 'ambassador', '--name', 'Ann Example', '--format', 'pdf'], work, env);
    expect(write.code).toBe(0);
    const pdf = readdirSync(work).find((name) => name.endsWith('.pdf'));
    expect(pdf).toBeDefined();
    const [reading] = await readPdfs([join(work, pdf!)]);
    const text = reading!.pages.map(pageText).join('\n');
    expect(text).toContain('Dear Ambassador');
    expect(text).toContain('2650 Wisconsin Ave. NW');
    expect(text).toContain('Ann Example');
  });

  test('prints a meeting batch of three signers', async () => {
    writeFileSync(join(work, 'members.csv'), 'name\nAnn Example\nBoris Beispiel\nCarla Ejemplo\n');
    const batch = await run('appeal', ['batch', '150.19', '--signers', 'members.csv', '--out', 'meeting.pdf'], work, env);
    expect(batch.code).toBe(0);
    expect(batch.stdout).toContain('Signers: 3 members');
    const [reading] = await readPdfs([join(work, 'meeting.pdf')]);
    expect(reading!.pages).toHaveLength(6);
    const signed = reading!.pages.map(pageText).join('\n');
    for (const name of ['Ann Example', 'Boris Beispiel', 'Carla Ejemplo']) expect(signed).toContain(name);
  });

  test('imports an Urgent Action document into a case folder that the next command reads', async () => {
    writeFileSync(join(work, 'honduras.txt'), readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'samples', 'hn-ua60-16-3.txt')));
    const imported = await run('appeal', ['import', 'honduras.txt', '--cases', 'our-cases', '--yes'], work, env);
    expect(imported.code).toBe(0);
    expect(readdirSync(join(work, 'our-cases')).some((name) => name.endsWith('.yaml'))).toBe(true);
    const show = await run('appeal', ['show', '60.16', '--cases', 'our-cases'], work, env);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('UA 60.16: Honduras: Armed attack against members of COPINH');
    expect(show.stdout).toContain('General de División Julián Pacheco');
  });
});
