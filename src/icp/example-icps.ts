import { defineIcp } from './define-icp.ts';

/**
 * The example ICP from the product brief, for a cloud-storage company: technology companies (`technology` or
 * `software`) of 50–200 employees and USD 10M–50M revenue, with the pain point "lack of scalable storage solutions",
 * buying intent shown by a pricing-page visit or a demo request in the last 90 days, and an IT director or CTO
 * involved. Nothing is required or excluded: each criterion adds to the fit in proportion to its weight.
 *
 * @example
 * ```ts
 * const fit = matchIcp(cloudStorageIcp, lead, { asOf });
 * ```
 */
export const cloudStorageIcp = /*@__PURE__*/ defineIcp({
  schemaVersion: 1,
  id: 'cloud-storage',
  name: 'Cloud storage: growing technology companies',
  description:
    'Technology companies of 50–200 employees and USD 10M–50M revenue that lack scalable storage, show buying intent and have an IT director or CTO involved.',
  criteria: {
    industry: { label: 'Technology industry', when: { field: 'company.industry', in: ['technology', 'software'] }, weight: 3 },
    employees: { label: '50–200 employees', when: { field: 'company.employeeCount', min: 50, max: 200 }, weight: 2 },
    revenue: { label: 'USD 10M–50M revenue', when: { field: 'company.annualRevenue', currency: 'USD', min: 10_000_000, max: 50_000_000 }, weight: 2 },
    painPoint: { label: 'Needs scalable storage', when: { field: 'painPoints', contains: 'scalable storage' }, weight: 2 },
    intent: {
      label: 'Pricing page or demo request (90 days)',
      when: {
        any: [
          { activity: { type: 'page_viewed', pageKind: 'pricing' }, withinDays: 90 },
          { activity: { type: 'page_viewed', url: '*/pricing*' }, withinDays: 90 },
          { activity: { type: 'demo_requested' }, withinDays: 90 },
        ],
      },
      weight: 3,
    },
    decisionMaker: {
      label: 'IT director or CTO involved',
      when: { field: 'contact.jobTitle', containsWords: ['it director', 'director of it', 'head of it', 'cto', 'chief technology officer'] },
      weight: 2,
    },
  },
});

/**
 * A mid-market SaaS ICP with anti-ICP rules: software or technology companies (required) of 200–1,000 employees in
 * North America or Western Europe using a CRM, reached through a senior buyer; students, interns, free e-mail
 * addresses and competitors' domains disqualify.
 *
 * @example
 * ```ts
 * const [best] = rankIcps([cloudStorageIcp, midMarketSaasIcp], lead, { asOf });
 * ```
 */
export const midMarketSaasIcp = /*@__PURE__*/ defineIcp({
  schemaVersion: 1,
  id: 'mid-market-saas',
  name: 'Mid-market SaaS',
  description: 'Software companies of 200–1,000 employees in North America and Western Europe that run a CRM, with a senior buyer engaged.',
  criteria: {
    industry: { label: 'Software or technology', when: { field: 'company.industry', in: ['software', 'technology'] }, weight: 3, required: true },
    employees: { label: '200–1,000 employees', when: { field: 'company.employeeCount', min: 200, max: 1000 }, weight: 2 },
    country: {
      label: 'North America or Western Europe',
      when: { field: 'company.country', in: ['US', 'CA', 'GB', 'IE', 'DE', 'FR', 'NL', 'BE', 'SE', 'DK', 'NO', 'FI'] },
      weight: 1,
    },
    crm: { label: 'Runs a CRM', when: { field: 'company.technologies', in: ['salesforce', 'hubspot', 'pipedrive', 'zoho'] }, weight: 2 },
    seniority: { label: 'Director or above', when: { field: 'contact.seniority', in: ['director', 'vp', 'c_level', 'owner'] }, weight: 2 },
    buyingRole: {
      label: 'Decision maker or champion',
      when: { field: 'contact.decisionRole', in: ['economic_buyer', 'decision_maker', 'champion'] },
      weight: 1,
    },
    engaged: {
      label: 'Engaged in the last 60 days',
      when: {
        any: [
          { activity: { type: ['demo_requested', 'trial_started', 'meeting_booked'] }, withinDays: 60 },
          { activity: { type: 'page_viewed', pageKind: 'pricing' }, withinDays: 60 },
        ],
      },
      weight: 2,
    },
    student: {
      label: 'Student or intern',
      when: {
        any: [
          { field: 'contact.seniority', in: ['student', 'intern'] },
          { field: 'contact.jobTitle', containsWords: ['student', 'intern'] },
        ],
      },
      exclude: true,
    },
    freeEmail: { label: 'Free e-mail address', when: { field: 'contact.emailKind', equals: 'free' }, exclude: true },
    competitor: { label: 'Competitor', when: { field: 'company.domain', in: ['pipelinepro.io', 'rivalcrm.com'] }, exclude: true },
  },
});
