import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSampleLeads } from './load.ts';
import { SAMPLE_AS_OF, SAMPLE_COUNT, sampleLeadsJson } from './sample.ts';

describe('the bundled sample leads', () => {
  it('are exactly what the committed, seeded generator makes', () => {
    expect(readFileSync(new URL('./sample-leads.json', import.meta.url), 'utf8')).toBe(sampleLeadsJson());
  });

  it('validate, and are realistic enough for the demo', () => {
    const leads = loadSampleLeads();
    expect(leads).toHaveLength(SAMPLE_COUNT);
    expect(leads.every((lead) => lead.company !== undefined && lead.contact.email !== undefined)).toBe(true);
    expect(leads.filter((lead) => lead.activities.length > 0).length).toBeGreaterThan(200);
    expect(leads.every((lead) => lead.activities.every((activity) => activity.at <= SAMPLE_AS_OF && activity.at >= lead.createdAt))).toBe(true);
    const won = leads.filter((lead) => lead.outcome?.status === 'won').length;
    const lost = leads.filter((lead) => lead.outcome?.status === 'lost').length;
    expect(won).toBeGreaterThan(20);
    expect(lost).toBeGreaterThan(20);
  });
});
