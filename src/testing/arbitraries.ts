import fc from 'fast-check';
import { ActivityType, PageKind, type Activity } from '../models/activity.ts';
import type { Company } from '../models/company.ts';
import { GdprBasis, type Consent } from '../models/consent.ts';
import { DecisionRole, Department, Seniority, type Contact } from '../models/contact.ts';
import type { Lead } from '../models/lead.ts';
import { LeadSource } from '../models/lead-source.ts';
import type { Money } from '../models/money.ts';
import type { Outcome } from '../models/outcome.ts';
import type { StageChange } from '../models/stage-change.ts';

/** Options shared by the arbitraries that make dates. */
export interface ArbitraryDateRange {
  /** Earliest date (default 2000-01-01T00:00:00Z). */
  readonly min?: Date;
  /** Latest date (default 2099-12-31T23:59:59.999Z). */
  readonly max?: Date;
}

const defaultMin = new Date('2000-01-01T00:00:00.000Z');
const defaultMax = new Date('2099-12-31T23:59:59.999Z');

/** Valid dates within a range (never an invalid `Date`). */
export function arbitraryDate(range: ArbitraryDateRange = {}): fc.Arbitrary<Date> {
  return fc.date({ min: range.min ?? defaultMin, max: range.max ?? defaultMax, noInvalidDate: true });
}

const word = fc.constantFrom('acme', 'globex', 'initech', 'hooli', 'umbrella', 'stark', 'wonka', 'tyrell', 'contoso', 'northwind');
const name = fc.constantFrom('Ada', 'Grace', 'Linus', 'Margaret', 'Ken', 'Radia', 'Tim', 'Hedy', 'Lucía', 'Chen', "O'Brien", 'van Rossum');
const industry = fc.constantFrom('software', 'technology', 'financial-services', 'healthcare', 'manufacturing', 'retail', 'education');
const country = fc.constantFrom('US', 'GB', 'DE', 'FR', 'BR', 'IN', 'JP', 'CA', 'AU');
const currency = fc.constantFrom('USD', 'EUR', 'GBP', 'JPY', 'BRL', 'KWD');
const text = fc.string({ minLength: 1, maxLength: 30 });

/** Valid {@link Money} values (integer minor units). */
export function arbitraryMoney(): fc.Arbitrary<Money> {
  return fc.record({ amountMinor: fc.integer({ min: 0, max: 10 ** 13 }), currency });
}

/** Valid {@link Company} values, with any subset of the optional fields. */
export function arbitraryCompany(): fc.Arbitrary<Company> {
  return fc.record(
    {
      name: fc.oneof(word, text),
      domain: word.map((w) => `${w}.com`),
      industry,
      employeeCount: fc.integer({ min: 0, max: 500_000 }),
      annualRevenue: arbitraryMoney(),
      country,
      region: fc.constantFrom('CA', 'NY', 'Bavaria', 'England'),
      city: fc.constantFrom('Austin', 'Berlin', 'São Paulo', 'Tokyo'),
      technologies: fc.uniqueArray(fc.constantFrom('aws', 'gcp', 'azure', 'salesforce', 'hubspot', 'snowflake'), { maxLength: 4 }),
      tags: fc.array(word, { maxLength: 3 }),
    },
    { requiredKeys: ['name'] },
  );
}

/** Valid {@link Contact} values, with any subset of the optional fields. */
export function arbitraryContact(): fc.Arbitrary<Contact> {
  return fc.record(
    {
      firstName: name,
      lastName: name,
      email: fc.tuple(name, word, fc.nat(999)).map(([n, w, i]) => `${n.toLowerCase().replace(/[^a-z]/g, '') || 'x'}${i}@${w}.com`),
      phone: fc.integer({ min: 1_000_000, max: 999_999_999 }).map((n) => `+1 ${n}`),
      jobTitle: fc.constantFrom('CTO', 'IT Director', 'VP Sales', 'Engineer', 'Student'),
      seniority: fc.constantFrom(...Seniority.options),
      department: fc.constantFrom(...Department.options),
      decisionRole: fc.constantFrom(...DecisionRole.options),
    },
    { requiredKeys: [] },
  );
}

