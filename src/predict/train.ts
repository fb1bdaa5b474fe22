import type { ValidationError } from '../errors.ts';
import type { Lead } from '../models/lead.ts';
import { err, ok, type Result } from '../result.ts';
import { parseFeatureSpec, type FeatureSpec } from './features.ts';
import { trainLogistic, type LogisticOptions } from './logistic.ts';
import type { LogisticModel, NaiveBayesModel } from './model.ts';
import { trainNaiveBayes, type NaiveBayesOptions } from './naive-bayes.ts';

/** Minimum-data checks of {@link train}. */
export interface MinimumTrainingData {
  /** Refuse to train with fewer won examples than this (default 20). */
  readonly minWon?: number;
  /** Refuse to train with fewer lost examples than this (default 20). */
  readonly minLost?: number;
}

/** Options of {@link train}: which model, its options, and the minimum-data checks. */
export type TrainOptions =
  | ({ readonly model: 'naive-bayes' } & NaiveBayesOptions & MinimumTrainingData)
  | ({ readonly model: 'logistic' } & LogisticOptions & MinimumTrainingData);

/** The model type {@link train} returns for its options. */
export type TrainedModelFor<O extends TrainOptions> = O extends { readonly model: 'logistic' } ? LogisticModel : NaiveBayesModel;

/**
 * Training was refused because there are too few won or lost examples to learn from (as CRMs refuse: a model
 * trained on a handful of outcomes would only repeat noise).
 */
export class PredictiveTrainingError extends Error {
  /** Discriminates leadkit errors. */
  readonly code = 'not_enough_examples' as const;
  /** Won examples found. */
  readonly won: number;
  /** Lost examples found. */
  readonly lost: number;
  /** Won examples required. */
  readonly minWon: number;
  /** Lost examples required. */
  readonly minLost: number;

  /**
   * @param counts - the won and lost examples found and required.
   */
  constructor(counts: { readonly won: number; readonly lost: number; readonly minWon: number; readonly minLost: number }) {
    super(
      `Not enough outcomes to train a predictive model: ${counts.won} won (at least ${counts.minWon} needed) and ${counts.lost} lost (at least ${counts.minLost} needed). Open leads do not count.`,
    );
    this.name = 'PredictiveTrainingError';
    this.won = counts.won;
    this.lost = counts.lost;
    this.minWon = counts.minWon;
    this.minLost = counts.minLost;
  }
}

/**
 * Trains a predictive model (naive Bayes or logistic regression) on leads with outcomes. Open leads (no outcome) are
 * skipped: they are right-censored, not lost. Each example's features are read at its outcome date unless
 * `featuresAt` says otherwise. Refuses, as a value, a spec that does not validate or too few won or lost examples.
 * Deterministic; the inputs are not mutated.
 *
 * @example
 * ```ts
 * const result = train(spec, leads, { model: 'logistic', l2: { crossValidate: { folds: 5 } } });
 * if (!result.ok) console.error(result.error.message); // "Not enough outcomes to train …"
 * else predict(result.value, openLead, { asOf });
 * ```
 */
export function train<const O extends TrainOptions>(
  spec: FeatureSpec,
  leads: readonly Lead[],
  options: O,
): Result<TrainedModelFor<O>, PredictiveTrainingError | ValidationError> {
  const parsed = parseFeatureSpec(spec);
  if (!parsed.ok) return parsed;
  let won = 0;
  let lost = 0;
  for (const lead of leads)
    if (lead.outcome?.status === 'won') won++;
    else if (lead.outcome?.status === 'lost') lost++;
  const minWon = options.minWon ?? 20;
  const minLost = options.minLost ?? 20;
  if (won < minWon || lost < minLost || won + lost === 0) return err(new PredictiveTrainingError({ won, lost, minWon, minLost }));
  const model = options.model === 'logistic' ? trainLogistic(parsed.value, leads, options) : trainNaiveBayes(parsed.value, leads, options);
  return ok(model as TrainedModelFor<O>);
}
