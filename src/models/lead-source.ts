import * as z from 'zod/v4';

const inboundSources = [
  'website_form',
  'content_download',
  'newsletter',
  'webinar',
  'event',
  'referral',
  'partner',
  'social',
  'paid_ads',
  'organic_search',
] as const;
const outboundSources = ['cold_email', 'cold_call', 'purchased_list'] as const;

/** Where a lead came from. Inbound kinds are the lead's own initiative; outbound kinds are ours. */
export const LeadSource = z.enum([...inboundSources, ...outboundSources, 'other']);
/** Where a lead came from. */
export type LeadSource = z.output<typeof LeadSource>;

const inbound = new Set<string>(inboundSources);
const outbound = new Set<string>(outboundSources);

/** Whether a source is inbound (the lead reached out), outbound (we reached out) or unknown (`other`). */
export function leadSourceDirection(source: LeadSource): 'inbound' | 'outbound' | 'unknown' {
  if (inbound.has(source)) return 'inbound';
  if (outbound.has(source)) return 'outbound';
  return 'unknown';
}
