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
