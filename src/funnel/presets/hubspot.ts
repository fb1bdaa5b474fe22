import { defineFunnel } from '../define-funnel.ts';
import type { FunnelDefinitionInput } from '../funnel-definition.ts';

const order = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other'] as const;
const before = (index: number) => order.slice(0, index);

/**
 * HubSpot's lifecycle stages as plain data, with HubSpot's internal values as stage ids (`subscriber`, `lead`,
 * `marketingqualifiedlead`, `salesqualifiedlead`, `opportunity`, `customer`, `evangelist`, `other`).
 *
 * - Conventions: HubSpot's lifecycle stage only moves forward, and may jump ahead (skipping is allowed). Each
 *   stage has a `set_<stage>` event, usable from any earlier stage or to create a record directly in that stage.
 * - Moving back in HubSpot means clearing the property and setting it again; here that is `reset` (→ subscriber),
 *   the one backward event.
 * - `salesqualifiedlead` is the qualified stage.
 */
export const hubspotLifecycleDefinition = {
  id: 'hubspot-lifecycle',
  label: 'HubSpot lifecycle stages',
  description: "HubSpot's contact lifecycle stages: forward-only, skipping allowed; reset moves a record back to subscriber.",
  stages: [
    { id: 'subscriber', label: 'Subscriber', kind: 'open', probability: 0.005 },
    { id: 'lead', label: 'Lead', kind: 'open', probability: 0.02, speedToLeadSlaHours: 24 },
    { id: 'marketingqualifiedlead', label: 'Marketing Qualified Lead', kind: 'open', probability: 0.05, speedToLeadSlaHours: 4 },
    { id: 'salesqualifiedlead', label: 'Sales Qualified Lead', kind: 'open', probability: 0.1 },
    { id: 'opportunity', label: 'Opportunity', kind: 'open', probability: 0.3, forecastCategory: 'pipeline' },
    { id: 'customer', label: 'Customer', kind: 'won', probability: 1, forecastCategory: 'closed' },
    { id: 'evangelist', label: 'Evangelist', kind: 'won', probability: 1, forecastCategory: 'closed' },
    { id: 'other', label: 'Other', kind: 'open', side: true, description: 'Contacts that fit no other stage.' },
  ],
  transitions: [
    { event: 'set_subscriber', from: null, to: 'subscriber' },
    { event: 'set_lead', from: null, to: 'lead' },
    { event: 'set_lead', from: before(1), to: 'lead' },
    { event: 'set_marketingqualifiedlead', from: null, to: 'marketingqualifiedlead' },
    { event: 'set_marketingqualifiedlead', from: before(2), to: 'marketingqualifiedlead' },
    { event: 'set_salesqualifiedlead', from: null, to: 'salesqualifiedlead' },
    { event: 'set_salesqualifiedlead', from: before(3), to: 'salesqualifiedlead' },
    { event: 'set_opportunity', from: null, to: 'opportunity' },
    { event: 'set_opportunity', from: before(4), to: 'opportunity' },
    { event: 'set_customer', from: null, to: 'customer' },
    { event: 'set_customer', from: before(5), to: 'customer' },
    { event: 'set_evangelist', from: null, to: 'evangelist' },
    { event: 'set_evangelist', from: before(6), to: 'evangelist' },
    { event: 'set_other', from: null, to: 'other' },
    { event: 'set_other', from: before(7), to: 'other' },
    { event: 'reset', from: order.slice(1), to: 'subscriber', description: 'Clear the lifecycle stage and start again.' },
  ],
  policy: { forwardOnly: true, backwardEvents: ['reset'], allowSkip: true, terminal: [] },
  qualifiedStage: 'salesqualifiedlead',
} as const satisfies FunnelDefinitionInput;

/**
 * HubSpot's lifecycle stages as a funnel (see {@link hubspotLifecycleDefinition}). Records enter with any
 * `set_<stage>` event.
 *
 * @example
 * ```ts
 * const result = transition(hubspotLifecycleFunnel, lead, { type: 'set_marketingqualifiedlead', at: new Date('2025-06-30T10:00:00Z') });
 * ```
 */
export const hubspotLifecycleFunnel = /*@__PURE__*/ defineFunnel(hubspotLifecycleDefinition);
