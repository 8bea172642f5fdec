import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, REPO_ROOT } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';
import { git, HAS_GIT, publish } from '../helpers/git';

const seed = (number: string) => {
  const names: Record<string, string> = { '000': '000_92003a08cab18073.txt', '001': '001_d5d58a8fc3b5a759.txt', '003': '003_23e64fdb1022bc95.txt' };
  return join(REPO_ROOT, 'test', 'fixtures', 'seeds', names[number]!);
};

if (!HAS_GIT) {
  // eslint-disable-next-line no-console
  console.warn('Skipping the case-library tests: git is not installed (apt-get install git).');
}
const describeWithGit = HAS_GIT ? describe : describe.skip;

/**
 * A coordinator and a member, each with their own home, data folder and working folder, sharing a
 * library through a bare repository in a temporary folder: real git, no network.
 */
describeWithGit('a case library shared over git, from the coordinator to a member', () => {
  const temp = makeTempDir();
  const coordinator = join(temp.dir, 'coordinator');
  const member = join(temp.dir, 'member');
  const remote = join(temp.dir, 'uk-cases.git');
  const library = join(coordinator, 'uk-cases');
  const memberGitDir = join(member, '.data', 'appeal', 'libraries', 'uk', 'git');
  const asCoordinator = (args: string[]) => runCli(args, { cwd: coordinator });
  const asMember = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { cwd: member, env });
  const commits: Record<string, string> = {};

  beforeAll(() => {
    mkdirSync(coordinator, { recursive: true });
    mkdirSync(member, { recursive: true });
    git(temp.dir, ['init', '-q', '--bare', '--initial-branch=main', remote]);
  });
  afterAll(() => temp.cleanup());

  test('the coordinator makes a library: a git repository with a README for members, the schema and a CI check', async () => {
    const result = await asCoordinator(['cases', 'init', 'uk-cases']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Made a case library in uk-cases (a git repository, branch main):');
    expect(git(library, ['rev-parse', '--is-inside-work-tree'])).toBe('true');
    expect(readFileSync(join(library, 'README.md'), 'utf8')).toContain('appeal cases add <the address of this repository>');
    expect(JSON.parse(readFileSync(join(library, 'schema', 'case.schema.json'), 'utf8')).title).toBe('appeal case file');
    expect(readFileSync(join(library, '.github', 'workflows', 'check-cases.yml'), 'utf8')).toContain('appeal validate --cases .');
    const again = await asCoordinator(['cases', 'init', 'uk-cases']);
    expect(again.code).toBe(73);
    expect(again.stderr).toContain('already exists and is not an empty folder; nothing was written');
  });

  test('imports an Urgent Action into it (with the schema link), checks it, commits and pushes', async () => {
    const imported = await asCoordinator(['import', seed('001'), '--cases', 'uk-cases', '--no-builtin']);
    expect(imported.code).toBe(0);
    expect(readFileSync(join(library, 'ua-126-19.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=schema/case.schema.json');
    const checked = await runCli(['validate', '--cases', '.'], { cwd: library });
    expect(checked.stdout).toBe('All 1 case and their templates are valid.\n');
    git(library, ['remote', 'add', 'origin', remote]);
    commits.first = publish(library, 'UA 126.19');
  });

  test('a member follows the library and writes a letter from its case', async () => {
    const added = await asMember(['cases', 'add', remote, '--name', 'uk']);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`Following "uk" from ${remote}: 1 case (commit ${commits.first!.slice(0, 7)}).`);
    expect(added.stdout).toContain('new: UA 126.19 Emir-Usein Kuku, Muslim Aliev');

    const show = await asMember(['show', '126.19']);
    expect(show.stdout).toContain('Source: the followed library "uk"; it replaces the case of the same id in the cases that come with appeal');
    // The library's copy is the first issue: not closed, though a 2019 UA with no deadline is "probably over".
    expect(show.stdout).toMatch(/Status: (open|probably over)/);
    expect(show.stdout).not.toContain('Status: closed');

    // The case that comes with appeal is closed; the library's open one is what the member writes from.
    const letter = await asMember(['write', '126.19', '--target', '1', '--name', 'Jane Member', '--stdout']);
    expect(letter.code).toBe(0);
    expect(letter.stdout).toMatch(/\n22 November 2026\n\nDear Chief Military Prosecutor,\n\nI am writing to you concerning the case of human rights defender Emir-Usein Kuku/);
    expect(letter.stdout).toMatch(/Yours sincerely,\n\nJane Member\n$/);

    const listed = await asMember(['cases']);
    expect(listed.stdout).toContain(`uk  ${remote}\n  1 case · last updated 2026-11-22 (today) · commit ${commits.first!.slice(0, 7)}`);
  });

  test('the coordinator closes the case and pushes; the member updates and is told it is closed', async () => {
    const closed = await asCoordinator(['import', seed('003'), '--cases', 'uk-cases', '--no-builtin', '--yes']);
    expect(closed.stdout).toContain('status: open → closed');
    commits.closed = publish(library, 'UA 126.19 is closed');

    const update = await asMember(['cases', 'update']);
    expect(update.code).toBe(0);
    expect(update.stdout).toBe(`uk: updated to commit ${commits.closed!.slice(0, 7)} (was ${commits.first!.slice(0, 7)}):\n  closed: UA 126.19\n`);
    expect((await asMember(['show', '126.19'])).stdout).toContain('Status: closed');
    const refused = await asMember(['write', '126.19', '--target', '1', '--name', 'Jane Member', '--stdout']);
    expect(refused.code).toBe(1);

    const again = await asMember(['cases', 'update', 'uk']);
    expect(again.stdout).toBe(`uk: up to date (commit ${commits.closed!.slice(0, 7)}).\n`);
  });

  test('a broken case file in a new version is reported, and the version the member had stays in use', async () => {
    const file = join(library, 'ua-126-19.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Conviction of Crimeans Must be Quashed', 'title: A new title').replace('status: closed', 'status: finished'));
    await asCoordinator(['import', seed('000'), '--cases', 'uk-cases', '--no-builtin']);
    commits.broken = publish(library, 'UA 150.19, and a typo in UA 126.19');

    const update = await asMember(['cases', 'update']);
    expect(update.code).toBe(0);
    expect(update.stdout).toBe(`uk: updated to commit ${commits.broken!.slice(0, 7)} (was ${commits.closed!.slice(0, 7)}):\n  new: UA 150.19 Server Mustafayev: Human Rights Defender Imprisoned and Ill-Treated\n`);
    expect(update.stderr).toContain('warning: uk: the new version of ua-126-19.yaml has problems, so the version you had stays in use:');
    expect(update.stderr).toMatch(/ua-126-19\.yaml:\d+:\d+: status: must be "open" or "closed"/);

    const show = await asMember(['show', '126.19']);
    expect(show.stdout).toContain('UA 126.19: Conviction of Crimeans Must be Quashed');
    expect(show.stdout).toContain('Status: closed');
    expect((await asMember(['show', '150.19'])).stdout).toContain('Source: the followed library "uk"');
    const listed = await asMember(['cases']);
    expect(listed.stdout).toContain('2 cases');
    expect(listed.stdout).toContain('problem: ua-126-19.yaml has problems in the latest version; the version before is in use:');

    // Fixed upstream: the fixed version replaces the held one.
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: finished', 'status: closed'));
    commits.fixed = publish(library, 'Fix the typo');
    const fixed = await asMember(['cases', 'update']);
    expect(fixed.stderr).toBe('');
    expect(fixed.stdout).toContain('changed: the title in UA 126.19');
  });

  test('a rewritten upstream history is reported, the member\'s copy is kept, and nothing is lost', async () => {
    git(library, ['reset', '-q', '--hard', commits.first!]);
    writeFileSync(join(library, 'ua-126-19.yaml'), readFileSync(join(library, 'ua-126-19.yaml'), 'utf8').replace('title: Conviction of Crimeans Must be Quashed', 'title: Rewritten'));
    commits.rewritten = publish(library, 'A different history', true);

    const update = await asMember(['cases', 'update']);
    expect(update.code).toBe(0);
    expect(update.stderr).toContain(`warning: the history of "uk" was rewritten upstream: its latest commit ${commits.rewritten!.slice(0, 7)} does not follow ${commits.fixed!.slice(0, 7)}, the one you have.`);
    expect(update.stderr).toContain(`appeal cases remove uk && appeal cases add ${remote}`);
    expect((await asMember(['show', '126.19'])).stdout).toContain('UA 126.19: A new title');
    // Both histories are in the member's repository.
    for (const commit of [commits.first, commits.closed, commits.broken, commits.fixed, commits.rewritten]) {
      expect(git(member, ['--git-dir', memberGitDir, 'cat-file', '-t', commit!])).toBe('commit');
    }
    expect((await asMember(['cases'])).stdout).toContain(`problem: its history was rewritten upstream (${commits.rewritten!.slice(0, 7)} does not follow ${commits.fixed!.slice(0, 7)})`);
  });

  test('an unreachable library keeps the last copy working, with one warning', async () => {
    renameSync(remote, `${remote}.gone`);
    const update = await asMember(['cases', 'update']);
    expect(update.code).toBe(0);
    expect(update.stdout).toBe('');
    expect(update.stderr.trim().split('\n')).toHaveLength(1);
    expect(update.stderr).toMatch(new RegExp(`^warning: could not reach "uk" \\(${remote.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\): .+\\. The copy updated 2026-11-22 \\(today\\) stays in use\\.\n$`));
    const letter = await asMember(['write', '150.19', '--target', 'ambassador', '--name', 'Jane Member', '--stdout']);
    expect(letter.code).toBe(0);
    expect(letter.stdout).toContain('Dear Ambassador,');
    renameSync(`${remote}.gone`, remote);
  });

  test('list says when a followed library was last updated over a week ago, by appeal\'s clock', async () => {
    const fresh = await asMember(['list'], { APPEAL_NOW: '2026-11-29T12:00:00' });
    expect(fresh.stderr).not.toContain('last updated');
    const stale = await asMember(['list'], { APPEAL_NOW: '2026-12-02T12:00:00' });
    expect(stale.stderr).toContain('note: the case library "uk" was last updated 10 days ago (2026-11-22); get its latest cases with: appeal cases update');
    expect((await asMember(['cases'], { APPEAL_NOW: '2026-12-02T12:00:00' })).stdout).toContain('last updated 2026-11-22 (10 days ago) · commit');
  });

  test('a case in the member\'s own folder wins over the library, and the clash names both', async () => {
    mkdirSync(join(member, 'mine'));
    const own = readFileSync(join(library, 'ua-126-19.yaml'), 'utf8').replace(/^title: .*$/m, 'title: My own copy');
    writeFileSync(join(member, 'mine', 'ua-126-19.yaml'), own);
    writeFileSync(join(member, 'mine', 'ua-126-19.hbs'), readFileSync(join(library, 'ua-126-19.hbs')));
    const show = await asMember(['show', '126.19', '--cases', 'mine']);
    expect(show.stdout).toContain('UA 126.19: My own copy');
    expect(show.stdout).toContain('Source: your case folder');
    expect(show.stdout).toContain('it replaces the case of the same id in the followed library "uk" and the cases that come with appeal');
    const all = await asMember(['validate'], { APPEAL_CASES: 'mine' });
    expect(all.code).toBe(0);
    expect(all.stderr).toMatch(/libraries\/uk\/cases\/ua-126-19\.yaml: warning: id: "ua-126-19" is also the id of mine\/ua-126-19\.yaml \(your case folder\), which is used instead/);
  });

  test('removing the library takes its cases away; the embedded case is back', async () => {
    const removed = await asMember(['cases', 'remove', 'uk']);
    expect(removed.stdout).toBe(`Stopped following "uk" (${remote}); its 2 cases left your library.\n`);
    expect(existsSync(join(member, '.data', 'appeal', 'libraries', 'uk'))).toBe(false);
    expect((await asMember(['show', '126.19'])).stdout).toContain('Source: the cases that come with appeal');
    const again = await asMember(['cases', 'remove', 'uk']);
    expect(again.code).toBe(64);
    expect((await asMember(['cases'])).stdout).toContain('You follow no case library.');
  });
});
