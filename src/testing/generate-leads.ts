import { instantMs, MILLISECONDS_PER_DAY } from '../internal/instant.ts';
import { createRandom, type Random } from '../internal/random.ts';
import type { Activity, PageKind } from '../models/activity.ts';
import type { Seniority, Department, DecisionRole } from '../models/contact.ts';
import type { Lead } from '../models/lead.ts';
import type { Outcome } from '../models/outcome.ts';
import type { LeadSource } from '../models/lead-source.ts';

/** Options of {@link generateLeads}. */
export interface GenerateLeadsOptions {
  /** Seed of the pseudo-random generator: the same seed gives the same leads. */
  readonly seed: number;
  /** How many leads to make (a whole number, 0 or more). */
  readonly count: number;
  /**
   * The "now" of the data set, a `Date` or epoch milliseconds: leads are created in the year before it; activities,
   * outcomes and verification dates are never after it.
   */
  readonly asOf: Date | number;
  /**
   * How many activities each lead gets, between `min` and `max` (whole numbers, `0 <= min <= max`); default
   * `{ min: 0, max: 12 }`. A lead's own funnel activities (its first sales touch, the activities that mark its
   * stages, its buying signals) come first, so a lead that went further gets more: its count is drawn uniformly
   * between the larger of `min` and their number, and `max`. When they are more than `max`, the stage activities are
   * kept first, then the first touch, then the buying signals, in that order.
   */
  readonly activities?: { readonly min: number; readonly max: number };
  /**
   * Whether leads whose deal closed by `asOf` get their won or lost `outcome` (default `true`). With `false` the
   * leads are otherwise the same, activities included.
   */
  readonly outcomes?: boolean;
  /** Prefix of the lead ids (default `lead-`). */
  readonly idPrefix?: string;
}

const HOUR = 3_600_000;
const DAY = MILLISECONDS_PER_DAY;

const industries = [
  ['technology', 14],
  ['software', 14],
  ['financial-services', 10],
  ['healthcare', 8],
  ['manufacturing', 9],
  ['retail', 8],
  ['education', 5],
  ['government', 3],
  ['media', 5],
  ['telecommunications', 4],
  ['logistics', 6],
  ['energy', 3],
  ['real-estate', 4],
  ['consulting', 7],
] as const;

const countries = [
  ['US', 'USD', 34],
  ['GB', 'GBP', 10],
  ['DE', 'EUR', 9],
  ['FR', 'EUR', 6],
  ['NL', 'EUR', 4],
  ['ES', 'EUR', 3],
  ['CA', 'USD', 7],
  ['AU', 'USD', 5],
  ['BR', 'USD', 6],
  ['IN', 'USD', 7],
  ['SE', 'EUR', 3],
  ['JP', 'USD', 3],
  ['SG', 'USD', 3],
] as const;

const regions: Record<string, readonly string[]> = {
  US: ['CA', 'NY', 'TX', 'WA', 'MA', 'IL'],
  GB: ['England', 'Scotland'],
  DE: ['Berlin', 'Bavaria', 'Hamburg'],
  CA: ['ON', 'BC', 'QC'],
  AU: ['NSW', 'VIC'],
  BR: ['SP', 'RJ'],
  IN: ['KA', 'MH'],
};

const technologies = ['aws', 'gcp', 'azure', 'salesforce', 'hubspot', 'snowflake', 'kubernetes', 'postgres', 'shopify', 'sap', 'slack', 'zendesk'];

/**
 * Lead sources: how often each comes (weights) and how well it converts, as a multiple of the average lead's
 * conversion (lead → won). Sources with an Olist origin take its ratio (Olist conversion of the origin ÷ 10.5 %
 * overall, 8,000 MQLs, 2017-06 to 2018-05); the others follow Implisit's 2014 study of ~500 Salesforce customers'
 * pipelines (eMarketer, 2015: customer and employee referrals convert to deals at 3.63 % of leads, 2.3 × website
 * leads at 1.55 %; webinars third for lead → opportunity; no other channel above 1 % lead → deal).
 */
const sources: readonly (readonly [LeadSource, number, number])[] = [
  ['website_form', 18, 1.07], // Olist direct_traffic 11.2 %
  ['content_download', 14, 0.8], // no Olist origin: top-of-funnel content, below average (our assumption)
  ['newsletter', 6, 0.29], // Olist email 3.0 %
  ['webinar', 8, 1.3], // Implisit: webinars third for lead → opportunity (17.8 % vs 13 % on average)
  ['event', 6, 1.2], // no source: assumed like webinars
  ['referral', 7, 2.3], // Implisit: customer and employee referrals 2.3 × website leads
  ['partner', 5, 2], // partner referrals: as referrals, a notch lower (our assumption)
  ['social', 5, 0.53], // Olist social 5.6 %
  ['paid_ads', 9, 1.12], // Olist paid_search 12.3 % and display 5.1 %: 11.8 % together
  ['organic_search', 10, 1.12], // Olist organic_search 11.8 %
  ['cold_email', 5, 0.6], // Implisit: every channel but referrals, websites and social under 1 % lead → deal
  ['cold_call', 3, 0.6], // as cold e-mail
  ['purchased_list', 3, 0.25], // below Olist's weakest origins (other 2.7 %, email 3.0 %): our assumption
  ['other', 1, 0.31], // Olist other and other_publicities, 3.3 % together
];

