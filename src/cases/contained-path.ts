import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';

export type ContainedFile = { ok: true; realPath: string } | { ok: false; reason: string };

/**
 * Whether `path` is a regular file inside the folder `root` once every symbolic link in both is
 * resolved. Case folders come from other people: a template named "../secret.hbs", or a
 * "letter.hbs" that links to /etc/passwd, must not put a file from elsewhere into a letter.
 */
export function regularFileInside(root: string, path: string): ContainedFile {
  let realRoot: string;
  let realPath: string;
  try {
    realRoot = realpathSync(root);
    realPath = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(error)})` };
  }
  if (!isInside(realRoot, realPath)) return { ok: false, reason: `is outside the case folder ${root}${realPath !== path ? ` (it leads to ${realPath})` : ''}` };
  if (!statSync(realPath).isFile()) return { ok: false, reason: 'is not a regular file' };
  return { ok: true, realPath };
}

/** Whether `path` is `root` itself or below it; both must already be absolute and resolved. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
