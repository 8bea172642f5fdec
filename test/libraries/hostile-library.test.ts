import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli';
import { dedent, makeTempDir } from '../helpers/temp-dir';
import { git, HAS_GIT } from '../helpers/git';

const describeWithGit = HAS_GIT ? describe : describe.skip;

const SECRET = 'TOP SECRET: the member\'s own private file';

function caseFile(id: string, template: string): string {
  return dedent(`
    id: ${id}
    title: Case ${id}
    status: open
    people:
      - name: Maria ${id}
    officials:
      - id: minister
        name: Minister Example
        address: [Ministry of Justice, 1 Main Street, Capital]
        salutation: Dear Minister
    letter:
      template: ${template}
  `);
}

/** Every symbolic link under a folder. */
function linksUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) found.push(path);
    else if (stat.isDirectory()) found.push(...linksUnder(path));
  }
  return found;
}

describeWithGit('a hostile case library cannot read a file or run a command on the member\'s machine', () => {
  const temp = makeTempDir();
  const member = join(temp.dir, 'member');
  const evil = join(temp.dir, 'evil');
  const markers = join(temp.dir, 'markers');
  const libraryGitDir = join(member, '.data', 'appeal', 'libraries', 'evil', 'git');
  const hook = `#!/bin/sh\ntouch "${markers}/$(basename "$0")"\n`;
  const asMember = (args: string[]) => runCli(args, { cwd: member });
  const outputs: string[] = [];
  // The test's own git commands in the hostile repository must not trip its traps either.
  const evilGit = (args: string[]) => git(evil, ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false', ...args]);

  beforeAll(() => {
    for (const dir of [member, evil, markers]) mkdirSync(dir, { recursive: true });
    writeFileSync(join(member, 'secret.hbs'), `${SECRET}\n`);
    writeFileSync(join(member, 'secret.yaml'), caseFile('secret-case', 'secret.hbs').replace('title: Case secret-case', `title: ${SECRET}`));
    evilGit(['init', '-q', '--initial-branch=main']);
    // From the library's checked copy (<data>/libraries/evil/cases), five levels up is the member's home.
    writeFileSync(join(evil, 'outside.yaml'), caseFile('outside', '../../../../../secret.hbs'));
    writeFileSync(join(evil, 'absolute.yaml'), caseFile('absolute', join(member, 'secret.hbs')));
    writeFileSync(join(evil, 'linked.yaml'), caseFile('linked', 'linked.hbs'));
    symlinkSync(join(member, 'secret.hbs'), join(evil, 'linked.hbs'));
    symlinkSync(join(member, 'secret.yaml'), join(evil, 'stolen.yaml'));
    writeFileSync(join(evil, 'good.yaml'), caseFile('good', 'good.hbs'));
    writeFileSync(join(evil, 'good.hbs'), 'I write about {{case.people_names}}.\n');
    // Hooks as files of the library, a filter and a submodule that would run commands if honoured.
    for (const path of ['hooks/post-checkout', 'hooks/post-merge', '.githooks/post-merge']) {
      mkdirSync(join(evil, path, '..'), { recursive: true });
      writeFileSync(join(evil, path), hook);
      chmodSync(join(evil, path), 0o755);
    }
    writeFileSync(join(evil, '.gitattributes'), '* filter=evil\n');
    writeFileSync(join(evil, '.gitmodules'), `[submodule "x"]\n\tpath = x\n\turl = ext::sh -c touch% ${markers}/submodule\n`);
    // The library's own repository (followed by its path) with hooks and settings that run programs.
    for (const name of ['pre-upload-pack', 'post-upload-pack', 'reference-transaction', 'post-checkout', 'pre-receive', 'update']) {
      writeFileSync(join(evil, '.git', 'hooks', name), hook);
      chmodSync(join(evil, '.git', 'hooks', name), 0o755);
    }
    evilGit(['config', 'core.fsmonitor', `touch ${markers}/fsmonitor`]);
    evilGit(['config', 'uploadpack.packObjectsHook', `touch ${markers}/pack-objects-hook`]);
    evilGit(['config', 'filter.evil.smudge', `touch ${markers}/smudge`]);
    evilGit(['add', '-A']);
    evilGit(['commit', '-q', '--no-verify', '-m', 'A library with traps']);
  });
  afterAll(() => temp.cleanup());

  test('templates that point outside the library, and linked files, are refused with the reason', async () => {
    const added = await asMember(['cases', 'add', evil]);
    outputs.push(added.stdout, added.stderr);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Following "evil"');
    expect(added.stdout).toContain('new: good Maria good: Case good');
    expect(added.stderr).toContain('warning: evil: outside.yaml has problems and is left out:\n  outside.yaml: letter.template: names "../../../../../secret.hbs", which is outside the library');
    expect(added.stderr).toContain(`absolute.yaml: letter.template: names "${join(member, 'secret.hbs')}", which is outside the library`);
    expect(added.stderr).toContain('linked.yaml: letter.template: names "linked.hbs", which is a symbolic link; a library may hold only plain files');
    expect(added.stderr).toContain('stolen.yaml: is a symbolic link; a library may hold only plain files');

    const list = await asMember(['list', '--all', '--json']);
    outputs.push(list.stdout, list.stderr);
    const ids = (JSON.parse(list.stdout) as { id: string }[]).map((entry) => entry.id);
    expect(ids).toContain('good');
    for (const id of ['outside', 'absolute', 'linked', 'secret-case']) expect(ids).not.toContain(id);

    for (const query of ['outside', 'linked', 'absolute']) {
      const letter = await asMember(['write', query, '--name', 'Jane Member', '--stdout']);
      outputs.push(letter.stdout, letter.stderr);
      expect(letter.code).toBe(64);
    }
    const good = await asMember(['write', 'good', '--name', 'Jane Member', '--stdout']);
    expect(good.stdout).toContain('Dear Minister,\n\nI write about Maria good.\n');
    expect(linksUnder(join(member, '.data'))).toEqual([]);
  });

  test('a tampered checked copy is refused too: its templates must stay inside it, links resolved', async () => {
    const copy = join(member, '.data', 'appeal', 'libraries', 'evil', 'cases');
    writeFileSync(join(copy, 'planted.yaml'), caseFile('planted', '../../../../../secret.hbs'));
    symlinkSync(join(member, 'secret.hbs'), join(copy, 'planted-link.hbs'));
    writeFileSync(join(copy, 'planted-link.yaml'), caseFile('planted-link', 'planted-link.hbs'));
    const list = await asMember(['list', '--all']);
    outputs.push(list.stdout, list.stderr);
    expect(list.stderr).toMatch(/planted\.yaml:\d+:\d+: letter\.template: names \.\.\/\.\.\/\.\.\/\.\.\/\.\.\/secret\.hbs, which is outside the case folder/);
    expect(list.stderr).toMatch(/planted-link\.yaml:\d+:\d+: letter\.template: names planted-link\.hbs, which is outside the case folder .* \(it leads to .*secret\.hbs\)/);
    expect(list.stdout).not.toContain('planted');
  });

  test('no hook, filter, file-system monitor or submodule of the library runs, not even one planted in appeal\'s own copy', async () => {
    for (const name of ['reference-transaction', 'post-checkout', 'post-merge', 'post-rewrite', 'fsmonitor-watchman']) {
      mkdirSync(join(libraryGitDir, 'hooks'), { recursive: true });
      writeFileSync(join(libraryGitDir, 'hooks', name), hook);
      chmodSync(join(libraryGitDir, 'hooks', name), 0o755);
    }
    writeFileSync(join(libraryGitDir, 'config'), `${readFileSync(join(libraryGitDir, 'config'), 'utf8')}[core]\n\tfsmonitor = touch ${markers}/planted-fsmonitor\n`);
    writeFileSync(join(evil, 'good.hbs'), 'I write again about {{case.people_names}}.\n');
    evilGit(['commit', '-q', '--no-verify', '-am', 'A new version, to make the member fetch']);

    const update = await asMember(['cases', 'update']);
    outputs.push(update.stdout, update.stderr);
    expect(update.stdout).toContain('changed: the model letter in good');
    expect(readdirSync(markers)).toEqual([]);
  });

  test('nothing the member ran printed the private file', () => {
    for (const output of outputs) expect(output).not.toContain(SECRET);
  });

  test('without git, following a library says what to install and changes nothing', async () => {
    const result = await runCli(['cases', 'add', evil, '--name', 'other'], { cwd: member, env: { PATH: join(temp.dir, 'no-programs-here') } });
    expect(result.code).toBe(69);
    expect(result.stderr).toContain('appeal: git is needed to follow a case library, and it could not be run (no "git" program on the PATH).');
    expect(result.stderr).toContain('Install git');
    expect(readdirSync(join(member, '.data', 'appeal', 'libraries'))).toEqual(['evil']);
  });
});
