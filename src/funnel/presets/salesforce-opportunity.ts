import { defineFunnel } from '../define-funnel.ts';
import type { FunnelDefinitionInput } from '../funnel-definition.ts';

const open = [
  'prospecting',
  'qualification',
  'needs_analysis',
  'value_proposition',
  'id_decision_makers',
  'perception_analysis',
  'proposal_price_quote',
  'negotiation_review',
] as const;

/**
 * Salesforce-like opportunity stages as plain data, with Salesforce's default stage list and probabilities
 * (Prospecting 10% … Negotiation/Review 90%, Closed Won 100%, Closed Lost 0%) and forecast categories (pipeline,
 * then best case from Proposal/Price Quote and commit at Negotiation/Review, as many teams configure them;
 * closed; omitted).
 *
 * - `create` enters a new opportunity in Prospecting; `advance` moves to the next stage; `close_won` and
 *   `close_lost` close from any open stage (skipping is allowed, as in Salesforce); `reopen` brings a lost deal back
 *   to Prospecting. Closed Won is terminal. No stage makes a lead a prospect (`qualifiedStage: null`).
 */
export const salesforceOpportunityDefinition = {
  id: 'salesforce-opportunity',
  label: 'Salesforce opportunity stages',
  description: "Salesforce's default opportunity stages, probabilities and forecast categories.",
  stages: [
    { id: 'prospecting', label: 'Prospecting', kind: 'open', probability: 0.1, forecastCategory: 'pipeline', rottingDays: 30 },
    { id: 'qualification', label: 'Qualification', kind: 'open', probability: 0.1, forecastCategory: 'pipeline', rottingDays: 30 },
    { id: 'needs_analysis', label: 'Needs Analysis', kind: 'open', probability: 0.2, forecastCategory: 'pipeline', rottingDays: 30 },
    { id: 'value_proposition', label: 'Value Proposition', kind: 'open', probability: 0.5, forecastCategory: 'pipeline', rottingDays: 30 },
    { id: 'id_decision_makers', label: 'Id. Decision Makers', kind: 'open', probability: 0.6, forecastCategory: 'pipeline', rottingDays: 30 },
    { id: 'perception_analysis', label: 'Perception Analysis', kind: 'open', probability: 0.7, forecastCategory: 'pipeline', rottingDays: 30 },
    { id: 'proposal_price_quote', label: 'Proposal/Price Quote', kind: 'open', probability: 0.75, forecastCategory: 'best_case', rottingDays: 21 },
    { id: 'negotiation_review', label: 'Negotiation/Review', kind: 'open', probability: 0.9, forecastCategory: 'commit', rottingDays: 14 },
    { id: 'closed_won', label: 'Closed Won', kind: 'won', probability: 1, forecastCategory: 'closed' },
    { id: 'closed_lost', label: 'Closed Lost', kind: 'lost', probability: 0, forecastCategory: 'omitted' },
  ],
  transitions: [
    { event: 'create', from: null, to: 'prospecting' },
    { event: 'advance', from: ['prospecting'], to: 'qualification' },
    { event: 'advance', from: ['qualification'], to: 'needs_analysis' },
    { event: 'advance', from: ['needs_analysis'], to: 'value_proposition' },
    { event: 'advance', from: ['value_proposition'], to: 'id_decision_makers' },
    { event: 'advance', from: ['id_decision_makers'], to: 'perception_analysis' },
    { event: 'advance', from: ['perception_analysis'], to: 'proposal_price_quote' },
    { event: 'advance', from: ['proposal_price_quote'], to: 'negotiation_review' },
    { event: 'close_won', from: open, to: 'closed_won', effects: [{ type: 'push_to_crm', params: { object: 'opportunity' } }] },
    { event: 'close_lost', from: open, to: 'closed_lost' },
    { event: 'reopen', from: ['closed_lost'], to: 'prospecting' },
  ],
  policy: { forwardOnly: true, backwardEvents: ['reopen'], allowSkip: true, terminal: ['closed_won'] },
  qualifiedStage: null,
} as const satisfies FunnelDefinitionInput;

/**
 * Salesforce-like opportunity stages as a funnel (see {@link salesforceOpportunityDefinition}); enter with `create`.
 *
 * @example
 * ```ts
 * const at = new Date('2025-06-30T10:00:00Z');
 * const deal = { id: 'opp-1', name: 'Nimbus renewal' }; // any object: a record of yours
 * const created = transition(salesforceOpportunityFunnel, deal, { type: 'create', at }); // stage 'prospecting'
 * if (created.ok) {
 *   const next = transition(salesforceOpportunityFunnel, created.value, { type: 'advance', at }); // stage 'qualification'
 * }
 * ```
 */
export const salesforceOpportunityFunnel = /*@__PURE__*/ defineFunnel(salesforceOpportunityDefinition);
