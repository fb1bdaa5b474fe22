import { describe, expect, it } from 'vitest';
import { enteredStageAt, historyToEvents, stageVisits, timeInStages } from './history.ts';
import { b2bFunnel } from './presets/b2b.ts';
import { replay } from './replay.ts';
import { at, bantVerdict, sampleLead } from './funnel.test-fixtures.ts';

const HOUR = 3_600_000;
const events = [
  { type: 'capture', at: at('2024-05-01T00:00:00Z') },
  { type: 'engage', at: at('2024-05-01T10:00:00Z') },
  { type: 'recycle', at: at('2024-05-02T00:00:00Z') },
  { type: 'reengage', at: at('2024-05-03T00:00:00Z') },
  { type: 'qualify', at: at('2024-05-03T12:00:00Z'), by: 'rep-1', reason: 'BANT 3 of 4', qualification: bantVerdict },
] as const;

function built() {
  const result = replay(b2bFunnel, sampleLead(), events);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('replay', () => {
  it('rebuilds a record from its event log', () => {
    const lead = built();
    expect(lead.stage).toBe('sql');
    expect(lead.stageHistory?.map((entry) => entry.to)).toEqual(['lead', 'mql', 'nurture', 'mql', 'sql']);
  });

  it('gives the same record when replaying its own history', () => {
    const lead = built();
    const { stage: _stage, stageHistory: _history, qualification: _qualification, ...initial } = lead as typeof lead & { qualification?: unknown };
    const again = replay(b2bFunnel, initial, historyToEvents(lead, b2bFunnel));
    expect(again.ok && again.value).toEqual(lead);
  });

  it('reports the index of the refused event', () => {
    const result = replay(b2bFunnel, sampleLead(), [events[0], { type: 'win', at: at('2024-05-02T00:00:00Z') }]);
    expect(!result.ok && result.error.index).toBe(1);
    expect(!result.ok && result.error.refusal.reason).toBe('no_transition');
  });

  it('refuses events out of time order, or sorts them by option', () => {
    const shuffled = [events[1], events[0]];
    expect(replay(b2bFunnel, sampleLead(), shuffled).ok).toBe(false);
    const sorted = replay(b2bFunnel, sampleLead(), shuffled, { outOfOrder: 'insert' });
    expect(sorted.ok && sorted.value.stage).toBe('mql');
  });

  // Regression (issue 12, item 10): with outOfOrder 'insert' an event or history entry without a Date threw
  // "TypeError: events[b].at.getTime is not a function", and a history entry without `at` threw in transition.
  it('refuses an event without a valid time as a value, with its index, in either order mode', () => {
    for (const bad of [new Date('nope'), '2024-05-01T10:00:00Z', undefined, Number.NaN, 9e15]) {
      const log = [events[0], { type: 'engage' as const, at: bad as unknown as Date }];
      for (const outOfOrder of ['refuse', 'insert'] as const) {
        const result = replay(b2bFunnel, sampleLead(), log, { outOfOrder });
        expect(result.ok).toBe(false);
        if (result.ok) continue;
        expect(result.error.index).toBe(1);
        expect(result.error.refusal.reason).toBe('invalid_time');
      }
    }
  });

  it('puts events without a valid time first when sorting, keeps events of the same time in their order, and says which event was refused', () => {
    const log = [events[0], events[1], { type: 'recycle' as const, at: new Date('nope') }];
    const result = replay(b2bFunnel, sampleLead(), log, { outOfOrder: 'insert' });
    expect(!result.ok && [result.error.index, result.error.refusal.from, result.error.refusal.reason]).toEqual([2, null, 'invalid_time']);
    expect(!result.ok && result.error.message).toBe('Event 2: Cannot apply "recycle": event.at is not a valid date');
    expect(!result.ok && result.error.code).toBe('replay_refused');
    const sameTime = [
      { type: 'capture' as const, at: at('2024-05-01T00:00:00Z') },
      { type: 'engage' as const, at: at('2024-05-01T00:00:00Z') },
      { type: 'recycle' as const, at: at('2024-05-01T00:00:00Z') },
    ];
    const sorted = replay(b2bFunnel, sampleLead(), sameTime, { outOfOrder: 'insert' });
    expect(sorted.ok && sorted.value.stageHistory?.map((entry) => entry.to)).toEqual(['lead', 'mql', 'nurture']);
  });

  it('takes event times as epoch milliseconds too, and records them as Dates', () => {
    const result = replay(
      b2bFunnel,
      sampleLead(),
      events.map((event) => ({ ...event, at: event.at.getTime() })),
    );
    expect(result.ok && result.value).toEqual(built());
    expect(result.ok && result.value.stageHistory?.every((entry) => entry.at instanceof Date)).toBe(true);
  });

  it('replays onto a record whose history has entries without a valid date or in an unknown stage, without throwing', () => {
    const broken = sampleLead({
      stage: 'mql',
      stageHistory: [
        { from: 'ghost', to: 'lead', event: 'capture', at: at('2024-05-01T00:00:00Z') },
        { from: 'lead', to: 'mql', event: 'engage', at: undefined as unknown as Date },
      ],
    });
    const qualify = { type: 'qualify', at: at('2024-05-03T00:00:00Z'), qualification: bantVerdict } as const;
    // The entry without a date is skipped when checking the order (as the metrics skip it): the event is on time.
    const onto = replay(b2bFunnel, broken, [qualify]);
    expect(onto.ok && onto.value.stage).toBe('sql');
    // Inserting before them replays the history (the event goes after the entry without a date), and refuses it as a value.
    const early = replay(b2bFunnel, broken, [{ ...qualify, at: at('2024-04-01T00:00:00Z') }], { outOfOrder: 'insert' });
    expect(!early.ok && early.error.refusal.reason).toBe('history_invalid');
    expect(!early.ok && early.error.message).toMatch(/breaks the later history entry 0 \(capture\).*stage "ghost"/);
    const rebuilt = replay(b2bFunnel, sampleLead(), historyToEvents(broken), { outOfOrder: 'insert' });
    expect(!rebuilt.ok && [rebuilt.error.index, rebuilt.error.refusal.reason]).toEqual([1, 'invalid_time']);
  });

  it('does not mutate its input', () => {
    const lead = sampleLead();
    const before = structuredClone(lead);
    const list = [...events];
    replay(b2bFunnel, lead, list);
    expect(lead).toEqual(before);
    expect(list).toEqual([...events]);
  });
});

describe('time in stage', () => {
  it('lists each stay, the last one until asOf', () => {
    const visits = stageVisits(built(), { asOf: at('2024-05-04T12:00:00Z') });
    expect(visits.map((visit) => [visit.stage, visit.milliseconds / HOUR])).toEqual([
      ['lead', 10],
      ['mql', 14],
      ['nurture', 24],
      ['mql', 12],
      ['sql', 24],
    ]);
    expect(visits.at(-1)?.leftAt).toBeNull();
  });

  it('sums stays per stage, latest and cumulative, and adds up to the age', () => {
    const asOf = at('2024-05-04T12:00:00Z');
    const times = timeInStages(built(), { asOf });
    const mql = times.find((time) => time.stage === 'mql');
    expect(mql).toEqual({
      stage: 'mql',
      firstEnteredAt: at('2024-05-01T10:00:00Z'),
      lastEnteredAt: at('2024-05-03T00:00:00Z'),
      visits: 2,
      latestMilliseconds: 12 * HOUR,
      totalMilliseconds: 26 * HOUR,
      current: false,
    });
    expect(times.find((time) => time.current)?.stage).toBe('sql');
    const total = times.reduce((sum, time) => sum + time.totalMilliseconds, 0);
    expect(total).toBe(asOf.getTime() - at('2024-05-01T00:00:00Z').getTime());
  });

  it('reads the history as of a date', () => {
    const times = timeInStages(built(), { asOf: at('2024-05-01T12:00:00Z') });
    expect(times.map((time) => [time.stage, time.totalMilliseconds / HOUR, time.current])).toEqual([
      ['lead', 10, false],
      ['mql', 2, true],
    ]);
    expect(timeInStages(sampleLead(), { asOf: at('2024-05-01T12:00:00Z') })).toEqual([]);
  });

  it('tells when a record entered a stage', () => {
    const lead = built();
    expect(enteredStageAt(lead, 'mql')).toEqual(at('2024-05-01T10:00:00Z'));
    expect(enteredStageAt(lead, 'mql', { which: 'last' })).toEqual(at('2024-05-03T00:00:00Z'));
    expect(enteredStageAt(lead, 'customer')).toBeUndefined();
  });

  it('does not mutate its input', () => {
    const lead = built();
    const before = structuredClone(lead);
    stageVisits(lead, { asOf: at('2024-06-01T00:00:00Z') });
    timeInStages(lead, { asOf: at('2024-06-01T00:00:00Z') });
    enteredStageAt(lead, 'mql');
    historyToEvents(lead);
    expect(lead).toEqual(before);
  });
});

describe('history edges', () => {
  const history = [
    { from: null, to: 'lead', event: 'capture', at: at('2024-05-01T00:00:00Z') },
    { from: 'lead', to: 'mql', event: 'engage', at: at('2024-05-01T10:00:00Z'), by: 'rep-1' },
    { from: 'mql', to: 'nurture', event: 'recycle', at: new Date(Number.NaN) },
    { from: 'nurture', to: 'lead', event: 'reopen', at: at('2024-05-02T00:00:00Z'), reason: 'asked again' },
  ];
  const lead = sampleLead({ stage: 'lead', stageHistory: history });

  it('counts an entry made exactly at asOf', () => {
    const visits = stageVisits(lead, { asOf: at('2024-05-01T10:00:00Z') });
    expect(visits.map((visit) => [visit.stage, visit.milliseconds / HOUR, visit.leftAt])).toEqual([
      ['lead', 10, at('2024-05-01T10:00:00Z')],
      ['mql', 0, null],
    ]);
  });

  it('marks a stage entered again as current, and names asOf when it is not a valid instant', () => {
    const times = timeInStages(lead, { asOf: at('2024-05-02T06:00:00Z') });
    expect(times.map((time) => [time.stage, time.visits, time.current])).toEqual([
      ['lead', 2, true],
      ['mql', 1, false],
    ]);
    expect(() => timeInStages(lead, { asOf: Number.NaN })).toThrow(/^asOf is not a valid instant/);
  });

  it('finds the last entry into a stage even when it is the first entry, skipping entries without a valid date', () => {
    expect(enteredStageAt(lead, 'lead', { which: 'last' })).toEqual(at('2024-05-02T00:00:00Z'));
    expect(enteredStageAt(sampleLead({ stageHistory: history.slice(0, 1) }), 'lead', { which: 'last' })).toEqual(at('2024-05-01T00:00:00Z'));
    expect(enteredStageAt(lead, 'nurture', { which: 'last' })).toBeUndefined();
    expect(enteredStageAt(lead, 'nurture')).toBeUndefined();
    expect(enteredStageAt(sampleLead(), 'lead', { which: 'last' })).toBeUndefined();
    expect(historyToEvents(sampleLead())).toEqual([]);
  });

  it('gives each event its own by and reason, and the ICP fit of the qualification when there is one', () => {
    expect(historyToEvents(lead).map((event) => Object.keys(event))).toEqual([
      ['type', 'at'],
      ['type', 'at', 'by'],
      ['type', 'at'],
      ['type', 'at', 'reason'],
    ]);
    const icpFit = { icpId: 'cloud-storage', score: 86, grade: 'A' };
    const verdict = bantVerdict.verdict;
    const qualified = { ...lead, qualification: { verdict, icpFit, qualifiedAt: at('2024-05-02T00:00:00Z'), qualifiedBy: 'rep-1' } };
    expect(historyToEvents(qualified)[0]?.qualification).toEqual({ verdict, icpFit });
    const { icpFit: _icpFit, ...withoutFit } = qualified.qualification;
    const unfitted = { ...lead, qualification: withoutFit };
    expect(Object.keys(historyToEvents(unfitted)[0]?.qualification ?? {})).toEqual(['verdict']);
  });
});
