import { leadToJson } from '../../src/models/index.ts';
import { generateLeads } from '../../src/testing/index.ts';

/** The "now" of the sample data set. */
export const SAMPLE_AS_OF = new Date('2025-06-30T00:00:00Z');
/** The seed and size of the sample data set. */
export const SAMPLE_SEED = 2025;
export const SAMPLE_COUNT = 400;

/** The sample leads as the JSON text that is committed in sample-leads.json. */
export function sampleLeadsJson(): string {
  const leads = generateLeads({ seed: SAMPLE_SEED, count: SAMPLE_COUNT, asOf: SAMPLE_AS_OF, activities: { min: 0, max: 16 } });
  return `${JSON.stringify(
    leads.map((lead) => leadToJson(lead)),
    null,
    1,
  )}\n`;
}

/** The same sample leads as JSON Lines (one lead per line), the input the `leadkit` command streams (examples/data/sample-leads.jsonl). */
export function sampleLeadsJsonl(): string {
  const leads = generateLeads({ seed: SAMPLE_SEED, count: SAMPLE_COUNT, asOf: SAMPLE_AS_OF, activities: { min: 0, max: 16 } });
  return leads.map((lead) => `${JSON.stringify(leadToJson(lead))}\n`).join('');
}
