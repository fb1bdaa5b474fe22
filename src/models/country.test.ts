import { afterEach, describe, expect, it, vi } from 'vitest';
import { CountryCode, suggestCountryCode } from './country.ts';

describe('suggestCountryCode', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('finds codes, aliases and English names, and nothing for other input', () => {
    expect(suggestCountryCode(' us ')).toBe('US');
    expect(suggestCountryCode('U.K.')).toBe('GB');
    expect(suggestCountryCode('Germany')).toBe('DE');
    expect(suggestCountryCode('Narnia')).toBeUndefined();
    expect(suggestCountryCode(49)).toBeUndefined();
    expect(suggestCountryCode('x'.repeat(101))).toBeUndefined();
    // 100 characters are still read (spaces around a name); the name is matched whatever its case and spaces.
    expect(suggestCountryCode(`${' '.repeat(93)}germany`)).toBe('DE');
    expect(suggestCountryCode('  UNITED KINGDOM ')).toBe('GB');
    expect(suggestCountryCode('U.S.A.')).toBe('US');
    expect(suggestCountryCode('')).toBeUndefined();
  });

  it('asks for English region names and skips codes that have none', () => {
    const asked: unknown[] = [];
    // biome-ignore lint/complexity/useArrowFunction: Intl.DisplayNames is called with new, which a mock needs a function for.
    vi.spyOn(Intl, 'DisplayNames').mockImplementation(function (locales: unknown) {
      asked.push(locales);
      return { of: (code: string) => (code === 'DE' ? 'Germany' : undefined) } as unknown as Intl.DisplayNames;
    });
    expect(suggestCountryCode('germany')).toBe('DE');
    expect(suggestCountryCode('France')).toBeUndefined();
    expect(asked).toEqual([['en'], ['en']]);
  });

  it('still finds codes and aliases, and no name, in a runtime without region names', () => {
    // biome-ignore lint/complexity/useArrowFunction: Intl.DisplayNames is called with new, which a mock needs a function for.
    vi.spyOn(Intl, 'DisplayNames').mockImplementation(function () {
      throw new RangeError('no region names here');
    });
    expect(suggestCountryCode('Germany')).toBeUndefined();
    expect(suggestCountryCode('UK')).toBe('GB');
    expect(suggestCountryCode('de')).toBe('DE');
  });
});

describe('CountryCode', () => {
  it('refuses what is not a code, with a "did you mean" when one fits', () => {
    expect(CountryCode.safeParse('DE').success).toBe(true);
    expect(CountryCode.safeParse('UK').error?.issues[0]?.message).toBe(
      '"UK" is not an ISO 3166-1 alpha-2 country code (such as US, DE, BR); did you mean "GB"?',
    );
    expect(CountryCode.safeParse('Narnia').error?.issues[0]?.message).toBe('"Narnia" is not an ISO 3166-1 alpha-2 country code (such as US, DE, BR)');
  });
});
