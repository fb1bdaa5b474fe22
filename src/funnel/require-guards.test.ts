import { describe, expect, it } from 'vitest';
import { bantFramework } from '../frameworks/builtins/bant.ts';
import { evaluateAssessment } from '../frameworks/evaluate-assessment.ts';
import type { Lead } from '../models/lead.ts';
import { contribution } from '../scoring/contribution.ts';
import type { Scorer } from '../scoring/types.ts';
import { addTransitionGuards } from './add-transition-guards.ts';
import { defineFunnel } from './define-funnel.ts';
import { b2bFunnelDefinition } from './presets/b2b.ts';
import { requireQualified } from './require-qualified.ts';
import { requireScore } from './require-score.ts';
import { at, sampleLead } from './funnel.test-fixtures.ts';
import { transition } from './transition.ts';

const assessedAt = at('2024-05-02T10:00:00Z');
const strong = { rating: 'strong' as const, assessedAt };
const qualifying = { frameworkId: 'bant', criteria: { budget: strong, authority: strong, need: strong } };
const weak = { frameworkId: 'bant', criteria: { budget: { rating: 'weak' as const, assessedAt } } };

const mql = (overrides: Partial<Lead> = {}): Lead =>
  sampleLead({
    stage: 'mql',
    stageHistory: [
      { from: null, to: 'lead', event: 'capture', at: at('2024-05-01T09:00:00Z') },
      { from: 'lead', to: 'mql', event: 'engage', at: at('2024-05-02T09:00:00Z') },
    ],
    ...overrides,
  });

describe('requireQualified', () => {
  const assessments = new Map<string, typeof qualifying | typeof weak>([
    ['good', qualifying],
    ['weak', weak],
  ]);
  const guard = requireQualified(bantFramework, (lead: Lead) => assessments.get(lead.id));
  const funnel = defineFunnel(addTransitionGuards(b2bFunnelDefinition, { qualify: ['bant'] }), { guards: { bant: guard } });
  const event = { type: 'qualify', at: at('2024-05-03T09:00:00Z'), by: 'rep-7' } as const;

  it('makes a prospect carrying the framework verdict', () => {
    const result = transition(funnel, mql({ id: 'good' }), event);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.prospect?.qualification.verdict).toMatchObject({ frameworkId: 'bant', qualified: true });
    expect(result.prospect?.qualification.qualifiedBy).toBe('rep-7');
    expect(result.prospect?.qualification.qualifiedAt).toEqual(event.at);
  });

  it('refuses with the verdict summary and what is missing', () => {
    const result = transition(funnel, mql({ id: 'weak' }), event);
    expect(!result.ok && result.error.failedGuards[0]?.guard).toBe('bant');
    expect(!result.ok && result.error.failedGuards[0]?.reason).toMatch(/not yet rated: authority, need, timeline/);
    const none = transition(funnel, mql({ id: 'nobody' }), event);
    expect(!none.ok && none.error.failedGuards[0]?.reason).toBe('no BANT assessment for this record');
  });

  it('evaluates as of the event time (stale evidence ages with it)', () => {
    const seen: Date[] = [];
    const spy = requireQualified(bantFramework, (_lead: Lead, seenEvent) => (seen.push(seenEvent.at), qualifying));
    spy.check(mql(), event, {});
    expect(seen).toEqual([event.at]);
  });

  it('fails, without throwing, when called directly with an event whose time is not valid', () => {
    expect(guard.check(mql({ id: 'good' }), { ...event, at: new Date('nope') }, {})).toEqual({
      passed: false,
      reason: 'event.at is not a valid date, so the BANT assessment cannot be evaluated',
    });
  });

  it('does not mutate its input', () => {
    const lead = mql({ id: 'good' });
    const before = structuredClone(lead);
    guard.check(lead, event, {});
    expect(lead).toEqual(before);
  });
});

