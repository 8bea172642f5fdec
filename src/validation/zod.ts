import { z } from 'zod';

// zod writes and compiles a parser of its own for each object schema the first time it checks one
// (new Function): quicker when a server checks thousands of objects, but appeal checks a few files
// in a process that lives a fraction of a second, where compiling them is most of the cost (about
// 8 ms of an import). Every schema of appeal's takes zod from here.
z.config({ jitless: true });

export { z };
