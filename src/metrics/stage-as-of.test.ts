import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { RECORD_NOT_CREATED, RECORD_PLACED, stageAsOf, type StageAsOf } from '../internal/stage-as-of.ts';
import { funnelReport, type MetricsRecord } from './funnel-report.ts';
import { findStaleRecords, weightedPipeline } from './pipeline.ts';
import type { MetricsStage } from './stages.ts';
import { testFunnel } from './test-fixtures.ts';

const at = (iso: string) => new Date(iso);
const asOf = at('2024-03-01T00:00:00Z');
const usd = { amountMinor: 100_000, currency: 'USD' };
const known = new Set<string>(testFunnel.stages.map((stage) => stage.id));

/** The stage each metric sees for one record: the funnel report's `current`, the pipeline's and the stale check's. */
function seenBy(record: MetricsRecord, when: Date = asOf) {
  const report = funnelReport([record], { funnel: testFunnel, asOf: when });
  const current = report.overall.stages.filter((stage) => stage.current === 1);
  const pipeline = weightedPipeline([record], { funnel: testFunnel, asOf: when, amountOf: () => usd });
  const stale = findStaleRecords([record], { funnel: testFunnel, asOf: when });
  return { report, current: current.map((stage) => stage.id), pipeline, stale };
}

describe('one rule for the stage as of asOf', () => {
  // Out of order: lost on 02-01 is followed, in the log, by mql dated 01-10.
  const outOfOrder = {
    createdAt: at('2024-01-01T00:00:00Z'),
    stage: 'lost',
    stageHistory: [
      { to: 'lead', at: at('2024-01-01T00:00:00Z') },
      { to: 'lost', at: at('2024-02-01T00:00:00Z') },
      { to: 'mql', at: at('2024-01-10T00:00:00Z') },
    ],
  };

  it('takes the last entry in array order: funnelReport, findStaleRecords and weightedPipeline agree', () => {
    const seen = seenBy(outOfOrder);
    expect(seen.current).toEqual(['mql']);
    expect(seen.report.overall).toMatchObject({ open: 1, lost: 0 });
    expect(seen.report.dataIssues.outOfOrderEntries).toBe(1);
    // mql since 01-10, the entry's own date: 51 days on 03-01 (2024 is a leap year), past its 14 rotting days.
    expect(seen.stale.map((entry) => [entry.stageId, entry.daysInStage])).toEqual([['mql', 51]]);
    expect(seen.report.overall.stages.find((stage) => stage.id === 'mql')?.timeInStage.latest.max).toBe(51);
    expect(seen.pipeline.byCurrency).toEqual([{ currency: 'USD', records: 1, total: usd, weighted: { amountMinor: 10_000, currency: 'USD' } }]);
  });

  it('skips entries naming a stage outside the funnel in every metric', () => {
    const record = {
      createdAt: at('2024-01-01T00:00:00Z'),
      stageHistory: [
        { to: 'mql', at: at('2024-01-02T00:00:00Z') },
        { to: 'martian', at: at('2024-01-03T00:00:00Z') },
      ],
    };
    const seen = seenBy(record);
    expect(seen.current).toEqual(['mql']);
    expect(seen.stale.map((entry) => entry.stageId)).toEqual(['mql']);
    expect(seen.pipeline.byCurrency[0]?.records).toBe(1);
  });

  it('never reads the current stage of a record whose history starts after asOf', () => {
    const later = {
      createdAt: at('2024-01-01T00:00:00Z'),
      stage: 'customer',
      stageHistory: [
        { to: 'opportunity', at: at('2024-04-01T00:00:00Z') },
        { to: 'customer', at: at('2024-05-01T00:00:00Z') },
      ],
    };
    const seen = seenBy(later);
    expect(seen.current).toEqual([]);
    expect(seen.report.overall).toMatchObject({ records: 1, open: 1, won: 0 });
    expect(seen.pipeline.byCurrency).toEqual([]);
    // Without history the current stage is read, since creation.
    expect(seenBy({ createdAt: at('2024-01-01T00:00:00Z'), stage: 'customer' }).current).toEqual(['customer']);
  });

  it('reports a record created after the instant as not created', () => {
    const target: StageAsOf = { stageId: undefined, sinceMs: 0, invalidDates: 0 };
    expect(stageAsOf({ createdAt: at('2024-04-01T00:00:00Z'), stage: 'lead' }, asOf.getTime(), target)).toBe(RECORD_NOT_CREATED);
    expect(stageAsOf({ createdAt: at('2024-01-01T00:00:00Z'), stage: 'lead' }, asOf.getTime(), target)).toBe(RECORD_PLACED);
    expect(target).toEqual({ stageId: 'lead', sinceMs: at('2024-01-01T00:00:00Z').getTime(), invalidDates: 0 });
  });

  const stageIds = [...known];
  const start = at('2024-01-01T00:00:00Z').getTime();
  const arbitraryRecord: fc.Arbitrary<MetricsRecord> = fc
    .record({
      createdOffsetHours: fc.integer({ min: 0, max: 24 * 90 }),
      withCreatedAt: fc.boolean(),
      stage: fc.option(fc.constantFrom(...stageIds, 'unknown-stage'), { nil: undefined }),
      steps: fc.array(
        fc.record({ stage: fc.constantFrom(...stageIds, 'unknown-stage'), gapHours: fc.integer({ min: -24 * 20, max: 24 * 30 }), invalid: fc.boolean() }),
        { maxLength: 7 },
      ),
    })
    .map(({ createdOffsetHours, withCreatedAt, stage, steps }) => {
      let ms = start + createdOffsetHours * 3_600_000;
      const createdAt = new Date(ms);
      const stageHistory = steps.map((step) => {
        ms += step.gapHours * 3_600_000;
        return { to: step.stage, at: step.invalid && step.gapHours % 5 === 0 ? new Date(Number.NaN) : new Date(ms) };
      });
      return { ...(withCreatedAt ? { createdAt } : {}), ...(stage === undefined ? {} : { stage }), stageHistory };
    });

  test.prop([arbitraryRecord, fc.integer({ min: 0, max: 24 * 200 })])(
    'every metric places a record in the same stage since the same date',
    (record, asOfHours) => {
      const when = new Date(start + asOfHours * 3_600_000);
      const seen = seenBy(record, when);
      const target: StageAsOf = { stageId: undefined, sinceMs: 0, invalidDates: 0 };
      const status = stageAsOf(record, when.getTime(), target, known);
      const expected = status === RECORD_PLACED && target.stageId !== undefined && known.has(target.stageId) ? [target.stageId] : [];
      expect(seen.current).toEqual(expected);
      const stage: MetricsStage | undefined = testFunnel.stages.find((entry) => entry.id === expected[0]);
      expect(seen.pipeline.byCurrency.length).toBe(stage?.kind === 'open' ? 1 : 0);
      for (const stale of seen.stale) {
        expect(stale.stageId).toBe(expected[0]);
        // Days since the stage was entered are the funnel report's latest stay in it.
        expect(seen.report.overall.stages.find((entry) => entry.id === stale.stageId)?.timeInStage.latest.max).toBe(stale.daysInStage);
      }
      if (stage?.rottingDays !== undefined) {
        const days = (when.getTime() - target.sinceMs) / 86_400_000;
        expect(seen.stale.length).toBe(days > stage.rottingDays ? 1 : 0);
      }
    },
  );
});
