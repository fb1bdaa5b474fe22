import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { defineSegment } from '../metrics/segment-definition.ts';
import { Lead as LeadSchema, type Lead } from '../models/lead.ts';
import * as z from 'zod/v4';
import { compileScoringModel } from '../scoring/compile.ts';
import { defineScoringModel } from '../scoring/define-scoring-model.ts';
import type { ScoringModelJson } from '../scoring/scoring-model-definition.ts';
import { postgresDialect } from './dialect.ts';
import { leadkitSqlMapping, leadkitTablesSql, leadsToRows } from './leadkit-tables.ts';
import { defineSqlMapping, parseSqlMapping } from './parse-sql-mapping.ts';
import { readSqlLeadScore } from './read-sql-lead-score.ts';
import { scoringModelToSql } from './scoring-model-to-sql.ts';
import { segmentToSql } from './segment-to-sql.ts';
import type { SqlMapping } from './sql-mapping-definition.ts';
import { scoreDifferences, scoringDifferences, type TestDatabase, useTestDatabases } from './sql.test-helpers.ts';

const asOf = new Date('2024-06-30T00:00:00Z');
const leadSchemaForTests = LeadSchema.extend({ region: z.string().optional() });
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

const leads: Lead[] = [
  {
    id: 'ada',
    contact: { firstName: 'Ada', email: 'ada@Acme.COM', jobTitle: 'CTO & co-founder', seniority: 'c_level', department: 'it' },
    company: {
      name: 'Acme',
      industry: 'Software',
      employeeCount: 120,
      annualRevenue: { amountMinor: 2_500_000_000, currency: 'USD' },
      country: 'US',
      technologies: ['AWS', 'hubspot'],
      tags: ['saas;b2b'],
    },
    source: 'referral',
    createdAt: day('2024-01-10'),
    stage: 'sql',
    stageHistory: [
      { from: null, to: 'lead', event: 'create', at: day('2024-01-10') },
      { from: 'lead', to: 'mql', event: 'qualify', at: day('2024-03-01') },
      { from: 'mql', to: 'sql', event: 'promote', at: day('2024-07-15') },
    ],
    customFields: { plan: 'Enterprise', seats: 40, trial: true, regions: ['emea', 'apac'] },
    activities: [
      { type: 'page_viewed', at: day('2024-06-20'), url: '/Pricing/teams', pageKind: 'pricing' },
      { type: 'page_viewed', at: day('2024-06-25'), url: '/blog/launch', pageKind: 'blog' },
      { type: 'demo_requested', at: day('2024-06-21') },
      { type: 'email_opened', at: day('2024-05-02'), campaign: 'Spring-Launch' },
      { type: 'page_viewed', at: day('2024-07-02'), url: '/pricing', pageKind: 'pricing' },
    ],
  },
  {
    id: 'bob',
    contact: { firstName: 'Bob', email: 'bob@gmail.com', jobTitle: 'Student', seniority: 'student' },
    company: { name: 'Home', industry: 'education', employeeCount: 1, annualRevenue: { amountMinor: 1_000_000, currency: 'EUR' }, technologies: [] },
    source: 'purchased_list',
    createdAt: day('2024-05-01'),
    activities: [{ type: 'email_bounced', at: day('2024-05-03'), bounce: 'hard' }],
  },
  { id: 'cy', contact: {}, source: 'website_form', createdAt: day('2024-08-01'), activities: [] },
];

