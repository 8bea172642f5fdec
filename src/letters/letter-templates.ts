import { readdirSync } from 'node:fs';
import { readRegularFile } from '../files/read-regular-file';
import { join } from 'node:path';
import type Handlebars from 'handlebars';
import { DataError } from '../errors/app-error';

// Checking a template needs only Handlebars' parser, a third of the library: `appeal list` checks
// every case's template and should not pay for the compiler, which only writing a letter needs.
// Loaded on first use: a cached case library is not checked again, so `list` then needs neither.
const handlebarsParse = (source: string): hbs.AST.Program =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('handlebars/dist/cjs/handlebars/compiler/base') as { parse: typeof Handlebars.parse }).parse(source);
import type { TemplateProblem } from '../cases/case-library';
import { LETTER_CONTEXT_SHAPE, type ContextShape, type LetterContext } from './letter-context';
import { withThousands } from '../text/thousands';

/** Where a template problem is: line and column within the template file. */
export type { TemplateProblem };

/** A model letter is a page or two; this is ten times that and more, and keeps every command quick. */
export const MAX_TEMPLATE_BYTES = 64 * 1024;
/** A letter is at most a few pages: about 2,500 characters a page, so this is some twenty pages. */
export const MAX_LETTER_CHARACTERS = 50_000;
/** #each inside #each inside #each multiplies: a letter needs a list of people, not a table of tables. */
const MAX_EACH_DEPTH = 2;

/** Block helpers a letter may use. `log` and `lookup` are left out: one prints, the other hides variable names. */
const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);

export interface LetterTemplates {
  partials: Record<string, string>;
  /**
   * Templates compiled before (by precompileTemplates, kept in the case-library cache): the
   * JavaScript Handlebars makes of each, by its source.
   */
  precompiled: ReadonlyMap<string, string>;
  /** A Handlebars of the letters' own, made on first use (only commands that render need it). */
  readonly handlebars: typeof Handlebars;
  /** Handlebars' runtime alone, set up the same way, for templates compiled before. */
  readonly handlebarsRuntime: typeof Handlebars;
}

/**
 * Strict mode makes a missing variable an error rather than an empty gap in a letter; noEscape
 * keeps "O'Brien & Søn" as written, since letters are not HTML.
 */
const COMPILE_OPTIONS = { strict: true, noEscape: true, knownHelpersOnly: false } as const;

/** The shared pieces of every letter (date, closing, signature), from `templates/partials/`. */
export function loadSharedPartials(templatesDir: string): LetterTemplates {
  const partials: Record<string, string> = {};
  const dir = join(templatesDir, 'partials');
  for (const entry of readdirSync(dir)) {
    if (!entry.endsWith('.hbs')) continue;
    partials[entry.slice(0, -'.hbs'.length)] = readRegularFile(join(dir, entry), MAX_TEMPLATE_BYTES).toString('utf8').replace(/\r?\n$/, '');
  }
  return letterTemplatesFrom(partials);
}

/**
 * The letters' templates from partials already read (the case-library cache keeps them, and what
 * it compiled of them and of the cases' letters).
 */
export function letterTemplatesFrom(partials: Record<string, string>, precompiled: Iterable<[string, string]> = []): LetterTemplates {
  const specs = new Map(precompiled);
  let handlebars: typeof Handlebars | undefined;
  let runtime: typeof Handlebars | undefined;
  return {
    partials,
    precompiled: specs,
    get handlebars() {
      if (!handlebars) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        handlebars = setUpForLetters((require('handlebars') as typeof Handlebars).create());
        for (const [name, source] of Object.entries(partials)) handlebars.registerPartial(name, source);
      }
      return handlebars;
    },
    get handlebarsRuntime() {
      if (!runtime) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        runtime = setUpForLetters((require('handlebars/runtime') as typeof Handlebars).create());
        for (const [name, source] of Object.entries(partials)) runtime.registerPartial(name, runtime.template(templateSpec(specs.get(source)!)));
      }
      return runtime;
    },
  };
}