interface Title {
  readonly title: string;
  readonly seniority: Seniority;
  readonly department: Department;
  readonly role: DecisionRole | undefined;
  readonly weight: number;
}

const titles: readonly Title[] = [
  { title: 'CTO', seniority: 'c_level', department: 'executive', role: 'decision_maker', weight: 4 },
  { title: 'CEO', seniority: 'c_level', department: 'executive', role: 'economic_buyer', weight: 3 },
  { title: 'CFO', seniority: 'c_level', department: 'finance', role: 'economic_buyer', weight: 2 },
  { title: 'IT Director', seniority: 'director', department: 'it', role: 'decision_maker', weight: 5 },
  { title: 'VP Engineering', seniority: 'vp', department: 'engineering', role: 'decision_maker', weight: 4 },
  { title: 'VP Marketing', seniority: 'vp', department: 'marketing', role: 'economic_buyer', weight: 3 },
  { title: 'Head of Operations', seniority: 'director', department: 'operations', role: 'influencer', weight: 4 },
  { title: 'Engineering Manager', seniority: 'manager', department: 'engineering', role: 'champion', weight: 7 },
  { title: 'IT Manager', seniority: 'manager', department: 'it', role: 'influencer', weight: 7 },
  { title: 'Marketing Manager', seniority: 'manager', department: 'marketing', role: 'influencer', weight: 7 },
  { title: 'Procurement Manager', seniority: 'manager', department: 'procurement', role: 'gatekeeper', weight: 3 },
  { title: 'Senior Software Engineer', seniority: 'senior', department: 'engineering', role: 'user', weight: 9 },
  { title: 'Systems Administrator', seniority: 'senior', department: 'it', role: 'user', weight: 6 },
  { title: 'Data Analyst', seniority: 'entry', department: 'operations', role: 'user', weight: 6 },
  { title: 'Sales Representative', seniority: 'entry', department: 'sales', role: undefined, weight: 5 },
  { title: 'Office Assistant', seniority: 'entry', department: 'operations', role: 'gatekeeper', weight: 3 },
  { title: 'Founder', seniority: 'owner', department: 'executive', role: 'economic_buyer', weight: 3 },
  { title: 'Student', seniority: 'student', department: 'education', role: undefined, weight: 2 },
  { title: 'Marketing Intern', seniority: 'intern', department: 'marketing', role: undefined, weight: 2 },
];

const firstNames = [
  'Ada',
  'Alan',
  'Grace',
  'Linus',
  'Margaret',
  'Ken',
  'Barbara',
  'Dennis',
  'Frances',
  'John',
  'Radia',
  'Tim',
  'Hedy',
  'Vint',
  'Katherine',
  'Guido',
  'Sophie',
  'Yukihiro',
  'Anita',
  'Bjarne',
  'Lucía',
  'Chen',
  'Priya',
  'Kwame',
  'Ingrid',
  'Mateus',
];
const lastNames = [
  'Lovelace',
  'Turing',
  'Hopper',
  'Torvalds',
  'Hamilton',
  'Thompson',
  'Liskov',
  'Ritchie',
  'Allen',
  'McCarthy',
  'Perlman',
  'Berners-Lee',
  'Lamarr',
  'Cerf',
  'Johnson',
  'van Rossum',
  'Wilson',
  'Matsumoto',
  'Borg',
  'Stroustrup',
  'García',
  'Wei',
  'Sharma',
  'Mensah',
  'Larsen',
  'Souza',
];
const nameStarts = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Hooli',
  'Vandelay',
  'Soylent',
  'Tyrell',
  'Cyberdyne',
  'Wonka',
  'Oscorp',
  'Aperture',
  'Black Mesa',
  'Blue Sun',
  'Monarch',
  'Nakatomi',
  'Pied Piper',
  'Virtucon',
  'Massive',
  'Dunder',
  'Prestige',
  'Gringotts',
  'Sirius',
  'Axiom',
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Tailspin',
];
const nameEnds = [
  'Systems',
  'Labs',
  'Industries',
  'Group',
  'Holdings',
  'Analytics',
  'Cloud',
  'Logistics',
  'Health',
  'Partners',
  'Works',
  'Digital',
  'Networks',
  'Capital',
  'Foods',
];
const freeMailDomains = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com'];
const painPoints = [
  'lack of scalable storage',
  'slow reporting',
  'manual data entry',
  'security compliance',
  'rising infrastructure costs',
  'poor lead routing',
  'data silos',
  'long onboarding',
];
const campaigns = ['spring-launch', 'cloud-webinar-series', 'storage-ebook', 'q3-retargeting', 'partner-summit'];

