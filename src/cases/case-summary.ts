import type { CaseDefinition, Official } from './case-schema';
import { daysUntil } from '../time/clock';
import { takesPost } from '../addresses/postal-address';

export type CaseState = 'open' | 'expired' | 'closed';

/** Closed by its final output; expired when its deadline has passed (writing late is still possible). */
export function caseState(definition: CaseDefinition, today: Date): CaseState {
  if (definition.status === 'closed') return 'closed';
  if (definition.deadline && daysUntil(definition.deadline, today) < 0) return 'expired';
  return 'open';
}

export const CHANNELS = ['post', 'email', 'fax', 'phone', 'twitter'] as const;
export type Channel = (typeof CHANNELS)[number];

export function officialChannels(official: Official): Channel[] {
  const channels: Channel[] = [];
  if (takesPost(official)) channels.push('post');
  if (official.email?.length) channels.push('email');
  if (official.fax?.length) channels.push('fax');
  if (official.phone?.length) channels.push('phone');
  if (official.twitter) channels.push('twitter');
  return channels;
}

/** How many officials can be reached each way. */
export function channelCounts(definition: CaseDefinition): Record<Channel, number> {
  const counts = Object.fromEntries(CHANNELS.map((channel) => [channel, 0])) as Record<Channel, number>;
  for (const official of definition.officials) {
    for (const channel of officialChannels(official)) counts[channel] += 1;
  }
  return counts;
}

export function describeChannels(counts: Record<Channel, number>): string {
  const names: Record<Channel, string> = { post: 'post', email: 'email', fax: 'fax', phone: 'phone', twitter: 'Twitter' };
  const parts = CHANNELS.filter((channel) => counts[channel] > 0).map((channel) => `${names[channel]} ${counts[channel]}`);
  return parts.length ? parts.join(', ') : 'no way given';
}

export function caseDisplayId(definition: CaseDefinition): string {
  return definition.ua_number ? `UA ${definition.ua_number}` : definition.id;
}

export function deadlineText(definition: CaseDefinition, today: Date): string {
  if (!definition.deadline) return 'no deadline';
  const days = daysUntil(definition.deadline, today);
  if (days > 1) return `${definition.deadline} (${days} days left)`;
  if (days === 1) return `${definition.deadline} (1 day left)`;
  if (days === 0) return `${definition.deadline} (today)`;
  return `${definition.deadline} (passed ${-days} day${days === -1 ? '' : 's'} ago)`;
}

/** A case with no deadline is probably over when it was issued more than this many months ago. */
export const PROBABLY_OVER_AFTER_MONTHS = 6;

/**
 * When a case was issued, as well as it is known: its issue date, the first dated entry of its
 * history, or the year of its UA number ("150.19" is from 2019; taken as that year's last day).
 */
export function issuedOn(definition: CaseDefinition): { date: string; how: string } | undefined {
  if (definition.issue_date) return { date: definition.issue_date, how: `issued ${definition.issue_date}` };
  const dated = definition.history.map((entry) => entry.date).filter((date): date is string => Boolean(date)).sort()[0];
  if (dated) return { date: dated, how: `first dated ${dated}` };
  const year = definition.ua_number?.match(/[./](\d{2,4})$/)?.[1];
  if (!year) return undefined;
  const fullYear = year.length === 4 ? Number(year) : 2000 + Number(year);
  return { date: `${fullYear}-12-31`, how: `its UA number is from ${fullYear}` };
}

/**
 * Why an open case with no deadline has probably outlived itself (its officials replaced, the
 * person released), or undefined: it was issued more than a few months ago and nothing says it
 * is still current. Such a case is listed after current ones, to check before writing.
 */
export function probablyOverReason(definition: CaseDefinition, today: Date): string | undefined {
  if (definition.status !== 'open' || definition.deadline) return undefined;
  const issued = issuedOn(definition);
  if (!issued) return undefined;
  const limit = new Date(today.getFullYear(), today.getMonth() - PROBABLY_OVER_AFTER_MONTHS, today.getDate());
  if (daysUntil(issued.date, limit) >= 0) return undefined;
  return `${issued.how}; no deadline`;
}
