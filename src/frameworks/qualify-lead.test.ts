import { describe, expect, it } from 'vitest';
import { Lead } from '../models/lead.ts';
import { isProspect } from '../models/prospect.ts';
import { bantFramework } from './builtins/bant.ts';
import { evaluateAssessment } from './evaluate-assessment.ts';
import { prospectFromVerdict, qualifyLead, toQualificationVerdict } from './qualify-lead.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const at = new Date('2025-06-20T00:00:00Z');
const lead = Lead.parse({ id: 'lead-1', contact: { firstName: 'Ada' }, source: 'website_form', createdAt: '2025-06-01T00:00:00Z' });
const qualifying = {
  frameworkId: 'bant',
  criteria: { budget: { rating: 'strong', assessedAt: at }, authority: { rating: 'strong', assessedAt: at }, need: { rating: 'strong', assessedAt: at } },
} as const;

describe('qualifyLead', () => {
  it('makes a prospect from a qualifying assessment, recording a slim verdict', () => {
    const result = qualifyLead(bantFramework, lead, qualifying, { asOf, by: 'rep-7' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(isProspect(result.value)).toBe(true);
    expect(result.value.qualification).toEqual({
      verdict: { frameworkId: 'bant', qualified: true, score: 75, summary: 'Qualified by BANT: 3 of 4 criteria met, score 75/100.' },
      qualifiedAt: asOf,
      qualifiedBy: 'rep-7',
    });
  });

  it('refuses with the verdict and its next questions when the assessment does not qualify', () => {
    const result = qualifyLead(bantFramework, lead, { frameworkId: 'bant', criteria: { budget: qualifying.criteria.budget } }, { asOf, by: 'rep-7' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.error.issues.map((found) => found.code)).toEqual(['not_qualified']);
    expect(result.error.verdict.nextQuestions[0]?.criterion).toBe('authority');
  });

  it('requires the ICP fit when minIcpFit is set', () => {
    const low = qualifyLead(bantFramework, lead, qualifying, { asOf, by: 'rep-7', icpFit: { icpId: 'saas', score: 40, grade: 'C' }, minIcpFit: 60 });
    expect(low.ok || low.error.error.issues.map((found) => found.code)).toEqual(['icp_fit_too_low']);
    const high = qualifyLead(bantFramework, lead, qualifying, { asOf, by: 'rep-7', icpFit: { icpId: 'saas', score: 80, grade: 'A' }, minIcpFit: 60 });
    expect(high.ok && high.value.qualification.icpFit?.score).toBe(80);
  });

  it('prospectFromVerdict takes a narrowed verdict', () => {
    const verdict = evaluateAssessment(bantFramework, qualifying, { asOf });
    expect(toQualificationVerdict(verdict)).toEqual({ frameworkId: 'bant', qualified: true, score: 75, summary: verdict.summary });
    if (!verdict.qualified) throw new Error('expected a qualifying verdict');
    const result = prospectFromVerdict(lead, verdict, { at: asOf, by: 'system' });
    expect(result.ok && result.value.qualification.qualifiedBy).toBe('system');
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(lead);
    qualifyLead(bantFramework, lead, qualifying, { asOf, by: 'rep-7' });
    expect(lead).toEqual(copy);
  });
});

describe('prospectFromVerdict with an ICP fit', () => {
  const verdict = evaluateAssessment(bantFramework, qualifying, { asOf });
  if (!verdict.qualified) throw new Error('expected a qualifying verdict');

  it('records the ICP fit and accepts it at or above minIcpFit', () => {
    const icpFit = { icpId: 'mid-market', score: 82, grade: 'A' } as const;
    const result = prospectFromVerdict(lead, verdict, { at: asOf, by: 'rep-7', icpFit, minIcpFit: 82 });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.qualification.icpFit).toEqual(icpFit);
  });

  it('refuses a fit below minIcpFit, a missing fit, and a disqualified one, with the path and the reason', () => {
    const low = prospectFromVerdict(lead, verdict, { at: asOf, by: 'rep-7', icpFit: { icpId: 'mid-market', score: 40, grade: 'C' }, minIcpFit: 60 });
    expect(low.ok || low.error.issues.map((found) => [found.pathText, found.code, found.message])).toEqual([
      ['qualification.icpFit.score', 'icp_fit_too_low', 'ICP fit 40 is below the required 60'],
    ]);
    const none = prospectFromVerdict(lead, verdict, { at: asOf, by: 'rep-7', minIcpFit: 60 });
    expect(none.ok || none.error.issues.map((found) => found.code)).toEqual(['icp_fit_missing']);
    const disqualified = prospectFromVerdict(lead, verdict, { at: asOf, by: 'rep-7', icpFit: { icpId: 'mid-market', score: 90, grade: 'F' }, minIcpFit: 10 });
    expect(disqualified.ok || disqualified.error.issues.map((found) => found.message)).toEqual(['the lead is disqualified by ICP mid-market']);
    expect(() => prospectFromVerdict(lead, verdict, { at: asOf, by: 'rep-7', minIcpFit: Number.NaN })).toThrow(RangeError);
  });
});
