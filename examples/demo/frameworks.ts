import {
  bantFramework,
  evaluateAssessment,
  meddicFramework,
  qualifyLead,
  translateAssessment,
  type Assessment,
  type CriterionKey,
  type CriterionRating,
  type FrameworkRatingValue,
} from '../../src/frameworks/index.ts';
import { currencyExponent, type Lead } from '../../src/models/index.ts';

type BantKey = CriterionKey<typeof bantFramework>;
type BantRating = FrameworkRatingValue<typeof bantFramework>;
type BantAssessment = Assessment<BantKey, BantRating>;

const DAY_MS = 86_400_000;
const strongRoles = new Set(['economic_buyer', 'decision_maker']);
const developingRoles = new Set(['champion', 'influencer']);
const strongSeniority = new Set(['c_level', 'owner', 'partner', 'vp']);
const developingSeniority = new Set(['director', 'manager']);

function earlier(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/**
 * The sample leads come without sales conversations, so the demo derives a plausible BANT assessment from each
 * lead's data, deterministically: budget from annual revenue, authority from the contact's decision role or
 * seniority, need from stated pain points, timeline from demo requests and booked meetings. A signal that is absent
 * leaves the criterion unknown rather than failed.
 */
function deriveBantAssessment(lead: Lead, asOf: Date): BantAssessment {
  const profileDate = earlier(lead.lastVerifiedAt ?? lead.updatedAt ?? lead.createdAt ?? asOf, asOf);
  const criteria: { -readonly [P in BantKey]?: CriterionRating<BantRating> } = {};

  const revenue = lead.company?.annualRevenue;
  if (revenue !== undefined) {
    const major = revenue.amountMinor / 10 ** currencyExponent(revenue.currency);
    const rating: BantRating = major >= 10_000_000 ? 'strong' : major >= 1_000_000 ? 'developing' : 'weak';
    const amount = `${Math.round(major).toLocaleString('en-US')} ${revenue.currency}`;
    criteria.budget = { rating, evidence: `annual revenue ${amount}`, source: 'enrichment', assessedAt: profileDate, assessedBy: 'demo' };
  }

  const { decisionRole, seniority, jobTitle } = lead.contact;
  if (decisionRole !== undefined || seniority !== undefined) {
    const rating: BantRating =
      decisionRole !== undefined
        ? strongRoles.has(decisionRole)
          ? 'strong'
          : developingRoles.has(decisionRole)
            ? 'developing'
            : 'weak'
        : strongSeniority.has(seniority ?? '')
          ? 'strong'
          : developingSeniority.has(seniority ?? '')
            ? 'developing'
            : 'weak';
    const role = [jobTitle, decisionRole?.replace('_', ' ') ?? seniority?.replace('_', ' ')].filter(Boolean).join(', ');
    criteria.authority = { rating, evidence: role, source: 'enrichment', assessedAt: profileDate, assessedBy: 'demo' };
  }

  if (lead.painPoints !== undefined) {
    const count = lead.painPoints.length;
    const rating: BantRating = count >= 2 ? 'strong' : count === 1 ? 'developing' : 'weak';
    criteria.need = {
      rating,
      evidence: count === 0 ? 'no pain point stated' : lead.painPoints.join('; '),
      source: 'form',
      assessedAt: profileDate,
      assessedBy: 'demo',
    };
  }

  const intent = lead.activities
    .filter((activity) => (activity.type === 'demo_requested' || activity.type === 'meeting_booked') && activity.at.getTime() <= asOf.getTime())
    .sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  if (intent !== undefined) {
    const ageDays = Math.floor((asOf.getTime() - intent.at.getTime()) / DAY_MS);
    criteria.timeline = {
      rating: ageDays <= 90 ? 'strong' : 'developing',
      evidence: `${intent.type.replace('_', ' ')} ${ageDays} days ago`,
      source: intent.type === 'demo_requested' ? 'form' : 'meeting',
      assessedAt: intent.at,
      assessedBy: 'demo',
    };
  }
  return { frameworkId: bantFramework.id, leadId: lead.id, criteria };
}

/** Picks a few leads that show different verdicts: the first qualified one, then the first leads not yet shown. */
function pickLeads(leads: readonly Lead[], asOf: Date, count: number): Lead[] {
  const qualified = leads.find((lead) => evaluateAssessment(bantFramework, deriveBantAssessment(lead, asOf), { asOf }).qualified);
  const picked = qualified === undefined ? [] : [qualified];
  for (const lead of leads) {
    if (picked.length >= count) break;
    if (!picked.includes(lead)) picked.push(lead);
  }
  return picked;
}

/**
 * BANT verdicts, with the next questions to ask, for a few sample leads; then the same evidence translated to
 * MEDDIC for the first one. Returns the lines to print.
 */
export function frameworksDemo(leads: readonly Lead[], asOf: Date): string[] {
  const lines = [
    `BANT qualification (${bantFramework.criteria.map((criterion) => criterion.label).join(', ')}; qualified when 3 of 4 are strong), as of ${asOf.toISOString().slice(0, 10)}`,
    'The sample leads have no sales conversations, so each BANT assessment is derived from the lead data:',
    'budget from annual revenue, authority from decision role or seniority, need from stated pain points,',
    'timeline from demo requests and booked meetings. Missing data leaves a criterion unknown, not failed.',
  ];
  const picked = pickLeads(leads, asOf, 4);
  for (const lead of picked) {
    const assessment = deriveBantAssessment(lead, asOf);
    const verdict = evaluateAssessment(bantFramework, assessment, { asOf, maxQuestions: 3 });
    const who = [lead.contact.firstName, lead.contact.lastName].filter(Boolean).join(' ') || lead.id;
    lines.push('', `${lead.id} · ${who}${lead.company === undefined ? '' : ` at ${lead.company.name}`}`, `  ${verdict.summary}`);
    for (const entry of verdict.criteria) {
      const evidence = assessment.criteria[entry.key]?.evidence;
      lines.push(`  ${entry.label.padEnd(9)} ${(entry.ratingLabel ?? 'unknown').padEnd(10)} ${evidence === undefined ? '' : `(${evidence})`}`.trimEnd());
    }
    for (const next of verdict.nextQuestions) lines.push(`  ask (${next.criterion}, ${next.reason.replace('_', ' ')}): ${next.question}`);
    const prospect = qualifyLead(bantFramework, lead, assessment, { asOf, by: 'demo' });
    lines.push(`  → ${prospect.ok ? 'prospect: handed to sales' : 'stays a lead'}`);
  }
  const first = picked[0];
  if (first !== undefined) {
    const { carried, unfilled } = translateAssessment(bantFramework, meddicFramework, deriveBantAssessment(first, asOf));
    lines.push(
      '',
      `Evidence captured once: ${first.id}'s BANT assessment pre-fills MEDDIC`,
      ...carried.map(
        (entry) => `  ${entry.from} ${JSON.stringify(entry.fromRating)} → ${entry.to} ${entry.toRating} (shared concept: ${entry.concept ?? 'override'})`,
      ),
      `  still to ask: ${unfilled.join(', ')}`,
    );
  }
  return lines;
}
