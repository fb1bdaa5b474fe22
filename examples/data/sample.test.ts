import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleFunnelChart } from '../../scripts/funnel-chart.ts';
import { loadSampleLeads } from './load.ts';
import { demoScoringModelJson } from '../demo/scoring.ts';
import { SAMPLE_AS_OF, SAMPLE_COUNT, sampleLeadsJson, sampleLeadsJsonl } from './sample.ts';

describe('the bundled sample leads', () => {
  it('are exactly what the committed, seeded generator makes', () => {
    expect(readFileSync(new URL('./sample-leads.json', import.meta.url), 'utf8'), 'regenerate it: npx tsx examples/data/generate.ts').toBe(sampleLeadsJson());
  });

  it('are the same leads in sample-leads.jsonl, and the demo model is demo-scoring-model.json (the files the leadkit command reads)', () => {
    const jsonl = readFileSync(new URL('./sample-leads.jsonl', import.meta.url), 'utf8');
    expect(jsonl, 'regenerate it: npx tsx examples/data/generate.ts').toBe(sampleLeadsJsonl());
    expect(
      jsonl
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(JSON.parse(sampleLeadsJson()));
    expect(readFileSync(new URL('./demo-scoring-model.json', import.meta.url), 'utf8'), 'regenerate it: npx tsx examples/data/generate.ts').toBe(
      demoScoringModelJson(),
    );
  });

  it('are what the funnel chart of the docs is drawn from (docs/img/funnel.svg is current)', () => {
    expect(readFileSync(new URL('../../docs/img/funnel.svg', import.meta.url), 'utf8'), 'redraw it: npx tsx scripts/funnel-chart.ts').toBe(sampleFunnelChart());
  });

  it('validate, and are realistic enough for the demo', () => {
    const leads = loadSampleLeads();
    expect(leads).toHaveLength(SAMPLE_COUNT);
    expect(leads.every((lead) => lead.company !== undefined && lead.contact.email !== undefined)).toBe(true);
    expect(leads.filter((lead) => lead.activities.length > 0).length).toBeGreaterThan(200);
    expect(
      leads.every((lead) => lead.activities.every((activity) => activity.at <= SAMPLE_AS_OF && lead.createdAt !== undefined && activity.at >= lead.createdAt)),
    ).toBe(true);
    const won = leads.filter((lead) => lead.outcome?.status === 'won').length;
    const lost = leads.filter((lead) => lead.outcome?.status === 'lost').length;
    expect(won).toBeGreaterThan(20);
    expect(lost).toBeGreaterThan(20);
  });
});
