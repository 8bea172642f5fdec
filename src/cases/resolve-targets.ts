import type { Official } from './case-schema';
import { foldForMatch } from './find-case';
import { UsageError } from '../errors/app-error';

/**
 * The officials a --target names: "all", the number `appeal show` gives, the official's id, or a
 * unique case-insensitive part of the name or title ("ambassador"). Repeats are kept once, in
 * the case's order.
 */
export function resolveTargets(officials: readonly Official[], specs: readonly string[]): Official[] {
  const chosen = new Set<Official>();
  for (const raw of specs.flatMap((spec) => spec.split(','))) {
    const spec = raw.trim();
    if (!spec) continue;
    if (spec.toLowerCase() === 'all') {
      officials.forEach((official) => chosen.add(official));
      continue;
    }
    chosen.add(resolveTarget(officials, spec));
  }
  return officials.filter((official) => chosen.has(official));
}

function listOfficials(officials: readonly Official[]): string[] {
  return officials.map((official, index) => `${index + 1}. ${official.name}${official.title ? `, ${official.title}` : ''} (id: ${official.id})`);
}

export function resolveTarget(officials: readonly Official[], spec: string): Official {
  if (/^\d+$/.test(spec)) {
    const official = officials[Number(spec) - 1];
    if (official) return official;
    throw new UsageError(`--target ${spec}: this case has ${officials.length} official${officials.length === 1 ? '' : 's'}.`, { details: listOfficials(officials), hint: 'Give a number from the list, an id, or "all".' });
  }
  const byId = officials.find((official) => official.id === spec.toLowerCase());
  if (byId) return byId;
  const folded = foldForMatch(spec);
  const matches = officials.filter((official) =>
    [official.name, official.title ?? '', official.organisation ?? ''].some((text) => foldForMatch(text).includes(folded)),
  );
  if (matches.length === 1) return matches[0]!;
  throw new UsageError(
    matches.length ? `--target ${spec}: matches more than one official.` : `--target ${spec}: no official of this case matches.`,
    { details: listOfficials(matches.length ? matches : officials), hint: 'Give a number from the list, an id, or "all".' },
  );
}
