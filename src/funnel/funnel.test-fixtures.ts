import { Lead } from '../models/lead.ts';

/** A minimal lead for the funnel's tests (test helper, not exported). */
export function sampleLead(overrides: Partial<Lead> = {}): Lead {
  return {
    ...Lead.parse({
      id: 'lead-1',
      contact: { firstName: 'Ada', email: 'ada@acme.com', jobTitle: 'CTO' },
      company: { name: 'Acme', industry: 'software', employeeCount: 120, country: 'US' },
      source: 'website_form',
      createdAt: '2024-05-01T09:00:00Z',
    }),
    ...overrides,
  };
}

/** A qualifying verdict for entering the SQL stage in tests. */
export const bantVerdict = { verdict: { frameworkId: 'bant', qualified: true, score: 75 } } as const;

/** ISO shorthand. */
export const at = (iso: string): Date => new Date(iso);
