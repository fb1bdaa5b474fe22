/**
 * Qualification frameworks as data: BANT, ANUM, CHAMP, FAINT, GPCTBA/C&I, MEDDIC, MEDDICC, MEDDPICC and the SPIN
 * question bank; pluggable rating scales; assessments with evidence; evaluation with reasons and next questions;
 * translation of evidence between frameworks; extension and a plugin registry; and the step from a qualifying
 * verdict to a `Prospect`.
 *
 * @example
 * ```ts
 * import { bantFramework, parseAssessment, evaluateAssessment, qualifyLead } from 'leadkit/frameworks';
 *
 * function onAssessment(body: unknown) {               // your API handler, given the request's JSON
 *   const parsed = parseAssessment(bantFramework, body, { asOf });
 *   if (!parsed.ok) return reply(400, parsed.error.issues);
 *   const verdict = evaluateAssessment(bantFramework, parsed.value, { asOf });
 *   console.log(verdict.summary, verdict.nextQuestions.map((next) => next.question));
 *   const prospect = qualifyLead(bantFramework, lead, parsed.value, { asOf, by: 'rep-7' });
 *   return prospect.ok ? reply(201, prospect.value) : reply(422, prospect.error.error.issues);
 * }
 * ```
 *
 * @module
 */
export {
  builtinScales,
  defineRatingScale,
  evidenceLevelScale,
  findLevel,
  normalizeLevel,
  oneToFiveScale,
  ratingStatuses,
  redAmberGreenScale,
  scaleIssues,
  scaleRange,
  weakDevelopingStrongScale,
  yesNoScale,
  zeroToTwoScale,
  type RatingScale,
  type RatingStatus,
  type RatingValue,
  type ScaleIssuesOptions,
  type ScaleLevel,
  type ScaleRange,
  type ScaleValue,
} from './scales.ts';
export { sharedConcepts, type SharedConcept } from './concepts.ts';
export {
  DEFAULT_STALE_AFTER_DAYS,
  defineFramework,
  frameworkIssues,
  type Criterion,
  type CriterionInput,
  type CriterionKey,
  type Framework,
  type FrameworkInput,
  type FrameworkIssuesOptions,
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
export { defineQuestionBank, questionBankIssues, type QuestionBank, type QuestionBankSection } from './question-bank.ts';
export { evidenceSources, type Assessment, type CriterionRating, type EvidenceSource, type RatingOrigin } from './assessment.ts';
export {
  evaluateAssessment,
  type CriterionEvaluation,
  type EvaluateAssessmentOptions,
  type FrameworkVerdict,
  type NextQuestion,
  type NextQuestionReason,
  type NonQualifyingVerdict,
  type QualifyingVerdict,
  type StaleEvidence,
  type VerdictDetails,
} from './evaluate-assessment.ts';
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
export { AssessmentDocument, defineAssessment, parseAssessment, type ParseAssessmentOptions } from './parse-assessment.ts';
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
  createFrameworkRegistry,
  type CreateFrameworkRegistryOptions,
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
