/**
 * The compiled form of a funnel: lookup tables built once by `defineFunnel` so a transition is two map look-ups
 * (stage, then event type) and no per-call allocation beyond the new record and its history.
 * Internal to `leadkit/funnel`.
 *
 * @internal
 * @module
 */
import type { FunnelEffect } from './funnel-definition.ts';
import type { FunnelGuard } from './types.ts';

/** The key under which a funnel keeps its compiled tables. @internal */
export const compiledFunnel: unique symbol = Symbol('leadkit.funnel.compiled');

/** One guard bound to its name in the definition. @internal */
export interface BoundGuard<R> {
  readonly name: string;
  readonly guard: FunnelGuard<R>;
}

/** One compiled transition. @internal */
export interface CompiledTransition<R> {
  readonly event: string;
  readonly from: string | null;
  readonly to: string;
  readonly guards: readonly BoundGuard<R>[];
  /** The transition's effects followed by the target stage's `onEnter` effects (frozen, shared). */
  readonly effects: readonly FunnelEffect[];
  /** Whether entering `to` makes a lead a prospect. */
  readonly qualifies: boolean;
}

/** The compiled tables. @internal */
export interface CompiledFunnel<R> {
  /** Entry transitions by event type (records with no stage). */
  readonly entry: ReadonlyMap<string, CompiledTransition<R>>;
  /** Transitions out of each stage, by event type. */
  readonly byStage: ReadonlyMap<string, ReadonlyMap<string, CompiledTransition<R>>>;
  /** Stages a record never leaves. */
  readonly terminal: ReadonlySet<string>;
  /** Who a qualification is attributed to when the event has no `by` (`funnel:<id>`), built once. */
  readonly qualifiedBy: string;
}
