import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from './helpers/run-cli';

/**
 * The shape the code keeps (README "Architecture"): thin commands over a core that never reaches
 * back up. Read from the sources with TypeScript's own parser, so a later change that breaks the
 * shape fails here with the file and the rule.
 */
const SRC = join(REPO_ROOT, 'src');
/** The command layer: it may use the core; the core may not use it. */
const COMMAND_LAYER = ['commands', 'prompts'];
/** Files not yet in the shape, with the issue that brings them in. Remove an entry once it is. */
const NOT_YET: Record<string, string> = {};
const MAX_COMMAND_FILE_LINES = 200;
const MAX_COMMAND_FUNCTION_LINES = 60;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => {
  const text = readFileSync(path, 'utf8');
  return { name: relative(SRC, path).split('\\').join('/'), text, source: ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true) };
});

/** The folder under src/ a file is in ("" for src/cli.ts, src/entry.ts). */
const folderOf = (name: string) => (name.includes('/') ? name.slice(0, name.indexOf('/')) : '');

/** Every module a file imports or re-exports from within src/, as a path under src/. */
function localImports(file: (typeof files)[number]): string[] {
  const targets: string[] = [];
  const visit = (node: ts.Node) => {
    let specifier: ts.Expression | undefined;
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) specifier = node.moduleSpecifier;
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) specifier = node.arguments[0];
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) {
      targets.push(relative(SRC, resolve(dirname(join(SRC, file.name)), specifier.text)).split('\\').join('/'));
    }
    ts.forEachChild(node, visit);
  };
  visit(file.source);
  return targets;
}

/** The one file that reaches into pdfkit's private parts (README "Architecture"). */
const PDFKIT_ADAPTER = 'pdf/pdfkit-internals.ts';

/**
 * What only the pdfkit adapter may do, found in a file: casts through unknown (in src/pdf/, where
 * every object is pdfkit's or fontkit's), pdfkit's private font (`_font`), a page's dictionary, and
 * pointing `doc.page` elsewhere; and, anywhere, importing pdfkit outside src/pdf/.
 */
function pdfkitInternalsUsed(file: (typeof files)[number]): string[] {
  const found: string[] = [];
  const at = (node: ts.Node) => `${file.name}:${file.source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (folderOf(file.name) === 'pdf' && ts.isAsExpression(node) && ts.isAsExpression(node.expression) && node.expression.type.kind === ts.SyntaxKind.UnknownKeyword) {
      found.push(`${at(node)} casts through unknown`);
    }
    if (ts.isPropertyAccessExpression(node) && ['_font', 'dictionary'].includes(node.name.text)) found.push(`${at(node)} uses .${node.name.text}`);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && node.left.name.text === 'page') {
      found.push(`${at(node)} sets .page`);
    }
    const specifier = ts.isImportDeclaration(node) ? node.moduleSpecifier : ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword ? node.arguments[0] : undefined;
    if (specifier && ts.isStringLiteral(specifier) && specifier.text === 'pdfkit' && folderOf(file.name) !== 'pdf') found.push(`${at(node)} loads pdfkit outside src/pdf/`);
    ts.forEachChild(node, visit);
  };
  visit(file.source);
  return found;
}

describe('the shape of the code', () => {
  test('no core folder imports from the command layer (commands/, prompts/)', () => {
    const wrong = files
      .filter((file) => folderOf(file.name) !== '' && !COMMAND_LAYER.includes(folderOf(file.name)))
      .flatMap((file) => localImports(file).filter((target) => COMMAND_LAYER.includes(folderOf(target))).map((target) => `${file.name} imports ${target}`));
    expect(wrong).toEqual([]);
  });

  test('cases/ and letters/ do not import each other both ways: letters read cases, cases never know letters', () => {
    const wrong = files
      .filter((file) => folderOf(file.name) === 'cases')
      .flatMap((file) => localImports(file).filter((target) => folderOf(target) === 'letters').map((target) => `${file.name} imports ${target}`));
    expect(wrong).toEqual([]);
  });

  test(`no file in src/commands/ is over ${MAX_COMMAND_FILE_LINES} lines`, () => {
    const long = files
      .filter((file) => folderOf(file.name) === 'commands' && !NOT_YET[file.name])
      .map((file) => ({ name: file.name, lines: file.text.split('\n').length - (file.text.endsWith('\n') ? 1 : 0) }))
      .filter(({ lines }) => lines > MAX_COMMAND_FILE_LINES)
      .map(({ name, lines }) => `${name}: ${lines} lines`);
    expect(long).toEqual([]);
  });

  test(`no function in src/commands/ is over ${MAX_COMMAND_FUNCTION_LINES} lines`, () => {
    const long: string[] = [];
    for (const file of files.filter((candidate) => folderOf(candidate.name) === 'commands' && !NOT_YET[candidate.name])) {
      const visit = (node: ts.Node) => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const first = file.source.getLineAndCharacterOfPosition(node.getStart()).line;
          const last = file.source.getLineAndCharacterOfPosition(node.getEnd()).line;
          const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous function)';
          if (last - first + 1 > MAX_COMMAND_FUNCTION_LINES) long.push(`${file.name}:${first + 1} ${name}: ${last - first + 1} lines`);
        }
        ts.forEachChild(node, visit);
      };
      visit(file.source);
    }
    expect(long).toEqual([]);
  });

  test(`only ${PDFKIT_ADAPTER} reaches into pdfkit (casts, _font, page.dictionary, swapping doc.page)`, () => {
    const wrong = files.filter((file) => file.name !== PDFKIT_ADAPTER).flatMap(pdfkitInternalsUsed);
    expect(wrong).toEqual([]);
  });

  test('the rules above see what they check (a command file, its imports and functions; the pdfkit adapter)', () => {
    const adapter = pdfkitInternalsUsed(files.find((file) => file.name === PDFKIT_ADAPTER)!).map((found) => found.replace(/:\d+ /, ' '));
    expect(new Set(adapter)).toEqual(new Set([`${PDFKIT_ADAPTER} casts through unknown`, `${PDFKIT_ADAPTER} uses ._font`, `${PDFKIT_ADAPTER} uses .dictionary`, `${PDFKIT_ADAPTER} sets .page`]));
    const batch = files.find((file) => file.name === 'commands/batch.ts')!;
    expect(localImports(batch)).toContain('commands/command-context');
    expect(localImports(files.find((file) => file.name === 'cli.ts')!)).toContain('commands/batch');
  });
});