/**
 * The funnel every generated lead walks, stage by stage: the open stages of the B2B preset of `leadkit/funnel`,
 * lead → MQL → SQL → opportunity → won. For a lead of average intent, `advance` is the share that moves on to the
 * next stage after a stay of median `dwellDays` (times the lead's pace); of those that do not move on, `closedLost`
 * is the share sales closes as lost, after median `lostAfterDays` of silence (the others stall, open, as real CRMs
 * are full of). Intent varies between leads and the leads that move on are the keener ones, so over many leads the
 * realised rates are higher: about 65 %, 50 %, 67 % and 51 %, and 11 % of leads won (Olist: 10.5 %). Most leads
 * closed lost are deals lost after a conversation with sales (at SQL or opportunity), not leads that never answered.
 */
const stagePlans: readonly StagePlan[] = [
  { advance: 0.68, dwellDays: 1.5, closedLost: 0.1, lostAfterDays: 30 }, // lead → MQL
  { advance: 0.44, dwellDays: 2.5, closedLost: 0.25, lostAfterDays: 21 }, // MQL → SQL
  { advance: 0.55, dwellDays: 2, closedLost: 0.8, lostAfterDays: 14 }, // SQL → opportunity
  { advance: 0.42, dwellDays: 4, closedLost: 0.95, lostAfterDays: 30 }, // opportunity → won
];

interface StagePlan {
  readonly advance: number;
  readonly dwellDays: number;
  readonly closedLost: number;
  readonly lostAfterDays: number;
}

/**
 * Spread (standard deviation of the natural log) of a lead's pace, which scales all its stays: some deals close in
 * days, some take months.
 */
const PACE_SPREAD = 1.3;
/**
 * Deals slip: a share of opportunities waits weeks or months more (for a budget, a signature, a competitor's demo),
 * log-uniformly between the two bounds, in days. Pace and slips together give Olist's long tail: its MQL → won cycle
 * has p25 6, median 15, p75 55 and p90 163 days, a p90 ten times the median, far wider than stage-by-stage noise
 * alone gives.
 */
const SLIP_SHARE = 0.35;
const SLIP_FROM_DAYS = 30;
const SLIP_TO_DAYS = 450;
/** Spread of each stay around the lead's pace. */
const DWELL_SPREAD = 0.6;
/** Log-odds of moving on per unit of fit (target industry, company size, decision maker; a free e-mail counts −1.5). */
const FIT_EFFECT = 0.55;
/** Spread of the intent that fit does not explain (standard deviation of a log-odds shift). */
const INTENT_SPREAD = 0.75;
/** Share of the log of a source's conversion multiple added to each stage's log-odds (the four stages share it). */
const SOURCE_EFFECT = 0.8;

/**
 * First sales touch (a call or an e-mail from the owner), from the lead's creation, in three brackets; the other 8 %
 * of leads are never touched and cannot become SQLs. HBR's audit of 2,241 US companies (Oldroyd, McElheran and
 * Elkington, "The Short Life of Online Sales Leads", Harvard Business Review, March 2011) found 37 % answered a web
 * lead within an hour, 16 % within 1–24 hours, 24 % later and 23 % never (42 hours on average for those that
 * answered). The generated team has a CRM and a lead SLA, so it does better with the same shape: 45 % within the
 * hour, 30 % within the day, 17 % within two weeks, 8 % never; about a quarter miss a 24-hour SLA. `effect` is added
 * to the log-odds of MQL → SQL: HBR found leads answered within the hour nearly 7 times as likely to be qualified as
 * an hour later; the effect here is milder, since it moves winning, not a first conversation.
 */
const firstTouch = [
  { share: 0.45, fromHours: 2 / 60, toHours: 1, effect: 0.5 },
  { share: 0.3, fromHours: 1, toHours: 24, effect: 0 },
  { share: 0.17, fromHours: 24, toHours: 14 * 24, effect: -0.6 },
] as const;

const pages: readonly (readonly [string, PageKind])[] = [
  ['/product/storage', 'product'],
  ['/product/storage', 'product'],
  ['/product/backup', 'product'],
  ['/demo', 'demo'],
  ['/customers/acme-case-study', 'case_study'],
  ['/docs/getting-started', 'docs'],
  ['/docs/getting-started', 'docs'],
  ['/blog/scaling-storage', 'blog'],
  ['/blog/scaling-storage', 'blog'],
  ['/blog/data-silos', 'blog'],
  ['/careers', 'careers'],
  ['/contact', 'contact'],
  ['/', 'home'],
  ['/', 'home'],
];
const pricingPage = ['/pricing', 'pricing'] as const;

/** When an activity may happen, by where the lead stands then (a lead's funnel stages show in what it does). */
type Needs = 'any' | 'touched' | 'engaged' | 'sales' | 'opportunity';

