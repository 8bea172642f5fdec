import { config, locales } from 'zod/mini';

// zod writes and compiles a parser of its own for each object schema the first time it checks one
// (new Function): quicker when a server checks thousands of objects, but appeal checks a few files
// in a process that lives a fraction of a second, where compiling them is most of the cost (about
// 8 ms of an import). zod's messages are its English ones, which zod/mini leaves to be set.
config({ jitless: true, ...locales.en() });

/*
 * The part of zod appeal's schemas use (imported as `* as z`), in zod/mini's form: the same checks
 * and the same issues as zod's classic form, with schemas that are plain objects to build. The
 * classic form gives each schema its methods (.optional(), .trim(), ...) as functions bound on first
 * use, and building the case schema that way took 5 ms of every import. Named one by one, so that
 * the bundle keeps only these; every schema of appeal's takes zod from here.
 */
export {
  _default,
  array,
  boolean,
  describe,
  discriminatedUnion,
  enum,
  int,
  iso,
  literal,
  minLength,
  nullable,
  number,
  object,
  optional,
  positive,
  record,
  refine,
  regex,
  strictObject,
  string,
  superRefine,
  toJSONSchema,
  trim,
} from 'zod/mini';
export type { output, ZodMiniType } from 'zod/mini';
export type { $RefinementCtx as RefinementCtx } from 'zod/v4/core';
