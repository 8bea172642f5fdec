import { withGroupAddress, type GroupProfile } from '../profile/sender';
import type { Signer } from './read-signers';

/** A meeting's members with a return address for each letter, and whose came from where. */
export interface MembersWithReturnAddress {
  signers: Signer[];
  /** Members who gave no address and sign with the group's. */
  fromGroup: string[];
  /** Members with no address and no group address to give them. */
  without: string[];
}

/** Gives every member without an address of their own the group's return address, where the profile has one. */
export function giveReturnAddresses(signers: readonly Signer[], group: GroupProfile | undefined): MembersWithReturnAddress {
  const result: MembersWithReturnAddress = { signers: [], fromGroup: [], without: [] };
  for (const signer of signers) {
    const { sender, fromGroup } = withGroupAddress(signer, group);
    result.signers.push(sender);
    if (fromGroup) result.fromGroup.push(signer.name);
    else if (!sender.address?.length) result.without.push(signer.name);
  }
  return result;
}
