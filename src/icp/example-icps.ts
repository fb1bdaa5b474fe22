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
    industry: { label: 'Technology industry', kind: 'oneOf', field: 'company.industry', values: ['technology', 'software'], weight: 3 },
    employees: { label: '50–200 employees', kind: 'range', field: 'company.employeeCount', min: 50, max: 200, weight: 2 },
    revenue: { label: 'USD 10M–50M revenue', kind: 'moneyRange', field: 'company.annualRevenue', currency: 'USD', min: '10000000', max: '50000000', weight: 2 },
    painPoint: { label: 'Needs scalable storage', kind: 'painPoints', anyOf: ['lack of scalable storage solutions'], weight: 2 },
    intent: {
      label: 'Pricing page or demo request (90 days)',
      kind: 'intent',
      signals: [{ activity: 'page_viewed', pageKind: 'pricing' }, { activity: 'page_viewed', urlIncludes: '/pricing' }, { activity: 'demo_requested' }],
      withinDays: 90,
      weight: 3,
    },
    decisionMaker: {
      label: 'IT director or CTO involved',
      kind: 'jobTitle',
      anyOf: ['it director', 'director of it', 'head of it', 'cto', 'chief technology officer'],
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
    industry: { label: 'Software or technology', kind: 'oneOf', field: 'company.industry', values: ['software', 'technology'], weight: 3, required: true },
    employees: { label: '200–1,000 employees', kind: 'range', field: 'company.employeeCount', min: 200, max: 1000, weight: 2 },
    country: {
      label: 'North America or Western Europe',
      kind: 'oneOf',
      field: 'company.country',
      values: ['US', 'CA', 'GB', 'IE', 'DE', 'FR', 'NL', 'BE', 'SE', 'DK', 'NO', 'FI'],
      weight: 1,
    },
    crm: { label: 'Runs a CRM', kind: 'technologies', anyOf: ['salesforce', 'hubspot', 'pipedrive', 'zoho'], weight: 2 },
    seniority: { label: 'Director or above', kind: 'oneOf', field: 'contact.seniority', values: ['director', 'vp', 'c_level', 'owner'], weight: 2 },
    buyingRole: {
      label: 'Decision maker or champion',
      kind: 'oneOf',
      field: 'contact.decisionRole',
      values: ['economic_buyer', 'decision_maker', 'champion'],
      weight: 1,
    },
    engaged: {
      label: 'Engaged in the last 60 days',
      kind: 'intent',
      signals: [{ activity: 'demo_requested' }, { activity: 'trial_started' }, { activity: 'meeting_booked' }, { activity: 'page_viewed', pageKind: 'pricing' }],
      withinDays: 60,
      weight: 2,
    },
    student: {
      label: 'Student or intern',
      kind: 'anyOf',
      conditions: [
        { kind: 'oneOf', field: 'contact.seniority', values: ['student', 'intern'] },
        { kind: 'jobTitle', anyOf: ['student', 'intern'] },
      ],
      exclude: true,
    },
    freeEmail: {
      label: 'Free e-mail address',
      kind: 'oneOf',
      field: 'contact.emailDomain',
      values: ['gmail.com', 'googlemail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'live.com', 'aol.com', 'icloud.com', 'proton.me', 'gmx.de'],
      exclude: true,
    },
    competitor: { label: 'Competitor', kind: 'oneOf', field: 'company.domain', values: ['pipelinepro.io', 'rivalcrm.com'], exclude: true },
  },
});
