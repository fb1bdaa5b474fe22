import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { Lead, leadToJson, parseLead } from '../models/index.ts';
import { collectImport, importRecords } from './import-records.ts';
import { compileMapping } from './compile-mapping.ts';
import { defineMapping } from './parse-mapping.ts';

const mapping = defineMapping({
  id: 'test',
  timeZone: 'Europe/Berlin',
  currency: 'EUR',
  dateFormat: 'dd.MM.yyyy HH:mm',
  columns: {
    ID: 'id',
    Email: { to: 'contact.email', steps: ['trim', 'lowercase'] },
    Title: ['contact.jobTitle', { to: 'contact.seniority', steps: ['seniority'] }],
    Firma: 'company.name',
    Land: { to: 'company.country', steps: [{ map: { Deutschland: 'DE', Österreich: 'AT' } }, 'country'] },
    Umsatz: { to: 'company.annualRevenue', steps: [{ money: { decimal: ',', grouping: '.' } }] },
    Mitarbeiter: { to: 'company.employeeCount', steps: [{ number: { decimal: ',', grouping: '.' } }] },
    Quelle: [{ to: 'source', steps: [{ map: { Messe: 'event', Webseite: 'website_form' }, otherwise: { value: 'other' } }] }, 'sourceDetail'],
    Erstellt: 'createdAt',
    Newsletter: { to: 'consent.emailOptOut', steps: [{ boolean: { true: ['abgemeldet'], false: ['angemeldet'] } }] },
    Technologien: { to: 'company.technologies', steps: [{ split: '|' }, 'lowercase'] },
    Branche: { to: 'company.industry', steps: ['slug'] },
  },
  drop: ['Intern'],
});

const good = {
  ID: 'L-1',
  Email: ' Ada@Example.DE ',
  Title: 'Leiterin IT (Head of IT)',
  Firma: 'Beispiel GmbH',
  Land: 'Deutschland',
  Umsatz: '1.250.000,50',
  Mitarbeiter: '1.200',
  Quelle: 'Messe',
  Erstellt: '31.03.2024 10:30',
  Newsletter: 'abgemeldet',
  Technologien: 'AWS | Salesforce |  | HubSpot',
  Branche: 'Computer Software',
  Lieblingsfarbe: 'Blau',
  Intern: 'do not keep',
};

async function one(record: Record<string, unknown>) {
  const { leads, rejected, summary } = await collectImport(importRecords(mapping, [record]));
  return { lead: leads[0], issues: rejected[0]?.issues ?? [], summary };
}

