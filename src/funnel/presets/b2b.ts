import { defineFunnel } from '../define-funnel.ts';
import type { FunnelDefinitionInput } from '../funnel-definition.ts';

/**
 * The B2B lifecycle as plain data: suspect → lead → MQL → SQL → opportunity → customer → evangelist, with nurture
 * (recycled records), disqualified and lost. Conventions: SiriusDecisions-style demand waterfall and HubSpot's
 * forward-only lifecycle; the SQL stage (`sql`) is the qualified stage, where a lead becomes a prospect.
 *
 * - Entry events: `capture` puts a new record in `lead`; `add_suspect` puts a listed contact in `suspect`.
 * - Forward-only and no skipping; `recycle` (to nurture), `reengage` (nurture → MQL) and `reopen` (lost →
 *   opportunity) are the only events that may move a record back.
 * - `evangelist` and `disqualified` are terminal; `lost` can be recycled or reopened.
 *
 * Copy it to make your own: rename labels, add guards with `addTransitionGuards`, then `defineFunnel`.
 */
export const b2bFunnelDefinition = {
  id: 'b2b-lifecycle',
  label: 'B2B lifecycle',
  description: 'Suspect to evangelist, with nurture, disqualified and lost (demand-waterfall conventions).',
  stages: [
    { id: 'suspect', label: 'Suspect', kind: 'open', probability: 0.01, rottingDays: 180, description: 'On a list, no sign of interest yet.' },
    { id: 'lead', label: 'Lead', kind: 'open', probability: 0.02, rottingDays: 30, speedToLeadSlaHours: 24, description: 'Showed some interest; unqualified.' },
    {
      id: 'mql',
      label: 'Marketing-qualified lead',
      kind: 'open',
      probability: 0.05,
      rottingDays: 14,
      speedToLeadSlaHours: 4,
      onEnter: [{ type: 'notify_owner' }],
      description: 'Engaged enough for marketing to hand over; not yet vetted by sales.',
    },
    {
      id: 'sql',
      label: 'Sales-qualified lead',
      kind: 'open',
      probability: 0.1,
      rottingDays: 7,
      onEnter: [{ type: 'notify_owner' }],
      description: 'Vetted by sales against a qualification framework: a prospect.',
    },
    {
      id: 'opportunity',
      label: 'Opportunity',
      kind: 'open',
      probability: 0.3,
      forecastCategory: 'pipeline',
      rottingDays: 30,
      description: 'A deal is being worked.',
    },
    { id: 'customer', label: 'Customer', kind: 'won', probability: 1, forecastCategory: 'closed', description: 'Bought.' },
    { id: 'evangelist', label: 'Evangelist', kind: 'won', probability: 1, forecastCategory: 'closed', description: 'A customer who refers others.' },
    {
      id: 'nurture',
      label: 'Nurture',
      kind: 'open',
      side: true,
      probability: 0.01,
      rottingDays: 90,
      onEnter: [{ type: 'start_sequence', params: { sequenceId: 'nurture' } }],
      description: 'Recycled: not ready now, kept warm by marketing.',
    },
    {
      id: 'disqualified',
      label: 'Disqualified',
      kind: 'disqualified',
      probability: 0,
      forecastCategory: 'omitted',
      description: 'Not a fit (anti-ICP, student, competitor, spam).',
    },
    { id: 'lost', label: 'Lost', kind: 'lost', probability: 0, forecastCategory: 'omitted', description: 'Chose not to buy, for now.' },
  ],
  transitions: [
    { event: 'add_suspect', from: null, to: 'suspect', description: 'A contact is added from a list.' },
    { event: 'capture', from: null, to: 'lead', description: 'A new lead is captured (form, download, referral…).' },
    { event: 'show_interest', from: ['suspect'], to: 'lead' },
    { event: 'engage', from: ['lead'], to: 'mql' },
    { event: 'qualify', from: ['mql'], to: 'sql', effects: [{ type: 'push_to_crm', params: { object: 'lead' } }] },
    { event: 'open_opportunity', from: ['sql'], to: 'opportunity', effects: [{ type: 'push_to_crm', params: { object: 'opportunity' } }] },
    { event: 'win', from: ['opportunity'], to: 'customer', effects: [{ type: 'push_to_crm', params: { object: 'account' } }] },
    { event: 'advocate', from: ['customer'], to: 'evangelist' },
    { event: 'lose', from: ['lead', 'mql', 'sql', 'opportunity'], to: 'lost' },
    { event: 'disqualify', from: ['suspect', 'lead', 'mql', 'sql', 'nurture'], to: 'disqualified' },
    { event: 'recycle', from: ['lead', 'mql', 'sql', 'opportunity', 'lost'], to: 'nurture' },
    { event: 'reengage', from: ['nurture'], to: 'mql' },
    { event: 'reopen', from: ['lost'], to: 'opportunity' },
  ],
  policy: { forwardOnly: true, backwardEvents: ['recycle', 'reengage', 'reopen'], allowSkip: false, terminal: ['evangelist', 'disqualified'] },
  qualifiedStage: 'sql',
} as const satisfies FunnelDefinitionInput;

/**
 * The B2B lifecycle funnel, defined from {@link b2bFunnelDefinition}, without guards. Records enter it with
 * `capture` (→ `lead`) or `add_suspect` (→ `suspect`); `qualify` (→ `sql`) needs a qualifying verdict.
 *
 * @example
 * ```ts
 * const captured = transition(b2bFunnel, lead, { type: 'capture', at: lead.createdAt ?? asOf }); // createdAt is optional (imports may lack it)
 * ```
 */
export const b2bFunnel = /*@__PURE__*/ defineFunnel(b2bFunnelDefinition);
