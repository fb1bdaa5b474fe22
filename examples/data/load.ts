import { readFileSync } from 'node:fs';
import { parseLead, type Lead } from '../../src/models/index.ts';

export { SAMPLE_AS_OF } from './sample.ts';

/**
 * Reads the bundled sample leads (examples/data/sample-leads.json) and validates every one with `parseLead`,
 * as an application would with data from outside.
 *
 * @throws Error listing the problems when a lead does not validate (the file is generated, so this is a bug).
 */
export function loadSampleLeads(): Lead[] {
  const raw: unknown = JSON.parse(readFileSync(new URL('./sample-leads.json', import.meta.url), 'utf8'));
  if (!Array.isArray(raw)) throw new Error('sample-leads.json must hold a list of leads');
  return raw.map((item: unknown, index) => {
    const result = parseLead(item);
    if (!result.ok) throw new Error(`sample lead #${index}: ${result.error.message}`);
    return result.value;
  });
}
