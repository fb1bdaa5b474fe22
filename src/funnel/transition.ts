import { instantMsOrNaN } from '../internal/instant.ts';
import type { Lead } from '../models/lead.ts';
import { qualificationIssues, withQualification, type Prospect, type Qualification } from '../models/prospect.ts';
import type { StageChange } from '../models/stage-change.ts';
import type { Err, Ok } from '../result.ts';
import { historyToEvents } from './history.ts';
import { compiledFunnel, type CompiledTransition } from './compiled.ts';
import type { FunnelEffect } from './funnel-definition.ts';
import type { DatedFunnelEvent, Funnel, FunnelEvent, FunnelGuardEvidence, FunnelRecord, TransitionContext } from './types.ts';

/** Why a transition was refused. */
export type TransitionRefusalCode =
  /** The record's `stage` is not a stage of this funnel. */
  | 'unknown_stage'
  /** The record is in a terminal stage. */
  | 'terminal_stage'
  /** The event does not leave the record's stage (or, for a record with no stage, is not an entry event). */
  | 'no_transition'
  /** `event.at` is not a valid instant (an Invalid Date, `NaN`, a number out of `Date`'s range, not a date at all). */
  | 'invalid_time'
  /** `event.at` is earlier than the record's last history entry (and `outOfOrder` is not `insert`). */
  | 'out_of_order'
  /** One or more guards failed. */
  | 'guard_failed'
  /** The event enters the qualified stage without a framework verdict (from a guard or `event.qualification`). */
  | 'qualification_missing'
  /** The verdict entering the qualified stage did not qualify the lead. */
  | 'not_qualified'
  /** The qualification entering the qualified stage cannot make a prospect: a score that is not a number from 0 to 100. */
  | 'invalid_qualification'
  /** With `outOfOrder: 'insert'`, a later history entry no longer holds once the event is inserted. */
  | 'history_invalid';

/** One guard that failed, with its reason. */
export interface FailedGuard {
  /** The guard's name in the funnel definition. */
  readonly guard: string;
  /** Why it failed. */
  readonly reason: string;
}

/** A refused transition: which event, from where, and every reason. */
export interface TransitionRefusal {
  /** Discriminates leadkit errors. */
  readonly code: 'transition_refused';
  /** Why, as a stable code. */
  readonly reason: TransitionRefusalCode;
  /** The refused event type. */
  readonly event: string;
  /** The record's stage, or `null` when it had none. */
  readonly from: string | null;
  /** The stage the event would have entered, when the funnel has such a transition. */
  readonly to: string | null;
  /** Every guard that failed (empty unless `reason` is `guard_failed`). */
  readonly failedGuards: readonly FailedGuard[];
  /** The events the record's stage does allow. */
  readonly allowedEvents: readonly string[];
  /** The whole refusal in one sentence. */
  readonly message: string;
}

/** A successful transition: the new record in `value`, plus what happened and what to do next. */
export interface TransitionSuccess<R> extends Ok<R> {
  /** The history entry appended (or inserted) for this event. */
  readonly change: StageChange;
  /** The effects the funnel asks the caller to run (the transition's, then the entered stage's `onEnter`). */
  readonly effects: readonly FunnelEffect[];
  /** Set when the event entered the qualified stage: the same new record, typed as a prospect. */
  readonly prospect?: R extends Lead ? Prospect<R> : never;
}

/** The outcome of {@link transition}. */
export type TransitionResult<R> = TransitionSuccess<R> | Err<TransitionRefusal>;

const noFailures: readonly FailedGuard[] = Object.freeze([]);
const noEvents: readonly string[] = Object.freeze([]);
const defaultContext: TransitionContext = Object.freeze({});

function refuse(
  reason: TransitionRefusalCode,
  event: FunnelEvent,
  from: string | null,
  to: string | null,
  allowedEvents: readonly string[],
  message: string,
  failedGuards: readonly FailedGuard[] = noFailures,
): Err<TransitionRefusal> {
  return { ok: false, error: { code: 'transition_refused', reason, event: event.type, from, to, failedGuards, allowedEvents, message } };
}

