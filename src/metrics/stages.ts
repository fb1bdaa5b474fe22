/** The kind of a funnel stage: still moving (`open`), or a terminal outcome. */
export type MetricsStageKind = 'open' | 'won' | 'lost' | 'disqualified';

/**
 * What the metrics need to know about one funnel stage. It is a structural subset of a `leadkit/funnel` stage
 * definition, so a funnel definition can be passed as it is.
 */
export interface MetricsStage {
  /** Stage id, as used in `stageHistory[].to` and `stage`. */
  readonly id: string;
  /** Display label (defaults to the id in reports). */
  readonly label?: string | undefined;
  /** Open, or a terminal outcome. */
  readonly kind: MetricsStageKind;
  /** Probability (0–1) that a record in this stage is won; used by the weighted pipeline. */
  readonly probability?: number | undefined;
  /** Forecast category (`pipeline`, `best_case`, `commit`, `closed`, `omitted`). */
  readonly forecastCategory?: string | undefined;
  /** A record with no stage change for more than this many days is stale ("rotting"). */
  readonly rottingDays?: number | undefined;
  /** A new record in this stage must be touched by sales within this many hours. */
  readonly speedToLeadSlaHours?: number | undefined;
  /** A side stage (such as `nurture`) is off the main path along which conversion and skips are measured. */
  readonly side?: boolean | undefined;
}

/** An ordered list of stages: a `leadkit/funnel` definition, or any object with `stages`. */
export interface MetricsFunnel {
  /** The stages, in funnel order (the first is where records start). */
  readonly stages: readonly MetricsStage[];
}

/** Stage kinds as small integers for the hot loops. */
export const KIND_OPEN = 0;
/** See {@link KIND_OPEN}. */
export const KIND_WON = 1;
/** See {@link KIND_OPEN}. */
export const KIND_LOST = 2;
/** See {@link KIND_OPEN}. */
export const KIND_DISQUALIFIED = 3;

const kindCodes: Record<MetricsStageKind, number> = { open: KIND_OPEN, won: KIND_WON, lost: KIND_LOST, disqualified: KIND_DISQUALIFIED };

/** A funnel's stages compiled into lookup tables (internal). */
export interface CompiledStages {
  readonly stages: readonly MetricsStage[];
  readonly count: number;
  /** Stage id → index in `stages`. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Kind code per stage index. */
  readonly kinds: Uint8Array;
  /** Position on the main path per stage index, or -1 for stages off the path (lost, nurture…). */
  readonly rank: Int32Array;
  /** Stage index per path position. */
  readonly pathStages: Int32Array;
}

/**
 * The default main path: open and won stages in funnel order, up to the last won stage, except side stages (marked
 * `side: true`, or open stages listed after the last won stage, such as `nurture`). Without a won stage, every open
 * stage that is not a side stage.
 */
function defaultPath(stages: readonly MetricsStage[]): string[] {
  let lastWon = -1;
  stages.forEach((stage, index) => {
    if (stage.kind === 'won') lastWon = index;
  });
  const end = lastWon === -1 ? stages.length - 1 : lastWon;
  return stages.filter((stage, index) => index <= end && stage.side !== true && (stage.kind === 'open' || stage.kind === 'won')).map((stage) => stage.id);
}

/**
 * Compiles stages into lookup tables.
 *
 * @throws RangeError on a duplicate stage id, or a path naming an unknown stage.
 */
export function compileStages(funnel: MetricsFunnel, path?: readonly string[]): CompiledStages {
  const stages = funnel.stages;
  const indexOf = new Map<string, number>();
  const kinds = new Uint8Array(stages.length);
  stages.forEach((stage, index) => {
    if (indexOf.has(stage.id)) throw new RangeError(`The funnel lists stage "${stage.id}" twice`);
    indexOf.set(stage.id, index);
    kinds[index] = kindCodes[stage.kind];
  });
  const pathIds = path ?? defaultPath(stages);
  const rank = new Int32Array(stages.length).fill(-1);
  const pathStages = new Int32Array(pathIds.length);
  pathIds.forEach((id, position) => {
    const index = indexOf.get(id);
    if (index === undefined) throw new RangeError(`The path names stage "${id}", which is not in the funnel`);
    if (rank[index] !== -1) throw new RangeError(`The path lists stage "${id}" twice`);
    rank[index] = position;
    pathStages[position] = index;
  });
  return { stages, count: stages.length, indexOf, kinds, rank, pathStages };
}