/** Helpers that could print or reach outside the letter's data have no place in a letter. */
function setUpForLetters(handlebars: typeof Handlebars): typeof Handlebars {
  handlebars.unregisterHelper('log');
  handlebars.unregisterHelper('lookup');
  handlebars.unregisterHelper('blockHelperMissing');
  countEachIterations(handlebars);
  handlebars.registerHelper('variant', variantHelper);
  return handlebars;
}

/**
 * Each template compiled to the JavaScript Handlebars makes of it, for the case-library cache:
 * a command that writes from the cache then loads Handlebars' runtime alone, not its parser and
 * compiler (a quarter of a letter's start). A template Handlebars refuses is left out: the case
 * library has already said what is wrong with it, and compiling it again says so at write time.
 */
export function precompileTemplates(sources: Iterable<string>): [string, string][] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const handlebars = require('handlebars') as typeof Handlebars;
  const compiled: [string, string][] = [];
  for (const source of new Set(sources)) {
    try {
      compiled.push([source, handlebars.precompile(source, COMPILE_OPTIONS) as unknown as string]);
    } catch {
      // See above.
    }
  }
  return compiled;
}

/**
 * A compiled template's JavaScript made a function again. It is what Handlebars' own compile
 * evaluates, made by the same code from the same template, kept in appeal's cache (whose file is
 * checked whole before use) instead of made afresh.
 */
function templateSpec(spec: string): TemplateSpecification {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function(`return (${spec});`)() as TemplateSpecification;
}

/**
 * Checks a template without rendering it: syntax, and every variable, block and partial it
 * names against what a letter provides. All problems come back at once, with positions.
 */