function allowedFrom(table: ReadonlyMap<string, CompiledTransition<never>> | undefined): readonly string[] {
  return table === undefined ? noEvents : Array.from(table.keys());
}

const describeStage = (stage: string | null): string => (stage === null ? 'a record with no stage' : `stage ${JSON.stringify(stage)}`);

/** One transition with the time already checked against the history, or refused. */
function step<R extends FunnelRecord>(funnel: Funnel<string, string, never>, record: R, event: FunnelEvent, context: TransitionContext): TransitionResult<R> {
  const compiled = funnel[compiledFunnel];
  const stage = record.stage;
  const from = stage ?? null;
  const table = stage === undefined ? compiled.entry : compiled.byStage.get(stage);
  const next = table?.get(event.type);
  // The time first: an event without a valid one is refused as such, whatever else is wrong with it.
  const eventAt = event.at;
  const isDate = eventAt instanceof Date;
  // A Date's time value is NaN or in range, so getTime() is the whole check for one (the common case, kept short).
  const time = isDate ? eventAt.getTime() : instantMsOrNaN(eventAt);
  if (time !== time)
    return refuse(
      'invalid_time',
      event,
      from,
      next?.to ?? null,
      allowedFrom(table),
      `Cannot apply ${JSON.stringify(event.type)}: event.at is not a valid date`,
    );
  if (table === undefined)
    return refuse(
      'unknown_stage',
      event,
      from,
      null,
      noEvents,
      `Cannot apply ${JSON.stringify(event.type)}: the record is in stage ${JSON.stringify(stage)}, which funnel ${JSON.stringify(funnel.id)} does not define`,
    );
  if (next === undefined) {
    if (stage !== undefined && compiled.terminal.has(stage))
      return refuse('terminal_stage', event, from, null, noEvents, `Cannot apply ${JSON.stringify(event.type)}: ${describeStage(from)} is terminal`);
    const allowed = allowedFrom(table);
    return refuse(
      'no_transition',
      event,
      from,
      null,
      allowed,
      `Cannot apply ${JSON.stringify(event.type)} to ${describeStage(from)}; allowed: ${allowed.length === 0 ? 'none' : allowed.join(', ')}`,
    );
  }
  const history = record.stageHistory;
  const length = history === undefined ? 0 : history.length;
  // The last entry with a valid date (usually the last entry): one without is skipped, as the metrics skip it.
  let latest = length - 1;
  let lastTime = Number.NaN;
  for (; latest >= 0; latest--) {
    lastTime = instantMsOrNaN((history as readonly (StageChange | undefined)[])[latest]?.at);
    if (lastTime === lastTime) break;
  }
  if (latest >= 0) {
    const last = (history as readonly StageChange[])[latest] as StageChange;
    if (lastTime > time)
      return refuse(
        'out_of_order',
        event,
        from,
        next.to,
        allowedFrom(table),
        `Cannot apply ${JSON.stringify(event.type)} at ${new Date(time).toISOString()}: it is earlier than the last history entry (${last.event} at ${new Date(lastTime).toISOString()}); pass outOfOrder: 'insert' to insert it in time order`,
      );
  }
  // The history entry keeps the event's Date (a copy would cost a fifth of a transition); epoch milliseconds become one.
  let at: Date;
  let dated: DatedFunnelEvent;
  if (isDate) {
    at = eventAt;
    dated = event as DatedFunnelEvent;
  } else {
    at = new Date(time);
    dated = { ...event, at };
  }

  let evidence: FunnelGuardEvidence | undefined;
  let failed: FailedGuard[] | undefined;
  const guards = next.guards;
  for (let index = 0; index < guards.length; index++) {
    const bound = guards[index] as (typeof guards)[number];
    const check = bound.guard.check(record as never, dated, context);
    if (!check.passed) (failed ??= []).push({ guard: bound.name, reason: check.reason });
    else if (check.evidence !== undefined) evidence = evidence === undefined ? check.evidence : { ...evidence, ...check.evidence };
  }
  if (failed !== undefined)
    return refuse(
      'guard_failed',
      event,
      from,
      next.to,
      allowedFrom(table),
      `Cannot move ${describeStage(from)} to ${JSON.stringify(next.to)} with ${JSON.stringify(event.type)}: ${failed.map((failure) => `${failure.guard}: ${failure.reason}`).join('; ')}`,
      failed,
    );

  const to = next.to;
  const change: StageChange =
    event.by === undefined && event.reason === undefined
      ? { from, to, event: event.type, at }
      : event.reason === undefined
        ? { from, to, event: event.type, at, by: event.by as string }
        : event.by === undefined
          ? { from, to, event: event.type, at, reason: event.reason }
          : { from, to, event: event.type, at, by: event.by, reason: event.reason };
  // An exact-size copy: one allocation, where slice() + push() would allocate twice and leave spare capacity.
  const stageHistory: StageChange[] = new Array<StageChange>(length + 1);
  for (let index = 0; index < length; index++) stageHistory[index] = (history as readonly StageChange[])[index] as StageChange;
  stageHistory[length] = change;

  let qualification: Qualification | undefined;
  if (next.qualifies) {
    const verdict = evidence?.verdict ?? event.qualification?.verdict;
    if (verdict === undefined)
      return refuse(
        'qualification_missing',
        event,
        from,
        to,
        allowedFrom(table),
        `Cannot move to the qualified stage ${JSON.stringify(to)} without a framework verdict: add a requireQualified guard or pass event.qualification`,
      );
    const icpFit = evidence?.icpFit ?? event.qualification?.icpFit;
    const qualifiedBy = event.by ?? compiled.qualifiedBy;
    qualification = icpFit === undefined ? { verdict, qualifiedAt: at, qualifiedBy } : { verdict, icpFit, qualifiedAt: at, qualifiedBy };
    // toProspect's rules (`at` was checked above); a success builds the prospect in the single copy below.
    const problems = qualificationIssues(qualification);
    if (problems.length > 0)
      return refuse(
        verdict.qualified ? 'invalid_qualification' : 'not_qualified',
        event,
        from,
        to,
        allowedFrom(table),
        `Cannot move to the qualified stage ${JSON.stringify(to)}: ${problems.map((problem) => `${problem.pathText} ${problem.message}`).join('; ')}`,
      );
  }

  // One shallow copy, then plain stores: on V8 (Node 20) `{ ...record, stage, stageHistory }` leaves the fast clone
  // path for records with out-of-object properties. A prospect is copied by `withQualification` (see there why).
  if (qualification === undefined) {
    const value = { ...record } as { stage: string; stageHistory: StageChange[] };
    value.stage = to;
    value.stageHistory = stageHistory;
    return { ok: true, value: value as unknown as R, change, effects: next.effects };
  }
  const value = withQualification(record as { stage: string; stageHistory: StageChange[] }, qualification);
  value.stage = to;
  value.stageHistory = stageHistory;
  return { ok: true, value: value as unknown as R, change, effects: next.effects, prospect: value as never };
}

