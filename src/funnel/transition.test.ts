import { describe, expect, it } from 'vitest';
import { isProspect } from '../models/prospect.ts';
import { defineFunnel } from './define-funnel.ts';
import { addTransitionGuards } from './add-transition-guards.ts';
import { defineFunnelGuard, requireFields } from './guards.ts';
import { b2bFunnel, b2bFunnelDefinition } from './presets/b2b.ts';
import { salesforceLeadStatusFunnel } from './presets/salesforce-lead.ts';
import { at, bantVerdict, sampleLead } from './funnel.test-fixtures.ts';
import { transition } from './transition.ts';
import type { FunnelEvent } from './types.ts';

function walk<R extends { stage?: string | undefined }>(record: R, events: readonly FunnelEvent<string>[]): R {
  let current = record;
  for (const event of events) {
    const result = transition(b2bFunnel, current as never, event as never);
    if (!result.ok) throw new Error(result.error.message);
    current = result.value as R;
  }
  return current;
}

describe('transition', () => {
  it('enters a record with no stage through an entry event and appends history', () => {
    const lead = sampleLead();
    const result = transition(b2bFunnel, lead, { type: 'capture', at: at('2024-05-01T09:00:00Z'), by: 'form:contact', reason: 'filled in the form' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.stage).toBe('lead');
    expect(result.value.stageHistory).toEqual([
      { from: null, to: 'lead', event: 'capture', at: at('2024-05-01T09:00:00Z'), by: 'form:contact', reason: 'filled in the form' },
    ]);
    expect(result.change).toEqual(result.value.stageHistory?.[0]);
    expect(result.value.id).toBe(lead.id);
    expect(result.effects).toEqual([]);
  });

  it('leaves out by and reason when the event has none', () => {
    const result = transition(b2bFunnel, sampleLead(), { type: 'capture', at: at('2024-05-01T09:00:00Z') });
    expect(result.ok && Object.keys(result.change)).toEqual(['from', 'to', 'event', 'at']);
  });

  it('does not mutate its input', () => {
    const lead = walk(sampleLead(), [{ type: 'capture', at: at('2024-05-01T09:00:00Z') }]);
    const frozen = Object.freeze({ ...lead, stageHistory: Object.freeze([...(lead.stageHistory ?? [])]) });
    const before = structuredClone(frozen);
    const event = Object.freeze({ type: 'engage', at: at('2024-05-02T09:00:00Z') });
    const result = transition(b2bFunnel, frozen, event);
    expect(result.ok).toBe(true);
    expect(frozen).toEqual(before);
    expect(result.ok && result.value).not.toBe(frozen);
  });

  it('returns the effects of the transition and of the stage entered', () => {
    const lead = walk(sampleLead(), [{ type: 'capture', at: at('2024-05-01T09:00:00Z') }, { type: 'engage', at: at('2024-05-02T09:00:00Z') }]);
    const result = transition(b2bFunnel, lead, { type: 'qualify', at: at('2024-05-03T09:00:00Z'), qualification: bantVerdict });
    expect(result.ok && result.effects).toEqual([{ type: 'push_to_crm', params: { object: 'lead' } }, { type: 'notify_owner' }]);
  });

  it('refuses an event the stage does not allow, listing the allowed ones', () => {
    const lead = walk(sampleLead(), [{ type: 'capture', at: at('2024-05-01T09:00:00Z') }]);
    const result = transition(b2bFunnel, lead, { type: 'win', at: at('2024-05-02T09:00:00Z') });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'transition_refused', reason: 'no_transition', event: 'win', from: 'lead', to: null });
    expect(result.error.allowedEvents).toEqual(['engage', 'lose', 'disqualify', 'recycle']);
    expect(result.error.message).toContain('"win"');
  });

  it('refuses events on terminal stages, unknown stages and invalid times', () => {
    const disqualified = walk(sampleLead(), [{ type: 'capture', at: at('2024-05-01T09:00:00Z') }, { type: 'disqualify', at: at('2024-05-01T10:00:00Z') }]);
    const terminal = transition(b2bFunnel, disqualified, { type: 'engage', at: at('2024-05-02T09:00:00Z') });
    expect(!terminal.ok && terminal.error.reason).toBe('terminal_stage');
    const unknown = transition(b2bFunnel, sampleLead({ stage: 'limbo' }), { type: 'engage', at: at('2024-05-02T09:00:00Z') });
    expect(!unknown.ok && unknown.error.reason).toBe('unknown_stage');
    const invalid = transition(b2bFunnel, sampleLead(), { type: 'capture', at: new Date('not a date') });
    expect(!invalid.ok && invalid.error.reason).toBe('invalid_time');
  });

  it('refuses an event earlier than the last history entry', () => {
    const lead = walk(sampleLead(), [{ type: 'capture', at: at('2024-05-05T09:00:00Z') }]);
    const result = transition(b2bFunnel, lead, { type: 'engage', at: at('2024-05-04T09:00:00Z') });
    expect(!result.ok && result.error.reason).toBe('out_of_order');
    expect(!result.ok && result.error.message).toMatch(/earlier than the last history entry/);
    const same = transition(b2bFunnel, lead, { type: 'engage', at: at('2024-05-05T09:00:00Z') });
    expect(same.ok).toBe(true);
  });

  it('inserts an earlier event in order and re-validates later entries, by option', () => {
    const lead = walk(sampleLead(), [
      { type: 'capture', at: at('2024-05-01T09:00:00Z') },
      { type: 'engage', at: at('2024-05-10T09:00:00Z') },
    ]);
    // disqualify on 5 May would make the later `engage` impossible.
    const broken = transition(b2bFunnel, lead, { type: 'disqualify', at: at('2024-05-05T09:00:00Z') }, { outOfOrder: 'insert' });
    expect(!broken.ok && broken.error.reason).toBe('history_invalid');
    const recycledFirst = transition(b2bFunnel, lead, { type: 'recycle', at: at('2024-05-05T09:00:00Z') }, { outOfOrder: 'insert' });
    expect(!recycledFirst.ok && recycledFirst.error.reason).toBe('history_invalid');

    const mql = walk(sampleLead(), [
      { type: 'capture', at: at('2024-05-01T09:00:00Z') },
      { type: 'engage', at: at('2024-05-02T09:00:00Z') },
      { type: 'recycle', at: at('2024-05-20T09:00:00Z') },
    ]);
    const inserted = transition(
      b2bFunnel,
      mql,
      { type: 'qualify', at: at('2024-05-10T09:00:00Z'), qualification: bantVerdict },
      { outOfOrder: 'insert' },
    );
    expect(inserted.ok).toBe(true);
    if (!inserted.ok) return;
    expect(inserted.value.stageHistory?.map((entry) => `${entry.from}>${entry.to}`)).toEqual(['null>lead', 'lead>mql', 'mql>sql', 'sql>nurture']);
    expect(inserted.value.stage).toBe('nurture');
    expect(inserted.change).toMatchObject({ from: 'mql', to: 'sql', event: 'qualify' });
    expect(inserted.prospect).toBeDefined();
  });

  it('names every failed guard with its reason', () => {
    const noOwner = defineFunnelGuard<{ ownerId?: string | undefined }>('has-owner', (record) => record.ownerId !== undefined, 'the lead has no owner');
    const funnel = defineFunnel(addTransitionGuards(b2bFunnelDefinition, { engage: ['contactable', 'owned'] }), {
      guards: { contactable: requireFields('contact.phone', 'company.industry'), owned: noOwner },
    });
    const lead = sampleLead({ stage: 'lead', stageHistory: [{ from: null, to: 'lead', event: 'capture', at: at('2024-05-01T09:00:00Z') }] });
    const result = transition(funnel, lead, { type: 'engage', at: at('2024-05-02T09:00:00Z') });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.reason).toBe('guard_failed');
    expect(result.error.to).toBe('mql');
    expect(result.error.failedGuards).toEqual([
      { guard: 'contactable', reason: 'missing contact.phone' },
      { guard: 'owned', reason: 'the lead has no owner' },
    ]);
    expect(result.error.message).toContain('contactable: missing contact.phone; owned: the lead has no owner');
    const fixed = transition(funnel, { ...lead, ownerId: 'rep-1', contact: { ...lead.contact, phone: '+1 555 0100' } }, { type: 'engage', at: at('2024-05-02T09:00:00Z') });
    expect(fixed.ok).toBe(true);
  });

  it('lets guards see the event time, not the clock', () => {
    const seen: Date[] = [];
    const spy = defineFunnelGuard('spy', (_record, event) => (seen.push(event.at), true), 'never');
    const funnel = defineFunnel(addTransitionGuards(b2bFunnelDefinition, { capture: ['spy'] }), { guards: { spy } });
    transition(funnel, sampleLead(), { type: 'capture', at: at('2001-01-01T00:00:00Z') });
    expect(seen).toEqual([at('2001-01-01T00:00:00Z')]);
  });
});