const model = defineScoringModel({
  schemaVersion: 1,
  id: 'unit',
  rules: [
    { kind: 'values', id: 'industry', label: 'Industry', field: 'company.industry', values: { software: 10, education: -5 }, otherwise: 1 },
    {
      kind: 'bands',
      id: 'revenue',
      label: 'Revenue',
      field: 'company.annualRevenue',
      currency: 'USD',
      bands: [{ min: 10_000_000, max: 50_000_000, points: 5 }],
    },
    { kind: 'values', id: 'tech', label: 'Cloud', field: 'company.technologies', values: { aws: 3, gcp: 3 }, otherwise: -1 },
    { kind: 'points', id: 'cto', label: 'CTO', when: { field: 'contact.jobTitle', containsWords: 'cto' }, points: 8 },
    { kind: 'points', id: 'plan', label: 'Plan', when: { field: 'customFields.plan', equals: 'enterprise' }, points: 4 },
    { kind: 'points', id: 'mql', label: 'MQL now', when: { field: 'stage', equals: 'mql' }, points: 2 },
    {
      kind: 'activity',
      id: 'pricing',
      label: 'Pricing',
      activity: { type: 'page_viewed', url: '/pricing*' },
      points: 10,
      decay: { kind: 'halfLife', days: 30 },
    },
    {
      kind: 'activity',
      id: 'campaign',
      label: 'Campaign',
      activity: { type: 'email_opened', campaign: 'spring-launch' },
      points: 2,
      decay: { kind: 'step', everyDays: 30, loss: 0.5 },
    },
    { kind: 'disqualify', id: 'free', label: 'Free e-mail', when: { field: 'contact.emailKind', equals: 'free' } },
  ],
  groups: { engagement: { cap: 12 } },
  grading: {
    bands: {
      thresholds: [
        { band: 'hot', min: 30, salesReady: true },
        { band: 'warm', min: 10 },
      ],
      otherwise: 'cold',
    },
    overrides: [{ id: 'demo', label: 'Demo', when: { activity: { type: 'demo_requested' }, withinDays: 30 } }],
  },
});

const databases = useTestDatabases();

