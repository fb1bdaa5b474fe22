import type { Lead } from '../models/lead.ts';
import type { Icp } from './icp-definition.ts';
import { compileIcp, type IcpMatch, type MatchIcpOptions } from './match-icp.ts';

/** The criterion keys of an ICP type (a union over a union of ICPs): `IcpCriterionKeyOfIcp<typeof cloudStorageIcp>`. */
export type IcpCriterionKeyOfIcp<I extends Icp<string>> = I extends Icp<infer K> ? K : never;

/**
 * Matches one lead against several ICPs (a team often has one per segment) and returns the matches best fitting
 * first: qualified fits before disqualified ones, then by score, then by the share of the profile that could be
 * checked; ties keep the order of `icps`.
 *
 * @example
 * ```ts
 * const [best] = rankIcps([cloudStorageIcp, midMarketSaasIcp], lead, { asOf });
 * if (best !== undefined && best.grade !== 'F') console.log(`route ${lead.id} to the ${best.icpId} team`);
 * ```
 * @throws RangeError when `asOf` is not a valid date (a programmer error).
 */
export function rankIcps<const I extends readonly Icp<string>[], L extends Lead>(
  icps: I,
  lead: L,
  options: MatchIcpOptions,
): IcpMatch<IcpCriterionKeyOfIcp<I[number]>, L>[] {
  const matches = icps.map((icp, index) => ({ index, match: compileIcp(icp as Icp<IcpCriterionKeyOfIcp<I[number]>>)(lead, options) }));
  matches.sort(
    (a, b) =>
      Number(a.match.disqualified) - Number(b.match.disqualified) ||
      b.match.score - a.match.score ||
      b.match.scoreBeforeDisqualification - a.match.scoreBeforeDisqualification ||
      b.match.knownWeightShare - a.match.knownWeightShare ||
      a.index - b.index,
  );
  return matches.map((entry) => entry.match);
}
