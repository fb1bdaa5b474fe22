import { Lead, type LeadJson } from '../models/lead.ts';

/** The moment every ICP test matches at. */
export const asOf = new Date('2025-06-30T00:00:00Z');

/** `days` days before {@link asOf}, as an ISO string. */
export function daysAgo(days: number): string {
  return new Date(asOf.getTime() - days * 86_400_000).toISOString();
}

/** A validated lead built from JSON, with a contact and a source filled in. */
export function makeLead(json: Partial<LeadJson> = {}): Lead {
  return Lead.parse({
    id: 'lead-1',
    contact: { firstName: 'Ada', email: 'ada@acme.com' },
    source: 'website_form',
    createdAt: '2025-01-01T00:00:00Z',
    ...json,
  });
}
