import { defineFunnel } from '../define-funnel.ts';
import type { FunnelDefinitionInput } from '../funnel-definition.ts';

/**
 * Salesforce's default lead statuses as plain data: Open - Not Contacted, Working - Contacted, Closed - Converted,
 * Closed - Not Converted.
 *
 * - Conventions: `create` enters a lead as Open - Not Contacted; `work` marks it contacted; `convert` is Salesforce
 *   lead conversion: the lead becomes a prospect (Closed - Converted is the qualified stage) and the transition asks
 *   for a `convert_lead` effect (create the account, the contact and optionally the opportunity); `close` ends it
 *   unconverted; `reopen` brings an unconverted lead back to Working - Contacted.
 * - Skipping is allowed (a lead can be converted on first contact); Closed - Converted is terminal.
 */
export const salesforceLeadStatusDefinition = {
  id: 'salesforce-lead-status',
  label: 'Salesforce lead status',
  description: "Salesforce's default lead statuses, with lead conversion.",
  stages: [
    { id: 'open_not_contacted', label: 'Open - Not Contacted', kind: 'open', speedToLeadSlaHours: 24, rottingDays: 14 },
    { id: 'working_contacted', label: 'Working - Contacted', kind: 'open', rottingDays: 30 },
    { id: 'closed_converted', label: 'Closed - Converted', kind: 'won' },
    { id: 'closed_not_converted', label: 'Closed - Not Converted', kind: 'lost' },
  ],
  transitions: [
    { event: 'create', from: null, to: 'open_not_contacted' },
    { event: 'work', from: ['open_not_contacted'], to: 'working_contacted' },
    {
      event: 'convert',
      from: ['open_not_contacted', 'working_contacted'],
      to: 'closed_converted',
      effects: [{ type: 'convert_lead', params: { createAccount: true, createContact: true, createOpportunity: true } }],
    },
    { event: 'close', from: ['open_not_contacted', 'working_contacted'], to: 'closed_not_converted' },
    { event: 'reopen', from: ['closed_not_converted'], to: 'working_contacted' },
  ],
  policy: { forwardOnly: true, backwardEvents: ['reopen'], allowSkip: true, terminal: ['closed_converted'] },
  qualifiedStage: 'closed_converted',
} as const satisfies FunnelDefinitionInput;

/**
 * Salesforce's lead statuses as a funnel (see {@link salesforceLeadStatusDefinition}); enter with `create`.
 *
 * @example
 * ```ts
 * const converted = transition(salesforceLeadStatusFunnel, lead, {
 *   type: 'convert', at: new Date('2025-06-30T10:00:00Z'), by: 'rep-7',
 *   qualification: { verdict: { frameworkId: 'bant', qualified: true, score: 75 } },
 * });
 * if (converted.ok) for (const effect of converted.effects) console.log(effect.type, effect.params); // convert_lead { createAccount: true, … }
 * ```
 */
export const salesforceLeadStatusFunnel = /*@__PURE__*/ defineFunnel(salesforceLeadStatusDefinition);
