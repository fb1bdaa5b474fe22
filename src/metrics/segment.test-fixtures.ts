// Shared fixtures of the segment tests (not exported from the entry point).
import type { Lead } from '../models/lead.ts';
import { defineSegment } from './segment-definition.ts';
import { history } from './test-fixtures.ts';

/** A date from an ISO string (with its `Z`, so the same instant in every time zone). */
export const at = (iso: string): Date => new Date(iso);

/** The moment the segment tests count at. */
export const asOf = at('2024-03-01T00:00:00Z');

/** A lead created on 2024-01-01 with no contact details, no activity and the given fields. */
export function lead(id: string, fields: Partial<Lead> = {}): Lead {
  return { id, contact: {}, source: 'website_form', createdAt: at('2024-01-01T00:00:00Z'), activities: [], ...fields };
}

/** Three leads: a software CTO who visited the pricing page and became a customer, a banking VP who went quiet and was lost, a student. */
export const leads: Lead[] = [
  lead('saas-cto', {
    contact: { jobTitle: 'Chief Technology Officer', seniority: 'c_level' },
    company: { name: 'A', industry: 'Software', employeeCount: 120, technologies: ['aws'] },
    activities: [
      { type: 'page_viewed', at: at('2024-02-25T00:00:00Z'), url: '/pricing', pageKind: 'pricing' },
      { type: 'page_viewed', at: at('2024-02-26T00:00:00Z'), url: '/pricing', pageKind: 'pricing' },
    ],
    stageHistory: history(['lead', '2024-01-01T00:00:00Z'], ['mql', '2024-01-05T00:00:00Z'], ['customer', '2024-02-01T00:00:00Z']),
    customFields: { plan: 'pro' },
  }),
  lead('bank-vp', {
    contact: { jobTitle: 'VP Engineering', seniority: 'vp' },
    company: { name: 'B', industry: 'banking', employeeCount: 5000 },
    activities: [{ type: 'email_opened', at: at('2023-10-01T00:00:00Z') }],
    stageHistory: history(['lead', '2024-01-01T00:00:00Z'], ['lost', '2024-01-10T00:00:00Z']),
  }),
  lead('student', { contact: { seniority: 'student' }, stageHistory: history(['lead', '2024-01-01T00:00:00Z']) }),
];

/** Firmographic: software companies of 50–200 employees. */
export const midMarketSoftware = defineSegment({
  id: 'mid-market-software',
  label: 'Mid-market software',
  category: 'firmographic',
  when: {
    all: [
      { field: 'company.industry', in: ['software', 'saas'] },
      { field: 'company.employeeCount', min: 50, max: 200 },
    ],
  },
});

/** Demographic: executives by seniority or title. */
export const executives = defineSegment({
  id: 'executives',
  category: 'demographic',
  when: {
    any: [
      { field: 'contact.seniority', in: ['c_level', 'vp'] },
      { field: 'contact.jobTitle', contains: 'chief' },
    ],
  },
});

/** Behavioral: at least two pricing-page views in the last 30 days. */
export const pricingVisitors = defineSegment({
  id: 'pricing-visitors',
  category: 'behavioral',
  when: { activity: { type: ['page_viewed'], pageKind: ['pricing'] }, withinDays: 30, atLeast: 2 },
});

/** Engagement: no activity in the 90 days up to asOf (the old recency rule `{ inactiveForDays: 90 }`). */
export const dormant = defineSegment({ id: 'dormant', category: 'engagement', when: { not: { activity: {}, withinDays: 90 } } });

/**
 * Not on the pro plan, leads without a plan included. A plain `not` of a field test leaves out the leads that lack the
 * field (unknown stays unknown), so "including those without a plan" is said with `exists: false`.
 */
export const notPro = defineSegment({
  id: 'not-pro',
  when: { any: [{ not: { field: 'customFields.plan', equals: 'PRO' } }, { field: 'customFields.plan', exists: false }] },
});

/** Every segment above, in order. */
export const segments = [midMarketSoftware, executives, pricingVisitors, dormant, notPro];