export function checkTemplate(source: string, partialNames: readonly string[], shape: ContextShape = LETTER_CONTEXT_SHAPE): TemplateProblem[] {
  // Handlebars reads a text without "{{" as one piece of plain text (a NUL aside, which its reader
  // refuses): nothing in it to check, and its parser (2 ms of an import) need not load.
  if (!source.includes('{{') && !source.includes('\0')) return [];
  let program: hbs.AST.Program;
  try {
    program = handlebarsParse(source);
  } catch (error) {
    const message = (error as Error).message;
    const position = /line (\d+)/i.exec(message);
    const column = (error as { column?: number }).column;
    return [{
      line: position ? Number(position[1]) : 1,
      column: (column ?? 0) + 1,
      message: `the template cannot be read: ${message.split('\n')[0]}`,
      hint: 'Check that every {{#block}} has its {{/block}} and every {{ has its }}.',
    }];
  }
  const problems: TemplateProblem[] = [];
  const report = (node: hbs.AST.Node, message: string, hint?: string) =>
    problems.push({ line: node.loc.start.line, column: node.loc.start.column + 1, message, hint });

  const resolve = (path: hbs.AST.PathExpression, scopes: ContextShape[]): void => {
    if (path.data) {
      if (!['index', 'first', 'last', 'key', 'root'].includes(path.parts[0] ?? '')) report(path, `@${path.original} is not a Handlebars data variable`);
      return;
    }
    let shape: ContextShape | undefined = scopes[scopes.length - 1 - path.depth];
    if (!shape) {
      report(path, `"${path.original}" reaches above the letter`);
      return;
    }
    for (const part of path.parts) {
      if (typeof shape === 'object' && 'fields' in shape && Object.hasOwn(shape.fields, part)) {
        shape = shape.fields[part];
      } else {
        report(path, `unknown variable "${path.original}"`, `A letter knows: ${describeShape(scopes[scopes.length - 1 - path.depth]!)}.`);
        return;
      }
    }
  };

  const shapeOf = (path: hbs.AST.PathExpression, scopes: ContextShape[]): ContextShape | undefined => {
    let shape: ContextShape | undefined = scopes[scopes.length - 1 - path.depth];
    for (const part of path.parts) {
      if (shape && typeof shape === 'object' && 'fields' in shape) shape = shape.fields[part];
      else return undefined;
    }
    return shape;
  };

  const chainedVariants = new Set<hbs.AST.Statement>();
  const visitExpression = (expr: hbs.AST.Expression, scopes: ContextShape[]) => {
    if (expr.type === 'PathExpression') resolve(expr as hbs.AST.PathExpression, scopes);
    else if (expr.type === 'SubExpression') report(expr, 'helpers are not available in letters');
  };

  let eachDepth = 0;
  const visitProgram = (body: hbs.AST.Program | undefined, scopes: ContextShape[]) => {
    for (const statement of body?.body ?? []) {
      switch (statement.type) {
        case 'MustacheStatement': {
          const mustache = statement as hbs.AST.MustacheStatement;
          if (mustache.params.length || mustache.hash?.pairs.length) {
            report(mustache, `"${(mustache.path as hbs.AST.PathExpression).original}" is a helper; letters use plain variables only`);
          } else visitExpression(mustache.path as hbs.AST.Expression, scopes);
          break;
        }
        case 'BlockStatement': {
          const block = statement as hbs.AST.BlockStatement;
          const name = (block.path as hbs.AST.PathExpression).original;
          if (name === 'variant') {
            // The last of a chain ({{else variant}}…{{/variant}}) may hold one wording: the chain has more.
            const inverse = block.inverse as (hbs.AST.Program & { chained?: boolean }) | undefined;
            if (inverse?.chained && inverse.body[0]) chainedVariants.add(inverse.body[0]);
            checkVariant(block, report, chainedVariants.has(block));
            visitProgram(block.program, scopes);
            visitProgram(block.inverse, scopes);
            break;
          }
          if (!BLOCK_HELPERS.has(name)) {
            report(block, `{{#${name}}} is not a block letters can use`, 'Use #if, #unless, #each, #with or #variant.');
            break;
          }
          const [param] = block.params;
          if (!param || block.params.length !== 1) {
            report(block, `{{#${name}}} needs exactly one variable`);
            break;
          }
          visitExpression(param, scopes);
          let inner = scopes;
          if (param.type === 'PathExpression' && (name === 'each' || name === 'with')) {
            const target = shapeOf(param as hbs.AST.PathExpression, scopes);
            const item = name === 'each' ? (target && typeof target === 'object' && 'items' in target ? target.items : undefined) : target;
            if (item) inner = [...scopes, item];
            else if (target) report(block, `"${(param as hbs.AST.PathExpression).original}" is not a list to go through with #${name}`);
          }
          if (name === 'each' && eachDepth === MAX_EACH_DEPTH) {
            report(block, `{{#each}} inside ${MAX_EACH_DEPTH} other {{#each}} blocks; a letter may nest them ${MAX_EACH_DEPTH} deep at most`, 'Each nested list multiplies the letter; write it with fewer nested #each blocks.');
            break;
          }
          if (name === 'each') eachDepth += 1;
          visitProgram(block.program, inner);
          if (name === 'each') eachDepth -= 1;
          visitProgram(block.inverse, scopes);
          break;
        }
        case 'PartialStatement':
        case 'PartialBlockStatement': {
          const partial = statement as hbs.AST.PartialStatement;
          const name = partial.name.type === 'PathExpression' ? (partial.name as hbs.AST.PathExpression).original : undefined;
          if (!name || !partialNames.includes(name)) {
            report(partial, `the partial "${name ?? '(dynamic)'}" does not exist`, `Shared partials: ${partialNames.join(', ')}.`);
          }
          break;
        }
        case 'DecoratorBlock':
        case 'Decorator':
          report(statement, 'decorators are not available in letters');
          break;
        default:
          break;
      }
    }
  };
  visitProgram(program, [shape]);
  return problems;
}

