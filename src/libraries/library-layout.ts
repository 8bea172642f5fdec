import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError, ExitCode } from '../errors/app-error';
import type { Git } from './git';

/** Where a library keeps the case schema, relative to its case files. */
export const LIBRARY_SCHEMA_PATH = 'schema/case.schema.json';

/**
 * The first line of a case file written into `folder` when the folder carries the case schema (a
 * case library does), so editors complete and check the file; none otherwise.
 */
export function schemaLinkLines(folder: string): string[] {
  return existsSync(join(folder, ...LIBRARY_SCHEMA_PATH.split('/'))) ? [`yaml-language-server: $schema=${LIBRARY_SCHEMA_PATH}`] : [];
}

const WORKFLOW = `# Checks every case file and model letter on each push and pull request, as members' appeal will.
name: check cases
on: [push, pull_request]
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install appeal
        env:
          # Set the repository variable APPEAL_PACKAGE to where appeal installs from:
          # the git URL of its repository, or the URL of a release tarball.
          APPEAL_PACKAGE: \${{ vars.APPEAL_PACKAGE }}
        run: |
          if [ -z "$APPEAL_PACKAGE" ]; then
            echo "::error::Set the repository variable APPEAL_PACKAGE to where appeal installs from (its git URL or a release tarball's URL)."
            exit 1
          fi
          npm install --global "$APPEAL_PACKAGE"
      - run: appeal validate --cases .
`;

function readme(name: string): string {
  return `# ${name}: a case library for appeal

Urgent Action cases for appeal, the letter-writing tool: one YAML file per case (\`<id>.yaml\`)
with its model letter (\`<id>.hbs\`). A coordinator keeps this library; every member follows it.

## For members

Follow it once (git must be installed; appeal needs it for this and nothing else):

    appeal cases add <the address of this repository>

Its cases then appear in \`appeal list\`, \`appeal show\` and \`appeal write\`. Before a meeting:

    appeal cases update

appeal says what changed ("new: UA 112.26 ...", "closed: UA 126.19", "changed: the Ambassador's
address in UA 150.19"). It only moves forward: if a new version of a case has a problem, you are
told, and the version you had stays in use. A case of the same id in your own case folder wins
over this library, which wins over the cases that come with appeal.

## For the coordinator

Publish a new Urgent Action:

    appeal import ua-112-26.pdf --cases .     # writes <id>.yaml and <id>.hbs here
    appeal validate --cases .                 # every case and model letter must pass
    git add . && git commit -m "UA 112.26" && git push

Check every line marked \`# CHECK:\` against the document before you commit. When a UA is updated
or closed, import the new document the same way (add \`--yes\` to accept its changes) and push.

The first time, after \`appeal cases init\`:

    git remote add origin <the address of the repository you made for it>
    git add . && git commit -m "Case library" && git push -u origin main

Each case file begins with \`# yaml-language-server: $schema=${LIBRARY_SCHEMA_PATH}\`, so editors
with YAML support complete and check it. \`.github/workflows/check-cases.yml\` runs
\`appeal validate --cases .\` on every push and pull request (set the repository variable
\`APPEAL_PACKAGE\` to where appeal installs from); in another CI, run that same command.
`;
}

/** The files of a new case library, by path: a README for members, the schema, a CI check. */
export function libraryLayout(name: string, schemaJson: string): { path: string; content: string }[] {
  return [
    { path: 'README.md', content: readme(name) },
    { path: LIBRARY_SCHEMA_PATH, content: schemaJson },
    { path: '.github/workflows/check-cases.yml', content: WORKFLOW },
    { path: '.gitattributes', content: '# Case files and letters keep one kind of line end, whoever edits them.\n*.yaml text eol=lf\n*.yml text eol=lf\n*.hbs text eol=lf\n' },
  ];
}

/** Makes `dir` a new case library: its files, then an empty git repository. Refuses a folder in use. */
export async function initLibrary(git: Git, dir: string, schemaJson: string): Promise<string[]> {
  if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) {
    throw new AppError(`${dir} already exists and is not an empty folder; nothing was written.`, {
      exitCode: ExitCode.cantCreate,
      hint: 'Give a new folder (appeal cases init makes it).',
    });
  }
  const files = libraryLayout(basename(dir), schemaJson);
  mkdirSync(dir, { recursive: true });
  await git.run(['init', '--quiet', '--initial-branch=main', '--template=', dir]);
  for (const file of files) {
    const path = join(dir, ...file.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content, { flag: 'wx' });
  }
  return files.map((file) => file.path);
}