/**
 * Everyday activities, drawn at random over a lead's life, but only where they fit the lead's stage: nobody clicks
 * through before becoming an MQL (an engaging activity is what makes one), sales e-mails and calls start with the
 * first touch, meetings and trials come with the stages they belong to, and once the deal is closed, won or lost,
 * the lead only reads (so what happens after an outcome does not tell how it ended).
 */
const everyday: readonly (readonly [Activity['type'], number, Needs, boolean?])[] = [
  ['email_opened', 16, 'any'],
  ['page_viewed', 20, 'any'],
  ['social_interaction', 3, 'any'],
  ['email_bounced', 1, 'any'],
  ['unsubscribed', 1, 'any'],
  ['email_sent', 14, 'touched'],
  ['call', 3, 'touched'],
  ['email_clicked', 6, 'engaged'],
  ['content_downloaded', 4, 'engaged'],
  ['webinar_registered', 3, 'engaged'],
  ['webinar_attended', 2, 'engaged'],
  ['event_attended', 1, 'engaged'],
  ['form_submitted', 3, 'engaged'],
  ['page_viewed', 3, 'engaged', true],
  ['email_replied', 2, 'sales'],
  ['meeting_booked', 1, 'sales'],
  ['trial_started', 1, 'sales'],
  ['product_usage', 3, 'sales'],
  ['meeting_held', 1, 'opportunity'],
];

/** The activity that makes a lead an MQL: something engaging (the B2B demo's rule). */
const mqlMarkers: readonly (readonly [Activity['type'], number, boolean?])[] = [
  ['form_submitted', 3],
  ['content_downloaded', 4],
  ['webinar_attended', 2],
  ['email_clicked', 3],
  ['page_viewed', 2, true],
];

// Where a lead stands at a time: 0 lead, 1 MQL, 2 SQL, 3 opportunity, 4 closed (won or lost).
const CLOSED = 4;

function allowed(needs: Needs, touched: boolean, level: number): boolean {
  switch (needs) {
    case 'any':
      return true;
    case 'touched':
      return touched;
    case 'engaged':
      return level >= 1 && level < CLOSED;
    case 'sales':
      return level >= 2 && level < CLOSED;
    case 'opportunity':
      return level === 3;
  }
}

/** The everyday activities allowed in one state, with their cumulative weights for drawing one. */
interface EverydayChoices {
  readonly entries: readonly (typeof everyday)[number][];
  readonly upTo: readonly number[];
  readonly total: number;
}

/** The choices of every state, indexed by `(touched ? CLOSED + 1 : 0) + level`: made once per call, not per activity. */
function everydayChoicesByState(): EverydayChoices[] {
  const byState: EverydayChoices[] = [];
  for (const touched of [false, true])
    for (let level = 0; level <= CLOSED; level++) {
      const entries = everyday.filter((entry) => allowed(entry[2], touched, level));
      const upTo: number[] = [];
      let total = 0;
      for (const entry of entries) upTo.push((total += entry[1]));
      byState.push({ entries, upTo, total });
    }
  return byState;
}

/** An activity to make: what, when, and how much it matters when the budget is short (lower first). */
interface Planned {
  readonly at: number;
  readonly type: Activity['type'];
  readonly priority: number;
  /** A page view of the pricing page. */
  readonly pricing: boolean;
  /** The first sales touch (an e-mail without a campaign, an outbound call). */
  readonly touch: boolean;
}

/** One shape for every planned activity (cheaper for the engine than optional fields). */
function plan(at: number, type: Activity['type'], priority: number, pricing = false, touch = false): Planned {
  return { at, type, priority, pricing, touch };
}

function weighted<T>(random: Random, items: readonly (readonly [T, ...unknown[]])[], weightIndex: number): T {
  let total = 0;
  for (const item of items) total += item[weightIndex] as number;
  let roll = random.next() * total;
  for (const item of items) {
    roll -= item[weightIndex] as number;
    if (roll < 0) return item[0];
  }
  return (items[items.length - 1] as readonly [T])[0];
}

/** A standard normal draw (Box–Muller). */
function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

const logit = (p: number): number => Math.log(p / (1 - p));
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

