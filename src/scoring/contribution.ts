import type { ScoreContribution } from './types.ts';

/** The parts of a {@link ScoreContribution} a user-written scorer must give; the rest default to "no decay, no cap". */
export interface ContributionInput {
  /** Id of the rule or scorer. */
  readonly ruleId: string;
  /** Human label. */
  readonly label: string;
  /** Group name; defaults to `fit`. */
  readonly group?: string;
  /** Final points. */
  readonly points: number;
  /** Points before decay; defaults to `points`. */
  readonly rawPoints?: number;
  /** Times the rule matched; defaults to 1. */
  readonly occurrences?: number;
}

/**
 * Builds a {@link ScoreContribution} for a user-written scorer: no decay, no cap, weight 1 unless given.
 *
 * @example
 * ```ts
 * contribution({ ruleId: 'has-phone', label: 'Has a phone number', points: 5 });
 * ```
 */
export function contribution(input: ContributionInput): ScoreContribution {
  const rawPoints = input.rawPoints ?? input.points;
  return {
    ruleId: input.ruleId,
    label: input.label,
    group: input.group ?? 'fit',
    rawPoints,
    decayFactor: rawPoints === 0 ? 1 : input.points / rawPoints,
    decayedPoints: input.points,
    weight: 1,
    cappedPoints: 0,
    points: input.points,
    occurrences: input.occurrences ?? 1,
  };
}
