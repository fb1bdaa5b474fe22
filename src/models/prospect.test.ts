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

  it('accepts scores and minimums at 0 and 100 and a fit exactly at the minimum; ignores an F grade without a minimum', () => {
    const withScores = (verdictScore: number, fitScore: number): Qualification => ({
      ...qualifying,
      verdict: { ...qualifying.verdict, score: verdictScore },
      icpFit: { icpId: 'cloud-storage', score: fitScore, grade: 'B' },
    });
    for (const [verdictScore, fitScore, minIcpFit] of [
      [0, 0, 0],
      [100, 100, 100],
      [50, 42.5, 42.5],
    ] as const)
      expect(toProspect(lead, withScores(verdictScore, fitScore), { minIcpFit }).ok).toBe(true);
    for (const bad of [-0.001, 100.001]) {
      expect(toProspect(lead, withScores(bad, 50)).ok).toBe(false);
      expect(toProspect(lead, withScores(50, bad)).ok).toBe(false);
      expect(() => toProspect(lead, qualifying, { minIcpFit: bad })).toThrow(RangeError);
    }
    expect(toProspect(lead, { ...qualifying, icpFit: { icpId: 'x', score: 90, grade: 'F' } }).ok).toBe(true);
  });

  it('lists every problem at once, in order, with its path and words', () => {
    const problems = (qualification: Qualification, minIcpFit?: number) => {
      const result = toProspect(lead, qualification, minIcpFit === undefined ? {} : { minIcpFit });
      return result.ok ? [] : result.error.issues.map((found) => [found.pathText, found.code, found.message]);
    };
    const wrong: Qualification = {
      verdict: { frameworkId: 'meddic', qualified: false, score: Number.NaN },
      icpFit: { icpId: 'cloud-storage', score: 30, grade: 'C' },
      qualifiedAt: new Date(Number.NaN),
      qualifiedBy: 'rep-7',
    };
    expect(problems(wrong, 50)).toEqual([
      ['qualification.verdict.qualified', 'not_qualified', 'the meddic verdict did not qualify the lead'],
      ['qualification.verdict.score', 'invalid_score', 'must be a number from 0 to 100, not NaN'],
      ['qualification.icpFit.score', 'icp_fit_too_low', 'ICP fit 30 is below the required 50'],
      ['qualification.qualifiedAt', 'invalid_date', 'is not a valid date'],
    ]);
    // Without a minimum the fit is not judged; a fit that is not a score is refused either way.
    expect(problems(wrong).map(([path]) => path)).toEqual(['qualification.verdict.qualified', 'qualification.verdict.score', 'qualification.qualifiedAt']);
    expect(problems({ ...qualifying, icpFit: { icpId: 'x', score: 101, grade: 'A' } }, 50)).toEqual([
      ['qualification.icpFit.score', 'invalid_score', 'must be a number from 0 to 100, not 101'],
    ]);
    expect(problems({ ...qualifying, icpFit: undefined }, 40)).toEqual([
      ['qualification.icpFit', 'icp_fit_missing', 'an ICP fit of at least 40 is required, but none was given'],
    ]);
    expect(problems({ ...qualifying, icpFit: { icpId: 'nope', score: 90, grade: 'F' } }, 10)).toEqual([
      ['qualification.icpFit.score', 'icp_fit_too_low', 'the lead is disqualified by ICP nope'],
    ]);
    expect(problems({ ...qualifying, qualifiedAt: '2024-06-01' as unknown as Date })).toEqual([
      ['qualification.qualifiedAt', 'invalid_date', 'is not a valid date'],
    ]);
    expect(problems(qualifying)).toEqual([]);
    // A score given as text is not a number, though '50' >= 0.
    expect(problems({ ...qualifying, verdict: { ...qualifying.verdict, score: '50' as unknown as number } })).toEqual([
      ['qualification.verdict.score', 'invalid_score', 'must be a number from 0 to 100, not 50'],
    ]);
    const refused = toProspect(lead, { ...qualifying, qualifiedAt: new Date(Number.NaN) });
    expect(!refused.ok && refused.error.message.split('\n')[0]).toMatch(/^Invalid prospect /);
    // With another problem, a fit at or above the minimum and a missing fit without a minimum are not problems.
    const unqualified = { ...qualifying, verdict: { ...qualifying.verdict, qualified: false } };
    for (const minIcpFit of [50, 70]) expect(problems(unqualified, minIcpFit).map(([path]) => path)).toEqual(['qualification.verdict.qualified']);
    expect(problems({ ...qualifying, icpFit: undefined, qualifiedAt: new Date(Number.NaN) }).map(([path]) => path)).toEqual(['qualification.qualifiedAt']);
  });

  it('does not mutate the lead', () => {
    const before = structuredClone(lead);
    toProspect(lead, qualifying);
    expect(lead).toEqual(before);
    expect(lead).not.toHaveProperty('qualification');
  });

  it('isProspect rejects plain leads and non-qualifying records', () => {
    expect(isProspect(lead)).toBe(false);
    const withQualification = (qualification: unknown) => ({ ...lead, qualification }) as Lead;
    expect(isProspect(withQualification(qualifying))).toBe(true);
    expect(isProspect(withQualification(null))).toBe(false);
    expect(isProspect(withQualification('qualified'))).toBe(false);
    expect(isProspect(withQualification({ ...qualifying, verdict: undefined }))).toBe(false);
    expect(isProspect(withQualification({ ...qualifying, verdict: { ...qualifying.verdict, qualified: 'yes' } }))).toBe(false);
    expect(isProspect(withQualification({ ...qualifying, qualifiedAt: '2024-06-01T00:00:00Z' }))).toBe(false);
    expect(isProspect(withQualification({ ...qualifying, qualifiedAt: new Date(Number.NaN) }))).toBe(false);
    expect(isProspect(withQualification({ ...qualifying, qualifiedBy: undefined }))).toBe(false);
    expect(isProspect({ ...lead, qualification: { ...qualifying, verdict: { ...qualifying.verdict, qualified: false } } } as Lead)).toBe(false);
  });
});
