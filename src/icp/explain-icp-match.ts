import type { IcpMatch } from './match-icp.ts';

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * Explains a match as text for people (lines joined with `\n`): the score and grade with how much of the profile
 * could be checked, then one line per criterion with the points it gave (the points add up to the score).
 *
 * @example
 * ```ts
 * console.log(explainIcpMatch(matchIcp(cloudStorageIcp, lead, { asOf })));
 * // lead-7 fits cloud-storage 83/100, grade A (checked 80% of the weight; unknown: painPoint)
 * //   +33 Technology industry: matched, company.industry is "technology"; expected company.industry one of technology
 * //   …
 * ```
 */
export function explainIcpMatch(match: IcpMatch): string {
  const unknown = match.unknown.length === 0 ? '' : `; unknown: ${match.unknown.join(', ')}`;
  const verdict = match.disqualified
    ? `is disqualified by ${match.icpId} (grade F; ${match.disqualifiedBy.join(', ')}; would score ${match.scoreBeforeDisqualification}/100)`
    : `fits ${match.icpId} ${match.score}/100, grade ${match.grade}`;
  const header = `${match.lead.id} ${verdict} (checked ${percent(match.knownWeightShare)} of the weight${unknown})`;
  const lines = match.criteria.map((criterion) => {
    const points = (criterion.exclude ? '±0' : criterion.points > 0 ? `+${criterion.points}` : '0').padStart(4);
    return `  ${points} ${criterion.reason}`;
  });
  return [header, ...lines].join('\n');
}
