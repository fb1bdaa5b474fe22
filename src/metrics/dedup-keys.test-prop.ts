import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { PLUS_TAG_DOMAINS, domainFromWebsite, normalizeEmail, normalizePhone } from './dedup-keys.ts';
import { FREE_EMAIL_DOMAINS } from '../internal/free-email-domains.ts';

/** Address-like text: mixed case, dots, plus-tags, spaces around, a domain from the lists or a company's. */
const emailLike = fc
  .tuple(
    fc.constantFrom('', ' ', '\t'),
    // Short locals made mostly of dots and plus signs reach the edge cases (`.+tag` leaves nothing of the mailbox).
    fc.oneof(fc.stringMatching(/^[A-Za-z0-9.+_-]{0,12}$/), fc.stringMatching(/^[.+a]{0,4}$/)),
    fc.constantFrom(...FREE_EMAIL_DOMAINS, 'GoogleMail.com', 'Acme.COM', 'mail.acme.co.uk', ''),
    fc.constantFrom('', ' ', '\n'),
  )
  .map(([before, local, domain, after]) => `${before}${local}@${domain}${after}`);

const phoneLike = fc
  .tuple(
    fc.constantFrom('', '+', '00', '0', '000', ' +'),
    // Few digits as often as many: trunk zeros dropped with a default calling code can leave too few.
    fc.oneof(fc.array(fc.constantFrom(...'0123456789 -().'), { maxLength: 18 }), fc.array(fc.constantFrom(...'0123456789'), { minLength: 4, maxLength: 7 })),
  )
  .map(([prefix, chars]) => `${prefix}${chars.join('')}`);

const websiteLike = fc
  .tuple(
    fc.constantFrom('', 'http://', 'https://', 'HTTPS://', 'ftp://'),
    fc.constantFrom('', 'www.', 'WWW.', 'www.www.'),
    fc.stringMatching(/^[a-z0-9-]{0,10}(\.[a-z0-9-]{0,6}){0,3}$/),
    fc.constantFrom('', '/', '/about?x=1', ':8080/path', '#top'),
  )
  .map(([scheme, www, host, rest]) => `${scheme}${www}${host}${rest}`);

describe('dedup key normalisers are idempotent', () => {
  test.prop([fc.oneof(emailLike, fc.string())])('normalising a normalised e-mail changes nothing', (text) => {
    const once = normalizeEmail(text);
    if (once !== undefined) expect(normalizeEmail(once)).toBe(once);
  });

  test.prop([emailLike])('a normalised e-mail has no plus-tag for a plus-tag provider, and no dot for Gmail', (text) => {
    const once = normalizeEmail(text);
    if (once === undefined) return;
    const at = once.lastIndexOf('@');
    const [local, domain] = [once.slice(0, at), once.slice(at + 1)];
    expect(local.length).toBeGreaterThan(0);
    if (PLUS_TAG_DOMAINS.has(domain)) expect(local.indexOf('+')).toBeLessThanOrEqual(0);
    if (domain === 'gmail.com') expect(local.includes('.')).toBe(false);
    expect(domain).not.toBe('googlemail.com');
  });

  test.prop([fc.oneof(phoneLike, fc.string()), fc.option(fc.constantFrom('1', '44', '+33', '', '-'), { nil: undefined })])(
    'normalising a normalised phone number changes nothing',
    (text, defaultCallingCode) => {
      const options = defaultCallingCode === undefined ? {} : { defaultCallingCode };
      const once = normalizePhone(text, options);
      if (once === undefined) return;
      expect(normalizePhone(once, options)).toBe(once);
      expect(once).toMatch(/^\+?\d{6,}$/);
    },
  );

  test.prop([fc.oneof(websiteLike, fc.string())])('reducing a reduced domain changes nothing', (text) => {
    const once = domainFromWebsite(text);
    if (once === undefined) return;
    expect(domainFromWebsite(once)).toBe(once);
    expect(once.startsWith('www.')).toBe(false);
  });
});