function makeActivity(random: Random, planned: Planned, index: number, leadId: string): Activity {
  const id = `${leadId}-a${index}`;
  const at = new Date(planned.at);
  const type = planned.type;
  switch (type) {
    case 'page_viewed': {
      const page = planned.pricing ? pricingPage : (pages[Math.floor(random.next() * pages.length)] as (typeof pages)[number]);
      return { type, id, at, url: page[0], pageKind: page[1] };
    }
    case 'email_sent':
      return planned.touch ? { type, id, at } : { type, id, at, campaign: random.pick(campaigns) };
    case 'email_opened':
    case 'email_replied':
      return { type, id, at, campaign: random.pick(campaigns) };
    case 'email_clicked':
      return { type, id, at, campaign: random.pick(campaigns), url: '/pricing?utm_source=email' };
    case 'email_bounced':
      return { type, id, at, bounce: random.chance(0.5) ? 'hard' : 'soft' };
    case 'unsubscribed':
      return { type, id, at, channel: 'email' };
    case 'form_submitted':
      return { type, id, at, formId: random.pick(['contact-us', 'newsletter', 'pricing-quote']) };
    case 'content_downloaded':
      return { type, id, at, contentId: random.pick(['storage-ebook', 'roi-calculator', 'security-whitepaper']) };
    case 'webinar_registered':
    case 'webinar_attended':
      return { type, id, at, webinarId: 'cloud-webinar-series' };
    case 'event_attended':
      return { type, id, at, name: 'Partner Summit' };
    case 'meeting_held':
      return { type, id, at, durationMinutes: random.int(15, 60) };
    case 'call':
      return {
        type,
        id,
        at,
        direction: planned.touch || random.chance(0.7) ? 'outbound' : 'inbound',
        durationSeconds: random.int(20, 1800),
        connected: random.chance(0.6),
      };
    case 'social_interaction':
      return { type, id, at, network: 'linkedin', action: random.pick(['like', 'comment', 'share']) };
    case 'product_usage':
      return { type, id, at, feature: random.pick(['upload', 'share', 'backup']), quantity: random.int(1, 50) };
    case 'other':
      return { type, id, at, name: 'Other' };
    default:
      return { type, id, at };
  }
}

/** A lead's way through the funnel, drawn in full before anything is observed (its times may lie after `asOf`). */
interface Journey {
  /** The first sales touch, or `NaN` when sales never touches the lead. */
  readonly touchMs: number;
  /** Entry times into MQL, SQL and opportunity, as far as the lead gets. */
  readonly entries: readonly number[];
  /** How it ends; `undefined` when it stalls, open for good. */
  readonly end: 'won' | 'lost' | undefined;
  /** When it ends (`NaN` when it does not). */
  readonly endMs: number;
}

function drawJourney(random: Random, createdMs: number, intent: number): Journey {
  let touchMs = Number.NaN;
  let speedEffect = 0;
  let cumulative = 0;
  const touchRoll = random.next();
  const touchSpread = random.next();
  for (const bracket of firstTouch) {
    cumulative += bracket.share;
    if (touchRoll < cumulative) {
      // Log-uniform within the bracket: as many answers in the first minutes as in the rest of the hour.
      touchMs = createdMs + Math.round(bracket.fromHours * (bracket.toHours / bracket.fromHours) ** touchSpread * HOUR);
      speedEffect = bracket.effect;
      break;
    }
  }
  // Hotter leads also move faster.
  const pace = Math.exp(PACE_SPREAD * normal(random) - 0.2 * intent);
  const entries: number[] = [];
  let at = createdMs;
  for (let stage = 0; stage < stagePlans.length; stage++) {
    const plan = stagePlans[stage] as StagePlan;
    const dwell = pace * plan.dwellDays * Math.exp(DWELL_SPREAD * normal(random)) * DAY;
    // Closing a lead lost is the rep giving up after a silence, whatever the lead's pace had been.
    const lostAfter = plan.lostAfterDays * Math.exp(DWELL_SPREAD * normal(random)) * DAY;
    const closesLost = random.chance(plan.closedLost);
    const slips = random.chance(SLIP_SHARE);
    const slipSpread = random.next();
    // Nobody becomes an SQL without a conversation with sales.
    const canAdvance = stage !== 1 || touchMs === touchMs;
    const advances = random.next() < sigmoid(logit(plan.advance) + intent + (stage === 1 ? speedEffect : 0));
    if (!canAdvance || !advances)
      return closesLost ? { touchMs, entries, end: 'lost', endMs: Math.round(at + lostAfter) } : { touchMs, entries, end: undefined, endMs: Number.NaN };
    at += dwell;
    // Deals slip: some opportunities wait weeks or months for a budget, a signature or a competitor's demo.
    if (stage === stagePlans.length - 1 && slips) at += SLIP_FROM_DAYS * (SLIP_TO_DAYS / SLIP_FROM_DAYS) ** slipSpread * DAY;
    if (stage === 1) at = Math.max(at, touchMs + HOUR);
    if (stage === stagePlans.length - 1) return { touchMs, entries, end: 'won', endMs: Math.round(at) };
    entries.push(Math.round(at));
  }
  return { touchMs, entries, end: undefined, endMs: Number.NaN };
}

/** Where a lead with this journey stands at a time: 0 lead, 1 MQL, 2 SQL, 3 opportunity, 4 closed. */
function levelAt(journey: Journey, at: number): number {
  if (journey.end !== undefined && at >= journey.endMs) return CLOSED;
  let level = 0;
  for (const entry of journey.entries) if (at >= entry) level++;
  return level;
}

/** A time drawn uniformly in `[from, to]`, in whole milliseconds. */
function between(random: Random, from: number, to: number): number {
  return from + Math.floor(random.next() * (to - from));
}

