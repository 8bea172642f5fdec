const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * One part of a file name made from text a person or a case file supplied: letters of any
 * script are kept, path separators and other unsafe characters become "-", so a name can never
 * leave the output folder or be a reserved device name on Windows.
 */
export function safeNamePart(text: string, fallback = 'letter'): string {
  let name = text
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, '')
    .replace(/[\\/:*?"<>|\s.,;'`!@#$%^&()[\]{}=+~]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.\s]+|[-.\s]+$/g, '')
    .toLowerCase();
  if (name.length > 60) name = name.slice(0, 60).replace(/-+$/, '');
  if (!name) name = fallback;
  if (WINDOWS_RESERVED.test(name.split('.')[0] ?? '')) name = `${name}-`;
  return name;
}

/** "ua-150-19_ambassador_jane-doe.txt" */
export function letterFileName(parts: readonly string[], extension: string): string {
  return `${parts.map((part) => safeNamePart(part)).join('_')}.${extension}`;
}

/**
 * A file name for each letter (its parts: case, official, sender), in order; a name already
 * taken gets "_2", "_3"..., so two letters never share a file.
 */
export function letterFileNames(letters: readonly (readonly string[])[], extension: string): string[] {
  const used = new Set<string>();
  return letters.map((parts) => {
    let file = letterFileName(parts, extension);
    for (let n = 2; used.has(file); n++) file = letterFileName([...parts, String(n)], extension);
    used.add(file);
    return file;
  });
}