describe('requireScore', () => {
  const scorer: Scorer = (lead, options) => {
    const points = (lead.company?.employeeCount ?? 0) >= 100 ? 60 : 20;
    return {
      score: points,
      contributions: [contribution({ ruleId: 'size', label: 'Company size', group: 'fit', points })],
      disqualifications:
        lead.contact.email?.endsWith('@gmail.com') && new Date(options.asOf).getUTCFullYear() > 2000 ? [{ ruleId: 'free-mail', label: 'Free e-mail' }] : [],
    };
  };
  const guard = requireScore(scorer, 50);
  const event = { type: 'engage', at: at('2024-05-03T09:00:00Z') };

  it('passes at or above the threshold, with the score as evidence', () => {
    expect(guard.check(sampleLead(), event, {})).toEqual({ passed: true, reason: 'score 60 reaches 50', evidence: { score: 60 } });
  });

  it('explains a low score and a disqualification', () => {
    const small = sampleLead({ company: { name: 'Tiny', employeeCount: 5 } });
    expect(guard.check(small, event, {}).reason).toBe('score 20 is below 50 (Company size +20)');
    const free = sampleLead({ contact: { email: 'ada@gmail.com' } });
    expect(guard.check(free, event, {})).toMatchObject({ passed: false, reason: 'disqualified by Free e-mail' });
  });

  it('refuses a minScore that is not a finite number, and an event time that is not valid', () => {
    for (const minScore of [Number.NaN, Number.POSITIVE_INFINITY]) expect(() => requireScore(scorer, minScore)).toThrow(RangeError);
    expect(guard.check(sampleLead(), { ...event, at: new Date('nope') }, {})).toEqual({
      passed: false,
      reason: 'event.at is not a valid date, so the lead cannot be scored',
    });
  });

  it('guards a funnel transition', () => {
    const funnel = defineFunnel(addTransitionGuards(b2bFunnelDefinition, { engage: ['score'] }), { guards: { score: guard } });
    const lead = sampleLead({ stage: 'lead', stageHistory: [{ from: null, to: 'lead', event: 'capture', at: at('2024-05-01T09:00:00Z') }] });
    expect(transition(funnel, lead, { type: 'engage', at: event.at }).ok).toBe(true);
    const refused = transition(funnel, { ...lead, company: { name: 'Tiny', employeeCount: 5 } }, { type: 'engage', at: event.at });
    expect(!refused.ok && refused.error.failedGuards).toEqual([{ guard: 'score', reason: 'score 20 is below 50 (Company size +20)' }]);
  });
});

// The guards below are built inside each test: what a guard computes once, when it is made (its name, description and
// fixed refusals), is checked on a guard made by the test itself.
describe('requireQualified, built in the test', () => {
  const all = { budget: strong, authority: strong, need: strong, timeline: strong };
  const complete = { frameworkId: 'bant', criteria: all };

  it('is named after the framework and describes what it requires', () => {
    const guard = requireQualified(bantFramework, () => complete);
    expect([guard.name, guard.description]).toEqual(['qualified-bant', 'qualified by BANT']);
    expect(guard.check(mql(), { type: 'qualify', at: new Date(Number.NaN) }, {})).toEqual({
      passed: false,
      reason: 'event.at is not a valid date, so the BANT assessment cannot be evaluated',
    });
    expect(requireQualified(bantFramework, () => undefined).check(mql(), { type: 'qualify', at: assessedAt }, {})).toEqual({
      passed: false,
      reason: 'no BANT assessment for this record',
    });
  });

  it('passes with the verdict as evidence, and hands staleAfterDays to evaluateAssessment', () => {
    const late = { type: 'qualify', at: at('2025-05-03T09:00:00Z') };
    const verdict = { frameworkId: 'bant', qualified: true, score: 100, summary: 'Qualified by BANT: 4 of 4 criteria met, score 100/100.' };
    expect(requireQualified(bantFramework, () => complete).check(mql(), late, {})).toEqual({ passed: true, reason: verdict.summary, evidence: { verdict } });
    // Stale evidence does not change the verdict; an impossible stale age is evaluateAssessment's programmer error.
    expect(requireQualified(bantFramework, () => complete, { staleAfterDays: 30 }).check(mql(), late, {}).passed).toBe(true);
    expect(() => requireQualified(bantFramework, () => complete, { staleAfterDays: 0 }).check(mql(), late, {})).toThrow(RangeError);
  });

  it('gives the summary alone when every criterion is rated but the verdict does not qualify', () => {
    const weakRating = { rating: 'weak' as const, assessedAt };
    const rated = { frameworkId: 'bant', criteria: { budget: weakRating, authority: weakRating, need: weakRating, timeline: weakRating } };
    expect(requireQualified(bantFramework, () => rated).check(mql(), { type: 'qualify', at: at('2024-05-03T09:00:00Z') }, {})).toEqual({
      passed: false,
      reason: 'Not qualified by BANT: 0 of 4 criteria met (3 needed).',
    });
  });
});

