/**
 * Lead scoring: composable, explainable, decaying scores. Declarative JSON models compiled into fast closures,
 * scorer combinators, decay, caps, grades (bands with hysteresis, a fit × engagement matrix, high-intent
 * overrides) and text explanations.
 *
 * @module
 */
export type { LeadScore, ScoreContribution, ScoreDisqualification, ScoreOptions, ScoreOverride, ScoreResult, Scorer } from './types.ts';
export { contribution, type ContributionInput } from './contribution.ts';
export { disqualifyWhen, pointsWhen, type DisqualifyWhenOptions, type LeadTest, type LeadTestOptions, type PointsWhenOptions } from './points-when.ts';
export {
  ActivityPointsRule,
  AxisThreshold,
  BandPointsRule,
  BandThreshold,
  Disqualifier,
  PointsRule,
  ScoreBand,
  ScoreDecay,
  ScoreGrading,
  ScoreGroupSettings,
  ScoreTotalSettings,
  ScoringModel,
  ScoringRule,
  ValuePointsRule,
  type ScoringModelJson,
} from './scoring-model-definition.ts';
export { compileScoringModel, type CompiledScorer } from './compile.ts';
export { defineScoringModel, parseScoringModel, scoringModelToJson } from './define-scoring-model.ts';
export { scoreDecayFactor } from './decay.ts';
export { axisGrade, scoreBand } from './grade.ts';
export { clampScorer, maxScorers, minScorers, normalizeScorer, sumScorers, weightScorers } from './combinators.ts';
export { explainScore, topReasons } from './explain.ts';
export { rankLeadIndices, scoreAll, type RankedLead } from './score-all.ts';
