import { b2bFunnelDefinition } from '../funnel/presets/b2b.ts';

/**
 * The files `leadkit init` writes: a starter ICP, scoring model, funnel and import mapping (JSON has no comments, so
 * each says what it is in its `description`, and README.md explains them), with a few leads to try them on.
 * `leadkit check` accepts every definition (a test checks it).
 */
const icp = {
  schemaVersion: 1,
  id: 'starter-icp',
  name: 'Starter ICP: growing technology companies',
  description:
    'Edit the criteria to describe your best customers. Each criterion adds to the fit (0-100) in proportion to its weight; "required": true makes a criterion a must, "disqualify" criteria rule a lead out.',
  criteria: {
    industry: { label: 'Technology or software', when: { field: 'company.industry', in: ['technology', 'software'] }, weight: 3 },
    employees: { label: '50-1,000 employees', when: { field: 'company.employeeCount', min: 50, max: 1000 }, weight: 2 },
    country: { label: 'North America or UK', when: { field: 'company.country', in: ['US', 'CA', 'GB'] }, weight: 1 },
    seniority: { label: 'Director or above', when: { field: 'contact.seniority', in: ['director', 'vp', 'c_level', 'owner'] }, weight: 2 },
  },
};

const scoringModel = {
  schemaVersion: 1,
  id: 'starter-scoring',
  name: 'Starter scoring model: fit and engagement',
  description:
    'Points per rule: fit rules (industry, size, seniority, source) never decay; activity rules decay with a half-life. Leads of 40 points or more are "hot" and sales-ready. Free e-mail addresses are disqualified.',
  rules: [
    { kind: 'values', id: 'industry', label: 'Target industry', field: 'company.industry', values: { technology: 10, software: 10 } },
    { kind: 'bands', id: 'size', label: 'Company size', field: 'company.employeeCount', bands: [{ min: 50, max: 1000, points: 10 }] },
    { kind: 'values', id: 'seniority', label: 'Decision maker', field: 'contact.seniority', values: { c_level: 15, vp: 15, director: 10, student: -20 } },
    { kind: 'values', id: 'source', label: 'Warm source', field: 'source', values: { referral: 5, partner: 5, website_form: 3 } },
    {
      kind: 'activity',
      id: 'pricing',
      label: 'Pricing page view',
      activity: { type: 'page_viewed', pageKind: 'pricing' },
      points: 10,
      maxCount: 3,
      decay: { kind: 'halfLife', days: 30 },
    },
    { kind: 'activity', id: 'demo', label: 'Demo requested', activity: { type: 'demo_requested' }, points: 25, decay: { kind: 'halfLife', days: 60 } },
    { kind: 'disqualify', id: 'free-email', label: 'Free e-mail address', when: { field: 'contact.emailKind', equals: 'free' } },
  ],
  grading: {
    bands: {
      thresholds: [
        { band: 'hot', min: 40, salesReady: true },
        { band: 'warm', min: 20 },
      ],
      otherwise: 'cold',
    },
  },
};

const mapping = {
  schemaVersion: 1,
  id: 'starter-mapping',
  label: 'Starter mapping for leads.csv',
  description:
    "Keys are the column names of your CSV file; each value is the lead field it goes to (a dotted path), with optional steps. Rename the keys to your export's column names. Columns not named here are kept in customFields.",
  timeZone: 'UTC',
  currency: 'USD',
  columns: {
    Id: 'id',
    Email: { to: 'contact.email', steps: ['trim', 'lowercase'] },
    'First Name': 'contact.firstName',
    'Last Name': 'contact.lastName',
    'Job Title': ['contact.jobTitle', { to: 'contact.seniority', steps: ['seniority'] }],
    Company: 'company.name',
    Industry: { to: 'company.industry', steps: ['slug'] },
    Employees: 'company.employeeCount',
    Country: { to: 'company.country', steps: ['country'] },
    Source: {
      to: 'source',
      steps: [{ map: { Web: 'website_form', Referral: 'referral', Partner: 'partner', Event: 'event' }, otherwise: { value: 'other' } }],
    },
    Created: 'createdAt',
  },
};

const leadsCsv = [
  'Id,Email,First Name,Last Name,Job Title,Company,Industry,Employees,Country,Source,Created',
  'L-1,ada@northwind.example,Ada,Lovelace,CTO,Northwind,Software,120,United States,Referral,2025-01-08',
  'L-2,grace@contoso.example,Grace,Hopper,VP Engineering,Contoso,Technology,450,UK,Web,2025-02-11',
  'L-3,bob@gmail.com,Bob,Smith,Student,,Education,,Canada,Web,2025-03-01',
  'L-4,linus@fabrikam.example,Linus,Berg,Director of IT,Fabrikam,Retail,80,Germany,Event,2025-03-15',
  '',
].join('\n');

const readme = `# leadkit starter definitions

Written by \`leadkit init\`. Every file is plain JSON that leadkit validates; \`leadkit check *.json\` prints every
problem with its path (run it in CI over the definitions your team shares).

| file | what it is |
|---|---|
| icp.json | your Ideal Customer Profile: criteria with weights (fit 0-100, grade A-D) |
| scoring-model.json | lead scoring: points per rule, decay, bands (hot / warm / cold) |
| funnel.json | the B2B lifecycle funnel: stages and the transitions between them |
| mapping.json | how the columns of a CSV export become leads (for leads.csv; rename the keys to your columns) |
| leads.csv | four example leads to try the rest on |

Try them:

    leadkit score leads.csv --model scoring-model.json --mapping mapping.json --icp icp.json --as-of 2025-04-01
    leadkit check *.json

The guide: docs/cli.md in the leadkit repository.
`;

/** File name → content of the files `leadkit init` writes. */
export const STARTER_FILES: Readonly<Record<string, string>> = {
  'icp.json': `${JSON.stringify(icp, null, 2)}\n`,
  'scoring-model.json': `${JSON.stringify(scoringModel, null, 2)}\n`,
  'funnel.json': `${JSON.stringify({ schemaVersion: 1, ...b2bFunnelDefinition }, null, 2)}\n`,
  'mapping.json': `${JSON.stringify(mapping, null, 2)}\n`,
  'leads.csv': leadsCsv,
  'README.md': readme,
};
