import { UsageError } from '../errors/app-error';

export interface Clock {
  now(): Date;
}

/**
 * The one clock of the program. `APPEAL_NOW` (an ISO date or date-time) pins it, so tests and
 * reproducible runs never depend on today's date.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv): Clock {
  const pinned = env.APPEAL_NOW?.trim();
  if (!pinned) return { now: () => new Date() };
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(pinned) ? `${pinned}T12:00:00` : pinned);
  if (Number.isNaN(date.getTime())) {
    throw new UsageError(`APPEAL_NOW is not a date: "${pinned}"`, {
      hint: 'Set it to an ISO date such as 2026-11-22 or 2026-11-22T10:00:00Z, or unset it.',
    });
  }
  return { now: () => new Date(date.getTime()) };
}

export function fixedClock(date: Date): Clock {
  return { now: () => new Date(date.getTime()) };
}

/** Calendar date (YYYY-MM-DD) of an instant, in the local time zone. */
export function localDateKey(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Whole days from `today` to the calendar date `isoDate`; negative when it has passed. */
export function daysUntil(isoDate: string, today: Date): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = Date.UTC(y, m - 1, d);
  const from = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((target - from) / 86_400_000);
}
