/**
 * The funnel state machine: plain-data funnel definitions validated by zod and checked for unreachable stages, dead
 * ends and policy contradictions; pure, guarded transitions that append to the record's stage history and return
 * effects as data; replay and time-in-stage from the history; the lead-to-prospect step; presets (B2B lifecycle,
 * HubSpot, Salesforce lead status and opportunity stages); Mermaid diagrams.
 *
 * @example
 * ```ts
 * import { b2bFunnel, transition } from 'leadkit/funnel';
 *
 * const captured = transition(b2bFunnel, lead, { type: 'capture', at: lead.createdAt ?? asOf }); // createdAt is optional (imports may lack it)
 * if (captured.ok) {
 *   const engaged = transition(b2bFunnel, captured.value, { type: 'engage', at: new Date('2024-05-03T09:00:00Z') });
 * }
 * ```
 *
 * @module
 */
export { addTransitionGuards } from './add-transition-guards.ts';
export { defineFunnel, parseFunnel, type DefineFunnelOptions } from './define-funnel.ts';
export {
  FunnelDefinition,
  FunnelEffect,
  FunnelPolicy,
  FunnelStageDefinition,
  FunnelStageKind,
  FunnelTransitionDefinition,
  ForecastCategory,
  type FunnelDeepReadonly,
  type FunnelDefinitionInput,
} from './funnel-definition.ts';
export {
  allGuards,
  anyGuard,
  defineFunnelGuard,
  notGuard,
  requireFields,
  type RecordFieldPath,
  type FieldPathDepth,
  type FieldPathLeaf,
  type GuardReason,
} from './guards.ts';
export {
  enteredStageAt,
  historyToEvents,
  stageVisits,
  timeInStages,
  type EnteredStageAtOptions,
  type StageHistoryOptions,
  type StageTime,
  type StageVisit,
} from './history.ts';
export { toMermaid, type ToMermaidOptions } from './mermaid.ts';
export { b2bFunnel, b2bFunnelDefinition } from './presets/b2b.ts';
export { hubspotLifecycleDefinition, hubspotLifecycleFunnel } from './presets/hubspot.ts';
export { salesforceLeadStatusDefinition, salesforceLeadStatusFunnel } from './presets/salesforce-lead.ts';
export { salesforceOpportunityDefinition, salesforceOpportunityFunnel } from './presets/salesforce-opportunity.ts';
export { replay, type ReplayOptions, type ReplayRefusal } from './replay.ts';
export { requireIcpFit } from './require-icp-fit.ts';
export { requireQualified, type AssessmentOf, type RequireQualifiedOptions } from './require-qualified.ts';
export { requireScore } from './require-score.ts';
export {
  transition,
  type FailedGuard,
  type TransitionRefusal,
  type TransitionRefusalCode,
  type TransitionResult,
  type TransitionSuccess,
} from './transition.ts';
export type {
  DatedFunnelEvent,
  DefinitionEventType,
  DefinitionStageId,
  EventTypeOf,
  Funnel,
  FunnelEvent,
  FunnelEventQualification,
  FunnelGuard,
  FunnelGuardCheck,
  FunnelGuardEvidence,
  FunnelRecord,
  FunnelStage,
  FunnelTransition,
  StageIdOf,
  TransitionContext,
} from './types.ts';