describe('importRecords', () => {
  it('turns a row into a lead through every kind of step', async () => {
    const { lead, issues } = await one(good);
    expect(issues).toEqual([]);
    expect(lead).toMatchObject({
      id: 'L-1',
      contact: { email: 'ada@example.de', jobTitle: 'Leiterin IT (Head of IT)', seniority: 'director' },
      company: {
        name: 'Beispiel GmbH',
        country: 'DE',
        annualRevenue: { amountMinor: 125_000_050, currency: 'EUR' },
        employeeCount: 1200,
        technologies: ['aws', 'salesforce', 'hubspot'],
        industry: 'computer-software',
      },
      source: 'event',
      sourceDetail: 'Messe',
      consent: { emailOptOut: true },
      customFields: { Lieblingsfarbe: 'Blau' },
    });
    // 31 March 2024 10:30 in Berlin is summer time (+02:00), the clocks having gone forward that night.
    expect(lead?.createdAt?.toISOString()).toBe('2024-03-31T08:30:00.000Z');
    expect(lead?.customFields).not.toHaveProperty('Intern');
  });

  it('gives leads that parseLead accepts after a JSON round trip', async () => {
    const { lead } = await one(good);
    const again = parseLead(JSON.parse(JSON.stringify(leadToJson(lead as Lead))));
    expect(again.ok && again.value).toEqual({ ...lead, schemaVersion: 1 });
  });

  it('names the row, the column, the value and what was expected for each bad value', async () => {
    const { issues } = await one({
      ...good,
      Umsatz: '1,250,000.50',
      Erstellt: '31.02.2024 10:00',
      Land: 'Atlantis',
      Mitarbeiter: '12,5,0',
      Email: 'not-an-email',
      Newsletter: 'vielleicht',
    });
    const byColumn = Object.fromEntries(issues.map((found) => [found.column, found]));
    expect(Object.keys(byColumn).sort()).toEqual(['Email', 'Erstellt', 'Land', 'Mitarbeiter', 'Newsletter', 'Umsatz']);
    for (const found of issues) {
      expect(found.row).toBe(1);
      expect(found.pathText).toBe(`row 1, column ${JSON.stringify(found.column)}`);
    }
    expect(byColumn['Erstellt']?.message).toMatch(/not a real date/);
    expect(byColumn['Erstellt']?.value).toBe('"31.02.2024 10:00"');
    expect(byColumn['Erstellt']?.expected).toMatch(/dd\.MM\.yyyy HH:mm/);
    expect(byColumn['Mitarbeiter']?.message).toMatch(/2 decimal separators/);
    expect(byColumn['Umsatz']?.message).toMatch(/decimal separators|misplaced/);
    expect(byColumn['Land']?.message).toMatch(/"Atlantis" is not a country/);
    expect(byColumn['Email']?.message).toMatch(/not a valid e-mail address/);
    expect(byColumn['Newsletter']?.expected).toMatch(/abgemeldet/);
  });

  it('treats missing markers as no value, for text and numbers alike', async () => {
    const { lead, issues } = await one({ ...good, Umsatz: 'N/A', Mitarbeiter: '-', Land: ' select ', Title: 'null' });
    expect(issues).toEqual([]);
    expect(lead?.company).not.toHaveProperty('annualRevenue');
    expect(lead?.company).not.toHaveProperty('employeeCount');
    expect(lead?.company).not.toHaveProperty('country');
    expect(lead?.contact).not.toHaveProperty('jobTitle');
  });

  it('counts fill rates and the values that fell to otherwise', async () => {
    const run = importRecords(mapping, [good, { ...good, ID: 'L-2', Quelle: 'Kaltakquise' }, { ...good, ID: 'L-3', Quelle: 'kaltakquise ', Umsatz: '' }]);
    const { summary } = await collectImport(run);
    expect(summary).toMatchObject({ rowsRead: 3, imported: 3, rejected: 0 });
    const source = summary.columns.find((column) => column.column === 'Quelle');
    expect(source?.otherwise).toEqual([
      { value: 'Kaltakquise', count: 1 },
      { value: 'kaltakquise', count: 1 },
    ]);
    expect(summary.columns.find((column) => column.column === 'Umsatz')?.fillRate).toBeCloseTo(2 / 3);
    expect(summary.columns.find((column) => column.column === 'Lieblingsfarbe')?.targets).toEqual(['customFields.Lieblingsfarbe']);
    expect(summary.columns.find((column) => column.column === 'Intern')?.targets).toEqual(['dropped']);
  });

  it('lists mapped columns that no row had', async () => {
    const { summary } = await collectImport(importRecords(mapping, [{ ID: 'x', Quelle: 'Messe' }]));
    expect(summary.missingColumns).toContain('Email');
    expect(summary.missingColumns).not.toContain('ID');
  });

  it('refuses a row without a required field, naming the columns that feed it', async () => {
    const { issues } = await one({ ...good, ID: '' });
    expect(issues.map((found) => found.message)).toEqual(['id is required but the row has no value in "ID"']);
  });

  it('leaves out an optional object missing its required field, keeping its values in customFields with a warning', async () => {
    const rows = await collectImport(importRecords(mapping, [{ ...good, Firma: '' }]));
    const lead = rows.leads[0] as Lead;
    expect(lead.company).toBeUndefined();
    expect(lead.customFields).toMatchObject({ Land: 'Deutschland', Umsatz: '1.250.000,50' });
  });

  it('reads nested API objects as Parent.Child columns and never assigns reserved names', async () => {
    const nested = defineMapping({ id: 'n', columns: { Id: 'id', 'Account.Name': 'company.name' }, defaults: { source: 'other' } });
    const hostile = JSON.parse('{"Id":"1","Account":{"Name":"Acme","__proto__":{"polluted":true}},"__proto__":{"polluted":true},"constructor":"x"}');
    const { leads } = await collectImport(importRecords(nested, [hostile]));
    expect(leads[0]?.company?.name).toBe('Acme');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(leads[0]?.customFields ?? {}).not.toHaveProperty('constructor');
  });

  it('does not mutate its input', async () => {
    const record = structuredClone(good);
    await collectImport(importRecords(mapping, [record]));
    expect(record).toEqual(good);
  });

  it('takes async iterables and holds one row at a time', async () => {
    async function* rows() {
      for (let index = 0; index < 50; index++) yield { ...good, ID: `L-${index}` };
    }
    let seen = 0;
    for await (const row of importRecords(mapping, rows())) if (row.ok) seen++;
    expect(seen).toBe(50);
  });

  it('imports into an extended lead, checking its own fields', async () => {
    const CrmLead = Lead.extend({ accountTier: z.enum(['gold', 'silver']) });
    const tiered = defineMapping(
      { id: 'x', columns: { Id: 'id', Tier: { to: 'accountTier', steps: ['lowercase'] } }, defaults: { source: 'other' } },
      { lead: CrmLead },
    );
    const { leads, rejected } = await collectImport(
      importRecords(compileMapping<z.output<typeof CrmLead>>(tiered, { lead: CrmLead }), [
        { Id: '1', Tier: 'Gold' },
        { Id: '2', Tier: 'Bronze' },
      ]),
    );
    expect(leads[0]?.accountTier).toBe('gold');
    expect(rejected[0]?.issues[0]?.message).toMatch(/accountTier must be one of "gold", "silver", not "bronze"/);
  });

  it('keeps a value with requires only when the required field is there', async () => {
    const deals = defineMapping({
      id: 'd',
      columns: {
        Id: 'id',
        Stage: { to: 'outcome.status', steps: [{ map: { 'Closed Won': 'won', 'Closed Lost': 'lost' }, otherwise: 'missing' }] },
        CloseDate: { to: 'outcome.at', requires: 'outcome.status' },
      },
      defaults: { source: 'other' },
    });
    const { leads } = await collectImport(
      importRecords(deals, [
        { Id: '1', Stage: 'Closed Won', CloseDate: '2024-04-30' },
        { Id: '2', Stage: 'Negotiation', CloseDate: '2024-06-30' },
      ]),
    );
    expect(leads[0]?.outcome).toEqual({ status: 'won', at: new Date('2024-04-30T00:00:00Z') });
    expect(leads[1]?.outcome).toBeUndefined();
  });

  it('makes approximated activities from counts and dates, and a stage history from stage dates', async () => {
    const engaged = defineMapping({
      id: 'e',
      columns: { Id: 'id', Created: 'createdAt', Stage: 'stage' },
      defaults: { source: 'other' },
      activities: [
        { type: 'email_opened', count: 'Opens', firstAt: 'First open', lastAt: 'Last open', maxEvents: 3 },
        { type: 'other', name: 'Chat', lastAt: 'Last chat' },
      ],
      stageDates: [
        { stage: 'lead', columns: 'Lead date' },
        { stage: 'mql', columns: 'MQL date' },
        { stage: 'customer', columns: 'Customer date' },
      ],
    });
    const rows = await collectImport(
      importRecords(engaged, [
        {
          Id: '1',
          Created: '2024-01-01',
          Stage: 'customer',
          Opens: '10',
          'First open': '2024-01-02',
          'Last open': '2024-01-04',
          'Last chat': '2024-01-05',
          'Lead date': '2024-01-01',
          'MQL date': '2024-01-01',
          'Customer date': '',
        },
      ]),
    );
    const lead = rows.leads[0] as Lead;
    expect(lead.activities.map((activity) => [activity.type, activity.at.toISOString().slice(0, 10)])).toEqual([
      ['email_opened', '2024-01-02'],
      ['email_opened', '2024-01-03'],
      ['email_opened', '2024-01-04'],
      ['other', '2024-01-05'],
    ]);
    expect(lead.activities[0]?.metadata).toMatchObject({ approximated: true, count: 10 });
    expect(lead.stageHistory?.map((entry) => [entry.from, entry.to])).toEqual([
      [null, 'lead'],
      ['lead', 'mql'],
    ]);
    expect(rows.summary.warnings).toBe(1);
  });
});
