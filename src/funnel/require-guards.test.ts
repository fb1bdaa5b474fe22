import { describe, expect, it } from 'vitest';
import { bantFramework } from '../frameworks/builtins/bant.ts';
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
      disqualifications: lead.contact.email?.endsWith('@gmail.com') && options.asOf.getUTCFullYear() > 2000 ? [{ ruleId: 'free-mail', label: 'Free e-mail' }] : [],
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

  it('guards a funnel transition', () => {
    const funnel = defineFunnel(addTransitionGuards(b2bFunnelDefinition, { engage: ['score'] }), { guards: { score: guard } });
    const lead = sampleLead({ stage: 'lead', stageHistory: [{ from: null, to: 'lead', event: 'capture', at: at('2024-05-01T09:00:00Z') }] });
    expect(transition(funnel, lead, { type: 'engage', at: event.at }).ok).toBe(true);
    const refused = transition(funnel, { ...lead, company: { name: 'Tiny', employeeCount: 5 } }, { type: 'engage', at: event.at });
    expect(!refused.ok && refused.error.failedGuards).toEqual([{ guard: 'score', reason: 'score 20 is below 50 (Company size +20)' }]);
  });
});
