import { domainToASCII } from 'node:url';

/**
 * Checks that a value is exactly one plain email address (local@domain) and says why not.
 * Scraped pages hide addresses as "[email protected]"; lists ("a@x, b@y"), comments and
 * display names are not one address either. Internationalised domains are accepted when they
 * have an ASCII (punycode) form.
 */
export function emailAddressProblem(value: string): string | undefined {
  if (/\[email[\s\u00a0]*protected\]/i.test(value)) {
    return 'is a hidden address ("[email protected]") left by the page it was copied from, not an address';
  }
  if (/[\s,;<>()"]/.test(value)) return 'must be exactly one address, with no spaces, commas, quotes or brackets';
  const at = value.lastIndexOf('@');
  if (at <= 0 || value.indexOf('@') !== at) return 'must have exactly one "@" with a name before it';
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return `has an unusable name before "@" ("${local}")`;
  }
  const ascii = domainToASCII(domain);
  if (!ascii || !ascii.includes('.') || !/^[a-z0-9.-]+$/i.test(ascii) || ascii.split('.').some((label) => label === '' || label.startsWith('-') || label.endsWith('-'))) {
    return `has an unusable domain after "@" ("${domain}")`;
  }
  return undefined;
}

/** The address with its domain in ASCII (punycode), as mail headers carry it. */
export function emailAddressToAscii(value: string): string {
  const at = value.lastIndexOf('@');
  return `${value.slice(0, at)}@${domainToASCII(value.slice(at + 1))}`;
}
