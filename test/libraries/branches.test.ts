import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli';
import { dedent, makeTempDir } from '../helpers/temp-dir';
import { git, HAS_GIT, publish } from '../helpers/git';

const describeWithGit = HAS_GIT ? describe : describe.skip;

const CASE = dedent(`
  id: ua-9-26
  ua_number: "9.26"
  title: A case on a branch
  status: open
  people:
    - name: Maria Branch
`);

describeWithGit('which branch of a library is followed', () => {
  const temp = makeTempDir();
  const work = join(temp.dir, 'work');
  // "git init --bare" on a shared drive: its HEAD names "master", which nobody pushes.
  const remote = join(temp.dir, 'shared.git');
  const member = join(temp.dir, 'member');

  beforeAll(() => {
    mkdirSync(work);
    mkdirSync(member);
    git(temp.dir, ['init', '-q', '--bare', '--initial-branch=master', remote]);
    git(work, ['init', '-q', '--initial-branch=main']);
    git(work, ['remote', 'add', 'origin', remote]);
    writeFileSync(join(work, 'ua-9-26.yaml'), CASE);
    publish(work, 'One case');
  });
  afterAll(() => temp.cleanup());

  test('with one branch and a HEAD that names none, that branch is followed', async () => {
    const added = await runCli(['cases', 'add', remote], { cwd: member });
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('Following "shared" from');
    expect(added.stdout).toContain('new: UA 9.26 Maria Branch: A case on a branch');
  });

  test('with two branches and no default, --branch chooses; without it the message says so', async () => {
    writeFileSync(join(work, 'ua-9-26.yaml'), CASE.replace('A case on a branch', 'A draft'));
    git(work, ['add', '-A']);
    git(work, ['commit', '-q', '-m', 'Draft']);
    git(work, ['push', '-q', 'origin', 'HEAD:draft']);
    const refused = await runCli(['cases', 'add', remote, '--name', 'other'], { cwd: member });
    expect(refused.code).toBe(69);
    expect(refused.stderr).toContain('the library has no default branch and 2 branches; choose one with --branch. Nothing was added.');
    const draft = await runCli(['cases', 'add', remote, '--name', 'drafts', '--branch', 'draft'], { cwd: member });
    expect(draft.stdout).toContain('new: UA 9.26 Maria Branch: A draft');
    expect((await runCli(['cases'], { cwd: member })).stdout).toContain(`drafts  ${remote}  (branch draft)`);
    const bad = await runCli(['cases', 'add', remote, '--branch', 'a:b'], { cwd: member });
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--branch a:b: is not a branch name.');
  });
});
