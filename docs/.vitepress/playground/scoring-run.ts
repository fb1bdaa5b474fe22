/**
 * The scoring tab's work, without the page: read a scoring model (JSON text) and leads, score and rank them, count
 * the grades. Pure; the page shows what it returns.
 */
import { parseLead, type Lead } from 'leadkit/models';
import {
  compileScoringModel,
  explainScore,
  parseScoringModel,
  scoreAll,
  topReasons,
  type CompiledScorer,
  type LeadScore,
  type RankedLead,
} from 'leadkit/scoring';
import { fromIssues, readJson, type Problem } from './problems.ts';

/** Leads read from JSON, with the problems of those that did not validate. */
export interface LeadsRead {
  readonly leads: readonly Lead[];
  readonly problems: readonly Problem[];
  /** How many entries the document had. */
  readonly count: number;
}

/** Reads a JSON array of leads with `parseLead`; invalid leads are left out and their problems kept (paths `[i].…`). */
export function readLeads(text: string): LeadsRead {
  const json = readJson(text);
  if (!json.ok) return { leads: [], problems: [json.problem], count: 0 };
  return readLeadValues(json.value);
}

/** Reads parsed JSON (an array of leads, or one lead). */
export function readLeadValues(value: unknown): LeadsRead {
  const items = Array.isArray(value) ? value : [value];
  const leads: Lead[] = [];
  const problems: Problem[] = [];
  items.forEach((item: unknown, index) => {
    const parsed = parseLead(item);
    if (parsed.ok) leads.push(parsed.value);
    else problems.push(...fromIssues(parsed.error.issues, Array.isArray(value) ? [index] : [], Array.isArray(value) ? `[${index}]` : ''));
  });
  return { leads, problems, count: items.length };
}

/** One ranked lead, as the table shows it. */
export interface RankedRow {
  readonly rank: number;
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly score: number;
  readonly fit: number;
  readonly engagement: number;
  readonly grade: string;
  readonly band: string;
  readonly salesReady: boolean;
  readonly disqualified: boolean;
  /** The top three contributions, `Demo requested +21.8`. */
  readonly reasons: readonly string[];
}

/** How many leads fall in each grade. */
export interface GradeDistribution {
  /** Matrix cells (`A1` … `D4`) or grades, with their counts. */
  readonly grades: Readonly<Record<string, number>>;
  /** Bands (`priority`, `warm`, …) with their counts. */
  readonly bands: Readonly<Record<string, number>>;
  readonly disqualified: number;
  readonly salesReady: number;
}

/** What the scoring tab shows. */
export type ScoringRun =
  | { readonly ok: false; readonly problems: readonly Problem[] }
  | {
      readonly ok: true;
      readonly scorer: CompiledScorer;
      readonly ranked: readonly RankedLead<Lead, LeadScore>[];
      readonly distribution: GradeDistribution;
      /** Milliseconds to parse, compile and score every lead (measured by the caller's clock). */
      readonly milliseconds: number;
    };

const one = (value: number): string => (Math.round(value * 10) / 10).toFixed(1);

/** Parses and compiles the model, then scores and ranks every lead as of `asOf`. `now` is the page's clock. */
export function runScoring(modelText: string, leads: readonly Lead[], asOf: Date, now: () => number): ScoringRun {
  const started = now();
  const json = readJson(modelText);
  if (!json.ok) return { ok: false, problems: [json.problem] };
  const parsed = parseScoringModel(json.value);
  if (!parsed.ok) return { ok: false, problems: fromIssues(parsed.error.issues) };
  const scorer = compileScoringModel(parsed.value);
  const ranked = scoreAll(scorer, leads, { asOf }) as RankedLead<Lead, LeadScore>[];
  const grades: Record<string, number> = {};
  const bands: Record<string, number> = {};
  let disqualified = 0;
  let salesReady = 0;
  for (const { result } of ranked) {
    if (result.disqualified) disqualified++;
    else {
      const grade = result.matrixCell ?? result.grade ?? '–';
      grades[grade] = (grades[grade] ?? 0) + 1;
    }
    if (result.band !== undefined) bands[result.band] = (bands[result.band] ?? 0) + 1;
    if (result.salesReady) salesReady++;
  }
  return { ok: true, scorer, ranked, distribution: { grades, bands, disqualified, salesReady }, milliseconds: now() - started };
}

/** The table row of a ranked lead. */
export function rankedRow(entry: RankedLead<Lead, LeadScore>, leads: readonly Lead[]): RankedRow {
  const { lead, result, rank } = entry;
  const name = [lead.contact.firstName, lead.contact.lastName].filter(Boolean).join(' ');
  return {
    rank,
    index: leads.indexOf(lead),
    id: lead.id,
    name: `${name}${lead.company === undefined ? '' : `${name === '' ? '' : ', '}${lead.company.name}`}`,
    score: result.score,
    fit: result.fit,
    engagement: result.engagement,
    grade: result.disqualified ? 'F' : (result.grade ?? '–'),
    band: result.band ?? '',
    salesReady: result.salesReady,
    disqualified: result.disqualified,
    reasons: topReasons(result, 3).map((item) => `${item.label} ${item.points >= 0 ? '+' : ''}${one(item.points)}`),
  };
}

/** One lead's full explanation (`explainScore`). */
export function explainLead(scorer: CompiledScorer, lead: Lead, asOf: Date): string {
  return explainScore(scorer(lead, { asOf }));
}
