import { array, boolean, config, discriminatedUnion, enum as enumOf, iso, literal, number, object, record, strictObject, string, toJSONSchema } from 'zod';
import type { output as zodOutput, RefinementCtx as ZodRefinementCtx } from 'zod';

// zod writes and compiles a parser of its own for each object schema the first time it checks one
// (new Function): quicker when a server checks thousands of objects, but appeal checks a few files
// in a process that lives a fraction of a second, where compiling them is most of the cost (about
// 8 ms of an import). Every schema of appeal's takes zod from here.
config({ jitless: true });

/**
 * The part of zod appeal's schemas use, taken export by export: zod's own `z` is every export at
 * once, which keeps all of zod in the bundle (390 KB, its compiler and JSON Schema reader too) for
 * every command that checks a file to read and set up. These are half of that, and load in 3 ms less.
 */
export const z = { array, boolean, discriminatedUnion, enum: enumOf, iso, literal, number, object, record, strictObject, string, toJSONSchema };

/** zod's types that appeal's schemas name, as z.output and z.RefinementCtx. */
export declare namespace z {
  export type output<T> = zodOutput<T>;
  export type RefinementCtx<T = unknown> = ZodRefinementCtx<T>;
}
