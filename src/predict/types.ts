import type { Instant } from '../internal/instant.ts';
import type { Lead } from '../models/lead.ts';

/**
 * One feature's part in a prediction: what the lead's value is, how it compares with the training data, and how
 * much it moves the odds of winning against the stated baseline.
 */
export interface FeatureContribution {
  /** The feature name. */
  readonly feature: string;
  /** The feature's words (`industry`). */
  readonly label: string;
  /** The feature's kind: a category or a number. */
  readonly kind: 'categorical' | 'numeric';
  /** The lead's value as the model uses it (`software`, `305 s`, `305 s (300 to < 400)`, `(missing)`). */
  readonly value: string;
  /**
   * `known`: a value the model has learned about; `missing`: no value on file (a data gap, not a reason);
   * `unseen`: a value never or too rarely seen in training, which the model cannot weigh.
   */
  readonly status: 'known' | 'missing' | 'unseen';
  /**
   * The change in log-odds of winning this value makes, against `against`. For logistic regression, relative to the
   * feature's average effect over the training leads; for naive Bayes, `log P(value | won) / P(value | lost)`. With
   * Platt calibration, scaled by its slope. Positive raises the odds, negative lowers them.
   */
  readonly effect: number;
  /** `exp(effect)`: the factor by which this value multiplies the odds of winning. */
  readonly factor: number;
  /**
   * What the effect is measured against: `average lead` (logistic regression: a lead with average values, the other
   * features held equal) or `all leads` (naive Bayes: how often leads with this value won, against all leads).
   */
  readonly against: 'average lead' | 'all leads';
  /** The value compared with the training data, in words (`23% of such leads won, against 12% of all leads`). */
  readonly comparison: string;
  /** Whether that comparison points the same way as the effect (logistic regression can differ: other features explain it). */
  readonly agrees: boolean;
  /** At least 90% of the training leads share this value: true of nearly everyone, so never a top reason. */
  readonly common: boolean;
}

/** A priority tier from the quartiles of the training predictions (as HubSpot's contact priority does). */
export type PredictionTier = 'very_high' | 'high' | 'medium' | 'low';

/** The prediction for one lead, with its explanation. */
export interface Prediction {
  /** Probability of winning, strictly between 0 and 1 (calibrated when the model is). */
  readonly probability: number;
  /** The probability as a whole score from 1 to 99. */
  readonly score: number;
  /** The quartile tier of the probability among the training predictions. */
  readonly tier: PredictionTier;
  /** How the probability was calibrated: `none`, `platt` or `isotonic`. */
  readonly calibration: 'none' | 'platt' | 'isotonic';
  /** The log-odds the contributions start from: the average lead (logistic) or the prior (naive Bayes). */
  readonly baseline: number;
  /**
   * `baseline + Σ effect`: the lead's log-odds. The probability is its logistic function (kept within ±30), except
   * with isotonic calibration, which maps it through its steps.
   */
  readonly logOdds: number;
  /** Every feature's contribution, in spec order. */
  readonly contributions: readonly FeatureContribution[];
  /**
   * Up to three known values that raise the odds most (by more than 0.5%), largest first; never a missing, unseen or
   * common value, nor (naive Bayes) one whose effect comes from smoothing alone.
   */
  readonly topPositive: readonly FeatureContribution[];
  /** Up to three known values that lower the odds most, on the same terms. */
  readonly topNegative: readonly FeatureContribution[];
  /** The top factors in words, positive first (see `describeContribution`). */
  readonly reasons: readonly string[];
  /** What the model could not use, in words: `no job title on file`, `job "astronaut": too rare in the training data to weigh`. */
  readonly dataGaps: readonly string[];
}

/** When an example's features are read: at its outcome date (default, so later activity does not leak in) or at a fixed instant. */
export type FeaturesAt = 'outcome' | Instant;

/** A model compiled into fast functions (internal to `leadkit/predict`). */
export interface CompiledModel {
  /** The model's log-odds, before calibration, without allocation. */
  readonly logOdds: (lead: Lead, asOfMs: number) => number;
  /** The baseline log-odds and every feature's contribution, before calibration. */
  readonly explain: (lead: Lead, asOfMs: number) => { readonly baseline: number; readonly contributions: FeatureContribution[] };
}
