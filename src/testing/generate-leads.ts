import { createRandom, type Random } from '../internal/random.ts';
import type { Activity, PageKind } from '../models/activity.ts';
import type { Seniority, Department, DecisionRole } from '../models/contact.ts';
import type { Lead } from '../models/lead.ts';
import type { LeadSource } from '../models/lead-source.ts';

/** Options of {@link generateLeads}. */
export interface GenerateLeadsOptions {
  /** Seed of the pseudo-random generator: the same seed gives the same leads. */
  readonly seed: number;
  /** How many leads to make. */
  readonly count: number;
  /** The "now" of the data set: leads are created in the year before it, activities never after it. */
  readonly asOf: Date;
  /** How many activities each lead gets (uniformly in `[min, max]`); default `{ min: 0, max: 12 }`. */
  readonly activities?: { readonly min: number; readonly max: number };
  /** Whether older leads get a won/lost `outcome` (default `true`). */
  readonly outcomes?: boolean;
  /** Prefix of the lead ids (default `lead-`). */
  readonly idPrefix?: string;
}

const DAY = 86_400_000;

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

const sources: readonly (readonly [LeadSource, number])[] = [
  ['website_form', 18],
  ['content_download', 14],
  ['newsletter', 6],
  ['webinar', 8],
  ['event', 6],
  ['referral', 7],
  ['partner', 5],
  ['social', 5],
  ['paid_ads', 9],
  ['organic_search', 10],
  ['cold_email', 5],
  ['cold_call', 3],
  ['purchased_list', 3],
  ['other', 1],
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

const firstNames = ['Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Frances', 'John', 'Radia', 'Tim', 'Hedy', 'Vint', 'Katherine', 'Guido', 'Sophie', 'Yukihiro', 'Anita', 'Bjarne', 'Lucía', 'Chen', 'Priya', 'Kwame', 'Ingrid', 'Mateus'];
const lastNames = ['Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov', 'Ritchie', 'Allen', 'McCarthy', 'Perlman', 'Berners-Lee', 'Lamarr', 'Cerf', 'Johnson', 'van Rossum', 'Wilson', 'Matsumoto', 'Borg', 'Stroustrup', 'García', 'Wei', 'Sharma', 'Mensah', 'Larsen', 'Souza'];
const nameStarts = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell', 'Cyberdyne', 'Wonka', 'Oscorp', 'Aperture', 'Black Mesa', 'Blue Sun', 'Monarch', 'Nakatomi', 'Pied Piper', 'Virtucon', 'Massive', 'Dunder', 'Prestige', 'Gringotts', 'Sirius', 'Axiom', 'Northwind', 'Contoso', 'Fabrikam', 'Tailspin'];
const nameEnds = ['Systems', 'Labs', 'Industries', 'Group', 'Holdings', 'Analytics', 'Cloud', 'Logistics', 'Health', 'Partners', 'Works', 'Digital', 'Networks', 'Capital', 'Foods'];
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

const activityWeights: readonly (readonly [Activity['type'], number])[] = [
  ['email_sent', 18],
  ['email_opened', 16],
  ['email_clicked', 8],
  ['email_replied', 2],
  ['email_bounced', 1],
  ['unsubscribed', 1],
  ['page_viewed', 22],
  ['form_submitted', 4],
  ['content_downloaded', 5],
  ['webinar_registered', 3],
  ['webinar_attended', 2],
  ['event_attended', 1],
  ['demo_requested', 2],
  ['meeting_booked', 2],
  ['meeting_held', 1],
  ['call', 3],
  ['social_interaction', 3],
  ['trial_started', 1],
  ['product_usage', 3],
];

const pages: readonly (readonly [string, PageKind, number])[] = [
  ['/pricing', 'pricing', 4],
  ['/product/storage', 'product', 5],
  ['/product/backup', 'product', 3],
  ['/demo', 'demo', 1],
  ['/customers/acme-case-study', 'case_study', 2],
  ['/docs/getting-started', 'docs', 3],
  ['/blog/scaling-storage', 'blog', 5],
  ['/blog/data-silos', 'blog', 3],
  ['/careers', 'careers', 1],
  ['/contact', 'contact', 1],
  ['/', 'home', 4],
];

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

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

function makeActivity(random: Random, type: Activity['type'], at: Date, index: number, leadId: string): Activity {
  const id = `${leadId}-a${index}`;
  switch (type) {
    case 'page_viewed': {
      const page = pages[Math.floor(random.next() * pages.length)] as (typeof pages)[number];
      return { type, id, at, url: page[0], pageKind: page[1] };
    }
    case 'email_sent':
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
      return { type, id, at, direction: random.chance(0.7) ? 'outbound' : 'inbound', durationSeconds: random.int(20, 1800), connected: random.chance(0.6) };
    case 'social_interaction':
      return { type, id, at, network: 'linkedin', action: random.pick(['like', 'comment', 'share']) };
    case 'product_usage':
      return { type, id, at, feature: random.pick(['upload', 'share', 'backup']), quantity: random.int(1, 50) };
    default:
      return { type, id, at };
  }
}

/**
 * Makes realistic synthetic B2B leads, deterministically from a seed: companies (industry, size, revenue in the
 * country's currency, technologies), contacts (titles with seniority, department and decision role; some free
 * e-mail addresses and students), sources, pain points, activities between creation and `asOf`, and, for leads older
 * than 45 days, a won or lost outcome whose odds follow fit and engagement (so predictive models have a signal).
 * For tests, examples and benchmarks; it never reads the clock.
 *
 * @example
 * ```ts
 * const leads = generateLeads({ seed: 42, count: 1000, asOf: new Date('2024-06-30T00:00:00Z') });
 * ```
 */
export function generateLeads(options: GenerateLeadsOptions): Lead[] {
  const random = createRandom(options.seed);
  const asOfMs = options.asOf.getTime();
  const minActivities = options.activities?.min ?? 0;
  const maxActivities = options.activities?.max ?? 12;
  const withOutcomes = options.outcomes ?? true;
  const prefix = options.idPrefix ?? 'lead-';
  const leads: Lead[] = [];

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
    const leadPainPoints = ideal ? ['lack of scalable storage', ...(drawnPainPoints ?? []).filter((pain) => pain !== 'lack of scalable storage')] : drawnPainPoints;

    const activityCount = random.int(minActivities, maxActivities);
    // An ideal lead has looked at the pricing page in the last 60 days (one of its activities, within the budget).
    const pricingViewAt = ideal && maxActivities > 0 ? Math.max(createdAtMs, asOfMs - random.int(1, 60) * DAY) : undefined;
    const activityTimes: number[] = [];
    if (pricingViewAt !== undefined) activityTimes.push(pricingViewAt);
    for (let a = activityTimes.length; a < Math.max(activityCount, activityTimes.length); a++) activityTimes.push(createdAtMs + Math.floor(random.next() * (asOfMs - createdAtMs)));
    activityTimes.sort((a, b) => a - b);
    const activities: Activity[] = activityTimes.map((at, a) =>
      at === pricingViewAt
        ? { type: 'page_viewed', id: `${id}-a${a}`, at: new Date(at), url: '/pricing', pageKind: 'pricing' }
        : makeActivity(random, weighted(random, activityWeights, 1), new Date(at), a, id),
    );

    const fitSignal =
      (industry === 'technology' || industry === 'software' ? 1 : 0) +
      (employeeCount >= 50 && employeeCount <= 2000 ? 1 : 0) +
      (title.role === 'decision_maker' || title.role === 'economic_buyer' ? 1 : 0) -
      (freeMail ? 1.5 : 0);
    // The outcome depends only on what happened before the deal closed: no leakage from later activity.
    const closeMs = Math.min(asOfMs, createdAtMs + random.int(14, 120) * DAY);
    let engagementSignal = 0;
    for (const activity of activities) {
      if (activity.at.getTime() > closeMs) break;
      if (activity.type === 'demo_requested' || activity.type === 'meeting_held') engagementSignal += 1.2;
      else if (activity.type === 'page_viewed' && activity.pageKind === 'pricing') engagementSignal += 0.5;
      else if (activity.type === 'email_replied' || activity.type === 'webinar_attended') engagementSignal += 0.4;
    }

    const lead: Lead = {
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
      source: weighted(random, sources, 1),
      ...(random.chance(0.4) ? { campaign: random.pick(campaigns) } : {}),
      createdAt: new Date(createdAtMs),
      lastVerifiedAt: new Date(createdAtMs + Math.floor(random.next() * (asOfMs - createdAtMs))),
      ownerId: `rep-${random.int(1, 8)}`,
      activities,
      ...(leadPainPoints === undefined ? {} : { painPoints: leadPainPoints }),
      ...(random.chance(0.1) ? { consent: { emailOptOut: true } } : {}),
    };

    if (withOutcomes && asOfMs - createdAtMs > 45 * DAY && random.chance(0.75)) {
      const logit = -2.2 + 0.9 * fitSignal + 0.8 * Math.min(engagementSignal, 4) + (random.next() - 0.5);
      const won = random.next() < 1 / (1 + Math.exp(-logit));
      lead.outcome = won
        ? { status: 'won', at: new Date(closeMs), amount: { amountMinor: random.int(50, 900) * 10_000, currency: 'USD' } }
        : { status: 'lost', at: new Date(closeMs), reason: random.pick(['no budget', 'chose a competitor', 'no decision', 'bad timing']) };
    }
    leads.push(lead);
  }
  return leads;
}