describe('scoringModelToSql on leadkit tables', () => {
  it('scores hand-made leads as compileScoringModel does, with the reasons', async () => {
    expect(await scoringDifferences(databases, model, leads, asOf)).toEqual([]);
    const scorer = compileScoringModel(model);
    const ada = scorer(leads[0] as Lead, { asOf });
    // Ada: stage as of asOf is mql (the move to sql comes later), the later pricing view does not count, the demo overrides.
    expect(ada.contributions.map((item) => item.ruleId)).toEqual(['industry', 'revenue', 'tech', 'cto', 'plan', 'mql', 'pricing', 'campaign']);
    expect(ada.salesReady).toBe(true);
    for (const database of databases) {
      const query = scoringModelToSql(model, { dialect: database.dialect, mapping: leadkitSqlMapping });
      const rows = (await database.query(query.sql, query.parameters({ asOf }))).map(readSqlLeadScore);
      const bob = rows.find((row) => row.leadId === 'bob');
      expect(bob?.disqualified).toBe(true);
      expect(bob?.grade).toBe('F');
      expect(bob?.disqualifications).toEqual([{ ruleId: 'free', label: 'Free e-mail' }]);
      expect(rows.find((row) => row.leadId === 'ada')?.overrides).toEqual([{ ruleId: 'demo', label: 'Demo' }]);
    }
  });

  it("binds asOf as parameter 1 and every text as a parameter: the SQL text holds none of the model's values", () => {
    const query = scoringModelToSql(model, { dialect: 'postgres', mapping: leadkitSqlMapping });
    for (const text of ['software', 'spring-launch', 'Free e-mail', 'hot', '/pricing']) expect(query.sql.includes(text)).toBe(false);
    const parameters = query.parameters({ asOf });
    expect(parameters[0]).toBe(asOf.getTime());
    expect(parameters).toContain('software');
    expect(query.parameters({ asOf: asOf.getTime() })).toEqual(parameters);
    expect(() => query.parameters({ asOf: new Date(Number.NaN) })).toThrow(RangeError);
  });

  it('returns the numbers only without explain, faster to compute', async () => {
    for (const database of databases) {
      const query = scoringModelToSql(model, { dialect: database.dialect, mapping: leadkitSqlMapping, explain: false });
      expect(query.columns).toEqual(['lead_id', 'score', 'fit', 'engagement', 'band', 'matrix_cell', 'grade', 'sales_ready', 'disqualified']);
      const rows = (await database.query(query.sql, query.parameters({ asOf }))).map(readSqlLeadScore);
      const scorer = compileScoringModel(model);
      for (const row of rows) {
        const js = scorer(leads.find((lead) => lead.id === row.leadId) as Lead, { asOf });
        expect(row.contributions).toBeUndefined();
        expect(scoreDifferences(js, row)).toEqual([]);
      }
    }
  });

  it('keeps the band of the previous run within the hysteresis, from the mapped column', async () => {
    const sticky: ScoringModelJson = {
      ...model,
      grading: {
        bands: {
          thresholds: [
            { band: 'hot', min: 30 },
            { band: 'warm', min: 10 },
          ],
          otherwise: 'cold',
          hysteresis: 25,
        },
      },
    };
    // Previous bands: Ada hot, Bob warm (index 2 of cold, hot, warm), Cy cold.
    expect(await scoringDifferences(databases, sticky, leads, asOf, [1, 2, 0])).toEqual([]);
    const scorer = compileScoringModel(defineScoringModel(sticky));
    expect(scorer(leads[1] as Lead, { asOf }).band).toBe('cold');
    expect(scorer(leads[1] as Lead, { asOf, previousBand: 'warm' }).band).toBe('warm');
  });

  it('keeps a score that a limit landed on exactly: normalised to 100, then a total floor, is the top band', async () => {
    // The rules add up past normalize.max: normalisation cuts them to exactly 100; their SQL copies, cut by the same
    // factor, add up to 99.99999999999999, which the total floor then summed again (found by the hostile-text property).
    const rules = ([a, b, c, d]: readonly number[]): ScoringModelJson['rules'] => [
      { kind: 'values', id: 'a', label: 'A', field: 'company.industry', values: { software: 0 }, otherwise: a as number },
      { kind: 'values', id: 'b', label: 'B', field: 'company.city', values: { Lyon: b as number }, otherwise: -1 },
      { kind: 'points', id: 'c', label: 'C', when: { field: 'company.industry', equals: 'retail' }, points: c as number },
      { kind: 'points', id: 'd', label: 'D', when: { field: 'customFields.plan', equals: 'pro' }, points: d as number },
      { kind: 'activity', id: 'e', label: 'E', activity: { type: 'page_viewed' }, points: 4, decay: { kind: 'halfLife', days: 30 } },
    ];
    const capped: ScoringModelJson = {
      schemaVersion: 1,
      id: 'capped',
      rules: rules([10.44, 1, 5, 3]),
      total: { normalize: { max: 11 }, floor: 0 },
      grading: {
        bands: {
          thresholds: [
            { band: 'top', min: 100 },
            { band: 'rest', min: 0 },
          ],
          otherwise: 'none',
        },
      },
    };
    const lead: Lead = {
      id: 'exact',
      contact: {},
      source: 'website_form',
      createdAt: new Date('2023-01-01T00:00:00Z'),
      company: { name: 'Shop', industry: 'retail', city: 'Lyon' },
      customFields: { plan: 'pro' },
      activities: [{ type: 'page_viewed', at: new Date('2024-06-29T00:00:00Z'), url: '/pricing' }],
    } as Lead;
    // The same with a group: fit (3.3 + 4.7 + 2.9 + 1.3) capped at 7, whose cut copies add up to 6.999999999999999
    // in DuckDB; `max` chooses fit, so the score is the group's.
    const grouped: ScoringModelJson = {
      ...capped,
      rules: rules([3.3, 4.7, 2.9, 1.3]),
      groups: { fit: { cap: 7 } },
      total: { combine: 'max' },
      grading: {
        bands: {
          thresholds: [
            { band: 'top', min: 7 },
            { band: 'rest', min: 0 },
          ],
          otherwise: 'none',
        },
      },
    };
    for (const [json, exact] of [
      [capped, 100],
      [grouped, 7],
    ] as const) {
      const js = compileScoringModel(defineScoringModel(json))(lead, { asOf });
      expect([js.score, js.band]).toEqual([exact, 'top']);
      expect(await scoringDifferences(databases, json, [lead], asOf)).toEqual([]);
      for (const database of databases) {
        const query = scoringModelToSql(defineScoringModel(json), { dialect: database.dialect, mapping: leadkitSqlMapping });
        const [row] = (await database.query(query.sql, query.parameters({ asOf }))).map(readSqlLeadScore);
        expect([row?.score, row?.band]).toEqual([exact, 'top']);
      }
    }
  });

  it('does not mutate the model, the mapping or the leads', () => {
    const before = structuredClone({ model, mapping: leadkitSqlMapping, leads });
    scoringModelToSql(model, { dialect: 'duckdb', mapping: leadkitSqlMapping });
    segmentToSql(defineSegment({ id: 's', when: { field: 'company.industry', equals: 'software' } }), { dialect: 'postgres', mapping: leadkitSqlMapping });
    leadsToRows(leads);
    expect({ model, mapping: leadkitSqlMapping, leads }).toEqual(before);
  });
});

