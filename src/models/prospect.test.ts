import { describe, expect, it } from 'vitest';
import { isProspect, toProspect, type Qualification } from './prospect.ts';
import type { Lead } from './lead.ts';

const lead: Lead = {
  id: 'lead-1',
  contact: { email: 'ada@acme.com' },
  source: 'referral',
  createdAt: new Date('2024-05-01T00:00:00Z'),
  activities: [],
};
const qualifying: Qualification = {
  verdict: { frameworkId: 'bant', qualified: true, score: 75 },
  icpFit: { icpId: 'cloud-storage', score: 70, grade: 'B' },
  qualifiedAt: new Date('2024-06-01T00:00:00Z'),
  qualifiedBy: 'rep-7',
};

describe('toProspect', () => {
  it('makes a prospect from a qualifying verdict, keeping the lead’s fields', () => {
    const result = toProspect(lead, qualifying);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.id).toBe('lead-1');
    expect(result.value.qualification).toBe(qualifying);
    expect(isProspect(result.value)).toBe(true);
  });

  it('refuses a verdict that did not qualify', () => {
    const result = toProspect(lead, { ...qualifying, verdict: { frameworkId: 'bant', qualified: false, score: 50 } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues.map((i) => i.code)).toEqual(['not_qualified']);
  });

  it('enforces a minimum ICP fit when configured', () => {
    expect(toProspect(lead, qualifying, { minIcpFit: 70 }).ok).toBe(true);
    const low = toProspect(lead, qualifying, { minIcpFit: 71 });
    expect(!low.ok && low.error.issues[0]?.message).toMatch(/70 is below the required 71/);
    const { icpFit: _, ...withoutFit } = qualifying;
    const missing = toProspect(lead, withoutFit, { minIcpFit: 10 });
    expect(!missing.ok && missing.error.issues[0]?.code).toBe('icp_fit_missing');
    const disqualified = toProspect(lead, { ...qualifying, icpFit: { icpId: 'x', score: 90, grade: 'F' } }, { minIcpFit: 10 });
    expect(!disqualified.ok && disqualified.error.issues[0]?.message).toMatch(/disqualified/);
  });

  // Regression (issue 12, item 8): `NaN < minIcpFit` is false, so a NaN fit passed any minimum, and so did any fit
  // with `minIcpFit: NaN`; prospectToJson then threw on the prospect.
  it('refuses a score that is not a number from 0 to 100, and throws on a minIcpFit that is not one', () => {
    const codes = (result: ReturnType<typeof toProspect>) => (result.ok ? [] : result.error.issues.map((found) => `${found.pathText} ${found.code}`));
    const nanFit = { ...qualifying, icpFit: { icpId: 'cloud-storage', score: Number.NaN, grade: 'B' as const } };
    expect(codes(toProspect(lead, nanFit, { minIcpFit: 60 }))).toEqual(['qualification.icpFit.score invalid_score']);
    expect(codes(toProspect(lead, nanFit))).toEqual(['qualification.icpFit.score invalid_score']);
    expect(codes(toProspect(lead, { ...qualifying, verdict: { ...qualifying.verdict, score: 150 } }))).toEqual(['qualification.verdict.score invalid_score']);
    for (const minIcpFit of [Number.NaN, -1, 101, Number.POSITIVE_INFINITY])
      expect(() => toProspect(lead, qualifying, { minIcpFit })).toThrow(new RangeError(`minIcpFit must be a number from 0 to 100, not ${minIcpFit}`));
  });

  it('does not mutate the lead', () => {
    const before = structuredClone(lead);
    toProspect(lead, qualifying);
    expect(lead).toEqual(before);
    expect(lead).not.toHaveProperty('qualification');
  });

  it('isProspect rejects plain leads and non-qualifying records', () => {
    expect(isProspect(lead)).toBe(false);
    expect(isProspect({ ...lead, qualification: { ...qualifying, verdict: { ...qualifying.verdict, qualified: false } } } as Lead)).toBe(false);
  });
});
