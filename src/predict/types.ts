import type { Lead } from '../models/lead.ts';

/** One feature's part in a prediction. */
export interface FeatureContribution {
  /** The feature name. */
  readonly feature: string;
  /** The feature's words (`industry`). */
  readonly label: string;
  /** The lead's value as used by the model (`software`, `12`, `10 to < 50`, `(missing)`). */
  readonly value: string;
  /**
   * The change in log-odds of winning this value makes: for logistic regression relative to the feature's average
   * effect over the training data, for naive Bayes the log of the naive-Bayes factor `P(value | won) / P(value | lost)`.
   * Positive raises the odds, negative lowers them, 0 means no effect (or a value ignored as too rare).
   */
  readonly effect: number;
  /** `exp(effect)`: the factor by which this value multiplies the odds of winning. */
  readonly factor: number;
}

/** A priority tier from the quartiles of the training predictions (as HubSpot's contact priority does). */
export type PredictionTier = 'very_high' | 'high' | 'medium' | 'low';

/** The prediction for one lead, with its explanation. */
export interface Prediction {
  /** Probability of winning, strictly between 0 and 1. */
  readonly probability: number;
  /** The probability as a whole score from 1 to 99. */
  readonly score: number;
  /** The quartile tier of the probability among the training predictions. */
  readonly tier: PredictionTier;
  /** The log-odds the contributions start from: the average lead (logistic) or the prior (naive Bayes). */
  readonly baseline: number;
  /** Every feature's contribution, in spec order: `baseline + Σ effect` is the log-odds before any clamping. */
  readonly contributions: readonly FeatureContribution[];
  /** Up to three contributions that raise the odds most (by more than 0.5%), largest first. */
  readonly topPositive: readonly FeatureContribution[];
  /** Up to three contributions that lower the odds most (by more than 0.5%), largest effect first. */
  readonly topNegative: readonly FeatureContribution[];
  /** The top factors in words, positive first (`industry is "software": raises the odds of winning 2.1×`). */
  readonly reasons: readonly string[];
}

/** A model compiled into fast functions (internal to `leadkit/predict`). */
export interface CompiledModel {
  /** Probability of winning, without allocation. */
  readonly probability: (lead: Lead, asOfMs: number) => number;
  /** The baseline log-odds and every feature's contribution. */
  readonly explain: (lead: Lead, asOfMs: number) => { readonly baseline: number; readonly contributions: FeatureContribution[] };
}

/** When an example's features are read: at its outcome date (default, so later activity does not leak in) or at a fixed date. */
export type FeaturesAt = 'outcome' | Date;