/**
 * The activities a journey leaves, up to `asOf`: the activity that marks each stage (an engaging one for MQL, a demo
 * request or a booked meeting for SQL, a meeting held for an opportunity), the first sales touch, and the buying
 * signals of leads that reach SQL: a deal that is won shows pricing-page views and a reply close to the decision,
 * one that is lost at most an early look at pricing before it goes quiet.
 */
function planJourney(random: Random, journey: Journey, intent: number, asOfMs: number): Planned[] {
  const planned: Planned[] = [];
  const [mqlMs, sqlMs, opportunityMs] = journey.entries;
  if (mqlMs !== undefined) {
    const marker = weighted(random, mqlMarkers, 1);
    planned.push(plan(mqlMs, marker, 0, marker === 'page_viewed'));
  }
  if (sqlMs !== undefined) planned.push(plan(sqlMs, random.chance(0.6) ? 'demo_requested' : 'meeting_booked', 1));
  if (opportunityMs !== undefined) planned.push(plan(opportunityMs, 'meeting_held', 2));
  if (journey.touchMs === journey.touchMs) planned.push(plan(journey.touchMs, random.chance(0.5) ? 'call' : 'email_sent', 3, false, true));
  if (sqlMs !== undefined) {
    if (journey.end === 'won') {
      const decision = journey.endMs;
      for (let view = random.int(0, 2); view > 0; view--)
        planned.push(plan(between(random, decision - (decision - sqlMs) / 2, decision), 'page_viewed', 4, true));
      planned.push(plan(between(random, sqlMs, decision), 'email_replied', 4));
    } else if (journey.end === 'lost') {
      for (let view = random.int(0, 1); view > 0; view--)
        planned.push(plan(between(random, sqlMs, sqlMs + 0.3 * (journey.endMs - sqlMs)), 'page_viewed', 4, true));
    } else if (random.chance(sigmoid(intent))) planned.push(plan(between(random, sqlMs, Math.max(sqlMs, asOfMs)), 'page_viewed', 4, true));
  } else if (mqlMs !== undefined && random.chance(0.5)) {
    // Price shoppers: MQLs that look at the pricing page and go no further.
    const until = journey.end === 'lost' ? mqlMs + (journey.endMs - mqlMs) / 2 : Math.max(mqlMs, asOfMs);
    for (let view = random.int(1, 2); view > 0; view--) planned.push(plan(between(random, mqlMs, until), 'page_viewed', 4, true));
  }
  return planned.filter((item) => item.at <= asOfMs);
}

/**
 * A lead made by {@link generateLeads}: unlike an imported lead, it always has a creation date, and its outcome (when
 * it has one) always has a date.
 */
export type GeneratedLead = Lead & { createdAt: Date; outcome?: Outcome & { at: Date } };