describe('requireScore, built in the test', () => {
  const scoring =
    (score: number): Scorer =>
    () => ({
      score,
      disqualifications: [],
      contributions: [
        contribution({ ruleId: 'a', label: 'A', group: 'fit', points: 5 }),
        contribution({ ruleId: 'b', label: 'B', group: 'fit', points: 20 }),
        contribution({ ruleId: 'c', label: 'C', group: 'fit', points: -10 }),
        contribution({ ruleId: 'd', label: 'D', group: 'fit', points: 15 }),
      ],
    });
  const event = { type: 'engage', at: at('2024-05-03T09:00:00Z') };

  it('passes a score equal to the minimum', () => {
    expect(requireScore(scoring(50), 50).check(sampleLead(), event, {})).toEqual({ passed: true, reason: 'score 50 reaches 50', evidence: { score: 50 } });
    expect(requireScore(scoring(-5), -5).check(sampleLead(), event, {}).passed).toBe(true);
  });

  it('names itself, and explains a low score by its three largest contributions, largest first', () => {
    const guard = requireScore(scoring(30), 50);
    expect([guard.name, guard.description]).toEqual(['score', 'score of at least 50']);
    expect(guard.check(sampleLead(), event, {})).toEqual({ passed: false, reason: 'score 30 is below 50 (B +20, D +15, A +5)', evidence: { score: 30 } });
    const negative: Scorer = () => ({
      score: -10,
      disqualifications: [],
      contributions: [contribution({ ruleId: 'c', label: 'C', group: 'fit', points: -10 })],
    });
    expect(requireScore(negative, 0).check(sampleLead(), event, {}).reason).toBe('score -10 is below 0 (C -10)');
    const zero: Scorer = () => ({ score: 0, disqualifications: [], contributions: [contribution({ ruleId: 'z', label: 'Z', group: 'fit', points: 0 })] });
    expect(requireScore(zero, 1).check(sampleLead(), event, {}).reason).toBe('score 0 is below 1 (Z 0)');
    const twice: Scorer = () => ({
      score: 90,
      contributions: [],
      disqualifications: [
        { ruleId: 'a', label: 'Free e-mail' },
        { ruleId: 'b', label: 'Competitor' },
      ],
    });
    expect(requireScore(twice, 1).check(sampleLead(), event, {}).reason).toBe('disqualified by Free e-mail, Competitor');
    const empty: Scorer = () => ({ score: 0, disqualifications: [], contributions: [] });
    expect(requireScore(empty, 1).check(sampleLead(), event, {}).reason).toBe('score 0 is below 1');
  });

  it('refuses minScore given as something else than a number, saying what it got', () => {
    expect(() => requireScore(scoring(0), '5' as unknown as number)).toThrow('requireScore: minScore must be a finite number, got 5');
    expect(() => requireScore(scoring(0), Number.NaN)).toThrow('requireScore: minScore must be a finite number, got NaN');
  });
});

describe('requireQualified, reasons and options', () => {
  const event = { type: 'qualify', at: at('2024-05-03T09:00:00Z'), by: 'rep-7' } as const;
  const rated = (rating: 'weak' | 'strong') => ({ rating, assessedAt });
  const allRated = { frameworkId: 'bant', criteria: { budget: rated('weak'), authority: rated('weak'), need: rated('weak'), timeline: rated('weak') } };

  it('gives the summary alone when every criterion is rated but the assessment does not qualify', () => {
    const guard = requireQualified(bantFramework, () => allRated);
    const verdict = evaluateAssessment(bantFramework, allRated, { asOf: event.at });
    expect(verdict.missing).toEqual([]);
    expect(guard.check(mql(), event, {})).toEqual({ passed: false, reason: verdict.summary });
  });

  it('names the criteria not yet rated, and fails without an assessment', () => {
    const guard = requireQualified(bantFramework, (lead: Lead) => (lead.id === 'none' ? undefined : weak));
    const check = guard.check(mql(), event, {});
    expect(check.passed).toBe(false);
    expect(check.reason).toMatch(/ \(not yet rated: authority, need, timeline\)$/);
    expect(guard.check(mql({ id: 'none' }), event, {})).toEqual({ passed: false, reason: 'no BANT assessment for this record' });
  });

  it('ages evidence by staleAfterDays when given', () => {
    const later = { ...event, at: at('2024-08-01T09:00:00Z') };
    const lenient = requireQualified(bantFramework, () => qualifying);
    const strict = requireQualified(bantFramework, () => qualifying, { staleAfterDays: 30 });
    const expectedStrict = evaluateAssessment(bantFramework, qualifying, { asOf: later.at, staleAfterDays: 30 });
    const expectedLenient = evaluateAssessment(bantFramework, qualifying, { asOf: later.at });
    expect(expectedStrict.stale.map((entry) => entry.criterion)).toEqual(['budget', 'authority', 'need']);
    expect(lenient.check(mql(), later, {}).reason).toBe(expectedLenient.summary);
    expect(strict.check(mql(), later, {}).passed).toBe(expectedStrict.qualified);
    expect(strict.check(mql(), later, {}).reason.startsWith(expectedStrict.summary)).toBe(true);
  });
});
