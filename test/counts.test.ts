import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliResult } from './helpers/run-cli';
import { makeTempDir } from './helpers/temp-dir';

/**
 * Counts a group can report to the organisation: a letter is one sender writing to one official
 * about one case on one day, however many files it became and however often a batch is printed
 * again; a mark as sent must name a letter that was made.
 */
describe('report totals equal the distinct letters written', () => {
  const temp = makeTempDir({ 'members.csv': 'name\nAnna Schmidt\nBo Li\nZoë Brontë\n' });
  const cli = (args: string[]) => runCli(args, { cwd: temp.dir });
  const ok = (result: CliResult) => expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: expect.any(String) as string });
  const report = async () => JSON.parse((await cli(['report', '--json'])).stdout) as { letters: { made: number; sent: number }; channels: { channel: string; made: number; sent: number }[] };
  const logLines = () => readFileSync(join(temp.dir, '.data', 'appeal', 'actions.jsonl'), 'utf8').trimEnd().split('\n').length;
  afterAll(() => temp.cleanup());

  test('write --format all: each letter counted once, not once per format', async () => {
    // miftakhov's official takes post and email: text, email draft and PDF; UA 150.19's two take post.
    ok(await cli(['write', 'miftakhov', '--name', 'Jane Doe', '--email', 'jane@example.org', '--format', 'all', '--out', 'mine']));
    ok(await cli(['write', '150.19', '--target', 'all', '--name', 'Jane Doe', '--format', 'all', '--out', 'mine']));
    expect((await report()).letters).toEqual({ made: 3, sent: 0 });
  });

  test('a batch printed three times with other options counts its letters once', async () => {
    ok(await cli(['batch', '150.19', '--signers', 'members.csv', '--out', 'one.pdf', '--envelopes']));
    ok(await cli(['batch', '150.19', '--signers', 'members.csv', '--out', 'two.pdf', '--labels']));
    ok(await cli(['batch', '150.19', '--signers', 'members.csv', '--out', 'three.pdf', '--paper', 'letter']));
    // 3 members × 2 officials, on top of Jane's 3 letters.
    expect((await report()).letters).toEqual({ made: 3 + 6, sent: 0 });
    const lines = logLines();
    const preview = await cli(['batch', '150.19', '--blank', '2', '--out', 'preview.pdf', '--preview']);
    ok(preview);
    expect(preview.stdout).toContain('Not recorded in the action log (--preview)');
    expect(logLines()).toBe(lines);
  });

  test('a misspelt name in sent is refused with "did you mean", and nothing is counted', async () => {
    const lines = logLines();
    const typo = await cli(['sent', '150.19', '--target', 'all', '--name', 'Anna Shmidt']);
    expect(typo.code).toBe(64);
    expect(typo.stderr).toContain('is signed "Anna Shmidt"; nothing was marked.');
    expect(typo.stderr).toContain('Anna Shmidt: did you mean "Anna Schmidt"?');
    expect(logLines()).toBe(lines);
    expect((await report()).letters).toEqual({ made: 9, sent: 0 });
  });

  test('--name given twice marks both members’ letters; --undo takes one back, and the log keeps both', async () => {
    ok(await cli(['sent', '150.19', '--target', 'all', '--name', 'Anna Schmidt', '--name', 'bo li']));
    expect((await report()).letters).toEqual({ made: 9, sent: 4 });
    const undo = await cli(['sent', '150.19', '--target', 'ambassador', '--name', 'Bo Li', '--undo']);
    ok(undo);
    expect(undo.stdout).toContain('Taken back: UA 150.19 to Ambassador Anatoly Antonov (Bo Li)');
    const totals = await report();
    expect(totals.letters).toEqual({ made: 9, sent: 3 });
    const records = readFileSync(join(temp.dir, '.data', 'appeal', 'actions.jsonl'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as { kind: string });
    expect(records.filter((record) => record.kind === 'sent')).toHaveLength(4);
    expect(records.filter((record) => record.kind === 'unsent')).toHaveLength(1);
  });
});
