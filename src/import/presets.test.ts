import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hubspotLifecycleFunnel, salesforceLeadStatusFunnel, salesforceOpportunityFunnel } from '../funnel/index.ts';
import { funnelReport } from '../metrics/index.ts';
import type { Lead } from '../models/index.ts';
import { collectImport, importRecords } from './import-records.ts';
import { hubspotCompanies, hubspotContacts } from './presets/hubspot.ts';
import { salesforceLeads, salesforceOpportunities } from './presets/salesforce.ts';
import { importCsv, readCsv } from './read-csv.ts';
import { readStageHistory } from './read-stage-history.ts';

const fixture = (path: string): string => readFileSync(new URL(`../../examples/data/${path}`, import.meta.url), 'utf8');
const asOf = new Date('2024-05-15T00:00:00Z');

async function csvRecords(text: string): Promise<Record<string, string>[]> {
  const records: Record<string, string>[] = [];
  let header: string[] | undefined;
  for await (const cells of readCsv(text)) {
    if (header === undefined) header = cells;
    else records.push(Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])));
  }
  return records;
}

describe('hubspotContacts', () => {
  const mapping = hubspotContacts({ timeZone: 'America/New_York', currency: 'USD' });

  it('imports the export CSV by its labels: stage, history from the "Became a … Date" columns, source, activities', async () => {
    const { leads, rejected, summary } = await collectImport(importCsv(mapping, fixture('hubspot/contacts-export.csv')));
    expect(summary).toMatchObject({ rowsRead: 10, imported: 7, rejected: 3 });
    expect(rejected.map((row) => row.row)).toEqual([2, 8, 9]);
    const ada = leads.find((lead) => lead.id === '1501') as Lead;
    expect(ada).toMatchObject({
      contact: { firstName: 'Ada', email: 'ada@northwind-cloud.com', seniority: 'c_level' },
      company: {
        name: 'Northwind Cloud',
        domain: 'northwind-cloud.com',
        industry: 'computer-software',
        country: 'US',
        annualRevenue: { amountMinor: 2_500_000_000, currency: 'USD' },
      },
      stage: 'customer',
      source: 'organic_search',
      sourceDetail: 'Organic Search',
      campaign: 'google',
      customFields: { 'Favorite Color': 'Blue', hs_lead_status: 'OPEN_DEAL' },
    });
    // 2024-01-08 09:12 in New York (EST, -05:00).
    expect(ada.createdAt?.toISOString()).toBe('2024-01-08T14:12:00.000Z');
    expect(ada.stageHistory?.map((entry) => `${entry.event}@${entry.at.toISOString().slice(0, 10)}`)).toEqual([
      'set_lead@2024-01-08',
      'set_marketingqualifiedlead@2024-01-20',
      'set_salesqualifiedlead@2024-02-02',
      'set_opportunity@2024-02-15',
      'set_customer@2024-04-30',
    ]);
    const views = ada.activities.filter((activity) => activity.type === 'page_viewed');
    // 42 page views, at most 10 events (the default maxEvents), the first and the last at HubSpot's first and last seen.
    expect(views).toHaveLength(10);
    expect(views[9]).toMatchObject({ url: '/pricing', metadata: { approximated: true, count: 42 } });
    expect(views[0]?.at.toISOString()).toBe('2024-01-05T13:00:00.000Z');
    expect(ada.activities.filter((activity) => activity.type === 'form_submitted')).toHaveLength(3);
    const student = leads.find((lead) => lead.id === '1506') as Lead;
    expect(student).toMatchObject({
      stage: 'subscriber',
      source: 'other',
      sourceDetail: 'Direct Traffic',
      consent: { emailOptOut: true },
      contact: { seniority: 'student' },
    });
    expect(student.company).toBeUndefined();
  });

  it('runs funnelReport on hubspotLifecycleFunnel with no invented events', async () => {
    const { leads } = await collectImport(importCsv(mapping, fixture('hubspot/contacts-export.csv')));
    const report = funnelReport(leads, { funnel: hubspotLifecycleFunnel, asOf });
    const entered = Object.fromEntries(report.overall.stages.map((stage) => [stage.id, stage.entered]));
    expect(entered).toMatchObject({ subscriber: 1, lead: 5, marketingqualifiedlead: 3, salesqualifiedlead: 2, opportunity: 1, customer: 1 });
    expect(report.overall.won).toBe(1);
    expect(report.dataIssues.recordsWithoutDate).toBe(0);
  });

  it('imports the CRM API properties with the same mapping, ISO dates with Z', async () => {
    const api = JSON.parse(fixture('hubspot/contacts-api.json')) as { properties: Record<string, unknown> }[];
    const { leads, rejected } = await collectImport(
      importRecords(
        mapping,
        api.map((contact) => contact.properties),
      ),
    );
    expect(rejected).toEqual([]);
    expect(leads[0]).toMatchObject({
      id: '2601',
      stage: 'salesqualifiedlead',
      source: 'organic_search',
      contact: { seniority: 'director' },
      company: { domain: 'wingtip.space', industry: 'computer-software' },
    });
    expect(leads[0]?.createdAt?.toISOString()).toBe('2024-03-01T14:05:22.113Z');
    expect(leads[1]).toMatchObject({
      source: 'other',
      sourceDetail: 'AI_REFERRALS',
      consent: { emailOptOut: true },
      contact: { seniority: 'owner' },
      company: { country: 'GB' },
    });
  });

  it('imports companies as leads with an empty contact', async () => {
    const { leads } = await collectImport(
      importRecords(hubspotCompanies(), [{ hs_object_id: '9', name: 'Acme', domain: 'acme.com', lifecyclestage: 'lead', createdate: '2024-01-01T00:00:00Z' }]),
    );
    expect(leads[0]).toMatchObject({ id: '9', contact: {}, company: { name: 'Acme', domain: 'acme.com' }, stage: 'lead', source: 'other' });
  });
});

