/**
 * ICP (Ideal Customer Profile) matching: plain, serializable ICP definitions validated by zod, and fit matching with
 * a 0–100 score, a grade (A–D, F when disqualified) and a per-criterion explanation whose points add up to the score.
 *
 * @example
 * ```ts
 * import { defineIcp, matchIcp, toIcpFitSummary } from 'leadkit/icp';
 *
 * const icp = defineIcp({
 *   id: 'mid-market-saas',
 *   criteria: {
 *     industry: { when: { field: 'company.industry', in: ['software'] }, weight: 3 },
 *     employees: { when: { field: 'company.employeeCount', min: 50, max: 200 } },
 *   },
 * });
 * const fit = matchIcp(icp, lead, { asOf: new Date('2024-06-30T00:00:00Z') });
 * fit.score; fit.grade; fit.criteria; // explained, per criterion
 * ```
 *
 * @module
 */
export {
  DEFAULT_ICP_GRADE_THRESHOLDS,
  IcpCriterion,
  IcpCriterionKey,
  IcpDefinition,
  IcpGradeThresholds,
  type Icp,
  type IcpDefinitionJson,
} from './icp-definition.ts';
export { defineIcp, parseIcp, type IcpCriterionKeyOf } from './define-icp.ts';
export {
  compileIcp,
  type IcpCriterionStatus,
  type IcpLeadValue,
  icpGrade,
  matchIcp,
  type IcpCriterionResult,
  type IcpGrade,
  type IcpMatch,
  type IcpMatcher,
  type MatchIcpOptions,
} from './match-icp.ts';
export { rankIcps, type IcpCriterionKeyOfIcp } from './rank-icps.ts';
export { toIcpFitSummary } from './to-icp-fit-summary.ts';
export { explainIcpMatch } from './explain-icp-match.ts';
export { cloudStorageIcp, midMarketSaasIcp } from './example-icps.ts';
