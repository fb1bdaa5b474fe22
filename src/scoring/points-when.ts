import { instantDate } from '../internal/instant.ts';
import type { Lead } from '../models/lead.ts';
import { contribution } from './contribution.ts';
import { MAX_RULE_POINTS } from './scoring-model-definition.ts';
import type { ScoreOptions, ScoreResult, Scorer } from './types.ts';

/** The options a {@link LeadTest} is given: the evaluation's, with `asOf` as a `Date` (checked and copied). */
export interface LeadTestOptions extends ScoreOptions {
  /** The moment the lead is scored for. */
  readonly asOf: Date;
}

/** A test on a lead written in code, given the evaluation's options (`asOf` as a `Date`). */
export type LeadTest<L extends Lead = Lead> = (lead: L, options: LeadTestOptions) => boolean;

/** The options as a test sees them: `asOf` checked and made a `Date`. */
function testOptions(options: ScoreOptions): LeadTestOptions {
  return { ...options, asOf: instantDate(options.asOf, 'asOf') };
}

/** Options of {@link pointsWhen}. */
export interface PointsWhenOptions<L extends Lead = Lead> {
  /** Id of the rule, as it appears in contributions. */
  readonly id: string;
  /** Human label (`Has a phone number`). */
  readonly label: string;
  /** Points when the test holds; negative points are allowed. */
  readonly points: number;
  /** Group of the contribution; defaults to `fit`. */
  readonly group?: string;
  /** The test. */
  readonly when: LeadTest<L>;
}

const noDisqualifications = Object.freeze([]) as readonly never[];
const noContributions = Object.freeze([]) as readonly never[];

/**
 * A scorer that gives `points` when a test written in code holds: the primitive for rules a JSON condition cannot
 * express. Its result composes with compiled models and other scorers (`sumScorers`, `weightScorers`, …), and its
 * contribution is explained like any other.
 *
 * @example
 * ```ts
 * const hasPhone = pointsWhen({ id: 'phone', label: 'Has a phone number', points: 5, when: (lead) => lead.contact.phone !== undefined });
 * const total = sumScorers(compiledModel, hasPhone);
 * total(lead, { asOf }).contributions; // …, { ruleId: 'phone', points: 5, … }
 * ```
 * @throws RangeError when `points` is not a number between -1e9 and 1e9, the bound of a scoring model's rules (a
 * programmer error).
 */
export function pointsWhen<L extends Lead = Lead>(options: PointsWhenOptions<L>): Scorer<L> {
  const { id, label, when } = options;
  if (!(Math.abs(options.points) <= MAX_RULE_POINTS))
    throw new RangeError(`pointsWhen "${id}": points must be a number between -1,000,000,000 and 1,000,000,000, as in a scoring model`);
  // +0 for -0: a score of -0 would not be the sum (0) of no contributions.
  const points = options.points + 0;
  const group = options.group ?? 'fit';
  const miss: ScoreResult = Object.freeze({ score: 0, contributions: noContributions, disqualifications: noDisqualifications });
  // Zero points is no contribution, as a compiled model leaves out rules that give nothing.
  if (points === 0) return () => miss;
  const hit: ScoreResult = Object.freeze({
    score: points,
    contributions: Object.freeze([Object.freeze(contribution({ ruleId: id, label, group, points }))]),
    disqualifications: noDisqualifications,
  });
  return (lead, scoreOptions) => (when(lead, testOptions(scoreOptions)) ? hit : miss);
}

/** Options of {@link disqualifyWhen}. */
export interface DisqualifyWhenOptions<L extends Lead = Lead> {
  /** Id of the gate. */
  readonly id: string;
  /** Human label (`Competitor domain`). */
  readonly label: string;
  /** The test: when it holds, the lead is disqualified. */
  readonly when: LeadTest<L>;
}

/**
 * A scorer that disqualifies a lead when a test written in code holds (a gate: no points, a disqualification).
 * Combined with other scorers, the result carries the disqualification, so `scoreAll` ranks the lead last.
 *
 * @example
 * ```ts
 * const competitors = new Set(['rival.com', 'rival.io']);
 * const competitor = disqualifyWhen({ id: 'competitor', label: 'Competitor domain', when: (lead) => competitors.has(lead.company?.domain ?? '') });
 * scoreAll(sumScorers(compiledModel, competitor), leads, { asOf });
 * ```
 */
export function disqualifyWhen<L extends Lead = Lead>(options: DisqualifyWhenOptions<L>): Scorer<L> {
  const { id, label, when } = options;
  const gated: ScoreResult = Object.freeze({
    score: 0,
    contributions: noContributions,
    disqualifications: Object.freeze([Object.freeze({ ruleId: id, label })]),
  });
  const passed: ScoreResult = Object.freeze({ score: 0, contributions: noContributions, disqualifications: noDisqualifications });
  return (lead, scoreOptions) => (when(lead, testOptions(scoreOptions)) ? gated : passed);
}
