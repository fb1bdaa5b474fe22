/**
 * What the playground opens with: the demo's scoring model (`npm run demo` scores the same sample leads with it),
 * BANT with an assessment, and the B2B funnel with a record captured and engaged.
 */
import { bantFramework } from 'leadkit/frameworks';
import { b2bFunnelDefinition } from 'leadkit/funnel';
import { scoringModelToJson } from 'leadkit/scoring';
import { demoScoringModel } from '../../../examples/demo/scoring.ts';
import type { PlaygroundState } from './url-state.ts';

/** The sample data's "now" (`SAMPLE_AS_OF` of examples/data/sample.ts, which `npm run demo` uses). */
export const DEFAULT_AS_OF = '2025-06-30';

const pretty = (value: unknown): string => JSON.stringify(value, null, 2);

const assessment = {
  frameworkId: 'bant',
  leadId: 'lead-153',
  criteria: {
    budget: { rating: 'strong', evidence: 'Budget approved for the storage project', source: 'call', assessedAt: '2025-06-12T10:00:00Z', assessedBy: 'rep-7' },
    authority: { rating: 'developing', evidence: 'Director of IT; the CFO signs', source: 'call', assessedAt: '2025-06-12T10:00:00Z' },
    need: { rating: 'strong', quote: 'We run out of storage every month', source: 'meeting', assessedAt: '2025-01-20T15:00:00Z' },
  },
};

/** The opening state (also what a link without state shows). */
export const defaultState: PlaygroundState = {
  tab: 'scoring',
  asOf: DEFAULT_AS_OF,
  model: pretty(scoringModelToJson(demoScoringModel)),
  leads: null,
  selectedLead: null,
  framework: pretty(bantFramework),
  assessment: pretty(assessment),
  funnel: pretty(b2bFunnelDefinition),
  events: [
    { type: 'capture', at: '2025-06-01T09:00:00Z' },
    { type: 'engage', at: '2025-06-10T14:00:00Z' },
  ],
};
