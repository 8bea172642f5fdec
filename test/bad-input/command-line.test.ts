/**
 * Issue "Hardening", items 8–9 and 17–20 for the commands that exist: names as written, unsafe
 * characters refused, no waiting without a terminal, no colour, usage errors with suggestions.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/temp-dir';
import { BIN, runCli, TEST_NOW } from '../helpers/run-cli';

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => temp.cleanup());

describe('8. names as written', () => {
  test("O'Brien & Søn <x> appears as written in a text letter (no HTML escaping)", async () => {
    const result = await runCli(['write', '150.19', '-t', '1', '--name', "O'Brien & Søn <x>", '--stdout'], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().endsWith("O'Brien & Søn <x>")).toBe(true);
    expect(result.stdout).not.toContain('&amp;');
    expect(result.stdout).not.toContain('&#x27;');
  });
});

describe('9. control characters, line breaks and bidi overrides', () => {
  test.each([
    ['--name', 'Eve\r\nBcc: x@example.org', 'a carriage return'],
    ['--name', 'Eve\u0007', 'a control character'],
    ['--name', 'Eve\u202egnp.exe', 'a bidi override'],
    ['--address', '12 Harbour Lane\nBristol', 'a line break'],
    ['--country', 'United\tKingdom', 'a tab'],
  ])('%s with %j is refused, naming the flag', async (flag, value, described) => {
    const result = await runCli(['write', '150.19', '-t', '1', '--name', 'Jane', flag, value, '--stdout'], { cwd: temp.dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain(`${flag} contains ${described}`);
    expect(result.stdout).toBe('');
  });
});

describe('17. no terminal: never waits', () => {
  test('with standard input an open pipe that sends nothing, it stops at once naming the flag', async () => {
    const child = spawn(process.execPath, [BIN, 'write', '150.19'], {
      cwd: temp.dir,
      env: { PATH: process.env.PATH, HOME: temp.dir, APPEAL_NOW: TEST_NOW, APPEAL_CONFIG: join(temp.dir, 'cfg') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 5000);
      child.on('close', (status) => {
        clearTimeout(timer);
        resolve(status);
      });
    });
    child.stdin.end();
    expect(code).toBe(64);
    expect(stderr).toContain('Give --name');
  });
});

describe('19. no colour codes', () => {
  test.each([[['list']], [['show', '150.19']], [['write', 'nope']], [['--help']]])('appeal %j prints no escape codes to a pipe', async (args) => {
    const result = await runCli(args, { cwd: temp.dir, env: { NO_COLOR: '1', FORCE_COLOR: undefined } });
    expect(result.stdout + result.stderr).not.toMatch(/\x1b\[/);
  });
});

describe('20. unknown flags and commands', () => {
  test('an unknown command is a usage error with the nearest spelling', async () => {
    const result = await runCli(['lst'], { cwd: temp.dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain("unknown command 'lst'");
    expect(result.stderr).toContain('(Did you mean list?)');
  });

  test('an unknown flag is a usage error with the nearest spelling', async () => {
    const result = await runCli(['write', '150.19', '--nmae', 'Jane'], { cwd: temp.dir });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain("unknown option '--nmae'");
    expect(result.stderr).toContain('(Did you mean --name?)');
  });

  test('--debug shows where an error happened; without it there is no stack trace', async () => {
    const plain = await runCli(['show', 'nothing-like-this'], { cwd: temp.dir });
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await runCli(['show', 'nothing-like-this', '--debug'], { cwd: temp.dir });
    expect(debug.code).toBe(64);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
