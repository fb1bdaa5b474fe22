import type { MetricsRecord, StageHistoryEntry } from './funnel-report.ts';

/** Where a record stood at an instant (internal; reused by the pipeline metrics). */
export interface StageAsOf {
  /** The stage id, or `undefined` when unknown. */
  stageId: string | undefined;
  /** When the record entered it, in ms (its creation when there is no history). */
  sinceMs: number;
}

/**
 * Fills `target` with the stage a record was in at `asOfMs` and since when: the last history entry at or before
 * `asOfMs`, else the record's `stage` since creation. Writes into `target` to avoid allocating per record.
 * Returns false when the record did not exist yet.
 */
export function stageAsOf(record: MetricsRecord, asOfMs: number, target: StageAsOf): boolean {
  const history = record.stageHistory;
  const created = record.createdAt ?? (history !== undefined && history.length > 0 ? history[0]?.at : undefined);
  if (created === undefined || !(created.getTime() <= asOfMs)) return false;
  target.stageId = undefined;
  target.sinceMs = created.getTime();
  if (history !== undefined) {
    let latestMs = -Infinity;
    for (let index = 0; index < history.length; index++) {
      const entry = history[index] as StageHistoryEntry;
      const at = entry.at.getTime();
      if (at <= asOfMs && at >= latestMs) {
        latestMs = at;
        target.stageId = entry.to;
        target.sinceMs = at;
      }
    }
  }
  if (target.stageId === undefined) target.stageId = record.stage;
  return true;
}
