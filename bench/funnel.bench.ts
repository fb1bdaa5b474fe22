/**
 * Funnel benchmarks: records walking lead → MQL → SQL → opportunity → customer on the B2B preset, with guards on the
 * way (contact e-mail required to engage, a qualifying verdict to enter SQL, an owner to open an opportunity), against
 * xstate v5's pure `transition(machine, snapshot, event)` on the same machine, and against a hand-written lookup table
 * with the same guards and an immutable history append. Both sides must end every walk in the same stage with the
 * same history. Run: npx tsx bench/funnel.bench.ts
 */
import { assign, setup, transition as xstateTransition, initialTransition } from 'xstate';
import { addTransitionGuards, b2bFunnelDefinition, defineFunnel, defineFunnelGuard, requireFields, transition } from '../src/funnel/index.ts';
import type { Lead, StageChange } from '../src/models/index.ts';
import { generateLeads } from '../src/testing/index.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const leads = generateLeads({ seed: 7, count: 2_000, asOf, activities: { min: 0, max: 3 }, outcomes: false }).map(
  (lead, index): Lead => {
    const { stage: _stage, stageHistory: _history, ...rest } = lead;
    return {
      ...rest,
      ownerId: `rep-${index % 7}`,
      contact: { ...lead.contact, email: lead.contact.email ?? `lead${index}@example.com` },
      stage: 'lead',
      stageHistory: [{ from: null, to: 'lead', event: 'capture', at: lead.createdAt }],
    };
  },
);
const verdict = { frameworkId: 'bant', qualified: true, score: 75 } as const;
const base = leads[0]?.createdAt.getTime() ?? 0;
const times = [1, 2, 3, 4].map((day) => new Date(base + day * 86_400_000 + 365 * 86_400_000));
const walk = [
  { type: 'engage', at: times[0] as Date },
  { type: 'qualify', at: times[1] as Date, by: 'rep-1', qualification: { verdict } },
  { type: 'open_opportunity', at: times[2] as Date },
  { type: 'win', at: times[3] as Date },
] as const;
const TRANSITIONS_PER_WALK = walk.length;

// ---------- leadkit ----------
const hasOwner = defineFunnelGuard<Lead>('has-owner', (lead) => lead.ownerId !== undefined, 'the lead has no owner');
const funnel = defineFunnel(addTransitionGuards(b2bFunnelDefinition, { engage: ['email'], open_opportunity: ['owner'] }), {
  guards: { email: requireFields('contact.email'), owner: hasOwner },
});
function leadkitWalk(lead: Lead): Lead {
  let record = lead;
  for (const event of walk) {
    const result = transition(funnel, record, event);
    if (!result.ok) throw new Error(result.error.message);
    record = result.value;
  }
  return record;
}

// ---------- hand-written table ----------
const table: Record<string, Record<string, string>> = {
  lead: { engage: 'mql', lose: 'lost', disqualify: 'disqualified', recycle: 'nurture' },
  mql: { qualify: 'sql', lose: 'lost', disqualify: 'disqualified', recycle: 'nurture' },
  sql: { open_opportunity: 'opportunity', lose: 'lost', disqualify: 'disqualified', recycle: 'nurture' },
  opportunity: { win: 'customer', lose: 'lost', recycle: 'nurture' },
};
function tableStep(record: Lead, event: (typeof walk)[number]): Lead {
  const stage = record.stage as string;
  const to = table[stage]?.[event.type];
  if (to === undefined) throw new Error('refused');
  const history = record.stageHistory ?? [];
  const last = history[history.length - 1];
  if (last !== undefined && last.at.getTime() > event.at.getTime()) throw new Error('out of order');
  if (event.type === 'engage' && !record.contact.email) throw new Error('no email');
  if (event.type === 'open_opportunity' && record.ownerId === undefined) throw new Error('no owner');
  const change: StageChange = 'by' in event ? { from: stage, to, event: event.type, at: event.at, by: event.by } : { from: stage, to, event: event.type, at: event.at };
  if (event.type === 'qualify') {
    if (!event.qualification.verdict.qualified) throw new Error('not qualified');
    const qualification = { verdict: event.qualification.verdict, qualifiedAt: event.at, qualifiedBy: event.by };
    return { ...record, qualification, stage: to, stageHistory: [...history, change] } as Lead;
  }
  return { ...record, stage: to, stageHistory: [...history, change] };
}
function tableWalk(lead: Lead): Lead {
  let record = lead;
  for (const event of walk) record = tableStep(record, event);
  return record;
}

