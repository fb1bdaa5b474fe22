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
    const lead = walk(sampleLead(), [
      { type: 'capture', at: at('2024-05-01T09:00:00Z') },
      { type: 'engage', at: at('2024-05-02T09:00:00Z') },
    ]);
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
    const disqualified = walk(sampleLead(), [
      { type: 'capture', at: at('2024-05-01T09:00:00Z') },
      { type: 'disqualify', at: at('2024-05-01T10:00:00Z') },
    ]);
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
    const inserted = transition(b2bFunnel, mql, { type: 'qualify', at: at('2024-05-10T09:00:00Z'), qualification: bantVerdict }, { outOfOrder: 'insert' });
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
    const fixed = transition(
      funnel,
      { ...lead, ownerId: 'rep-1', contact: { ...lead.contact, phone: '+1 555 0100' } },
      { type: 'engage', at: at('2024-05-02T09:00:00Z') },
    );
    expect(fixed.ok).toBe(true);
  });

  it('lets guards see the event time, not the clock', () => {
    const seen: Date[] = [];
    const spy = defineFunnelGuard('spy', (_record, event) => (seen.push(event.at), true), 'never');
    const funnel = defineFunnel(addTransitionGuards(b2bFunnelDefinition, { capture: ['spy'] }), { guards: { spy } });
    transition(funnel, sampleLead(), { type: 'capture', at: at('2001-01-01T00:00:00Z') });
    expect(seen).toEqual([at('2001-01-01T00:00:00Z')]);
  });

  it('takes event.at as epoch milliseconds: guards see a Date and the history records one', () => {
    const seen: unknown[] = [];
    const spy = defineFunnelGuard('spy', (_record, event) => (seen.push(event.at), true), 'never');
    const funnel = defineFunnel(addTransitionGuards(b2bFunnelDefinition, { capture: ['spy'] }), { guards: { spy } });
    const result = transition(funnel, sampleLead(), { type: 'capture', at: Date.parse('2001-01-01T00:00:00Z') });
    expect(seen).toEqual([at('2001-01-01T00:00:00Z')]);
    expect(result.ok && result.change.at).toEqual(at('2001-01-01T00:00:00Z'));
    expect(result.ok && result.value.stageHistory?.[0]?.at).toBeInstanceOf(Date);
    for (const invalid of [Number.NaN, 8.64e15 + 1, Number.NEGATIVE_INFINITY]) {
      const refused = transition(funnel, sampleLead(), { type: 'capture', at: invalid });
      expect(!refused.ok && refused.error.reason).toBe('invalid_time');
    }
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

  // Regression (issue 12, item 8): a verdict with a NaN score made a prospect that prospectToJson could not store.
  it('refuses a qualification whose score is not a number from 0 to 100', () => {
    const refused = transition(b2bFunnel, mql(), {
      type: 'qualify',
      at: at('2024-05-03T09:00:00Z'),
      qualification: { verdict: { frameworkId: 'bant', qualified: true, score: Number.NaN }, icpFit: { icpId: 'icp', score: 70, grade: 'B' } },
    });
    expect(!refused.ok && refused.error.reason).toBe('invalid_qualification');
    expect(!refused.ok && refused.error.message).toContain('qualification.verdict.score must be a number from 0 to 100, not NaN');
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
    expect(result.value).toEqual({
      ...lead,
      stage: 'sql',
      stageHistory: [...(lead.stageHistory ?? []), result.change],
      qualification: { verdict: bantVerdict.verdict, qualifiedAt: event.at, qualifiedBy: 'rep-7' },
    });
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

describe('transition refusals in words, and the edges of the history', () => {
  const captured = () => walk(sampleLead(), [{ type: 'capture', at: at('2024-05-01T09:00:00Z') }]);

  it('describes the record and what it allows', () => {
    const noStage = transition(b2bFunnel, sampleLead(), { type: 'engage', at: at('2024-05-01T09:00:00Z') });
    expect(!noStage.ok && noStage.error).toMatchObject({
      reason: 'no_transition',
      from: null,
      message: 'Cannot apply "engage" to a record with no stage; allowed: add_suspect, capture',
    });
    const lead = transition(b2bFunnel, captured(), { type: 'win', at: at('2024-05-02T09:00:00Z') });
    expect(!lead.ok && lead.error.message).toBe('Cannot apply "win" to stage "lead"; allowed: engage, lose, disqualify, recycle');
    const disqualified = walk(captured(), [{ type: 'disqualify', at: at('2024-05-01T10:00:00Z') }]);
    const terminal = transition(b2bFunnel, disqualified, { type: 'engage', at: at('2024-05-02T09:00:00Z') });
    expect(!terminal.ok && terminal.error).toMatchObject({ allowedEvents: [], message: 'Cannot apply "engage": stage "disqualified" is terminal' });
  });

  it('refuses an invalid time naming the stage the event would enter, also on a record in an unknown stage', () => {
    const invalid = transition(b2bFunnel, captured(), { type: 'engage', at: Number.NaN });
    expect(!invalid.ok && invalid.error).toEqual({
      code: 'transition_refused',
      reason: 'invalid_time',
      event: 'engage',
      from: 'lead',
      to: 'mql',
      failedGuards: [],
      allowedEvents: ['engage', 'lose', 'disqualify', 'recycle'],
      message: 'Cannot apply "engage": event.at is not a valid date',
    });
    const unknown = transition(b2bFunnel, sampleLead({ stage: 'limbo' }), { type: 'engage', at: Number.NaN });
    expect(!unknown.ok && unknown.error).toMatchObject({ reason: 'invalid_time', from: 'limbo', to: null, allowedEvents: [] });
    const limbo = transition(b2bFunnel, sampleLead({ stage: 'limbo' }), { type: 'engage', at: at('2024-05-02T09:00:00Z') });
    expect(!limbo.ok && limbo.error.message).toBe('Cannot apply "engage": the record is in stage "limbo", which funnel "b2b-lifecycle" does not define');
  });

  it('compares with the latest entry that has a valid date', () => {
    const lead = captured();
    const history = [...(lead.stageHistory ?? []), { from: 'lead', to: 'lead', event: 'note', at: new Date(Number.NaN) }];
    const result = transition(b2bFunnel, { ...lead, stageHistory: history }, { type: 'engage', at: at('2024-04-01T09:00:00Z') });
    expect(!result.ok && result.error).toMatchObject({
      reason: 'out_of_order',
      to: 'mql',
      message:
        'Cannot apply "engage" at 2024-04-01T09:00:00.000Z: it is earlier than the last history entry (capture at 2024-05-01T09:00:00.000Z); pass outOfOrder: \'insert\' to insert it in time order',
    });
  });

  it('records by or reason alone when the event has only one of them', () => {
    const byOnly = transition(b2bFunnel, captured(), { type: 'engage', at: at('2024-05-02T09:00:00Z'), by: 'rep-1' });
    expect(byOnly.ok && byOnly.change).toStrictEqual({ from: 'lead', to: 'mql', event: 'engage', at: at('2024-05-02T09:00:00Z'), by: 'rep-1' });
    const reasonOnly = transition(b2bFunnel, captured(), { type: 'engage', at: at('2024-05-02T09:00:00Z'), reason: 'webinar' });
    expect(reasonOnly.ok && reasonOnly.change).toStrictEqual({ from: 'lead', to: 'mql', event: 'engage', at: at('2024-05-02T09:00:00Z'), reason: 'webinar' });
  });

  it('leaves the ICP fit out of a qualification that has none, and the funnel qualifies when no one is named', () => {
    const mql = walk(captured(), [{ type: 'engage', at: at('2024-05-02T09:00:00Z') }]);
    const result = transition(b2bFunnel, mql, { type: 'qualify', at: at('2024-05-03T09:00:00Z'), qualification: bantVerdict });
    expect(result.ok && result.prospect?.qualification).toEqual({
      verdict: bantVerdict.verdict,
      qualifiedAt: at('2024-05-03T09:00:00Z'),
      qualifiedBy: 'funnel:b2b-lifecycle',
    });
  });
});

describe('transition with outOfOrder: insert', () => {
  const lead = () =>
    walk(sampleLead(), [
      { type: 'capture', at: at('2024-05-01T09:00:00Z') },
      { type: 'engage', at: at('2024-05-10T09:00:00Z') },
    ]);
  const insert = { outOfOrder: 'insert' } as const;

  it('inserts an event earlier than every entry first, and an event at the time of an entry after it', () => {
    const first = transition(b2bFunnel, lead(), { type: 'add_suspect', at: at('2024-04-01T09:00:00Z') }, insert);
    // add_suspect enters suspect; the capture that follows is an entry event, which suspect does not allow.
    expect(!first.ok && first.error).toMatchObject({ reason: 'history_invalid', from: 'mql', to: null });
    expect(!first.ok && first.error.message).toMatch(
      /^Inserting "add_suspect" at 2024-04-01T09:00:00.000Z breaks the later history entry 0 \(capture\): Cannot apply "capture" to stage "suspect"/,
    );
    const same = transition(b2bFunnel, lead(), { type: 'recycle', at: at('2024-05-01T09:00:00Z') }, insert);
    expect(!same.ok && same.error.message).toMatch(/^Inserting "recycle" at 2024-05-01T09:00:00.000Z breaks the later history entry 1 \(engage\)/);
  });

  it('gives the inserted event its own refusal when it is the one refused', () => {
    const recycled = walk(lead(), [{ type: 'recycle', at: at('2024-05-20T09:00:00Z') }]);
    const lost = transition(b2bFunnel, recycled, { type: 'lose', at: at('2024-05-15T09:00:00Z') }, insert);
    expect(lost.ok && lost.value.stageHistory?.map((entry) => entry.to)).toEqual(['lead', 'mql', 'lost', 'nurture']);
    expect(lost.ok && Object.keys(lost)).toEqual(['ok', 'value', 'change', 'effects']);
    const refused = transition(b2bFunnel, lead(), { type: 'win', at: at('2024-05-05T09:00:00Z') }, insert);
    expect(!refused.ok && refused.error).toMatchObject({ reason: 'no_transition', event: 'win', from: 'lead' });
  });

  it('appends an event at the time of the latest entry, and one later than a history whose dates are all invalid', () => {
    const same = transition(b2bFunnel, lead(), { type: 'qualify', at: at('2024-05-10T09:00:00Z'), qualification: bantVerdict }, insert);
    expect(same.ok && same.value.stageHistory?.map((entry) => entry.to)).toEqual(['lead', 'mql', 'sql']);
    const undated = sampleLead({ stage: 'lead', stageHistory: [{ from: null, to: 'lead', event: 'capture', at: new Date(Number.NaN) }] });
    const appended = transition(b2bFunnel, undated, { type: 'engage', at: at('2024-05-02T09:00:00Z') }, insert);
    expect(appended.ok && appended.value.stageHistory?.length).toBe(2);
  });

  it('lets the guards of the re-validated entries see the context', () => {
    const seen: unknown[] = [];
    const funnel = defineFunnel(addTransitionGuards(b2bFunnelDefinition, { engage: ['spy'] }), {
      guards: { spy: defineFunnelGuard('spy', (_record, _event, context) => (seen.push(context.data), true), 'never') },
    });
    let record = sampleLead();
    for (const event of [
      { type: 'capture', at: at('2024-05-01T09:00:00Z') },
      { type: 'engage', at: at('2024-05-10T09:00:00Z') },
      { type: 'recycle', at: at('2024-05-20T09:00:00Z') },
    ] as const) {
      const result = transition(funnel, record, event);
      if (!result.ok) throw new Error(result.error.message);
      record = result.value;
    }
    seen.length = 0;
    const data = { source: 'import' };
    const inserted = transition(
      funnel,
      record,
      { type: 'qualify', at: at('2024-05-15T09:00:00Z'), qualification: bantVerdict },
      { outOfOrder: 'insert', data },
    );
    expect(inserted.ok && inserted.value.stageHistory?.map((entry) => entry.to)).toEqual(['lead', 'mql', 'sql', 'nurture']);
    expect(seen).toEqual([data]);
  });
});
