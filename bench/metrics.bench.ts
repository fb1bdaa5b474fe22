/**
 * metrics-vs-handwritten: the full funnel report (per-stage entered / advanced / next-stage / skipped / current counts,
 * outcomes, win rate, cycle-length and time-in-stage percentiles) over 1,000,000 records with about 6 history entries
 * each, against a hand-written single-pass loop over the same records computing the same counts and the cycle-length
 * percentiles. Both must agree before timing. Records are generated cheaply, seeded, on the B2B preset.
 *
 * Run: `npx tsx bench/metrics.bench.ts` (or `npm run bench metrics`).
 */
import { deepStrictEqual } from 'node:assert';
import { b2bFunnel } from '../src/funnel/index.ts';
import { createRandom } from '../src/internal/random.ts';
import { funnelReport, type MetricsRecord } from '../src/metrics/index.ts';

const RECORDS = Number(process.env['METRICS_BENCH_RECORDS'] ?? 1_000_000);
const DAY = 86_400_000;
const asOf = new Date('2025-01-01T00:00:00Z');
const random = createRandom(20240601);
const path = ['suspect', 'lead', 'mql', 'sql', 'opportunity', 'customer', 'evangelist'];

interface BenchRecord {
  readonly createdAt: Date;
  readonly stageHistory: { readonly to: string; readonly at: Date }[];
}

function generate(count: number): BenchRecord[] {
  const records: BenchRecord[] = new Array(count);
  const startMs = Date.parse('2023-01-01T00:00:00Z');
  for (let index = 0; index < count; index++) {
    let at = startMs + Math.floor(random.next() * 700 * DAY);
    const createdAt = new Date(at);
    const stageHistory: { to: string; at: Date }[] = [];
    let position = random.chance(0.6) ? 0 : 1;
    stageHistory.push({ to: path[position] as string, at: createdAt });
    let recycled = false;
    while (position < path.length - 1) {
      at += Math.floor(random.next() * 20 * DAY);
      const roll = random.next();
      if (roll < 0.86) position += roll < 0.03 && position + 2 < path.length ? 2 : 1;
      else if (roll < 0.9 && !recycled) {
        recycled = true;
        stageHistory.push({ to: 'nurture', at: new Date(at) });
        at += Math.floor(random.next() * 30 * DAY);
        position = 2;
      } else {
        stageHistory.push({ to: roll < 0.96 ? 'lost' : 'disqualified', at: new Date(at) });
        break;
      }
      stageHistory.push({ to: path[position] as string, at: new Date(at) });
    }
    records[index] = { createdAt, stageHistory };
  }
  return records;
}

