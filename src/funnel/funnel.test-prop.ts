import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { defineFunnel } from './define-funnel.ts';
import { historyToEvents, timeInStages } from './history.ts';
import { toMermaid } from './mermaid.ts';
import { b2bFunnel } from './presets/b2b.ts';
import { hubspotLifecycleFunnel } from './presets/hubspot.ts';
import { salesforceLeadStatusFunnel } from './presets/salesforce-lead.ts';
import { salesforceOpportunityFunnel } from './presets/salesforce-opportunity.ts';
import { replay } from './replay.ts';
import { transition } from './transition.ts';
import type { Funnel, FunnelEvent, FunnelRecord } from './types.ts';

const presets = [b2bFunnel, hubspotLifecycleFunnel, salesforceLeadStatusFunnel, salesforceOpportunityFunnel] as unknown as Funnel[];
const START = Date.parse('2024-01-01T00:00:00Z');
const verdicts = [
  undefined,
  { verdict: { frameworkId: 'bant', qualified: true, score: 75 } },
  { verdict: { frameworkId: 'bant', qualified: false, score: 25 } },
] as const;

/** The reference model: a linear scan of the definition, written independently of the compiled tables. */
function expectedTarget(funnel: Funnel, stage: string | undefined, type: string): string | undefined {
  for (const transition of funnel.transitions)
    if (transition.event === type && (stage === undefined ? transition.from === null : transition.from?.includes(stage) === true)) return transition.to;
  return undefined;
}

const step = fc.record({
  event: fc.nat(),
  // Mostly forward in time, sometimes backward (must be refused), sometimes the same instant.
  minutes: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 60 * 24 * 30 }) }, { weight: 1, arbitrary: fc.integer({ min: -600, max: -1 }) }),
  verdict: fc.integer({ min: 0, max: 2 }),
});
const scenario = fc.record({
  preset: fc.integer({ min: 0, max: presets.length - 1 }),
  steps: fc.array(step, { maxLength: 40 }),
  tail: fc.integer({ min: 0, max: 60 * 24 * 365 }),
});

interface Walk {
  readonly funnel: Funnel;
  readonly record: { id: string } & FunnelRecord;
  readonly now: number;
}

function run(
  preset: number,
  steps: readonly { event: number; minutes: number; verdict: number }[],
  check: (before: FunnelRecord, after: FunnelRecord | undefined, event: FunnelEvent, funnel: Funnel) => void,
): Walk {
  const funnel = presets[preset] as Funnel;
  const types = [...new Set(funnel.transitions.map((transition) => transition.event))];
  let record: { id: string } & FunnelRecord = { id: 'r1' };
  let now = START;
  for (const { event: pick, minutes, verdict } of steps) {
    const at = new Date(now + minutes * 60_000);
    const qualification = verdicts[verdict];
    const event: FunnelEvent =
      qualification === undefined ? { type: types[pick % types.length] as string, at } : { type: types[pick % types.length] as string, at, qualification };
    const result = transition(funnel, record, event);
    check(record, result.ok ? result.value : undefined, event, funnel);
    if (result.ok) {
      record = result.value;
      now = at.getTime();
    }
  }
  return { funnel, record, now };
}

describe('funnel properties (random event sequences against a reference model)', () => {
  test.prop([scenario])('accepts exactly the events the reference model accepts, and lands in its stage', ({ preset, steps }) => {
    run(preset, steps, (before, after, event, funnel) => {
      const target = expectedTarget(funnel, before.stage, event.type);
      const last = before.stageHistory?.at(-1);
      const inOrder = last === undefined || last.at.getTime() <= (event.at as Date).getTime();
      const qualifies = target !== undefined && target === funnel.qualifiedStage;
      const verdictOk = !qualifies || event.qualification?.verdict.qualified === true;
      expect(after !== undefined).toBe(target !== undefined && inOrder && verdictOk);
      if (after !== undefined) expect(after.stage).toBe(target);
    });
  });

  test.prop([scenario])('a record is always in a defined stage, with a history that ends there', ({ preset, steps }) => {
    const { funnel, record } = run(preset, steps, () => undefined);
    if (record.stage === undefined) expect(record.stageHistory ?? []).toEqual([]);
    else {
      expect(funnel.stages.map((stage) => stage.id)).toContain(record.stage);
      expect(record.stageHistory?.at(-1)?.to).toBe(record.stage);
    }
  });

  test.prop([scenario])('forward-only funnels move backward only through the allowed events', ({ preset, steps }) => {
    run(preset, steps, (before, after, event, funnel) => {
      if (after === undefined || before.stage === undefined || !funnel.policy.forwardOnly) return;
      const order = funnel.stages.map((stage) => stage.id);
      if (order.indexOf(after.stage as string) < order.indexOf(before.stage)) expect(funnel.policy.backwardEvents).toContain(event.type);
    });
  });

  test.prop([scenario])('replaying the history gives the same record', ({ preset, steps }) => {
    const { funnel, record } = run(preset, steps, () => undefined);
    const { stage: _stage, stageHistory: _history, qualification: _qualification, ...initial } = record as typeof record & { qualification?: unknown };
    const again = replay(funnel, initial, historyToEvents(record));
    expect(again.ok).toBe(true);
    if (again.ok) expect(again.value).toEqual(record);
  });

  test.prop([scenario])('history is ordered, and time in stage is never negative and adds up to the age', ({ preset, steps, tail }) => {
    const { record, now } = run(preset, steps, () => undefined);
    const history = record.stageHistory ?? [];
    for (let index = 1; index < history.length; index++)
      expect((history[index] as { at: Date }).at.getTime()).toBeGreaterThanOrEqual((history[index - 1] as { at: Date }).at.getTime());
    const asOf = new Date(now + tail * 60_000);
    const times = timeInStages(record, { asOf });
    for (const time of times) {
      expect(time.totalMilliseconds).toBeGreaterThanOrEqual(0);
      expect(time.latestMilliseconds).toBeGreaterThanOrEqual(0);
      expect(time.latestMilliseconds).toBeLessThanOrEqual(time.totalMilliseconds);
    }
    const total = times.reduce((sum, time) => sum + time.totalMilliseconds, 0);
    expect(total).toBe(history.length === 0 ? 0 : asOf.getTime() - (history[0] as { at: Date }).at.getTime());
  });

  test.prop([scenario])('transition never mutates its input', ({ preset, steps }) => {
    const { funnel, record } = run(preset, steps, () => undefined);
    const frozen = structuredClone(record);
    Object.freeze(record);
    if (record.stageHistory !== undefined) Object.freeze(record.stageHistory);
    const types = [...new Set(funnel.transitions.map((transition) => transition.event))];
    for (const type of types) transition(funnel, record, { type, at: new Date(START + 400 * 86_400_000) });
    expect(record).toEqual(frozen);
  });
});

