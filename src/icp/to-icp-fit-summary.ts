import type { IcpFitSummary } from '../models/prospect.ts';
import type { IcpMatch } from './match-icp.ts';

/**
 * The short form of a match that a prospect records (`qualification.icpFit`): the ICP id, score and grade.
 *
 * @example
 * ```ts
 * const fit = matchIcp(cloudStorageIcp, lead, { asOf });
 * const verdict = { frameworkId: 'bant', qualified: true, score: 75 };
 * const prospect = toProspect(lead, { verdict, icpFit: toIcpFitSummary(fit), qualifiedAt: asOf, qualifiedBy: 'rep-7' }, { minIcpFit: 60 });
 * ```
 */
export function toIcpFitSummary(match: IcpMatch): IcpFitSummary {
  return { icpId: match.icpId, score: match.score, grade: match.grade };
}