/**
 * Makes synthetic B2B leads that behave like a real funnel, deterministically from a seed. Each lead has a company
 * (industry, size, revenue in the country's currency, technologies), a contact (title with seniority, department and
 * decision role; some free e-mail addresses and students), a source, pain points, and a journey through lead → MQL
 * → SQL → opportunity → won that is drawn in full, then observed as of `asOf`: leads are created in the year before
 * it, and those created near it are still on their way (open, right-censored, as in any CRM).
 *
 * The figures it is calibrated on, and what 10,000 generated leads give (walked through the B2B funnel as the demo
 * does, `funnelReport` as of `asOf`):
 *
 * - **Conversion and cycle: the Olist marketing funnel** (8,000 MQLs who signed up on a landing page from June 2017
 *   to May 2018, 842 won; CC BY-NC-SA 4.0, on Kaggle). An Olist MQL is a sign-up, the moment a lead is created here,
 *   so lead → won is compared with Olist's MQL → won: 10.5 % won (8.6 % within 90 days); cycle p25 6, median 15,
 *   p75 55, p90 163 days. Generated: about 11 % won (10 % within 90 days), cycle p25 5, median 13 to 15, p75 52,
 *   p90 about 120 days (Olist's p90 is stretched by its 2017 sign-ups, which no deal closed before December 2017).
 *   Stage by stage, about 65 % of leads become MQLs, 50 % of MQLs SQLs, 67 % of SQLs opportunities and 51 % of
 *   opportunities are won; a lead that does not move on is closed lost after a few weeks of silence, or stalls open.
 *   The time in each stage is its own median (1.5, 2.5, 2 and 4 days) scaled by a pace drawn per lead with a wide
 *   spread, and a third of opportunities slip by one to fifteen months: Olist's long tail.
 * - **Conversion by source**: the sources with an Olist origin take its conversion relative to the 10.5 % overall
 *   (organic search 11.8 %, paid search and display 11.8 %, direct traffic 11.2 % for website forms, social 5.6 %,
 *   e-mail 3.0 % for newsletters, other 3.3 %); referrals and partners convert at about twice the average
 *   (Implisit's 2014 study of ~500 companies' Salesforce pipelines, reported by eMarketer in 2015: customer and
 *   employee referrals became deals at 3.63 % of leads, 2.3 times website leads), webinars and events a little
 *   above it, cold outreach at about 60 % of it and purchased lists at a quarter (our assumptions, below every
 *   inbound channel as in both sources). Generated: from about 3 % (purchased lists) to 21 % (referrals).
 * - **Speed to lead: HBR's 2011 audit** ("The Short Life of Online Sales Leads", Oldroyd, McElheran and Elkington:
 *   of 2,241 US companies, 37 % answered a web lead within an hour, 16 % within 1–24 hours, 24 % later, 23 %
 *   never). The generated team has a CRM and a lead SLA, so it does better with the same shape: the first sales
 *   touch (a call or an e-mail) comes within the hour for 45 % of leads, within the day for 30 %, within two weeks
 *   for 17 %, never for 8 %: a median of about an hour, and a quarter of leads miss a 24-hour SLA. Answered within
 *   the hour, a lead is more likely to become an SQL (HBR: nearly 7 times as likely to be qualified); never answered,
 *   it cannot.
 * - **Engagement that drives outcomes**: fit (target industry, company size, a decision maker; not a free e-mail)
 *   and intent move the odds of every step, and the activities show the journey: an engaging activity (a form, a
 *   download, a webinar, a pricing-page view, an e-mail click) when the lead becomes an MQL, a demo request or a
 *   booked meeting when it becomes an SQL, a meeting held when the opportunity opens. Won deals show pricing views
 *   and a reply close to the decision; lost ones at most an early look at pricing, then silence. Everyday
 *   activities (opens, page views, campaign e-mails…) fill the rest, only where they fit the lead's stage, so the
 *   stages can be read back from the activities, and nothing after an outcome tells how it ended.
 * - About one lead in fifteen is a textbook fit for the cloud-storage ICP of the product brief; once an MQL, and
 *   while its deal is open, it has viewed the pricing page in the 60 days before `asOf`.
 *
 * For tests, examples and benchmarks; it never reads the clock. The same options give the same leads.
 *
 * @example
 * ```ts
 * const leads = generateLeads({ seed: 42, count: 1000, asOf: new Date('2024-06-30T00:00:00Z') });
 * ```
 * @throws RangeError when `asOf` is not a valid instant, `count` is not a whole number of 0 or more, or
 * `activities` is not a range of whole numbers with `0 <= min <= max`.
 */
