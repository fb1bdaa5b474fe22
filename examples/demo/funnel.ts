import { b2bFunnel, requireIcpFit, transition, type FunnelEvent, type StageIdOf, type EventTypeOf } from '../../src/funnel/index.ts';
import { cloudStorageIcp } from '../../src/icp/index.ts';
import type { Activity, Lead } from '../../src/models/index.ts';

type Stage = StageIdOf<typeof b2bFunnel>;
type EventType = EventTypeOf<typeof b2bFunnel>;

/** Activities that show engagement: they make a lead an MQL. */
const engaging = new Set<Activity['type']>([
  'email_clicked',
  'email_replied',
  'form_submitted',
  'content_downloaded',
  'webinar_registered',
  'webinar_attended',
  'event_attended',
  'trial_started',
]);
/** Activities that are a sales conversation: they make a lead an SQL (a demo request counts as the high-intent override). */
const conversation = { demo_requested: 60, meeting_booked: 70, meeting_held: 80 } as const;

const isEngaging = (activity: Activity): boolean => engaging.has(activity.type) || (activity.type === 'page_viewed' && activity.pageKind === 'pricing');

/** The events, in order, that take a lead from `stage` to `target` along the main path, at one time. */
const path: readonly Stage[] = ['lead', 'mql', 'sql', 'opportunity', 'customer'];
const eventInto: Partial<Record<Stage, EventType>> = { mql: 'engage', sql: 'qualify', opportunity: 'open_opportunity', customer: 'win' };

interface Happening {
  readonly at: Date;
  readonly target: Stage;
  readonly why: string;
  readonly score: number;
}

function happenings(lead: Lead, asOf: Date): Happening[] {
  const list: Happening[] = [];
  for (const activity of lead.activities) {
    if (activity.at.getTime() < (lead.createdAt?.getTime() ?? Number.NEGATIVE_INFINITY) || activity.at.getTime() > asOf.getTime()) continue;
    if (activity.type in conversation)
      list.push({
        at: activity.at,
        target: activity.type === 'meeting_held' ? 'opportunity' : 'sql',
        why: activity.type,
        score: conversation[activity.type as keyof typeof conversation],
      });
    else if (isEngaging(activity)) list.push({ at: activity.at, target: 'mql', why: activity.type, score: 0 });
  }
  const outcome = lead.outcome;
  if (outcome?.at !== undefined && outcome.at.getTime() <= asOf.getTime())
    list.push({ at: outcome.at, target: outcome.status === 'won' ? 'customer' : 'lost', why: `outcome ${outcome.status}`, score: 90 });
  // Stable sort by time: equal times keep the activity order.
  return list
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.at.getTime() - b.item.at.getTime() || a.index - b.index)
    .map(({ item }) => item);
}

/**
 * The funnel demo: walks the sample leads through the B2B preset, deterministically from their own data and at the
 * activities' own times: created → `capture` (lead); an engaging activity (click, reply, form, download, webinar,
 * event, trial, pricing page) → `engage` (MQL); a demo request or a booked meeting → `qualify` (SQL, with the
 * conversation as the verdict's evidence); a meeting held → `open_opportunity`; outcome won → `win` (customer), lost →
 * `lose`. Stages in between are walked at the same time (the funnel does not allow skips); the sample's generator
 * leaves an activity at every stage a lead reaches, so there each stage has its own time. Returns the records with
 * their history, and lines with how many leads reached each stage, and how many of the prospects an ICP guard
 * (`requireIcpFit` on the cloud-storage ICP, minimum 60) would have let through at their qualify time.
 */
export function funnelDemo(leads: readonly Lead[], asOf: Date): { lines: string[]; records: Lead[] } {
  const records: Lead[] = [];
  let refused = 0;
  let firstRefusal: string | undefined;
  for (const lead of leads) {
    // An undated lead (an import that did not say when) cannot be walked through time: it is left as it is.
    if (lead.createdAt === undefined) {
      records.push(lead);
      continue;
    }
    const captured = transition(b2bFunnel, lead, { type: 'capture', at: lead.createdAt, by: `source:${lead.source}` });
    if (!captured.ok) {
      refused++;
      firstRefusal ??= `${lead.id}: ${captured.error.message}`;
      records.push(lead);
      continue;
    }
    let record = captured.value;
    for (const happening of happenings(lead, asOf)) {
      const stage = record.stage as Stage;
      if (stage === 'customer' || stage === 'lost') break;
      const events: FunnelEvent<EventType>[] = [];
      if (happening.target === 'lost') events.push({ type: 'lose', at: happening.at, reason: lead.outcome?.reason ?? 'lost' });
      else {
        const from = path.indexOf(stage);
        const to = path.indexOf(happening.target);
        for (let index = from + 1; index <= to; index++) {
          const type = eventInto[path[index] as Stage] as EventType;
          events.push(
            type === 'qualify'
              ? {
                  type,
                  at: happening.at,
                  by: lead.ownerId ?? 'demo',
                  reason: happening.why,
                  qualification: { verdict: { frameworkId: 'sales-conversation', qualified: true, score: happening.score, summary: happening.why } },
                }
              : { type, at: happening.at, reason: happening.why },
          );
        }
      }
      for (const event of events) {
        const result = transition(b2bFunnel, record, event);
        if (!result.ok) {
          refused++;
          firstRefusal ??= `${lead.id}: ${result.error.message}`;
          break;
        }
        record = result.value;
      }
    }
    records.push(record);
  }

  const reached = new Map<string, number>();
  const current = new Map<string, number>();
  for (const record of records) {
    for (const stage of new Set((record.stageHistory ?? []).map((entry) => entry.to))) reached.set(stage, (reached.get(stage) ?? 0) + 1);
    if (record.stage !== undefined) current.set(record.stage, (current.get(record.stage) ?? 0) + 1);
  }
  const lines = [`Funnel: ${leads.length} sample leads walked through the ${b2bFunnel.label ?? b2bFunnel.id} funnel as of ${asOf.toISOString().slice(0, 10)}`];
  for (const stage of b2bFunnel.stages) {
    const count = reached.get(stage.id) ?? 0;
    if (count === 0) continue;
    const share = ((100 * count) / Math.max(1, leads.length)).toFixed(0);
    lines.push(`  reached ${stage.label.padEnd(26)} ${String(count).padStart(4)} (${share.padStart(3)}%), now there: ${current.get(stage.id) ?? 0}`);
  }
  const prospects = records.filter((record) => 'qualification' in record).length;
  lines.push(`  prospects (qualified at SQL): ${prospects}; events refused: ${refused}${firstRefusal === undefined ? '' : ` (first: ${firstRefusal})`}`);

  // The same prospects through an ICP guard on `qualify`, checked as of each lead's own qualify time.
  const icpGuard = requireIcpFit(cloudStorageIcp, 60);
  let checked = 0;
  let passed = 0;
  let example: string | undefined;
  for (const record of records) {
    const qualified = record.stageHistory?.find((entry) => entry.event === 'qualify');
    if (qualified === undefined) continue;
    checked++;
    const check = icpGuard.check(record, { type: 'qualify', at: qualified.at }, {});
    if (check.passed) passed++;
    else example ??= `${record.id}: ${check.reason}`;
  }
  lines.push(
    `  with requireIcpFit(${cloudStorageIcp.id}, 60) on qualify: ${passed} of ${checked} prospects would pass${example === undefined ? '' : `; e.g. refused ${example}`}`,
  );
  return { lines, records };
}