describe('toMermaid properties', () => {
  const hostileText = fc.oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
    fc.constantFrom('%%{init: {"theme":"dark"}}%%', '%%', '"', '\n', '\r\n', '\u2028', '#quot;', '<script>', '`', '\\', '}%%'),
    fc
      .array(fc.constantFrom('%', '{', '"', '#', '\n', 'a', ' ', ':', ';', '<', '\u0085', '\u2029'), { minLength: 1, maxLength: 12 })
      .map((parts) => parts.join('')),
  );
  test.prop([fc.array(hostileText, { minLength: 1, maxLength: 5 })])('labels never add a line, a directive or a comment, and keep their text', (labels) => {
    const stages = labels.map((label, index) => ({ id: `s${index}`, label, kind: 'open' as const }));
    const funnel = defineFunnel({
      id: 'labels',
      stages: [...stages, { id: 'won', label: 'Won', kind: 'won' }],
      transitions: [
        { event: 'in', from: null, to: 's0' },
        ...stages.map((stage, index) => ({ event: `e${index}`, from: [stage.id], to: stages[index + 1]?.id ?? 'won' })),
      ],
    });
    const lines = toMermaid(funnel).split('\n');
    expect(toMermaid(funnel)).not.toContain('%%');
    const states = lines.filter((line) => line.startsWith('    state '));
    expect(states).toHaveLength(labels.length + 1);
    states.forEach((line) => expect(line).toMatch(/^ {4}state "[^"\n\r]*" as [A-Za-z][A-Za-z0-9_]*$/));
    expect(lines).toHaveLength(1 + states.length + (labels.length + 1) + 1 + 2);
  });
});

describe('replay and transition on broken data', () => {
  const anyTime = fc.oneof(
    fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2026-01-01T00:00:00Z'), noInvalidDate: true }),
    fc.constantFrom(new Date(Number.NaN), Number.NaN, Number.POSITIVE_INFINITY, 9e15, null, undefined, '2024-05-01T00:00:00Z', {}),
    fc.integer({ min: Date.parse('2023-01-01T00:00:00Z'), max: Date.parse('2026-01-01T00:00:00Z') }),
  );
  const broken = fc.record({
    preset: fc.integer({ min: 0, max: presets.length - 1 }),
    stage: fc.option(fc.constantFrom('lead', 'mql', 'ghost', '__proto__'), { nil: undefined }),
    history: fc.array(
      fc.record({
        from: fc.constantFrom(null, 'lead', 'ghost'),
        to: fc.constantFrom('lead', 'mql', 'ghost'),
        event: fc.constantFrom('capture', 'engage'),
        at: anyTime,
      }),
      { maxLength: 4 },
    ),
    events: fc.array(fc.record({ type: fc.constantFrom('capture', 'engage', 'qualify', 'nope'), at: anyTime }), { maxLength: 5 }),
    outOfOrder: fc.constantFrom('refuse' as const, 'insert' as const),
  });
  test.prop([broken])('never throw: every problem is a refusal value with the index of the event', ({ preset, stage, history, events, outOfOrder }) => {
    const funnel = presets[preset] as Funnel;
    const record = { id: 'r', ...(stage === undefined ? {} : { stage }), stageHistory: history } as unknown as FunnelRecord;
    const replayed = replay(funnel, record, events as unknown as FunnelEvent[], { outOfOrder });
    if (!replayed.ok) expect(replayed.error.index).toBeLessThan(events.length);
    for (const event of events) expect(typeof transition(funnel, record, event as unknown as FunnelEvent, { outOfOrder }).ok).toBe('boolean');
    expect(Array.isArray(timeInStages(record, { asOf: new Date('2026-01-01T00:00:00Z') }))).toBe(true);
  });
});