// ---------- xstate v5 ----------
type XEvent = { type: string; at: Date; by?: string; qualification?: { verdict: typeof verdict } };
const append = (stage: string, to: string) =>
  assign(({ context, event }: { context: { lead: Lead }; event: XEvent }) => {
    const change: StageChange = event.by === undefined ? { from: stage, to, event: event.type, at: event.at } : { from: stage, to, event: event.type, at: event.at, by: event.by };
    const qualification =
      to === 'sql' ? { qualification: { verdict: event.qualification?.verdict, qualifiedAt: event.at, qualifiedBy: event.by } } : {};
    return { lead: { ...context.lead, ...qualification, stage: to, stageHistory: [...(context.lead.stageHistory ?? []), change] } as Lead };
  });
const machine = setup({
  types: { context: {} as { lead: Lead }, events: {} as XEvent, input: {} as Lead },
  guards: {
    inOrder: ({ context, event }) => {
      const last = context.lead.stageHistory?.at(-1);
      return last === undefined || last.at.getTime() <= event.at.getTime();
    },
    hasEmail: ({ context, event }) => Boolean(context.lead.contact.email) && (context.lead.stageHistory?.at(-1)?.at.getTime() ?? 0) <= event.at.getTime(),
    qualified: ({ context, event }) => event.qualification?.verdict.qualified === true && (context.lead.stageHistory?.at(-1)?.at.getTime() ?? 0) <= event.at.getTime(),
    hasOwner: ({ context, event }) => context.lead.ownerId !== undefined && (context.lead.stageHistory?.at(-1)?.at.getTime() ?? 0) <= event.at.getTime(),
  },
}).createMachine({
  id: 'b2b',
  initial: 'lead',
  context: ({ input }) => ({ lead: input }),
  states: {
    lead: { on: { engage: { target: 'mql', guard: 'hasEmail', actions: append('lead', 'mql') as never }, lose: { target: 'lost', guard: 'inOrder', actions: append('lead', 'lost') as never } } },
    mql: { on: { qualify: { target: 'sql', guard: 'qualified', actions: append('mql', 'sql') as never }, lose: { target: 'lost', guard: 'inOrder', actions: append('mql', 'lost') as never } } },
    sql: { on: { open_opportunity: { target: 'opportunity', guard: 'hasOwner', actions: append('sql', 'opportunity') as never }, lose: { target: 'lost', guard: 'inOrder', actions: append('sql', 'lost') as never } } },
    opportunity: { on: { win: { target: 'customer', guard: 'inOrder', actions: append('opportunity', 'customer') as never }, lose: { target: 'lost', guard: 'inOrder', actions: append('opportunity', 'lost') as never } } },
    customer: {},
    lost: {},
  },
});
const initialSnapshots = leads.map((lead) => initialTransition(machine, lead)[0]);
function xstateWalk(index: number): Lead {
  let snapshot = initialSnapshots[index] as (typeof initialSnapshots)[number];
  for (const event of walk) snapshot = xstateTransition(machine, snapshot, event as XEvent)[0];
  if (snapshot.value !== 'customer') throw new Error(`xstate ended in ${String(snapshot.value)}`);
  return snapshot.context.lead;
}

// ---------- same results ----------
const summary = (lead: Lead) =>
  JSON.stringify({ stage: lead.stage, history: lead.stageHistory, qualification: (lead as { qualification?: { verdict: unknown; qualifiedAt: Date } }).qualification?.verdict });
for (let index = 0; index < leads.length; index++) {
  const lead = leads[index] as Lead;
  const ours = summary(leadkitWalk(lead));
  if (ours !== summary(tableWalk(lead)) || ours !== summary(xstateWalk(index))) throw new Error(`results differ for ${lead.id}`);
}

function transitionsPerSecond(run: (index: number) => unknown, budgetMs: number): number {
  for (let index = 0; index < leads.length; index++) run(index); // warm up
  let best = 0;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    let walks = 0;
    while (performance.now() - start < budgetMs) {
      for (let index = 0; index < leads.length; index++) run(index);
      walks += leads.length;
    }
    best = Math.max(best, (walks * TRANSITIONS_PER_WALK) / ((performance.now() - start) / 1000));
  }
  return best;
}

const leadkitRate = transitionsPerSecond((index) => leadkitWalk(leads[index] as Lead), 1_000);
const tableRate = transitionsPerSecond((index) => tableWalk(leads[index] as Lead), 1_000);
const xstateRate = transitionsPerSecond(xstateWalk, 1_000);
const line = (name: string, ours: number, baseline: number) =>
  `BENCH ${name} ops_per_s=${Math.round(ours)} baseline_ops_per_s=${Math.round(baseline)} ratio=${(ours / baseline).toFixed(2)}`;
console.log(line('funnel-vs-xstate', leadkitRate, xstateRate));
console.log(line('funnel-vs-table', leadkitRate, tableRate));