/** Valid {@link Activity} values of every type, dated within `range`. */
export function arbitraryActivity(range: ArbitraryDateRange = {}): fc.Arbitrary<Activity> {
  const at = arbitraryDate(range);
  const id = fc.option(
    word.map((w) => `act-${w}`),
    { nil: undefined },
  );
  return fc
    .tuple(fc.constantFrom(...ActivityType.options), at, id, fc.constantFrom(...PageKind.options), fc.nat(3600))
    .map(([type, date, activityId, pageKind, n]): Activity => {
      const base = { at: date, ...(activityId === undefined ? {} : { id: activityId }) };
      switch (type) {
        case 'page_viewed':
          return { type, ...base, url: `/${pageKind}`, pageKind };
        case 'email_bounced':
          return { type, ...base, bounce: n % 2 === 0 ? 'hard' : 'soft' };
        case 'call':
          return { type, ...base, direction: n % 2 === 0 ? 'inbound' : 'outbound', durationSeconds: n };
        case 'meeting_held':
          return { type, ...base, durationMinutes: n % 90 };
        case 'product_usage':
          return { type, ...base, feature: 'upload', quantity: n };
        case 'other':
          return { type, ...base, name: n % 2 === 0 ? 'Chat' : 'LinkedIn InMail' };
        default:
          return { type, ...base } as Activity;
      }
    });
}

/** Valid {@link Outcome} values. */
export function arbitraryOutcome(range: ArbitraryDateRange = {}): fc.Arbitrary<Outcome> {
  return fc.record(
    { status: fc.constantFrom('won', 'lost'), at: arbitraryDate(range), amount: arbitraryMoney(), reason: text },
    { requiredKeys: ['status', 'at'] },
  ) as fc.Arbitrary<Outcome>;
}

/** Valid {@link Consent} values. */
export function arbitraryConsent(range: ArbitraryDateRange = {}): fc.Arbitrary<Consent> {
  return fc.record(
    { emailOptOut: fc.boolean(), doNotCall: fc.boolean(), gdprBasis: fc.constantFrom(...GdprBasis.options), consentedAt: arbitraryDate(range) },
    { requiredKeys: [] },
  );
}

/** Valid {@link StageChange} values (a single entry; not a consistent history). */
export function arbitraryStageChange(range: ArbitraryDateRange = {}): fc.Arbitrary<StageChange> {
  const stage = fc.constantFrom('lead', 'mql', 'sql', 'opportunity', 'customer', 'lost');
  return fc.record(
    {
      from: fc.option(stage, { nil: null }),
      to: stage,
      event: fc.constantFrom('qualify', 'promote', 'recycle'),
      at: arbitraryDate(range),
      by: word,
      reason: text,
    },
    { requiredKeys: ['from', 'to', 'event', 'at'] },
  );
}

/** Options of {@link arbitraryLead}. */
export interface ArbitraryLeadOptions extends ArbitraryDateRange {
  /** The most activities a lead gets (default 10). */
  readonly maxActivities?: number;
}

/**
 * Valid {@link Lead} values: every optional part may be present or absent, activities are dated within the range.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 *
 * fc.assert(fc.property(arbitraryLead(), (lead) => parseLead(leadToJson(lead)).ok));
 * ```
 */
export function arbitraryLead(options: ArbitraryLeadOptions = {}): fc.Arbitrary<Lead> {
  return fc
    .record(
      {
        id: fc.uuid(),
        contact: arbitraryContact(),
        company: arbitraryCompany(),
        source: fc.constantFrom(...LeadSource.options),
        sourceDetail: word,
        campaign: word,
        createdAt: arbitraryDate(options),
        updatedAt: arbitraryDate(options),
        lastVerifiedAt: arbitraryDate(options),
        ownerId: word.map((w) => `rep-${w}`),
        stage: fc.constantFrom('lead', 'mql', 'sql'),
        stageHistory: fc.array(arbitraryStageChange(options), { maxLength: 4 }),
        activities: fc.array(arbitraryActivity(options), { maxLength: options.maxActivities ?? 10 }),
        painPoints: fc.array(fc.constantFrom('lack of scalable storage', 'slow reporting', 'data silos'), { maxLength: 2 }),
        consent: arbitraryConsent(options),
        outcome: arbitraryOutcome(options),
        customFields: fc.dictionary(word, fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null))),
      },
      { requiredKeys: ['id', 'contact', 'source', 'createdAt', 'activities'] },
    )
    .map((lead) => lead as Lead);
}
