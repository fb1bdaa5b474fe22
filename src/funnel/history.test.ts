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
    const visits = stageVisits(built(), at('2024-05-04T12:00:00Z'));
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
    const times = timeInStages(built(), asOf);
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
    const times = timeInStages(built(), at('2024-05-01T12:00:00Z'));
    expect(times.map((time) => [time.stage, time.totalMilliseconds / HOUR, time.current])).toEqual([
      ['lead', 10, false],
      ['mql', 2, true],
    ]);
    expect(timeInStages(sampleLead(), at('2024-05-01T12:00:00Z'))).toEqual([]);
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
    stageVisits(lead, at('2024-06-01T00:00:00Z'));
    timeInStages(lead, at('2024-06-01T00:00:00Z'));
    enteredStageAt(lead, 'mql');
    historyToEvents(lead);
    expect(lead).toEqual(before);
  });
});
