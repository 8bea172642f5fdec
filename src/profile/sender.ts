import { mergeSettings, type Profile } from './profile';

/** The person who signs a letter. Only the name is required; the rest comes from the profile or flags. */
export interface Sender {
  name: string;
  address?: string[];
  country?: string;
  email?: string;
}

export type GroupProfile = NonNullable<Profile['group']>;

/** The group's return address as address lines: its name first ("c/o" in all but the word). */
export function groupReturnAddress(group: GroupProfile): { address: string[]; country?: string } {
  return { address: [group.name, ...group.address], ...(group.country ? { country: group.country } : {}) };
}

/** A member who gives no address gets the group's return address, so every posted letter has one. */
export function withGroupAddress<T extends Sender>(sender: T, group: GroupProfile | undefined): { sender: T; fromGroup: boolean } {
  if (sender.address?.length || !group) return { sender, fromGroup: false };
  return { sender: { ...sender, ...groupReturnAddress(group), ...(sender.country ? { country: sender.country } : {}) }, fromGroup: true };
}

const sameName = (a: string, b: string) => a.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase() === b.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The settings a letter is made with: the profile (and environment), then the flags. A letter
 * signed with another name than the profile's (a coordinator writing for a member, `--name "Mary
 * O'Brien"`) never carries the profile owner's own email or address: it takes the group's
 * return address where the profile has one, and the flags.
 */
export function senderSettings(profile: Profile, flags: Profile): Profile {
  if (flags.name === undefined || profile.name === undefined || sameName(flags.name, profile.name)) return mergeSettings<Profile>(profile, flags);
  const { email: _email, address: _address, ...rest } = profile;
  return mergeSettings<Profile>(rest, profile.group ? groupReturnAddress(profile.group) : {}, flags);
}