/** Index of the last history entry with a valid date, or -1: an entry without one is skipped, as the metrics skip it. */
function latestDated(history: readonly StageChange[]): number {
  for (let index = history.length - 1; index >= 0; index--) if (!Number.isNaN(instantMsOrNaN(history[index]?.at))) return index;
  return -1;
}

/** Rewinds a record to before its first history entry. */
function rewind<R extends FunnelRecord>(record: R): R {
  const { stage: _stage, stageHistory, ...rest } = record;
  const first = stageHistory?.[0];
  return (first === undefined || first.from === null ? rest : { ...rest, stage: first.from, stageHistory: [] }) as unknown as R;
}

function insertInOrder<R extends FunnelRecord>(
  funnel: Funnel<string, string, never>,
  record: R,
  event: FunnelEvent,
  context: TransitionContext,
): TransitionResult<R> {
  const events: FunnelEvent[] = historyToEvents(record);
  const time = instantMsOrNaN(event.at);
  // An entry without a valid date stays where it is (the event goes after it); replaying it then refuses it.
  let position = events.length;
  while (position > 0 && instantMsOrNaN((events[position - 1] as FunnelEvent).at) > time) position--;
  events.splice(position, 0, event);
  const strict: TransitionContext = { ...context, outOfOrder: 'refuse' };
  let current = rewind(record);
  let inserted: TransitionSuccess<R> | undefined;
  for (let index = 0; index < events.length; index++) {
    const result = step(funnel, current, events[index] as FunnelEvent, strict);
    if (!result.ok) {
      if (index === position) return result;
      return refuse(
        'history_invalid',
        event,
        record.stage ?? null,
        result.error.to,
        result.error.allowedEvents,
        `Inserting ${JSON.stringify(event.type)} at ${new Date(time).toISOString()} breaks the later history entry ${index > position ? index - 1 : index} (${result.error.event}): ${result.error.message}`,
        result.error.failedGuards,
      );
    }
    current = result.value;
    if (index === position) inserted = result;
  }
  const done = inserted as TransitionSuccess<R>;
  return done.prospect === undefined
    ? { ok: true, value: current, change: done.change, effects: done.effects }
    : { ok: true, value: current, change: done.change, effects: done.effects, prospect: current as never };
}