export function generateLeads(options: GenerateLeadsOptions): GeneratedLead[] {
  const asOfMs = instantMs(options.asOf, 'asOf');
  if (!Number.isSafeInteger(options.count) || options.count < 0) throw new RangeError(`count must be a whole number of 0 or more (got ${options.count})`);
  const minActivities = options.activities?.min ?? 0;
  const maxActivities = options.activities?.max ?? 12;
  if (!Number.isSafeInteger(minActivities) || !Number.isSafeInteger(maxActivities) || minActivities < 0 || minActivities > maxActivities)
    throw new RangeError(`activities must be whole numbers with 0 <= min <= max (got min ${minActivities}, max ${maxActivities})`);
  const random = createRandom(options.seed);
  const withOutcomes = options.outcomes ?? true;
  const prefix = options.idPrefix ?? 'lead-';
  const leads: GeneratedLead[] = [];
  const everydayChoices = everydayChoicesByState();

  for (let index = 0; index < options.count; index++) {
    const id = `${prefix}${index + 1}`;
    // About one lead in fifteen is a textbook fit for the cloud-storage ICP of the product brief.
    const ideal = random.chance(0.07);
    const industry = ideal ? random.pick(['technology', 'software'] as const) : weighted(random, industries, 1);
    const [country, currency] = (() => {
      const pick = weighted(
        random,
        countries.map((entry) => [entry, entry[2]] as const),
        1,
      );
      return ideal ? (['US', 'USD'] as const) : ([pick[0], pick[1]] as const);
    })();
    const employeeCount = ideal ? random.int(50, 200) : Math.round(Math.exp(random.next() * Math.log(20_000)));
    const revenuePerEmployee = random.int(60_000, 320_000);
    const revenueMajor = ideal ? random.int(10, 50) * 1_000_000 : employeeCount * revenuePerEmployee;
    const companyName = `${random.pick(nameStarts)} ${random.pick(nameEnds)}`;
    const domain = `${slug(companyName)}${index % 97}.com`;
    const drawnTitle = weighted(
      random,
      titles.map((entry) => [entry, entry.weight] as const),
      1,
    );
    const title = ideal ? (titles[random.chance(0.5) ? 0 : 3] as Title) : drawnTitle;
    const firstName = random.pick(firstNames);
    const lastName = random.pick(lastNames);
    const freeMail = title.seniority === 'student' || (!ideal && random.chance(0.08));
    const email = `${slug(firstName)}.${slug(lastName)}${freeMail ? index : ''}@${freeMail ? random.pick(freeMailDomains) : domain}`;
    const createdAtMs = asOfMs - random.int(1, 365) * DAY - random.int(0, DAY / 1000 - 1) * 1000;
    const techCount = random.int(0, 4);
    const techs = new Set<string>();
    for (let t = 0; t < techCount; t++) techs.add(random.pick(technologies));
    const drawnPainPoints = random.chance(0.55) ? [random.pick(painPoints), ...(random.chance(0.3) ? [random.pick(painPoints)] : [])] : undefined;
    const leadPainPoints = ideal
      ? ['lack of scalable storage', ...(drawnPainPoints ?? []).filter((pain) => pain !== 'lack of scalable storage')]
      : drawnPainPoints;
    const source = weighted(random, sources, 1);
    const sourceMultiple = (sources.find((entry) => entry[0] === source) as (typeof sources)[number])[2];

    const fitSignal =
      (industry === 'technology' || industry === 'software' ? 1 : 0) +
      (employeeCount >= 50 && employeeCount <= 2000 ? 1 : 0) +
      (title.role === 'decision_maker' || title.role === 'economic_buyer' ? 1 : 0) -
      (freeMail ? 1.5 : 0);
    // The average fit signal is about 0.75: an average lead has no shift.
    const intent = FIT_EFFECT * (fitSignal - 0.75) + SOURCE_EFFECT * Math.log(sourceMultiple) + INTENT_SPREAD * normal(random);
    const journey = drawJourney(random, createdAtMs, intent);

    const planned = planJourney(random, journey, intent, asOfMs);
    const mqlMs = journey.entries[0];
    // An ideal lead still in the funnel has looked at the pricing page in the last 60 days, once it is an MQL.
    const recentLook = Math.max(mqlMs ?? asOfMs, asOfMs - random.int(1, 60) * DAY);
    if (ideal && mqlMs !== undefined && mqlMs <= asOfMs && !(recentLook >= journey.endMs)) planned.push(plan(recentLook, 'page_viewed', 5, true));
    let kept = planned;
    let activityCount: number;
    if (planned.length <= maxActivities) activityCount = random.int(Math.max(minActivities, planned.length), maxActivities);
    else {
      activityCount = maxActivities;
      // Array sort is stable: equal priorities keep the journey's order.
      kept = [...planned].sort((a, b) => a.priority - b.priority).slice(0, maxActivities);
    }
    const all = kept;
    for (let extra = kept.length; extra < activityCount; extra++) {
      const at = between(random, createdAtMs, asOfMs);
      const choices = everydayChoices[(at >= journey.touchMs ? CLOSED + 1 : 0) + levelAt(journey, at)] as EverydayChoices;
      const roll = random.next() * choices.total;
      let pick = 0;
      while (pick < choices.upTo.length - 1 && roll >= (choices.upTo[pick] as number)) pick++;
      const entry = choices.entries[pick] as (typeof everyday)[number];
      all.push(plan(at, entry[0], 6, entry[3] === true));
    }
    // In time order; equal times keep the journey's order.
    all.sort((a, b) => a.at - b.at);
    const activities = all.map((item, position) => makeActivity(random, item, position, id));

    const closed = journey.end !== undefined && journey.endMs <= asOfMs;
    const amountMinor = random.int(50, 900) * 10_000;
    const lostReason =
      journey.entries.length >= 2 ? random.pick(['no budget', 'chose a competitor', 'no decision']) : random.pick(['no response', 'bad timing', 'no budget']);
    const lead: GeneratedLead = {
      id,
      contact: {
        firstName,
        lastName,
        email,
        phone: `+1 555 ${String(random.int(100, 999))} ${String(random.int(1000, 9999))}`,
        jobTitle: title.title,
        seniority: title.seniority,
        department: title.department,
        ...(title.role === undefined ? {} : { decisionRole: title.role }),
      },
      company: {
        name: companyName,
        domain,
        industry,
        employeeCount,
        annualRevenue: { amountMinor: revenueMajor * 100, currency },
        country,
        ...(regions[country] === undefined ? {} : { region: random.pick(regions[country] as readonly string[]) }),
        technologies: [...techs],
      },
      source,
      ...(random.chance(0.4) ? { campaign: random.pick(campaigns) } : {}),
      createdAt: new Date(createdAtMs),
      lastVerifiedAt: new Date(between(random, createdAtMs, asOfMs)),
      ownerId: `rep-${random.int(1, 8)}`,
      activities,
      ...(leadPainPoints === undefined ? {} : { painPoints: leadPainPoints }),
      ...(random.chance(0.1) ? { consent: { emailOptOut: true } } : {}),
    };
    if (withOutcomes && closed)
      lead.outcome =
        journey.end === 'won'
          ? { status: 'won', at: new Date(journey.endMs), amount: { amountMinor, currency: 'USD' } }
          : { status: 'lost', at: new Date(journey.endMs), reason: lostReason };
    leads.push(lead);
  }
  return leads;
}
