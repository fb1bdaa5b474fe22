import { describe, expect, it } from 'vitest';
import { b2bFunnel } from '../funnel/index.ts';
import { funnelReport } from './funnel-report.ts';
import { weightedPipeline } from './pipeline.ts';
import { history } from './test-fixtures.ts';

describe('metrics with the leadkit/funnel B2B preset', () => {
  const records = [
    {
      createdAt: new Date('2024-01-01T00:00:00Z'),
      stageHistory: history(
        ['lead', '2024-01-01T00:00:00Z'],
        ['mql', '2024-01-02T00:00:00Z'],
        ['nurture', '2024-01-05T00:00:00Z'],
        ['mql', '2024-01-20T00:00:00Z'],
        ['sql', '2024-01-21T00:00:00Z'],
      ),
    },
    {
      createdAt: new Date('2024-01-01T00:00:00Z'),
      stageHistory: history(['suspect', '2024-01-01T00:00:00Z'], ['lead', '2024-01-03T00:00:00Z'], ['disqualified', '2024-01-04T00:00:00Z']),
    },
  ];
  const asOf = new Date('2024-02-01T00:00:00Z');

  it('takes a funnel definition as it is, with nurture off the main path', () => {
    const report = funnelReport(records, { funnel: b2bFunnel, asOf });
    const byId = new Map(report.overall.stages.map((stage) => [stage.id, stage]));
    expect(byId.get('nurture')).toMatchObject({ onPath: false, entered: 1 });
    expect(byId.get('mql')).toMatchObject({ entered: 1, advanced: 1, enteredNext: 1 });
    expect(byId.get('mql')?.timeInStage.cumulative.median).toBe(4);
    expect(byId.get('evangelist')?.onPath).toBe(true);
    expect(report.overall).toMatchObject({ records: 2, open: 1, disqualified: 1, winRate: undefined });
    expect(report.dataIssues.unknownStageEntries).toBe(0);
  });

  it('uses the preset stage probabilities for the weighted pipeline', () => {
    const pipeline = weightedPipeline(records, { funnel: b2bFunnel, asOf, amountOf: () => ({ amountMinor: 100_000, currency: 'USD' }) });
    expect(pipeline.byCurrency[0]?.weighted).toEqual({ amountMinor: 10_000, currency: 'USD' });
  });
});
