/**
 * Qualification frameworks as data: BANT, ANUM, CHAMP, FAINT, GPCTBA/C&I, MEDDIC, MEDDICC, MEDDPICC and the SPIN
 * question bank; pluggable rating scales; assessments with evidence; evaluation with reasons and next questions;
 * translation of evidence between frameworks; extension and a plugin registry; and the step from a qualifying
 * verdict to a `Prospect`.
 *
 * @example
 * ```ts
 * import { bantFramework, parseAssessment, evaluate, qualifyLead } from 'leadkit/frameworks';
 *
 * const parsed = parseAssessment(bantFramework, JSON.parse(body), { asOf });
 * if (!parsed.ok) return reply(400, parsed.error.issues);
 * const verdict = evaluate(bantFramework, parsed.value, { asOf });
 * console.log(verdict.summary, verdict.nextQuestions.map((next) => next.question));
 * const prospect = qualifyLead(lead, bantFramework, parsed.value, { asOf, by: 'rep-7' });
 * ```
 *
 * @module
 */
export {
  builtinScales,
  defineScale,
  evidenceLevelScale,
  findLevel,
  normaliseLevel,
  oneToFiveScale,
  ratingStatuses,
  redAmberGreenScale,
  scaleProblems,
  scaleRange,
  weakDevelopingStrongScale,
  yesNoScale,
  zeroToTwoScale,
  type RatingScale,
  type RatingStatus,
  type RatingValue,
  type ScaleLevel,
  type ScaleRange,
  type ScaleValue,
} from './scales.ts';
export { sharedConcepts, type SharedConcept } from './concepts.ts';
export {
  DEFAULT_STALE_AFTER_DAYS,
  defineFramework,
  frameworkProblems,
  type Criterion,
  type CriterionInput,
  type CriterionKey,
  type Framework,
  type FrameworkInput,
  type FrameworkRatingValue,
  type QualificationRule,
} from './define-framework.ts';
export {
  extendFramework,
  type CriterionAddition,
  type CriterionRenames,
  type CriterionUpdate,
  type ExtendedCriterionKey,
  type FrameworkExtension,
  type RenamedCriterionKey,
} from './extend-framework.ts';
export { defineQuestionBank, questionBankProblems, type QuestionBank, type QuestionBankSection } from './question-bank.ts';
export { evidenceSources, type Assessment, type CriterionRating, type EvidenceSource, type RatingOrigin } from './assessment.ts';
export {
  evaluate,
  type CriterionEvaluation,
  type EvaluateOptions,
  type FrameworkVerdict,
  type NextQuestion,
  type NextQuestionReason,
  type NonQualifyingVerdict,
  type QualifyingVerdict,
  type StaleEvidence,
  type VerdictDetails,
} from './evaluate.ts';
export {
  CriterionDefinition,
  FrameworkDefinition,
  QualificationRuleDefinition,
  QuestionBankDefinition,
  RatingScaleDefinition,
  ScaleLevelDefinition,
  parseFramework,
  parseQuestionBank,
  parseRatingScale,
  type ParseFrameworkOptions,
} from './framework-definition.ts';
export { AssessmentDocument, parseAssessment, type ParseAssessmentOptions } from './parse-assessment.ts';
export {
  translateAssessment,
  translationMapping,
  type CarriedRating,
  type CriterionMapping,
  type TranslateAssessmentOptions,
  type TranslatedAssessment,
} from './translate-assessment.ts';
export {
  FrameworkRegistryError,
  createRegistry,
  type CreateRegistryOptions,
  type FrameworkPlugin,
  type FrameworkRegistry,
  type FrameworkRegistryErrorCode,
} from './registry.ts';
export {
  prospectFromVerdict,
  qualifyLead,
  toQualificationVerdict,
  type ProspectFromVerdictOptions,
  type QualificationRefusal,
  type QualifyLeadOptions,
} from './qualify-lead.ts';
export { bantFramework } from './builtins/bant.ts';
export { anumFramework } from './builtins/anum.ts';
export { champFramework } from './builtins/champ.ts';
export { faintFramework } from './builtins/faint.ts';
export { gpctbaCiFramework } from './builtins/gpctba-ci.ts';
export { meddicFramework } from './builtins/meddic.ts';
export { meddiccFramework } from './builtins/meddicc.ts';
export { meddpiccFramework } from './builtins/meddpicc.ts';
export { spinQuestionBank } from './builtins/spin.ts';
export { builtinFrameworks, builtinQuestionBanks } from './builtins/all.ts';
