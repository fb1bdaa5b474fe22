/**
 * Test helpers for leadkit users: a seeded generator of realistic synthetic leads, and fast-check arbitraries for
 * every model (fast-check is an optional peer dependency that only this entry point imports).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { arbitraryLead, generateLeads } from 'leadkit/testing';
 *
 * fc.assert(fc.property(arbitraryLead(), (lead) => scorer(lead, { asOf }).score >= 0)); // your scorer never goes below 0
 * const leads = generateLeads({ seed: 42, count: 1000, asOf: new Date('2024-06-30T00:00:00Z') });
 * ```
 *
 * @module
 */
export { generateLeads, type GenerateLeadsOptions, type GeneratedLead } from './generate-leads.ts';
export {
  arbitraryActivity,
  arbitraryCompany,
  arbitraryConsent,
  arbitraryContact,
  arbitraryDate,
  arbitraryLead,
  arbitraryMoney,
  arbitraryOutcome,
  arbitraryStageChange,
  type ArbitraryDateRange,
  type ArbitraryLeadOptions,
} from './arbitraries.ts';
export { arbitraryCondition, type ArbitraryConditionOptions } from './arbitrary-condition.ts';
export { arbitraryScoringModel, type ArbitraryScoringModelOptions } from './arbitrary-scoring-model.ts';
