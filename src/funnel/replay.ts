import { instantMsOrNaN } from '../internal/instant.ts';
import { err, ok, type Result } from '../result.ts';
import { transition, type TransitionRefusal } from './transition.ts';
import type { Funnel, FunnelEvent, FunnelRecord, TransitionContext } from './types.ts';

/** Options of {@link replay}. */
export interface ReplayOptions extends TransitionContext {
  /**
   * `refuse` (default): events must come in time order, and none may be earlier than the record's history.
   * `insert`: events are applied in time order (stable for equal times) and an event earlier than the history is
   * inserted in order, re-validating the entries after it.
   */
  readonly outOfOrder?: 'refuse' | 'insert';
}

/** Why a replay stopped: the index of the refused event and the refusal. */
export interface ReplayRefusal {
  /** Discriminates leadkit errors. */
  readonly code: 'replay_refused';
  /** Index of the refused event in the list given to {@link replay} (before any sorting). */
  readonly index: number;
  /** The transition refusal. */
  readonly refusal: TransitionRefusal;
  /** The whole refusal in one sentence. */
  readonly message: string;
}

/**
 * Rebuilds a record from its event log, deterministically: applies `events` one by one to `initial` with
 * {@link transition} and returns the final record, or the first refusal with the event's index. Replaying a
 * record's own history (see {@link historyToEvents}) on the record without its stage gives the same record.
 *
 * It never throws on bad data: an event whose `at` is not a valid instant, an event type or a stage the funnel does not
 * know, or an `initial` record whose history has entries without a valid date, is refused as a value
 * (`{ ok: false, error }` with the event's `index` and the transition's refusal: `invalid_time`, `no_transition`,
 * `unknown_stage`…). With `outOfOrder: 'insert'`, events without a valid time are put first, so the replay stops at
 * them.
 *
 * @example
 * ```ts
 * const result = replay(b2bFunnel, lead, [
 *   { type: 'capture', at: new Date('2024-05-01T09:00:00Z') },
 *   { type: 'engage', at: new Date('2024-05-03T09:00:00Z') },
 * ]);
 * if (result.ok) result.value.stage; // 'mql'
 * else result.error.index;           // the refused event, with result.error.refusal.reason
 * ```
 */
export function replay<S extends string, E extends string, G, R extends FunnelRecord & G>(
  funnel: Funnel<S, E, G>,
  initial: R,
  events: readonly FunnelEvent<NoInfer<E>>[],
  options: ReplayOptions = {},
): Result<R, ReplayRefusal> {
  const order = events.map((_event, index) => index);
  if (options.outOfOrder === 'insert') {
    // Invalid times sort first (and are refused there): NaN in a comparator would leave the order undefined.
    const times = events.map((event) => {
      const time = instantMsOrNaN(event.at);
      return time === time ? time : Number.NEGATIVE_INFINITY;
    });
    order.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  }
  let record = initial;
  for (const index of order) {
    const result = transition(funnel, record, events[index] as FunnelEvent<E>, options);
    if (!result.ok) return err({ code: 'replay_refused', index, refusal: result.error, message: `Event ${index}: ${result.error.message}` });
    record = result.value;
  }
  return ok(record);
}