describe('refusals: a ValidationError with the path of each part the mapping or the dialect cannot express', () => {
  const bare = defineSqlMapping({ leads: { table: 'contacts', id: 'id', fields: { 'company.industry': 'industry' } } });

  it('names every field the mapping does not place and every activity rule without an activities table', () => {
    const error = (() => {
      try {
        scoringModelToSql(model, { dialect: 'duckdb', mapping: bare });
      } catch (caught) {
        return caught as ValidationError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    const paths = error?.issues.map((found) => found.pathText);
    expect(paths).toEqual(
      expect.arrayContaining([
        'rules[1].field',
        'rules[2].field',
        'rules[3].when.field',
        'rules[5].when.field',
        'rules[6].activity',
        'rules[8].when.field',
        'grading.overrides[0].when.activity',
      ]),
    );
    expect(error?.message).toContain('stage is the stage as of asOf');
  });

  it('refuses an activity filter on a detail the activities table has no column for', () => {
    const mapping: SqlMapping = { ...leadkitSqlMapping, activities: { table: 'events', leadId: 'lead_id', type: 'type', at: 'at' } };
    const urlModel = defineScoringModel({
      schemaVersion: 1,
      id: 'u',
      rules: [{ kind: 'activity', id: 'p', label: 'P', activity: { type: 'page_viewed', url: '/pricing' }, points: 1 }],
    });
    expect(() => scoringModelToSql(urlModel, { dialect: 'postgres', mapping })).toThrow(/rules\[0\]\.activity: .*no "url" column/);
  });

  it('refuses band names PostgreSQL cannot return (NUL), and any unpaired surrogate, but DuckDB returns NUL', () => {
    const nul = defineScoringModel({
      schemaVersion: 1,
      id: 'n',
      rules: [],
      grading: { bands: { thresholds: [{ band: 'a\u0000b', min: 1 }], otherwise: 'c' } },
    });
    expect(() => scoringModelToSql(nul, { dialect: 'postgres', mapping: leadkitSqlMapping })).toThrow(
      /grading\.bands\.thresholds\[0\]\.band: .*cannot hold NUL/,
    );
    expect(() => scoringModelToSql(nul, { dialect: 'duckdb', mapping: leadkitSqlMapping })).not.toThrow();
    const surrogate = defineScoringModel({
      schemaVersion: 1,
      id: 's',
      rules: [{ kind: 'points', id: 'x', label: 'bad \uD800', when: { field: 'id', exists: true }, points: 1 }],
    });
    expect(() => scoringModelToSql(surrogate, { dialect: 'duckdb', mapping: leadkitSqlMapping })).toThrow(/rules\[0\]\.label: .*unpaired surrogate/);
  });
});

describe('table mappings', () => {
  it('parses a mapping and lists every problem with its path and a did-you-mean', () => {
    const parsed = parseSqlMapping({
      leads: {
        table: 'contacts',
        id: 'id',
        fields: {
          'company.industy': 'industry',
          'company.technologies': 'tech',
          'company.annualRevenue': 'revenue',
          'customFields.plan': 'plan',
          'contact.seniority': { array: 'x' },
        },
      },
      activities: { table: 'events', leadId: 'lead_id', type: 'type' },
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const byPath = Object.fromEntries(parsed.error.issues.map((found) => [found.pathText, found.message]));
    expect(byPath['leads.fields.company.industy']).toContain('Did you mean "company.industry"?');
    expect(byPath['leads.fields.company.technologies']).toContain('is a list of text');
    expect(byPath['leads.fields.company.annualRevenue']).toContain('amount of money');
    expect(byPath['leads.fields.customFields.plan']).toContain('"type": "text"');
    expect(byPath['leads.fields.contact.seniority']).toContain('map it to a column');
    expect(Object.keys(byPath)).toContain('activities.at');
  });

  it('never throws on hostile input', () => {
    for (const input of [
      null,
      42,
      'x',
      [],
      { leads: { table: '', id: 'a\u0000' } },
      JSON.parse('{"leads":{"table":"t","id":"i","fields":{"__proto__":"x"}}}'),
    ]) {
      const parsed = parseSqlMapping(input);
      expect(parsed.ok).toBe(false);
    }
  });

  it('reads lists from a child table or delimited text, money in major units with a fixed currency, typed custom columns', async () => {
    const mapping = defineSqlMapping({
      leads: {
        table: 'crm_contacts',
        id: 'contact id',
        fields: {
          'company.industry': 'Industry',
          'company.technologies': { table: 'crm tech', leadId: 'contact', value: 'name' },
          'company.tags': { column: 'tags', separator: ';' },
          'company.annualRevenue': { amount: 'revenue', unit: 'major', currencyCode: 'USD' },
          'customFields.seats': { column: 'seats', type: 'number' },
        },
      },
    });
    const crmModel = defineScoringModel({
      schemaVersion: 1,
      id: 'crm',
      rules: [
        { kind: 'values', id: 'tech', label: 'Tech', field: 'company.technologies', values: { aws: 3, hubspot: 2 } },
        { kind: 'points', id: 'tag', label: 'Tag', when: { field: 'company.tags', equals: 'B2B' }, points: 4 },
        { kind: 'bands', id: 'revenue', label: 'Revenue', field: 'company.annualRevenue', currency: 'USD', bands: [{ min: 1_000_000, points: 6 }] },
        { kind: 'bands', id: 'seats', label: 'Seats', field: 'customFields.seats', bands: [{ min: 10, points: 1 }] },
        { kind: 'points', id: 'no-tags', label: 'No tags', when: { field: 'company.tags', exists: false }, points: -1 },
      ],
    });
    const crmLeads: Lead[] = [
      {
        id: '1',
        contact: {},
        company: {
          name: 'A',
          industry: 'x',
          technologies: ['AWS', 'hubspot', 'aws'],
          tags: ['saas', 'b2b'],
          annualRevenue: { amountMinor: 250_000_050, currency: 'USD' },
        },
        customFields: { seats: 12 },
        source: 'other',
        createdAt: asOf,
        activities: [],
      },
      {
        id: '2',
        contact: {},
        company: { name: 'B', technologies: [], annualRevenue: { amountMinor: 99_999_999, currency: 'USD' } },
        source: 'other',
        createdAt: asOf,
        activities: [],
      },
    ];
    const scorer = compileScoringModel(crmModel);
    for (const database of databases) {
      const double = database.dialect === 'postgres' ? 'DOUBLE PRECISION' : 'DOUBLE';
      await database.query('DROP TABLE IF EXISTS crm_contacts');
      await database.query('DROP TABLE IF EXISTS "crm tech"');
      await database.query(`CREATE TABLE crm_contacts ("contact id" TEXT, "Industry" TEXT, tags TEXT, revenue ${double}, seats BIGINT)`);
      await database.query('CREATE TABLE "crm tech" (contact TEXT, name TEXT)');
      await database.query(`INSERT INTO crm_contacts VALUES ('1', 'x', 'saas;b2b', 2500000.5, 12), ('2', NULL, NULL, 999999.99, NULL)`);
      await database.query(`INSERT INTO "crm tech" VALUES ('1', 'AWS'), ('1', 'hubspot'), ('1', 'aws'), ('3', 'aws')`);
      const query = scoringModelToSql(crmModel, { dialect: database.dialect, mapping });
      const rows = (await database.query(query.sql, query.parameters({ asOf }))).map(readSqlLeadScore);
      for (const lead of crmLeads) {
        const row = rows.find((candidate) => candidate.leadId === lead.id);
        expect(row).toBeDefined();
        if (row !== undefined) expect(scoreDifferences(scorer(lead, { asOf }), row)).toEqual([]);
      }
      expect(rows.find((row) => row.leadId === '1')?.score).toBe(3 + 2 + 3 + 4 + 6 + 1);
    }
  });

  it('gives DDL that runs on both engines and rows for every lead, activity and stage change', async () => {
    expect(leadkitTablesSql('postgres')[0]).toContain('"technologies" TEXT[]');
    expect(leadkitTablesSql('duckdb')[0]).toContain('"technologies" VARCHAR[]');
    const rows = leadsToRows(leads);
    expect(rows.leads.map((row) => row['id'])).toEqual(['ada', 'bob', 'cy']);
    expect(rows.leads[0]?.['annual_revenue_minor']).toBe(2_500_000_000);
    expect(rows.leads[0]?.['custom_fields']).toBe(JSON.stringify(leads[0]?.customFields));
    expect(rows.activities).toHaveLength(6);
    expect(rows.stageChanges.map((row) => row['to_stage'])).toEqual(['lead', 'mql', 'sql']);
    for (const database of databases) {
      await database.load(leads);
      const counted = await database.query('SELECT COUNT(*) AS n FROM leadkit_activities');
      expect(Number(counted[0]?.['n'])).toBe(6);
    }
  });
});

describe('segmentToSql', () => {
  it('selects the leads of a segment with activity tests as EXISTS, created by asOf', async () => {
    const segment = defineSegment({
      id: 'engaged-software',
      when: {
        all: [
          { field: 'company.industry', equals: 'SOFTWARE' },
          { activity: { type: 'page_viewed', pageKind: 'pricing' }, withinDays: 30 },
        ],
      },
    });
    for (const database of databases) {
      await database.load(leads);
      const query = segmentToSql(segment, { dialect: database.dialect, mapping: leadkitSqlMapping });
      expect(query.where).toContain('EXISTS (SELECT 1 FROM');
      const rows = await database.query(query.sql, query.parameters({ asOf }));
      expect(rows.map((row) => row['lead_id'])).toEqual(['ada']);
      // Cy was created after asOf: left out even by a segment every lead meets.
      const everyone = segmentToSql(defineSegment({ id: 'all', when: { field: 'id', exists: true } }), {
        dialect: database.dialect,
        mapping: leadkitSqlMapping,
      });
      expect((await database.query(everyone.sql, everyone.parameters({ asOf }))).map((row) => row['lead_id']).sort()).toEqual(['ada', 'bob']);
    }
  });
});

describe('leadkit/sql is an edge entry without a database driver', () => {
  it('imports no driver and no Node.js module outside its tests', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const directory = new URL('.', import.meta.url).pathname;
    const sources = readdirSync(directory).filter((file) => file.endsWith('.ts') && !/\.test(-d|-prop|-helpers)?\.ts$/.test(file));
    expect(sources).toContain('index.ts');
    for (const file of sources) {
      // The code, without the TSDoc (whose examples may import a driver, as a user does).
      const text = readFileSync(`${directory}${file}`, 'utf8').replace(/\/\*\*[\s\S]*?\*\//g, '');
      expect({ file, driver: /from\s+['"](@duckdb|@electric-sql|pg|node:)/.test(text), helpers: text.includes('test-helpers') }).toEqual({
        file,
        driver: false,
        helpers: false,
      });
    }
  });
});

describe('edges of the SQL writer, the dialects and the field sources', () => {
  it('types custom columns as said, and refuses what an unparsed mapping leaves unsaid', () => {
    const mapping: SqlMapping = {
      leads: {
        table: 't',
        id: 'id',
        fields: {
          'customFields.seats': { column: 'seats', type: 'number' },
          'customFields.trial': { column: 'trial', type: 'boolean' },
          'customFields.signedAt': { column: 'signed_at', type: 'timestamp' },
          'customFields.raw': 'raw',
          'company.technologies': 'technologies',
          'company.annualRevenue': 'revenue',
        },
      },
    };
    const when = (field: string, test: Record<string, unknown>) =>
      defineScoringModel({ schemaVersion: 1, id: 'x', rules: [{ kind: 'points', id: 'r', label: 'R', when: { field, ...test }, points: 1 }] });
    for (const [field, test] of [
      ['customFields.seats', { min: 3 }],
      ['customFields.trial', { equals: true }],
      ['customFields.signedAt', { exists: true }],
    ] as const)
      expect(scoringModelToSql(when(field, test), { dialect: 'postgres', mapping }).sql).toContain(
        field === 'customFields.signedAt' ? '"signed_at" IS NULL' : 'CAST(l.',
      );
    expect(() => scoringModelToSql(when('customFields.raw', { exists: true }), { dialect: 'postgres', mapping })).toThrow(/say its type/);
    expect(() => scoringModelToSql(when('company.technologies', { exists: true }), { dialect: 'postgres', mapping })).toThrow(/is a list/);
    expect(() => scoringModelToSql(when('company.annualRevenue', { exists: true }), { dialect: 'postgres', mapping })).toThrow(/amount of money/);
    expect(
      parseSqlMapping({
        leads: { table: 't', id: 'id', fields: { 'company.annualRevenue': { amount: 'a', unit: 'minor', currency: 'c', currencyCode: 'USD' } } },
      }).ok,
    ).toBe(false);
  });

  it('checks a segment against an extended lead schema when given one', () => {
    const segment = defineSegment({ id: 's', when: { field: 'company.industry', equals: 'software' } });
    expect(segmentToSql(segment, { dialect: 'duckdb', mapping: leadkitSqlMapping, lead: undefined }).where).toContain('lower(');
    expect(() =>
      segmentToSql({ id: 's', when: { field: 'accountTier', equals: 'gold' } }, { dialect: 'duckdb', mapping: leadkitSqlMapping, lead: leadSchemaForTests }),
    ).toThrow(ValidationError);
  });

  it('nests concat for PostgreSQL past its 100 arguments, and refuses more parameters than a statement takes', async () => {
    const many = defineScoringModel({
      schemaVersion: 1,
      id: 'many',
      rules: Array.from({ length: 120 }, (_, index) => ({
        kind: 'points' as const,
        id: `r${index}`,
        label: `Rule ${index}`,
        when: { field: 'id', exists: true },
        points: index + 0.5,
      })),
    });
    const database = databases.find((candidate) => candidate.dialect === 'postgres') as TestDatabase;
    expect(await scoringDifferences([database], many, leads.slice(0, 1), asOf)).toEqual([]);
    const tooMany = defineScoringModel({
      schemaVersion: 1,
      id: 'too-many',
      rules: [
        { kind: 'points', id: 'r', label: 'R', when: { field: 'company.industry', in: Array.from({ length: 10_000 }, (_, index) => `v${index}`) }, points: 1 },
      ],
    });
    expect(() => scoringModelToSql(tooMany, { dialect: { ...postgresDialect, maxParameters: 100 }, mapping: leadkitSqlMapping })).toThrow(
      /more than 100 bound parameters/,
    );
  });
});