/**
 * Applies one event to a record, purely: returns `{ ok: true, value }` with a new record whose `stage` is the
 * target stage and whose `stageHistory` gains an entry (from, to, event, at, by, reason), or
 * `{ ok: false, error }` naming the refused event and every guard that failed with its reason. It never throws on a
 * refusal and never mutates its input; `value` keeps the record's type (a lead stays your lead type).
 *
 * A record without a stage enters the funnel through an entry event (a transition with `from: null`, such as
 * `capture` in the B2B preset). Entering the funnel's qualified stage (`sql` by default) makes a lead a prospect:
 * the verdict comes from a guard's evidence (`requireQualified`) or from `event.qualification`, and `prospect`
 * holds the record typed as a `Prospect`. The success also lists the `effects` the definition asks for; none is run.
 *
 * `event.at` is a `Date` or epoch milliseconds; an invalid instant is refused (`invalid_time`), and the history entry
 * gets its own `Date`. The event must not be earlier than the record's last history entry with a valid date (entries
 * without one are skipped, as the metrics skip them), unless `context.outOfOrder` is `insert`.
 *
 * @example
 * ```ts
 * const result = transition(b2bFunnel, lead, { type: 'engage', at: new Date('2024-05-02T10:00:00Z'), by: 'rep-7' });
 * if (result.ok) console.log(result.value.stage);  // 'mql', for a lead in stage 'lead'
 * else console.warn(result.error.message);          // names the event and every failed guard
 * ```
 */
export function transition<S extends string, E extends string, G, R extends FunnelRecord & G>(
  funnel: Funnel<S, E, G>,
  record: R,
  event: FunnelEvent<NoInfer<E>>,
  context: TransitionContext = defaultContext,
): TransitionResult<R> {
  const target = funnel as unknown as Funnel<string, string, never>;
  if (context.outOfOrder === 'insert') {
    const history = record.stageHistory;
    const latest = history === undefined ? -1 : latestDated(history);
    if (latest >= 0 && instantMsOrNaN(history?.[latest]?.at) > instantMsOrNaN(event.at)) return insertInOrder(target, record, event, context);
  }
  return step(target, record, event, context);
}