describe('lead to prospect', () => {
  const mql = () =>
    walk(sampleLead(), [
      { type: 'capture', at: at('2024-05-01T09:00:00Z') },
      { type: 'engage', at: at('2024-05-02T09:00:00Z') },
    ]);

  it('makes a prospect when entering the qualified stage with a qualifying verdict', () => {
    const result = transition(b2bFunnel, mql(), {
      type: 'qualify',
      at: at('2024-05-03T09:00:00Z'),
      by: 'rep-7',
      qualification: { ...bantVerdict, icpFit: { icpId: 'mid-market', score: 82, grade: 'A' } },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.prospect).toBe(result.value);
    expect(isProspect(result.value)).toBe(true);
    expect(result.prospect?.qualification).toEqual({
      verdict: bantVerdict.verdict,
      icpFit: { icpId: 'mid-market', score: 82, grade: 'A' },
      qualifiedAt: at('2024-05-03T09:00:00Z'),
      qualifiedBy: 'rep-7',
    });
  });

  it('refuses entry into the qualified stage without a verdict, or with one that does not qualify', () => {
    const missing = transition(b2bFunnel, mql(), { type: 'qualify', at: at('2024-05-03T09:00:00Z') });
    expect(!missing.ok && missing.error.reason).toBe('qualification_missing');
    const notQualified = transition(b2bFunnel, mql(), {
      type: 'qualify',
      at: at('2024-05-03T09:00:00Z'),
      qualification: { verdict: { frameworkId: 'bant', qualified: false, score: 25 } },
    });
    expect(!notQualified.ok && notQualified.error.reason).toBe('not_qualified');
    expect(!notQualified.ok && notQualified.error.message).toContain('bant verdict did not qualify');
  });

  it('uses the verdict a guard gathered as evidence', () => {
    const verdictGuard = {
      name: 'framework',
      description: 'BANT says qualified',
      check: () => ({ passed: true, reason: 'qualified', evidence: { verdict: { frameworkId: 'meddic', qualified: true, score: 80 } } }),
    };
    const funnel = defineFunnel(addTransitionGuards(b2bFunnelDefinition, { qualify: ['framework'] }), { guards: { framework: verdictGuard } });
    const result = transition(funnel, mql(), { type: 'qualify', at: at('2024-05-03T09:00:00Z') });
    expect(result.ok && result.prospect?.qualification.verdict.frameworkId).toBe('meddic');
    expect(result.ok && result.prospect?.qualification.qualifiedBy).toBe('funnel:b2b-lifecycle');
  });

  it('converts a Salesforce lead into a prospect with the conversion effect', () => {
    const created = transition(salesforceLeadStatusFunnel, sampleLead(), { type: 'create', at: at('2024-05-01T09:00:00Z') });
    if (!created.ok) throw new Error(created.error.message);
    const converted = transition(salesforceLeadStatusFunnel, created.value, { type: 'convert', at: at('2024-05-02T09:00:00Z'), qualification: bantVerdict });
    expect(converted.ok && converted.value.stage).toBe('closed_converted');
    expect(converted.ok && converted.prospect !== undefined).toBe(true);
    expect(converted.ok && converted.effects[0]?.type).toBe('convert_lead');
  });

  it('builds the prospect as toProspect would: a plain copy, qualification last, input untouched', () => {
    const lead = mql();
    const before = structuredClone(lead);
    const event = { type: 'qualify', at: at('2024-05-03T09:00:00Z'), by: 'rep-7', qualification: bantVerdict } as const;
    const result = transition(b2bFunnel, lead, event);
    if (!result.ok) throw new Error(result.error.message);
    expect(lead).toEqual(before);
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(Object.keys(result.value)).toEqual([...Object.keys(lead), 'qualification']);
    expect(result.value).toEqual({ ...lead, stage: 'sql', stageHistory: [...(lead.stageHistory ?? []), result.change], qualification: { verdict: bantVerdict.verdict, qualifiedAt: event.at, qualifiedBy: 'rep-7' } });
    // A record parsed from JSON with an own "__proto__" key keeps it as data; the copy's prototype does not change.
    const hostile = { ...(JSON.parse('{"__proto__": {"stage": "customer"}}') as object), ...lead };
    const copied = transition(b2bFunnel, hostile, event);
    expect(copied.ok && Object.getPrototypeOf(copied.value)).toBe(Object.prototype);
    expect(copied.ok && Object.hasOwn(copied.value, '__proto__')).toBe(true);
    // Qualifying again (after a recycle) replaces the qualification in place.
    const recycled = walk(result.value, [
      { type: 'recycle', at: at('2024-05-04T09:00:00Z') },
      { type: 'reengage', at: at('2024-05-05T09:00:00Z') },
    ]);
    const again = transition(b2bFunnel, recycled, { ...event, at: at('2024-05-06T09:00:00Z'), by: 'rep-9' });
    expect(again.ok && Object.keys(again.value)).toEqual(Object.keys(result.value));
    expect(again.ok && again.prospect?.qualification.qualifiedBy).toBe('rep-9');
  });

  it('does not make a prospect for other stages', () => {
    const result = transition(b2bFunnel, sampleLead(), { type: 'capture', at: at('2024-05-01T09:00:00Z') });
    expect(result.ok && result.prospect).toBeUndefined();
    expect(result.ok && 'qualification' in result.value).toBe(false);
  });
});
