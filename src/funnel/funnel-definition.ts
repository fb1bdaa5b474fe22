import * as z from 'zod/v4';
import { SchemaVersion } from '../models/lead.ts';
import { Id, LongText, ShortText } from '../models/text.ts';

/**
 * What a stage means for the business: still `open`, or closed as `won`, `lost` or `disqualified`.
 * Metrics read it: win rate is won ÷ (won + lost); disqualified records leave the funnel without counting as lost.
 */
export const FunnelStageKind = z.enum(['open', 'won', 'lost', 'disqualified']);
/** What a stage means for the business. */
export type FunnelStageKind = z.output<typeof FunnelStageKind>;

/**
 * Salesforce-style forecast category of a stage: how a deal in it counts in a sales forecast
 * (`omitted`, `pipeline`, `best_case`, `commit`, `closed`).
 */
export const ForecastCategory = z.enum(['omitted', 'pipeline', 'best_case', 'commit', 'closed']);
/** Forecast category of a stage. */
export type ForecastCategory = z.output<typeof ForecastCategory>;

/** A JSON scalar parameter of an effect. */
const EffectParameter = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);

/**
 * An automation the funnel asks for when a transition happens (notify the owner, start a nurture sequence, push to
 * the CRM). leadkit never runs it: a successful transition returns the effects as data for the caller to run.
 *
 * @example
 * ```ts
 * const effect = FunnelEffect.parse({ type: 'start_sequence', params: { sequenceId: 'nurture-q3' } });
 * ```
 */
export const FunnelEffect = z.strictObject({
  /** What to do, in your own vocabulary (`notify_owner`, `start_sequence`, `push_to_crm`). */
  type: Id,
  /** Parameters for whoever runs the effect (JSON scalars). */
  params: z.record(z.string().min(1).max(200), EffectParameter).optional(),
});
/** An automation requested by a transition, returned as data. */
export type FunnelEffect = z.output<typeof FunnelEffect>;

/**
 * One stage of a funnel. The field names are shared with `leadkit/metrics`, which reads `kind`, `probability`,
 * `forecastCategory`, `rottingDays` and `speedToLeadSlaHours`.
 */
export const FunnelStageDefinition = z.strictObject({
  /** Stable identifier stored in `record.stage` (`mql`). */
  id: Id,
  /** Name shown to people (`Marketing-qualified lead`); rename stages here, not by changing ids. */
  label: ShortText,
  /** Open, or closed as won, lost or disqualified. */
  kind: FunnelStageKind,
  /** Win probability of a record in this stage, 0–1 (weighted pipeline = Σ amount × probability). */
  probability: z.number().min(0).max(1).optional(),
  /** Forecast category of a record in this stage. */
  forecastCategory: ForecastCategory.optional(),
  /** A record that stays longer than this many days without a stage change is rotting. */
  rottingDays: z.number().positive().max(36_500).optional(),
  /** The first touch is due within this many hours of entering the stage (speed-to-lead). */
  speedToLeadSlaHours: z.number().positive().max(87_600).optional(),
  /**
   * A holding stage off the main path (nurture, recycled). Moving into or out of it never counts as skipping
   * stages. Closed stages (won excepted) are always off the main path.
   */
  side: z.boolean().optional(),
  /** Effects requested whenever a record enters this stage, after the transition's own. */
  onEnter: z.array(FunnelEffect).max(100).optional(),
  /** What the stage means, for people. */
  description: LongText.optional(),
});
/** One stage of a funnel. */
export type FunnelStageDefinition = z.output<typeof FunnelStageDefinition>;

/**
 * A named transition: the event `event` moves a record from any stage of `from` to `to`, if every guard passes.
 * `from: null` makes it an entry event: it puts a record that has no stage yet into its first stage.
 */
export const FunnelTransitionDefinition = z.strictObject({
  /** The event type (`qualify`); the same type may leave several stages, once per stage. */
  event: Id,
  /** Stages it leaves, or `null` for an entry event (records with no stage yet). */
  from: z.array(Id).min(1).max(200).nullable(),
  /** The stage it enters. */
  to: Id,
  /** Names of the guards that must all pass, bound to guard values by `defineFunnel`'s `guards` option. */
  guards: z.array(Id).max(50).optional(),
  /** Effects requested when the transition happens. */
  effects: z.array(FunnelEffect).max(100).optional(),
  /** What the transition means, for people and diagrams. */
  description: LongText.optional(),
});
/** A named transition of a funnel. */
export type FunnelTransitionDefinition = z.output<typeof FunnelTransitionDefinition>;

/**
 * The funnel's rules. Direction is the order of `stages`: a move to an earlier stage is backward.
 */
export const FunnelPolicy = z.strictObject({
  /** Records only move forward (as HubSpot's lifecycle stages do), except through `backwardEvents`. Default true. */
  forwardOnly: z.boolean().default(true),
  /** Events allowed to move a record back to an earlier stage (`recycle`, `reopen`). Default none. */
  backwardEvents: z.array(Id).max(200).default([]),
  /**
   * Whether a forward transition may jump over stages of the main path (open or won stages not marked `side`).
   * Default true.
   */
  allowSkip: z.boolean().default(true),
  /**
   * Stages a record never leaves. Default: every closed stage (won, lost, disqualified) with no outgoing transition.
   * A terminal stage must have no outgoing transition, and every other stage must have one.
   */
  terminal: z.array(Id).max(200).optional(),
});
/** The funnel's rules. */
export type FunnelPolicy = z.output<typeof FunnelPolicy>;

/**
 * A funnel definition: plain, serializable data (store it in a database, share it between services), validated by
 * zod. `defineFunnel` checks it further (reachability, dead ends, policy) and compiles it.
 *
 * @example
 * ```ts
 * const result = FunnelDefinition.safeParse(JSON.parse(stored));
 * ```
 */
export const FunnelDefinition = z.strictObject({
  /** Version of the stored document: absent or 1 (see `SCHEMA_VERSION`). */
  schemaVersion: SchemaVersion.optional(),
  /** Stable identifier (`b2b-lifecycle`). */
  id: Id,
  /** Name shown to people. */
  label: ShortText.optional(),
  /** What the funnel is for, and whose conventions it follows. */
  description: LongText.optional(),
  /** The stages, in funnel order (earliest first); the order defines forward and backward. */
  stages: z.array(FunnelStageDefinition).min(1).max(200),
  /** The named transitions. */
  transitions: z.array(FunnelTransitionDefinition).min(1).max(5000),
  /** The rules; every field has a default. */
  policy: FunnelPolicy.default({ forwardOnly: true, backwardEvents: [], allowSkip: true }),
  /**
   * The stage whose entry makes a lead a prospect (it needs a qualifying verdict). Default `sql` when the funnel has
   * such a stage; `null` for none.
   */
  qualifiedStage: Id.nullable().optional(),
});
/** A validated funnel definition (defaults applied). */
export type FunnelDefinition = z.output<typeof FunnelDefinition>;

/** `T` with every nested property and list read-only, so `as const` definitions are accepted. */
export type FunnelDeepReadonly<T> = T extends (infer U)[]
  ? readonly FunnelDeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: FunnelDeepReadonly<T[K]> }
    : T;

/** A funnel definition as written by hand or read from JSON (policy fields may be left out). */
export type FunnelDefinitionInput = FunnelDeepReadonly<z.input<typeof FunnelDefinition>>;
