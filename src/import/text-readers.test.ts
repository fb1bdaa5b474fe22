import { describe, expect, it } from 'vitest';
import { countryCodeFromName } from './country-from-name.ts';
import { readNumberText } from './number-text.ts';
import { SENIORITY_TITLE_RULES, seniorityFromTitle } from './seniority-from-title.ts';

describe('readNumberText', () => {
  it('reads grouped numbers in both conventions, signs, currency symbols and spreadsheet exponents', () => {
    expect(readNumberText('1,234,567.89')).toEqual({ ok: true, decimal: '1234567.89' });
    expect(readNumberText('1.234.567,89', { decimal: ',' })).toEqual({ ok: true, decimal: '1234567.89' });
    expect(readNumberText("1'234", { grouping: "'" })).toEqual({ ok: true, decimal: '1234' });
    expect(readNumberText('1\u00a0234,5', { decimal: ',', grouping: ' ' })).toEqual({ ok: true, decimal: '1234.5' });
    expect(readNumberText('-$1,200')).toEqual({ ok: true, decimal: '-1200' });
    expect(readNumberText('1.2E+07')).toEqual({ ok: true, decimal: '12000000' });
    expect(readNumberText('.5')).toEqual({ ok: true, decimal: '0.5' });
    expect(readNumberText('007')).toEqual({ ok: true, decimal: '7' });
  });

  it('refuses two decimal separators, misplaced grouping and letters, saying why', () => {
    expect(readNumberText('1.2.3')).toEqual({ ok: false, message: '"1.2.3" has 2 decimal separators ("."): not a number' });
    expect(readNumberText('12,34')).toMatchObject({ ok: false, message: expect.stringMatching(/misplaced ","/) });
    expect(readNumberText('12abc')).toMatchObject({ ok: false, message: expect.stringMatching(/is not a number/) });
    expect(readNumberText('')).toMatchObject({ ok: false });
  });
});

describe('countryCodeFromName', () => {
  it('reads names, aliases and codes from the maintained list', () => {
    for (const [text, code] of [
      ['United States', 'US'],
      ['USA', 'US'],
      ['U.S.', 'US'],
      ['UK', 'GB'],
      ['Great Britain', 'GB'],
      ['united kingdom', 'GB'],
      ['DEU', 'DE'],
      ['de', 'DE'],
      ["Côte d'Ivoire", 'CI'],
      ['Cote d’Ivoire', 'CI'],
      ['South Korea', 'KR'],
      ['Czechia', 'CZ'],
    ] as const)
      expect(countryCodeFromName(text), text).toEqual({ code });
  });

  it('says when a name is ambiguous or unknown', () => {
    expect(countryCodeFromName('Congo')).toEqual({ ambiguous: true });
    expect(countryCodeFromName('Narnia')).toBeUndefined();
  });
});

describe('seniorityFromTitle', () => {
  it('gives each documented example its rule', () => {
    for (const rule of SENIORITY_TITLE_RULES) for (const example of rule.examples) expect(seniorityFromTitle(example), example).toBe(rule.seniority);
  });

  it('tries the rules in order and leaves titles without a seniority word unknown', () => {
    expect(seniorityFromTitle('Sr. Director, IT')).toBe('director');
    expect(seniorityFromTitle('Partner Manager')).toBe('manager');
    expect(seniorityFromTitle('VP, Chief of Staff')).toBe('vp');
    expect(seniorityFromTitle('Senior Product Manager')).toBe('manager');
    expect(seniorityFromTitle('Software Engineer')).toBeUndefined();
    expect(seniorityFromTitle('')).toBeUndefined();
  });
});
