import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod/v4';
import type { ValidationError } from '../errors.ts';
import type { Instant } from '../internal/instant.ts';
import { Lead } from '../models/lead.ts';
import type { Result } from '../result.ts';
import type { Scorer } from '../scoring/types.ts';
import * as entry from './index.ts';
import {
  compilePredictor,
  defineFeatureSpec,
  evaluateModel,
  parseFeatureSpec,
  parsePredictiveModel,
  predictiveScorer,
  predictLead,
  trainModel,
  type CalibrationRow,
  type FeatureSpec,
  type LogisticModel,
  type ModelEvaluation,
  type NaiveBayesModel,
  type Prediction,
  type PredictiveModel,
  type PredictiveTrainingError,
} from './index.ts';

declare const lead: Lead;
declare const leads: readonly Lead[];
declare const model: PredictiveModel;

const spec = defineFeatureSpec({
  missingWhen: ['unknown'],
  features: [
    { kind: 'categorical', name: 'industry', from: 'company.industry' },
    { kind: 'numeric', name: 'pricing', from: { activityCount: { type: 'page_viewed', pageKind: 'pricing' }, withinDays: 90 } },
  ],
});

describe('leadkit/predict types', () => {
  it('keeps feature names literal and the spec a FeatureSpec', () => {
    expectTypeOf(spec.features[0].name).toEqualTypeOf<'industry'>();
    expectTypeOf(spec).toMatchTypeOf<FeatureSpec>();
    expectTypeOf(parseFeatureSpec).returns.toEqualTypeOf<Result<FeatureSpec, ValidationError>>();
    expectTypeOf(parsePredictiveModel).returns.toEqualTypeOf<Result<PredictiveModel, ValidationError>>();
  });

  it('makes a malformed spec in code a type error', () => {
    // @ts-expect-error `ordinal` is not a kind of feature
    defineFeatureSpec({ features: [{ kind: 'ordinal', name: 'x', from: 'company.industry' }] });
    // @ts-expect-error not an activity type
    defineFeatureSpec({ features: [{ kind: 'numeric', name: 'x', from: { activityCount: { type: 'fax_sent' } } }] });
    // @ts-expect-error the old `{ customField }` source is gone: name the field by its path
    defineFeatureSpec({ features: [{ kind: 'categorical', name: 'x', from: { customField: 'plan' } }] });
    // @ts-expect-error text markers are text
    defineFeatureSpec({ missingWhen: [999], features: [{ kind: 'categorical', name: 'x', from: 'source' }] });
  });

  it('returns the model type of the options, or a refusal', () => {
    expectTypeOf(trainModel(spec, leads, { model: 'logistic' })).toEqualTypeOf<Result<LogisticModel, PredictiveTrainingError | ValidationError>>();
    expectTypeOf(trainModel(spec, leads, { model: 'naive-bayes', calibration: 'isotonic', numericBins: 10 })).toEqualTypeOf<
      Result<NaiveBayesModel, PredictiveTrainingError | ValidationError>
    >();
    // @ts-expect-error `l2` is a logistic regression option
    trainModel(spec, leads, { model: 'naive-bayes', l2: 1 });
    // @ts-expect-error `clamp` is gone: naive Bayes ranks without ties
    trainModel(spec, leads, { model: 'naive-bayes', clamp: [0.01, 0.99] });
  });

  it('takes asOf as an Instant: plainly on the fast path, in an options object everywhere else', () => {
    const predictor = compilePredictor(model);
    expectTypeOf(predictor.probability).parameter(1).toEqualTypeOf<Instant>();
    expectTypeOf(predictor.probability(lead, 0)).toEqualTypeOf<number>();
    expectTypeOf(predictor.predict(lead, { asOf: new Date('2025-06-30T00:00:00Z') })).toEqualTypeOf<Prediction>();
    expectTypeOf(predictLead(model, lead, { asOf: 0 })).toEqualTypeOf<Prediction>();
    // @ts-expect-error asOf goes in an options object
    predictLead(model, lead, new Date('2025-06-30T00:00:00Z'));
    // @ts-expect-error asOf is required
    predictLead(model, lead, {});
  });

  it('explains with reasons and data gaps, and numbers both tables the same way', () => {
    const prediction = predictLead(model, lead, { asOf: 0 });
    expectTypeOf(prediction.reasons).toEqualTypeOf<readonly string[]>();
    expectTypeOf(prediction.dataGaps).toEqualTypeOf<readonly string[]>();
    expectTypeOf(prediction.contributions[0]!.status).toEqualTypeOf<'known' | 'missing' | 'unseen'>();
    expectTypeOf(prediction.calibration).toEqualTypeOf<'none' | 'platt' | 'isotonic'>();
    const evaluation = evaluateModel(model, leads);
    expectTypeOf(evaluation).toEqualTypeOf<ModelEvaluation>();
    expectTypeOf(evaluation.calibration[0]!).toEqualTypeOf<CalibrationRow>();
    expectTypeOf(evaluation.calibration[0]!.group).toEqualTypeOf<number>();
  });

  it('lets extended lead types flow through the scorer', () => {
    const TieredLead = Lead.extend({ plan: z.enum(['free', 'pro']) });
    type TieredLead = z.output<typeof TieredLead>;
    expectTypeOf(predictiveScorer<TieredLead>(model)).toEqualTypeOf<Scorer<TieredLead>>();
    const tiered = defineFeatureSpec({ features: [{ kind: 'categorical', name: 'plan', from: 'plan' }] }, { lead: TieredLead });
    expectTypeOf(tiered.features[0].from).toEqualTypeOf<'plan'>();
  });

  it('exports the redesigned names only', () => {
    expectTypeOf(entry).toHaveProperty('trainModel');
    expectTypeOf(entry).toHaveProperty('compilePredictor');
    expectTypeOf(entry).toHaveProperty('predictLead');
    expectTypeOf(entry).not.toHaveProperty('train');
    expectTypeOf(entry).not.toHaveProperty('createPredictor');
    expectTypeOf(entry).not.toHaveProperty('predict');
  });
});
