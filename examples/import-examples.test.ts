import { describe, expect, it } from 'vitest';
import { hubspotExportDemo } from './hubspot-export.ts';
import { salesforceExportDemo } from './salesforce-export.ts';

describe('import examples', () => {
  it('hubspot-export runs import → score → funnel report → write-back on the fixtures', async () => {
    const lines = await hubspotExportDemo();
    expect(lines[0]).toBe('export: 10 rows, 7 imported, 3 rejected, 0 warnings; API: 2 imported');
    expect(lines.some((line) => line.startsWith('  row 8, column "Country/Region": "Narnia"'))).toBe(true);
    expect(lines.some((line) => line.startsWith('funnel: subscriber 1 → lead 7'))).toBe(true);
    expect(lines.some((line) => line.startsWith('write-back for 1501: {"id":"1501","properties":{"leadkit_score"'))).toBe(true);
  });

  it('salesforce-export runs leads with LeadHistory and opportunities with OpportunityHistory', async () => {
    const lines = await salesforceExportDemo();
    expect(lines).toContain('LeadHistory: 7 rows, 2 of other fields skipped, histories for 3 leads');
    expect(lines).toContain('leads: 4 imported, 1 rejected');
    expect(lines).toContain('opportunity funnel: won 1, lost 1, open 1, win rate 0.5');
    expect(lines.some((line) => line.startsWith('write-back: {"Id":"00Q5e00000AbC001","Lead_Score__c":55'))).toBe(true);
  });
});