/** A variant block takes no variable and offers at least two wordings: {{#variant}}…{{else}}…{{/variant}}. */
function checkVariant(block: hbs.AST.BlockStatement, report: (node: hbs.AST.Node, message: string, hint?: string) => void, chained: boolean): void {
  if (block.params.length || block.hash?.pairs.length) {
    report(block, '{{#variant}} takes no variable', 'Write {{#variant}}one wording{{else}}another{{/variant}}.');
  }
  if (!chained && !block.inverse?.body.length) {
    report(block, '{{#variant}} offers one wording only', 'Give another after {{else}}: {{#variant}}one wording{{else}}another{{/variant}}; add more with {{else variant}}.');
  }
}

/**
 * After how many members the wordings of a template repeat: each {{#variant}} block goes round its
 * own wordings, so together they repeat after the least common multiple of their counts.
 */
export function variantCycle(source: string): number {
  let cycle = 1;
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  const wordings = (block: hbs.AST.BlockStatement): number => {
    const inverse = block.inverse;
    const chained = (inverse as { chained?: boolean } | undefined)?.chained && inverse.body.length === 1 && inverse.body[0]!.type === 'BlockStatement' ? (inverse.body[0] as hbs.AST.BlockStatement) : undefined;
    if (chained && (chained.path as hbs.AST.PathExpression).original === 'variant') return 1 + wordings(chained);
    return 1 + (inverse?.body.length ? 1 : 0);
  };
  const visit = (program: hbs.AST.Program | undefined, chainedVariant = false): void => {
    for (const statement of program?.body ?? []) {
      if (statement.type !== 'BlockStatement') continue;
      const block = statement as hbs.AST.BlockStatement;
      if ((block.path as hbs.AST.PathExpression).original === 'variant' && !chainedVariant) {
        const count = wordings(block);
        cycle = (cycle * count) / gcd(cycle, count);
      }
      visit(block.program);
      visit(block.inverse, (block.path as hbs.AST.PathExpression).original === 'variant' && Boolean((block.inverse as { chained?: boolean } | undefined)?.chained));
    }
  };
  try {
    visit(handlebarsParse(source));
  } catch {
    return 1;
  }
  return cycle;
}

/** A marker a probed variant block answers with: how many wordings it offers. */
const VARIANT_COUNT = /^\u0000variants:(\d+)$/;

/**
 * `{{#variant}}A{{else variant}}B{{else}}C{{/variant}}`: one of the wordings, chosen by the
 * render's `variant` number (modulo how many there are), so a batch can give each member another.
 * A chained `{{else variant}}` is a variant block of its own in the inverse: counting the
 * wordings asks it how many it has.
 */
function variantHelper(this: unknown, options: Handlebars.HelperOptions): string {
  const data = (options.data ?? {}) as { variant?: number; variantProbe?: boolean };
  const inverse = (frame: Record<string, unknown>) => options.inverse(this, { data: { ...data, ...frame } });
  const rest = inverse({ variantProbe: true });
  const restCount = VARIANT_COUNT.exec(rest);
  const count = 1 + (restCount ? Number(restCount[1]) : rest.trim() ? 1 : 0);
  if (data.variantProbe) return `\u0000variants:${count}`;
  const chosen = (data.variant ?? 0) % count;
  if (chosen === 0) return options.fn(this, { data: { ...data, variantProbe: false } });
  return inverse({ variant: chosen - 1, variantProbe: false });
}

function describeShape(shape: ContextShape, prefix = ''): string {
  if (shape === 'value') return prefix;
  if ('items' in shape) return `${prefix.replace(/\.$/, '')} (a list)`;
  return Object.entries(shape.fields)
    .map(([key, value]) => (value === 'value' ? `${prefix}${key}` : describeShape(value, `${prefix}${key}.`)))
    .join(', ');
}