describe('Salesforce presets', () => {
  it('imports leads from a Data Loader CSV with their status history from LeadHistory', async () => {
    const mapping = salesforceLeads();
    const history = await readStageHistory(mapping, await csvRecords(fixture('salesforce/lead-history.csv')));
    expect(history).toMatchObject({ rowsRead: 7, rowsSkipped: 2, issues: [] });
    const { leads, rejected } = await collectImport(importCsv(mapping, fixture('salesforce/leads.csv'), { stageHistory: history.histories }));
    expect(rejected.map((row) => [row.row, row.issues[0]?.column])).toEqual([[5, 'NumberOfEmployees']]);
    const converted = leads[0] as Lead;
    expect(converted).toMatchObject({
      id: '00Q5e00000AbC001',
      stage: 'closed_converted',
      source: 'website_form',
      sourceDetail: 'Web',
      company: { industry: 'technology', domain: 'relecloud.com' },
      customFields: { Rating: 'Hot', IsConverted: 'true' },
    });
    expect(converted.stageHistory?.map((entry) => [entry.from, entry.to, entry.at.toISOString()])).toEqual([
      [null, 'open_not_contacted', '2024-01-15T17:02:11.000Z'],
      ['open_not_contacted', 'working_contacted', '2024-01-16T10:20:00.000Z'],
      ['working_contacted', 'closed_converted', '2024-03-08T09:59:00.000Z'],
    ]);
    expect(leads[2]?.company?.annualRevenue).toEqual({ amountMinor: 12_000_000_000, currency: 'EUR' });
    expect(leads[2]?.consent).toEqual({ emailOptOut: true, doNotCall: false });
    const report = funnelReport(leads, { funnel: salesforceLeadStatusFunnel, asOf });
    expect(report.overall).toMatchObject({ records: 4, won: 1, lost: 1, open: 2 });
  });

  it('imports opportunities from API JSON with outcomes, amounts and OpportunityHistory', async () => {
    const mapping = salesforceOpportunities();
    const history = await readStageHistory(mapping, await csvRecords(fixture('salesforce/opportunity-history.csv')));
    const query = JSON.parse(fixture('salesforce/opportunities.json')) as { records: Record<string, unknown>[] };
    const { leads, rejected } = await collectImport(importRecords(mapping, query.records, { stageHistory: history.histories }));
    expect(rejected).toEqual([]);
    expect(leads.map((deal) => [deal.id, deal.stage, deal.outcome?.status, deal.outcome?.amount?.amountMinor, deal.company?.name])).toEqual([
      ['0065e00000Opp001', 'closed_won', 'won', 4_800_000, 'Relecloud'],
      ['0065e00000Opp002', 'closed_lost', 'lost', 12_000_000, 'Kernfabrik'],
      ['0065e00000Opp003', 'proposal_price_quote', undefined, undefined, 'Bellows'],
    ]);
    expect(leads[0]?.outcome?.at?.toISOString()).toBe('2024-04-30T00:00:00.000Z');
    expect(leads[2]?.customFields).toMatchObject({ Amount: 15000, Name: 'Bellows - Pilot' });
    expect(leads[0]?.customFields ?? {}).not.toHaveProperty('attributes.type');
    expect(leads[0]?.stageHistory?.map((entry) => entry.to)).toEqual(['prospecting', 'needs_analysis', 'proposal_price_quote', 'closed_won']);
    const report = funnelReport(leads, { funnel: salesforceOpportunityFunnel, asOf });
    expect(report.overall).toMatchObject({ won: 1, lost: 1, open: 1, winRate: 0.5 });
  });
});
