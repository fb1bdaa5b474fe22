import { describe, expect, it } from 'vitest';
import { isFreeEmailDomain } from './free-email-domains.ts';

describe('isFreeEmailDomain', () => {
  it('knows a free provider by its domain or by an address, ignoring case and surrounding spaces', () => {
    expect(isFreeEmailDomain('gmail.com')).toBe(true);
    expect(isFreeEmailDomain('  GMAIL.com ')).toBe(true);
    expect(isFreeEmailDomain('Ada@Gmail.com')).toBe(true);
    expect(isFreeEmailDomain('a@gmail.com')).toBe(true);
    expect(isFreeEmailDomain('@gmail.com')).toBe(true);
    expect(isFreeEmailDomain(' ada@yahoo.com ')).toBe(true);
    // The domain is what follows the last @.
    expect(isFreeEmailDomain('gmail.com@acme.com')).toBe(false);
    expect(isFreeEmailDomain('x@acme.com@gmail.com')).toBe(true);
  });

  it('is false for a business domain, a sub-domain of a free one, an address without a domain, and empty text', () => {
    expect(isFreeEmailDomain('acme.com')).toBe(false);
    expect(isFreeEmailDomain('ada@acme.com')).toBe(false);
    expect(isFreeEmailDomain('mail.gmail.com')).toBe(false);
    expect(isFreeEmailDomain('gmail.com@')).toBe(false);
    expect(isFreeEmailDomain('')).toBe(false);
  });
});