/** Renders a letter; `variant` picks the wording of each {{#variant}} block (0, the first, by default). */
export type RenderTemplate = (context: LetterContext, variant?: number) => string;

/**
 * What one letter may cost while it is rendered, counted in characters: every value read from
 * the letter's data and every pass through an #each. Nested loops and values repeated by the
 * thousand stop here with an error, long before they could fill the memory; the finished letter
 * is checked against MAX_LETTER_CHARACTERS itself.
 */
class RenderBudget {
  private used = 0;
  // Nested loops count their text once per level: room for that, and still a bound.
  private readonly limit = MAX_LETTER_CHARACTERS * (MAX_EACH_DEPTH + 2);
  charge(characters: number): void {
    this.used += characters;
    if (this.used > this.limit) throw letterTooLong();
  }
}

function letterTooLong(): DataError {
  return new DataError(`the letter would be longer than ${withThousands(MAX_LETTER_CHARACTERS)} characters; a letter is a few pages at most`, {
    hint: 'Shorten the model letter, or the lists it goes through with #each.',
  });
}

/** The budget of the letter being rendered now (rendering is synchronous: one at a time). */
let currentBudget: RenderBudget | undefined;

/** #each as Handlebars has it, with each pass and the text it makes charged to the budget. */
function countEachIterations(handlebars: typeof Handlebars): void {
  const each = handlebars.helpers.each as (this: unknown, context: unknown, options: Handlebars.HelperOptions) => string;
  handlebars.registerHelper('each', function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    const fn = options.fn;
    const counted = Object.assign((value: unknown, passOptions?: Handlebars.RuntimeOptions) => {
      const text = fn(value, passOptions);
      currentBudget?.charge(text.length + 1);
      return text;
    }, fn);
    return each.call(this, context, { ...options, fn: counted });
  });
}

/** The letter's data seen through the budget: every string read is charged by its length. */
function budgeted<T extends object>(value: T, budget: RenderBudget, seen = new WeakMap<object, object>()): T {
  const known = seen.get(value);
  if (known) return known as T;
  const view = new Proxy(value, {
    get(target, property, receiver) {
      const field = Reflect.get(target, property, receiver) as unknown;
      if (typeof field === 'string') budget.charge(field.length);
      return field !== null && typeof field === 'object' ? budgeted(field, budget, seen) : field;
    },
  });
  seen.set(value, view);
  return view;
}

const compiledTemplates = new WeakMap<LetterTemplates, Map<string, RenderTemplate>>();

/**
 * Compiles a checked template (see COMPILE_OPTIONS), or takes it as compiled before. Rendering
 * is bounded (see RenderBudget): a template that validates can still not exhaust memory.
 */
export function compileLetterTemplate(templates: LetterTemplates, source: string): RenderTemplate {
  // A batch builds the same template for every member: compile it once per library.
  let compiled = compiledTemplates.get(templates);
  if (!compiled) compiledTemplates.set(templates, (compiled = new Map()));
  let render = compiled.get(source);
  if (!render) {
    // The runtime alone only when it has every partial too; else Handlebars compiles as always.
    const spec = templates.precompiled.get(source);
    const runtimeHasAll = spec !== undefined && Object.values(templates.partials).every((partial) => templates.precompiled.has(partial));
    const template = runtimeHasAll ? templates.handlebarsRuntime.template<LetterContext>(templateSpec(spec)) : templates.handlebars.compile<LetterContext>(source, COMPILE_OPTIONS);
    render = (context, variant = 0) => {
      const budget = new RenderBudget();
      const outer = currentBudget;
      currentBudget = budget;
      let text: string;
      try {
        text = template(budgeted(context, budget), { data: { variant }, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } finally {
        currentBudget = outer;
      }
      if (text.length > MAX_LETTER_CHARACTERS) throw letterTooLong();
      return text;
    };
    compiled.set(source, render);
  }
  return render;
}
