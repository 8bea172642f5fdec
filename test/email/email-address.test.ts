import { emailAddressProblem, emailAddressToAscii } from '../../src/text/email-address';

describe('emailAddressProblem', () => {
  it.each([
    'proknadzor-iu-yanao@89.mailop.ru',
    'prokyan-iu@yandex.ru',
    "o'brien+appeals@example.org",
    'info@bücher.example',
    'a.b.c@sub.example.co.uk',
  ])('accepts %s', (address) => {
    expect(emailAddressProblem(address)).toBeUndefined();
  });

  it.each([
    ['[email protected]', /hidden address/],
    ['[email\u00a0protected]', /hidden address/],
    ['no-at-sign', /exactly one "@"/],
    ['a@x.org, b@y.org', /exactly one address/],
    ['a@x.org;b@y.org', /exactly one address/],
    ['Anna <anna@example.org>', /exactly one address/],
    ['anna@example.org\r\nBcc: x@example.org', /exactly one address/],
    ['anna@example.org\nBcc: x@example.org', /exactly one address/],
    ['a@b@example.org', /exactly one "@"/],
    ['@example.org', /exactly one "@"/],
    ['.anna@example.org', /unusable name/],
    ['an..na@example.org', /unusable name/],
    ['anna@localhost', /unusable domain/],
    ['anna@-example.org', /unusable domain/],
    ['anna@exa_mple.org', /unusable domain/],
    ['anna\u0000@example.org', /unusable name/],
  ])('refuses %j', (address, problem) => {
    expect(emailAddressProblem(address)).toMatch(problem);
  });
});

describe('emailAddressToAscii', () => {
  it.each([
    ['anna@example.org', 'anna@example.org'],
    ['info@bücher.example', 'info@xn--bcher-kva.example'],
  ])('%s travels as %s', (address, ascii) => {
    expect(emailAddressToAscii(address)).toBe(ascii);
  });
});
