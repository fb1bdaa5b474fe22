import { describe, expect, it } from 'vitest';
import type { Lead } from '../models/lead.ts';
import { emailDomainOf, leadFieldCode, leadFieldGetter, readLeadField } from './lead-fields.ts';

const full = {
  id: 'lead-9',
  contact: {
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@GMAIL.com',
    phone: '+44 20 7946 0000',
    jobTitle: 'CTO',
    seniority: 'c_level',
    department: 'engineering',
    decisionRole: 'decision_maker',
  },
  company: {
    name: 'Analytical',
    domain: 'analytical.example',
    industry: 'software',
    employeeCount: 40,
    annualRevenue: { amountMinor: 100, currency: 'GBP' },
    country: 'GB',
    region: 'England',
    city: 'London',
    technologies: ['aws'],
    tags: ['vip'],
  },
  source: 'referral',
  campaign: 'spring',
  ownerId: 'owner-1',
  painPoints: ['reporting'],
  createdAt: new Date('2024-01-01T00:00:00Z'),
  activities: [],
} as unknown as Lead;

const read = (path: string, lead: Lead) => readLeadField(leadFieldCode(path), lead);

const BUILT_IN = [
  'company.name',
  'company.domain',
  'company.industry',
  'company.employeeCount',
  'company.country',
  'company.region',
  'company.city',
  'company.technologies',
  'company.tags',
  'contact.jobTitle',
  'contact.seniority',
  'contact.department',
  'contact.decisionRole',
  'contact.email',
  'contact.phone',
  'source',
  'campaign',
  'ownerId',
  'painPoints',
  'company.annualRevenue',
  'contact.emailDomain',
  'contact.emailKind',
  'contact.firstName',
  'contact.lastName',
  'id',
];

describe('readLeadField', () => {
  it('reads every built-in field by its code', () => {
    expect(Object.fromEntries(BUILT_IN.map((path) => [path, read(path, full)]))).toEqual({
      'company.name': 'Analytical',
      'company.domain': 'analytical.example',
      'company.industry': 'software',
      'company.employeeCount': 40,
      'company.country': 'GB',
      'company.region': 'England',
      'company.city': 'London',
      'company.technologies': ['aws'],
      'company.tags': ['vip'],
      'contact.jobTitle': 'CTO',
      'contact.seniority': 'c_level',
      'contact.department': 'engineering',
      'contact.decisionRole': 'decision_maker',
      'contact.email': 'ada@GMAIL.com',
      'contact.phone': '+44 20 7946 0000',
      source: 'referral',
      campaign: 'spring',
      ownerId: 'owner-1',
      painPoints: ['reporting'],
      'company.annualRevenue': { amountMinor: 100, currency: 'GBP' },
      'contact.emailDomain': 'gmail.com',
      'contact.emailKind': 'free',
      'contact.firstName': 'Ada',
      'contact.lastName': 'Lovelace',
      id: 'lead-9',
    });
    // One code per field, 1 to 25.
    expect(BUILT_IN.map(leadFieldCode).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
  });

  it('reads nothing from a lead without a company, and nothing for code 0', () => {
    const bare = { id: 'b', contact: {}, source: 'other', createdAt: new Date('2024-01-01T00:00:00Z'), activities: [] } as unknown as Lead;
    for (const path of BUILT_IN.filter((name) => name.startsWith('company.'))) expect(read(path, bare), path).toBeUndefined();
    // A contact without its fields reads nothing either.
    for (const path of BUILT_IN.filter((name) => name.startsWith('contact.'))) expect(read(path, bare), path).toBeUndefined();
    expect(leadFieldCode('customFields.x')).toBe(0);
    expect(leadFieldCode('toString')).toBe(0);
    expect(readLeadField(0, full)).toBeUndefined();
  });

  it('has no e-mail domain or kind for an address without @ or with nothing after it', () => {
    expect(emailDomainOf('nobody')).toBeUndefined();
    expect(emailDomainOf('a@b@Example.ORG')).toBe('example.org');
    expect(emailDomainOf('@Acme.com')).toBe('acme.com');
    expect(emailDomainOf(undefined)).toBeUndefined();
    const noAt = { ...full, contact: { email: 'nobody' } } as Lead;
    expect(read('contact.emailDomain', noAt)).toBeUndefined();
    expect(read('contact.emailKind', noAt)).toBeUndefined();
    const trailing = { ...full, contact: { email: 'ada@' } } as Lead;
    expect(read('contact.emailDomain', trailing)).toBe('');
    expect(read('contact.emailKind', trailing)).toBeUndefined();
  });
});

describe('leadFieldGetter', () => {
  it('reads built-in fields through the field table', () => {
    expect(leadFieldGetter('company.city')(full)).toBe('London');
    expect(leadFieldGetter('contact.emailKind')({ ...full, contact: { email: 'ops@acme.example' } } as Lead)).toBe('business');
  });

  it('reads a custom field by the rest of the path, dots included, as an own property only', () => {
    const lead = { ...full, customFields: { 'plan.tier': 'pro', plan: 'basic', zero: 0 } } as Lead;
    expect(leadFieldGetter('customFields.plan.tier')(lead)).toBe('pro');
    expect(leadFieldGetter('customFields.plan')(lead)).toBe('basic');
    expect(leadFieldGetter('customFields.zero')(lead)).toBe(0);
    expect(leadFieldGetter('customFields.missing')(lead)).toBeUndefined();
    expect(leadFieldGetter('customFields.toString')(lead)).toBeUndefined();
    expect(leadFieldGetter('customFields.plan')(full)).toBeUndefined();
    expect(leadFieldGetter('customFields.plan')({ ...full, customFields: null } as unknown as Lead)).toBeUndefined();
  });

  it("walks other paths (an extended lead's fields) through own properties, never a prototype", () => {
    const lead = { ...full, company: { ...full.company, tier: { level: 2 } }, accountTier: 'gold' } as unknown as Lead;
    expect(leadFieldGetter('accountTier')(lead)).toBe('gold');
    expect(leadFieldGetter('company.tier.level')(lead)).toBe(2);
    expect(leadFieldGetter('company.tier.missing')(lead)).toBeUndefined();
    // Through a value that is not an object, or null, or an inherited member: nothing.
    expect(leadFieldGetter('accountTier.length')(lead)).toBeUndefined();
    expect(leadFieldGetter('company.tier.level.x')(lead)).toBeUndefined();
    expect(leadFieldGetter('nothing.here')({ ...full, nothing: null } as unknown as Lead)).toBeUndefined();
    expect(leadFieldGetter('company.constructor')(lead)).toBeUndefined();
    expect(leadFieldGetter('contact.toString')(lead)).toBeUndefined();
  });
});
