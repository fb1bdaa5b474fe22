import type { Instant } from '../internal/instant.ts';
import type { IcpFitSummary, QualificationVerdict } from '../models/prospect.ts';
import type { StageChange } from '../models/stage-change.ts';
import type { CompiledFunnel, compiledFunnel } from './compiled.ts';
import type { FunnelStageDefinition, FunnelTransitionDefinition, FunnelPolicy } from './funnel-definition.ts';

/**
 * Anything that moves through a funnel: an object with an optional current `stage` and its `stageHistory`
 * (a `Lead`, an opportunity, an account). Records without a stage enter through an entry event (`from: null`).
 * (The `object &` keeps a record type that declares neither field, such as `{ id: string }`, acceptable.)
 */
export type FunnelRecord = object & {
  /** Current stage id, absent before the record enters the funnel. */
  readonly stage?: string | undefined;
  /** Stage changes, oldest first. */
  readonly stageHistory?: readonly StageChange[] | undefined;
};

/** Qualification evidence an event can carry into the qualified stage (when no guard provides it). */
export interface FunnelEventQualification {
  /** The framework verdict; it must say `qualified: true`. */
  readonly verdict: QualificationVerdict;
  /** The ICP fit at qualification time, if checked. */
  readonly icpFit?: IcpFitSummary;
}

/** Something that happened to a record: the event type, when, by whom and why. */
export interface FunnelEvent<E extends string = string> {
  /** The event type, one of the funnel's transition events. */
  readonly type: E;
  /**
   * When it happened, as a `Date` or epoch milliseconds: the time written to the history (as a `Date`) and the only
   * time guards see (never the clock). An invalid instant is refused (`invalid_time`).
   */
  readonly at: Instant;
  /** Who did it (user id or a system such as `workflow:scoring`). */
  readonly by?: string;
  /** Why, in words. */
  readonly reason?: string;
  /** Evidence for entering the qualified stage, used when no guard provides a verdict. */
  readonly qualification?: FunnelEventQualification;
}

/**
 * An event as guards see it: its `at` has been checked and is a `Date` (an event given in epoch milliseconds is passed
 * on with `at` as the same instant in a `Date`).
 */
export interface DatedFunnelEvent<E extends string = string> extends FunnelEvent<E> {
  /** When it happened. */
  readonly at: Date;
}

/** Evidence a guard may attach when it passes; the qualified stage turns it into a prospect's qualification. */
export interface FunnelGuardEvidence {
  /** A framework verdict (from `requireQualified`). */
  readonly verdict?: QualificationVerdict;
  /** An ICP fit (from `requireIcpFit`). */
  readonly icpFit?: IcpFitSummary;
  /** A score (from `requireScore`). */
  readonly score?: number;
}

/** What one guard said about one transition. */
export interface FunnelGuardCheck {
  /** Whether the transition may go ahead as far as this guard is concerned. */
  readonly passed: boolean;
  /** Why, in words (for a failure: what is missing). */
  readonly reason: string;
  /** Evidence gathered while checking, if any. */
  readonly evidence?: FunnelGuardEvidence;
}

/** Options and caller data for one transition; guards receive it as their third argument. */
export interface TransitionContext {
  /**
   * What to do with an event older than the record's last history entry: `refuse` it (default) or `insert` it in
   * time order and re-validate every later entry by replaying the history.
   */
  readonly outOfOrder?: 'refuse' | 'insert';
  /** Your own data for guards (assessments, the current ICP, feature flags). */
  readonly data?: unknown;
}

/**
 * A guard: a named condition on a transition, with a reason when it fails. Guards are pure: they see the record,
 * the event (and its time `at`) and the context, never the clock.
 */
export interface FunnelGuard<R = FunnelRecord> {
  /** A short name, used in refusals (`icp-fit`). */
  readonly name: string;
  /** What the guard requires, in words (`ICP fit of at least 60`). */
  readonly description: string;
  /** Checks the condition. Must not throw for a domain refusal, nor mutate its arguments. */
  readonly check: (record: R, event: DatedFunnelEvent, context: TransitionContext) => FunnelGuardCheck;
}

/** A stage of a defined funnel, its id typed as the funnel's stage-id literal union. */
export type FunnelStage<S extends string = string> = Omit<FunnelStageDefinition, 'id'> & { readonly id: S };

/** A transition of a defined funnel, with typed event and stage ids. */
export type FunnelTransition<S extends string = string, E extends string = string> = Omit<FunnelTransitionDefinition, 'event' | 'from' | 'to'> & {
  /** The event type. */
  readonly event: E;
  /** Stages it leaves, or `null` for an entry event. */
  readonly from: readonly S[] | null;
  /** The stage it enters. */
  readonly to: S;
};

/**
 * A checked, compiled funnel (from `defineFunnel`). It holds its definition's fields as frozen plain data, so
 * `JSON.stringify(funnel)` gives the definition back, plus lookup tables compiled once for fast transitions.
 * `S` is the union of stage ids, `E` of event types, `R` the records its guards accept.
 */
export interface Funnel<S extends string = string, E extends string = string, R = FunnelRecord> {
  /** Identifier of the funnel. */
  readonly id: string;
  /** Name shown to people. */
  readonly label?: string | undefined;
  /** What the funnel is for. */
  readonly description?: string | undefined;
  /** The stages, in funnel order. */
  readonly stages: readonly FunnelStage<S>[];
  /** The named transitions. */
  readonly transitions: readonly FunnelTransition<S, E>[];
  /** The rules, with defaults applied and `terminal` filled in. */
  readonly policy: Readonly<Omit<FunnelPolicy, 'terminal' | 'backwardEvents'>> & {
    /** Events allowed to move a record backward. */
    readonly backwardEvents: readonly E[];
    /** Stages a record never leaves. */
    readonly terminal: readonly S[];
  };
  /** The stage whose entry makes a lead a prospect, or `null`. */
  readonly qualifiedStage: S | null;
  /**
   * Compiled lookup tables. Internal: do not read.
   *
   * @internal
   */
  readonly [compiledFunnel]: CompiledFunnel<R>;
}

/** Stage ids of a funnel, as a literal union. */
export type StageIdOf<F> = F extends Funnel<infer S, string, infer _R> ? S : never;
/** Event types of a funnel, as a literal union. */
export type EventTypeOf<F> = F extends Funnel<string, infer E, infer _R> ? E : never;

/** A validated definition's stage and event literals (used by `defineFunnel`'s return type). */
export type DefinitionStageId<D> = D extends { readonly stages: readonly (infer T)[] }
  ? T extends { readonly id: infer I extends string }
    ? I
    : never
  : never;
/** A definition's event types as a literal union. */
export type DefinitionEventType<D> = D extends { readonly transitions: readonly (infer T)[] }
  ? T extends { readonly event: infer I extends string }
    ? I
    : never
  : never;
