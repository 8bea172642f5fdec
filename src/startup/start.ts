import { join } from 'node:path';
import { cacheDir } from '../profile/app-paths';
import { cacheCompiledCode } from './compiled-code-cache';

/**
 * What bin/appeal.js runs (bundled, with what it imports, into dist/cli/start.cjs: one file to
 * load before any other): appeal's code set to compile from the cache, then the command line.
 */
export function startAppeal(codeDir: string, command: string | undefined): void {
  cacheCompiledCode({ codeDir, cacheDir: cacheDir(process.env), command: command ?? 'none' });
  const pack = require(join(codeDir, 'appeal.cjs')) as { load(name: string): { runFromProcess(): void } };
  pack.load('entry.cjs').runFromProcess();
}
