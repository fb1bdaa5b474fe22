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

describe('readLeadField', () => {
  it('reads every built-in field by its code', () => {
    expect(
      Object.fromEntries(
        [
          'company.name',
          'company.domain',
          'company.region',
          'company.city',
          'company.tags',
          'contact.email',
          'contact.phone',
          'contact.firstName',
          'contact.lastName',
          'campaign',
          'ownerId',
          'painPoints',
          'id',
          'contact.emailDomain',
          'contact.emailKind',
        ].map((path) => [path, read(path, full)]),
      ),
    ).toEqual({
      'company.name': 'Analytical',
      'company.domain': 'analytical.example',
      'company.region': 'England',
      'company.city': 'London',
      'company.tags': ['vip'],
      'contact.email': 'ada@GMAIL.com',
      'contact.phone': '+44 20 7946 0000',
      'contact.firstName': 'Ada',
      'contact.lastName': 'Lovelace',
      campaign: 'spring',
      ownerId: 'owner-1',
      painPoints: ['reporting'],
      id: 'lead-9',
      'contact.emailDomain': 'gmail.com',
      'contact.emailKind': 'free',
    });
  });

  it('reads nothing from a lead without a company, and nothing for code 0', () => {
    const bare = { id: 'b', contact: {}, source: 'other', createdAt: new Date('2024-01-01T00:00:00Z'), activities: [] } as unknown as Lead;
    for (const path of ['company.name', 'company.domain', 'company.region', 'company.city', 'company.tags', 'company.annualRevenue'])
      expect(read(path, bare), path).toBeUndefined();
    expect(leadFieldCode('customFields.x')).toBe(0);
    expect(leadFieldCode('toString')).toBe(0);
    expect(readLeadField(0, full)).toBeUndefined();
  });

  it('has no e-mail domain or kind for an address without @ or with nothing after it', () => {
    expect(emailDomainOf('nobody')).toBeUndefined();
    expect(emailDomainOf('a@b@Example.ORG')).toBe('example.org');
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
});
