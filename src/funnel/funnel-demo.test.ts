import { describe, expect, it } from 'vitest';
import { loadSampleLeads, SAMPLE_AS_OF } from '../../examples/data/load.ts';
import { funnelDemo } from '../../examples/demo/funnel.ts';
import { historyToEvents } from './history.ts';
import { cloudStorageIcp } from '../icp/example-icps.ts';
import { b2bFunnel } from './presets/b2b.ts';
import { requireIcpFit } from './require-icp-fit.ts';
import { replay } from './replay.ts';

describe('funnelDemo (examples/demo/funnel.ts)', () => {
  const leads = loadSampleLeads();
  const before = structuredClone(leads);
  const demo = funnelDemo(leads, SAMPLE_AS_OF);

  it('walks every sample lead into the funnel, deterministically, without mutating them', () => {
    expect(demo.records).toHaveLength(leads.length);
    expect(demo.records.every((record) => record.stage !== undefined)).toBe(true);
    expect(funnelDemo(leads, SAMPLE_AS_OF)).toEqual(demo);
    expect(leads).toEqual(before);
  });

  it('follows the data: won leads are customers, lost leads are lost', () => {
    for (const record of demo.records) {
      if (record.outcome?.status === 'won') expect(record.stage).toBe('customer');
      if (record.outcome?.status === 'lost') expect(record.stage).toBe('lost');
    }
  });

  it('leaves histories that replay to the same records and counts stages in its lines', () => {
    for (const record of demo.records.slice(0, 40)) {
      const { stage: _stage, stageHistory: _history, qualification: _qualification, ...initial } = record as typeof record & { qualification?: unknown };
      const again = replay(b2bFunnel, initial, historyToEvents(record, b2bFunnel));
      expect(again.ok && again.value).toEqual(record);
    }
    const customers = demo.records.filter((record) => record.stage === 'customer').length;
    expect(demo.lines.join('\n')).toMatch(new RegExp(`reached Customer +${customers} `));
    expect(demo.lines.at(-2)).toContain('events refused: 0');
  });

  it('counts the prospects an ICP guard would pass, each checked as of its own qualify time', () => {
    const guard = requireIcpFit(cloudStorageIcp, 60);
    const qualified = demo.records.filter((record) => 'qualification' in record);
    const passing = qualified.filter((record) => {
      const entry = record.stageHistory?.find((change) => change.event === 'qualify');
      return entry !== undefined && guard.check(record, { type: 'qualify', at: entry.at }, {}).passed;
    });
    expect(passing.length).toBeGreaterThan(0);
    expect(passing.length).toBeLessThan(qualified.length);
    expect(demo.lines.at(-1)).toMatch(
      new RegExp(
        `^  with requireIcpFit\\(cloud-storage, 60\\) on qualify: ${passing.length} of ${qualified.length} prospects would pass; e\\.g\\. refused \\S+: ICP cloud-storage fit \\d+ \\(grade [A-F]\\) `,
      ),
    );
  });
});