/** The baseline: one plain loop, stage ids resolved through a Map, counts in typed arrays. */
function handwritten(records: readonly BenchRecord[]) {
  const stages = b2bFunnel.stages;
  const count = stages.length;
  const index = new Map<string, number>(stages.map((stage, position) => [stage.id, position] as const));
  const rank = new Int32Array(count).fill(-1);
  path.forEach((id, position) => (rank[index.get(id) as number] = position));
  const kind = stages.map((stage) => stage.kind);
  const entered = new Int32Array(count);
  const advanced = new Int32Array(count);
  const enteredNext = new Int32Array(count);
  const skipped = new Int32Array(count);
  const current = new Int32Array(count);
  const seen = new Uint8Array(count);
  const passed = new Uint8Array(count);
  const cycles = new Float64Array(records.length);
  let cycleCount = 0;
  let won = 0;
  let lost = 0;
  let disqualified = 0;
  let open = 0;
  const asOfMs = asOf.getTime();
  for (const record of records) {
    seen.fill(0);
    passed.fill(0);
    let last = -1;
    let maxRank = -1;
    let wonAt = NaN;
    for (const entry of record.stageHistory) {
      const at = entry.at.getTime();
      if (at > asOfMs) continue;
      const stage = index.get(entry.to) as number;
      if (last >= 0) {
        const from = rank[last] as number;
        const to = rank[stage] as number;
        if (from >= 0 && to > from) for (let r = from + 1; r < to; r++) passed[index.get(path[r] as string) as number] = 1;
      }
      seen[stage] = 1;
      if ((rank[stage] as number) > maxRank) maxRank = rank[stage] as number;
      if (kind[stage] === 'won' && Number.isNaN(wonAt)) wonAt = at;
      last = stage;
    }
    current[last] = (current[last] as number) + 1;
    const lastKind = kind[last];
    if (lastKind === 'lost') lost++;
    else if (lastKind === 'disqualified') disqualified++;
    else if (!Number.isNaN(wonAt)) {
      won++;
      cycles[cycleCount++] = (wonAt - record.createdAt.getTime()) / DAY;
    } else open++;
    for (let stage = 0; stage < count; stage++) {
      if (seen[stage] === 1) {
        entered[stage] = (entered[stage] as number) + 1;
        const r = rank[stage] as number;
        if (r >= 0 && maxRank > r) advanced[stage] = (advanced[stage] as number) + 1;
        if (r >= 0 && r + 1 < path.length && seen[index.get(path[r + 1] as string) as number] === 1) enteredNext[stage] = (enteredNext[stage] as number) + 1;
      } else if (passed[stage] === 1) skipped[stage] = (skipped[stage] as number) + 1;
    }
  }
  const sorted = cycles.subarray(0, cycleCount).sort();
  const at = (p: number) => {
    const position = (cycleCount - 1) * p;
    const lower = Math.floor(position);
    return (sorted[lower] as number) + (position - lower) * ((sorted[Math.min(lower + 1, cycleCount - 1)] as number) - (sorted[lower] as number));
  };
  return {
    won,
    lost,
    disqualified,
    open,
    winRate: won / (won + lost),
    cycle: [at(0.25), at(0.5), at(0.75), at(0.9)],
    stages: stages.map((stage, position) => ({
      id: stage.id,
      entered: entered[position],
      advanced: advanced[position],
      enteredNext: enteredNext[position],
      skipped: skipped[position],
      current: current[position],
    })),
  };
}

function library(records: readonly MetricsRecord[]) {
  const report = funnelReport(records, { funnel: b2bFunnel, asOf });
  const overall = report.overall;
  return {
    report,
    comparable: {
      won: overall.won,
      lost: overall.lost,
      disqualified: overall.disqualified,
      open: overall.open,
      winRate: overall.winRate,
      cycle: [overall.cycleLength.p25, overall.cycleLength.median, overall.cycleLength.p75, overall.cycleLength.p90],
      stages: overall.stages.map((stage) => ({
        id: stage.id,
        entered: stage.entered,
        advanced: stage.advanced,
        enteredNext: stage.enteredNext,
        skipped: stage.skipped,
        current: stage.current,
      })),
    },
  };
}

function time(run: () => unknown, repeats: number): number {
  let best = Infinity;
  for (let repeat = 0; repeat < repeats; repeat++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const generated = performance.now();
const records = generate(RECORDS);
const entries = records.reduce((sum, record) => sum + record.stageHistory.length, 0);
console.log(
  `generated ${RECORDS} records, ${(entries / RECORDS).toFixed(2)} history entries each, in ${((performance.now() - generated) / 1000).toFixed(1)} s`,
);

const fromLibrary = library(records);
deepStrictEqual(fromLibrary.comparable, handwritten(records));
console.log(
  `both sides agree: won ${fromLibrary.comparable.won}, lost ${fromLibrary.comparable.lost}, open ${fromLibrary.comparable.open}, median cycle ${fromLibrary.comparable.cycle[1]?.toFixed(1)} days`,
);

const libraryMs = time(() => library(records), 5);
const baselineMs = time(() => handwritten(records), 5);
console.log(`full funnel report: ${libraryMs.toFixed(0)} ms; hand-written loop: ${baselineMs.toFixed(0)} ms (best of 5)`);
const ops = (RECORDS / libraryMs) * 1000;
const baselineOps = (RECORDS / baselineMs) * 1000;
console.log(`BENCH metrics-vs-handwritten ops_per_s=${Math.round(ops)} baseline_ops_per_s=${Math.round(baselineOps)} ratio=${(ops / baselineOps).toFixed(3)}`);
