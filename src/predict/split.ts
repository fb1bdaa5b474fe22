import { instantMs, type Instant } from '../internal/instant.ts';
import { createRandom } from '../internal/random.ts';
import type { Lead } from '../models/lead.ts';

/** Training and test leads. */
export interface TrainTestSplit<L extends Lead> {
  /** Leads to train on. */
  readonly train: L[];
  /** Leads held out to evaluate on. */
  readonly test: L[];
  /**
   * Leads with an outcome left out because the split orders by a date they lack (`splitByTime` on a lead without
   * `createdAt`, or without `outcome.at` with `by: 'outcomeAt'`). Always empty for `splitStratified`, a random split
   * that needs no date: use it for imports that do not say when leads were created or closed.
   */
  readonly undated: L[];
}

/** Options of {@link splitByTime}. */
export interface SplitByTimeOptions {
  /** Share of the leads held out for testing, the newest ones (default 0.3). Ignored when `cutoff` is set. */
  readonly testFraction?: number;
  /** Leads at or after this instant (a `Date` or epoch milliseconds) are the test set. */
  readonly cutoff?: Instant;
  /** Which date orders the leads: creation (default) or outcome. */
  readonly by?: 'createdAt' | 'outcomeAt';
}

function checkFraction(fraction: number): void {
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`testFraction must be between 0 and 1, not ${fraction}`);
}

/**
 * A time-aware split: trains on older leads and tests on newer ones, as a model is used in practice (it scores leads
 * that arrive after it was trained), so the test shows how much the market drifted. Only leads with an outcome are
 * kept (open leads are right-censored). Leads with the same date keep their input order. The input is not mutated.
 *
 * Leads that all share one date (built from an undated export) have no time order: splitting them "by time" would
 * only split them in input order, so it is refused; use {@link splitStratified}, and know that a random split cannot
 * check the model against drift.
 *
 * @example
 * ```ts
 * const { train, test } = splitByTime(leads, { testFraction: 0.3 });
 * const { train: before, test: after } = splitByTime(leads, { cutoff: new Date('2025-01-01T00:00:00Z') });
 * ```
 * @throws RangeError when `testFraction` is not between 0 and 1, `cutoff` is not a valid instant, or the leads with
 * an outcome (two or more) all share one date.
 */
export function splitByTime<L extends Lead>(leads: readonly L[], options: SplitByTimeOptions = {}): TrainTestSplit<L> {
  const fraction = options.testFraction ?? 0.3;
  checkFraction(fraction);
  const withOutcome = leads.filter((lead) => lead.outcome !== undefined);
  const dateOf = options.by === 'outcomeAt' ? (lead: L) => lead.outcome?.at : (lead: L) => lead.createdAt;
  const undated = withOutcome.filter((lead) => dateOf(lead) === undefined);
  const closed = withOutcome.filter((lead) => dateOf(lead) !== undefined);
  const time = (lead: L) => (dateOf(lead) as Date).getTime();
  const cutoff = options.cutoff === undefined ? undefined : instantMs(options.cutoff, 'cutoff');
  const sorted = closed.map((lead, index) => ({ lead, index, at: time(lead) })).sort((a, b) => a.at - b.at || a.index - b.index);
  if (sorted.length > 1 && sorted.every((item) => item.at === (sorted[0] as (typeof sorted)[number]).at))
    throw new RangeError(
      `splitByTime: the ${sorted.length} leads with an outcome all share one ${options.by === 'outcomeAt' ? 'outcome date' : 'creation date'}, so they have no time order (an undated export?): use splitStratified, which cannot check the model against drift`,
    );
  if (cutoff !== undefined) {
    return {
      train: sorted.filter((item) => item.at < cutoff).map((item) => item.lead),
      test: sorted.filter((item) => item.at >= cutoff).map((item) => item.lead),
      undated,
    };
  }
  const trainCount = sorted.length - Math.round(sorted.length * fraction);
  return { train: sorted.slice(0, trainCount).map((item) => item.lead), test: sorted.slice(trainCount).map((item) => item.lead), undated };
}

/** Options of {@link splitStratified}. */
export interface SplitStratifiedOptions {
  /** Share of the leads held out for testing (default 0.3). */
  readonly testFraction?: number;
  /** Seed of the shuffle: the same seed gives the same split (default 1). */
  readonly seed?: number;
}

/**
 * A stratified random split: the test set holds `testFraction` of the won leads and of the lost leads, so both sets
 * have the same win rate. Only leads with an outcome are kept. Both sets keep the input order. Deterministic given
 * the seed; the input is not mutated.
 *
 * @example
 * ```ts
 * const { train, test } = splitStratified(leads, { testFraction: 0.3, seed: 42 });
 * ```
 * @throws RangeError when `testFraction` is not between 0 and 1.
 */
export function splitStratified<L extends Lead>(leads: readonly L[], options: SplitStratifiedOptions = {}): TrainTestSplit<L> {
  const fraction = options.testFraction ?? 0.3;
  checkFraction(fraction);
  const random = createRandom(options.seed ?? 1);
  const inTest = new Uint8Array(leads.length);
  for (const status of ['won', 'lost'] as const) {
    const members: number[] = [];
    leads.forEach((lead, index) => {
      if (lead.outcome?.status === status) members.push(index);
    });
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random.next() * (i + 1));
      [members[i], members[j]] = [members[j] as number, members[i] as number];
    }
    const testCount = Math.round(members.length * fraction);
    for (let k = 0; k < testCount; k++) inTest[members[k] as number] = 1;
  }
  const train: L[] = [];
  const test: L[] = [];
  leads.forEach((lead, index) => {
    if (lead.outcome === undefined) return;
    (inTest[index] === 1 ? test : train).push(lead);
  });
  return { train, test, undated: [] };
}
