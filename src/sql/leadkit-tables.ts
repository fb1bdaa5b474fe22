import type { Lead } from '../models/lead.ts';
import { resolveSqlDialect, type SqlDialect, type SqlDialectName } from './dialect.ts';
import type { SqlMapping } from './sql-mapping-definition.ts';

/** The kind of a column of leadkit's default tables. */
type ColumnKind = 'text' | 'number' | 'bigint' | 'boolean' | 'timestamp' | 'list' | 'json';

/** The leads table: one row per lead. Each entry: column, kind, the field it holds (when it is one), read. */
const LEAD_COLUMNS: readonly (readonly [string, ColumnKind, string | undefined, (lead: Lead) => unknown])[] = [
  ['id', 'text', 'id', (lead) => lead.id],
  ['first_name', 'text', 'contact.firstName', (lead) => lead.contact.firstName],
  ['last_name', 'text', 'contact.lastName', (lead) => lead.contact.lastName],
  ['email', 'text', 'contact.email', (lead) => lead.contact.email],
  ['phone', 'text', 'contact.phone', (lead) => lead.contact.phone],
  ['job_title', 'text', 'contact.jobTitle', (lead) => lead.contact.jobTitle],
  ['seniority', 'text', 'contact.seniority', (lead) => lead.contact.seniority],
  ['department', 'text', 'contact.department', (lead) => lead.contact.department],
  ['decision_role', 'text', 'contact.decisionRole', (lead) => lead.contact.decisionRole],
  ['company_name', 'text', 'company.name', (lead) => lead.company?.name],
  ['company_domain', 'text', 'company.domain', (lead) => lead.company?.domain],
  ['industry', 'text', 'company.industry', (lead) => lead.company?.industry],
  ['employee_count', 'number', 'company.employeeCount', (lead) => lead.company?.employeeCount],
  ['annual_revenue_minor', 'bigint', undefined, (lead) => lead.company?.annualRevenue?.amountMinor],
  ['annual_revenue_currency', 'text', undefined, (lead) => lead.company?.annualRevenue?.currency],
  ['country', 'text', 'company.country', (lead) => lead.company?.country],
  ['region', 'text', 'company.region', (lead) => lead.company?.region],
  ['city', 'text', 'company.city', (lead) => lead.company?.city],
  ['technologies', 'list', 'company.technologies', (lead) => lead.company?.technologies],
  ['tags', 'list', 'company.tags', (lead) => lead.company?.tags],
  ['source', 'text', 'source', (lead) => lead.source],
  ['campaign', 'text', 'campaign', (lead) => lead.campaign],
  ['created_at', 'timestamp', 'createdAt', (lead) => lead.createdAt],
  ['updated_at', 'timestamp', 'updatedAt', (lead) => lead.updatedAt],
  ['last_verified_at', 'timestamp', 'lastVerifiedAt', (lead) => lead.lastVerifiedAt],
  ['owner_id', 'text', 'ownerId', (lead) => lead.ownerId],
  ['stage', 'text', 'stage', (lead) => lead.stage],
  ['pain_points', 'list', 'painPoints', (lead) => lead.painPoints],
  ['email_opt_out', 'boolean', 'consent.emailOptOut', (lead) => lead.consent?.emailOptOut],
  ['do_not_call', 'boolean', 'consent.doNotCall', (lead) => lead.consent?.doNotCall],
  ['gdpr_basis', 'text', 'consent.gdprBasis', (lead) => lead.consent?.gdprBasis],
  ['consented_at', 'timestamp', 'consent.consentedAt', (lead) => lead.consent?.consentedAt],
  ['outcome_status', 'text', 'outcome.status', (lead) => lead.outcome?.status],
  ['outcome_at', 'timestamp', 'outcome.at', (lead) => lead.outcome?.at],
  ['outcome_amount_minor', 'bigint', undefined, (lead) => lead.outcome?.amount?.amountMinor],
  ['outcome_amount_currency', 'text', undefined, (lead) => lead.outcome?.amount?.currency],
  ['outcome_reason', 'text', 'outcome.reason', (lead) => lead.outcome?.reason],
  ['custom_fields', 'json', undefined, (lead) => (lead.customFields === undefined ? undefined : JSON.stringify(lead.customFields))],
  ['previous_band', 'text', undefined, () => undefined],
];

type ActivityDetails = { readonly pageKind?: string; readonly url?: string; readonly bounce?: string; readonly direction?: string; readonly campaign?: string };

/** The activities table: one row per activity. */
const ACTIVITY_COLUMNS: readonly (readonly [string, ColumnKind])[] = [
  ['lead_id', 'text'],
  ['position', 'bigint'],
  ['type', 'text'],
  ['at', 'timestamp'],
  ['page_kind', 'text'],
  ['url', 'text'],
  ['bounce', 'text'],
  ['direction', 'text'],
  ['campaign', 'text'],
];

/** The stage history table: one row per stage change. */
const STAGE_CHANGE_COLUMNS: readonly (readonly [string, ColumnKind])[] = [
  ['lead_id', 'text'],
  ['position', 'bigint'],
  ['from_stage', 'text'],
  ['to_stage', 'text'],
  ['event', 'text'],
  ['at', 'timestamp'],
];

/** The names of leadkit's default tables. */
export const LEADKIT_TABLES = { leads: 'leadkit_leads', activities: 'leadkit_activities', stageChanges: 'leadkit_stage_changes' } as const;

/**
 * The mapping of leadkit's default tables (see {@link leadkitTablesSql}): every field of `Lead` in a column of
 * `leadkit_leads`, lists as array columns, money as minor units and a currency, custom fields in one JSON column,
 * activities in `leadkit_activities` and the stage history in `leadkit_stage_changes`.
 */
export const leadkitSqlMapping: SqlMapping = {
  leads: {
    table: LEADKIT_TABLES.leads,
    id: 'id',
    fields: Object.fromEntries([
      ...LEAD_COLUMNS.flatMap(([column, kind, field]) =>
        field === undefined || field === 'id' ? [] : [[field, kind === 'list' ? { array: column } : column] as const],
      ),
      ['company.annualRevenue', { amount: 'annual_revenue_minor', unit: 'minor', currency: 'annual_revenue_currency' }],
      ['outcome.amount', { amount: 'outcome_amount_minor', unit: 'minor', currency: 'outcome_amount_currency' }],
    ]),
    customFields: 'custom_fields',
    previousBand: 'previous_band',
  },
  activities: {
    table: LEADKIT_TABLES.activities,
    leadId: 'lead_id',
    type: 'type',
    at: 'at',
    pageKind: 'page_kind',
    url: 'url',
    bounce: 'bounce',
    direction: 'direction',
    campaign: 'campaign',
  },
  stageHistory: { table: LEADKIT_TABLES.stageChanges, leadId: 'lead_id', position: 'position', to: 'to_stage', at: 'at' },
};

function typeOf(kind: ColumnKind, dialect: SqlDialect): string {
  switch (kind) {
    case 'text':
      return dialect.textType;
    case 'number':
      return dialect.doubleType;
    case 'bigint':
      return dialect.bigintType;
    case 'boolean':
      return dialect.booleanType;
    case 'timestamp':
      return dialect.timestampType;
    case 'list':
      return dialect.textListType;
    case 'json':
      return dialect.jsonType;
  }
}

function createTable(name: string, columns: readonly (readonly [string, ColumnKind, ...unknown[]])[], dialect: SqlDialect, primaryKey: string): string {
  const lines = columns.map(
    ([column, kind]) =>
      `  ${dialect.quoteIdentifier(column)} ${typeOf(kind, dialect)}${column === 'id' || column === 'lead_id' || column === 'type' || column === 'at' || column === 'to_stage' || column === 'source' ? ' NOT NULL' : ''}`,
  );
  return `CREATE TABLE ${dialect.quoteIdentifier(name)} (\n${lines.join(',\n')},\n  PRIMARY KEY (${primaryKey})\n);`;
}

/**
 * The DDL of leadkit's default tables for a dialect: `leadkit_leads` (one row per lead), `leadkit_activities` (one
 * per activity) and `leadkit_stage_changes` (one per stage change), matching {@link leadkitSqlMapping} and the rows
 * of {@link leadsToRows}.
 *
 * @example
 * ```ts
 * import { DuckDBInstance } from '@duckdb/node-api';
 *
 * const connection = await (await DuckDBInstance.create(':memory:')).connect();
 * for (const statement of leadkitTablesSql('duckdb')) await connection.run(statement);
 * ```
 */
export function leadkitTablesSql(dialect: SqlDialectName | SqlDialect): string[] {
  const resolved = resolveSqlDialect(dialect);
  return [
    createTable(LEADKIT_TABLES.leads, LEAD_COLUMNS, resolved, resolved.quoteIdentifier('id')),
    createTable(LEADKIT_TABLES.activities, ACTIVITY_COLUMNS, resolved, `${resolved.quoteIdentifier('lead_id')}, ${resolved.quoteIdentifier('position')}`),
    createTable(LEADKIT_TABLES.stageChanges, STAGE_CHANGE_COLUMNS, resolved, `${resolved.quoteIdentifier('lead_id')}, ${resolved.quoteIdentifier('position')}`),
  ];
}

/** A value of a row of leadkit's default tables: text, a number, a boolean, an instant, a list of text, or `null`. */
export type SqlRowValue = string | number | boolean | Date | readonly string[] | null;

/** One row: values by column name. */
export type SqlRow = Readonly<Record<string, SqlRowValue>>;

/** The rows of leadkit's default tables for some leads. */
export interface LeadkitRows {
  /** Rows of `leadkit_leads`, one per lead (custom fields as JSON text). */
  readonly leads: readonly SqlRow[];
  /** Rows of `leadkit_activities`, in each lead's order (`position` from 0). */
  readonly activities: readonly SqlRow[];
  /** Rows of `leadkit_stage_changes`, in each lead's order (`position` from 0). */
  readonly stageChanges: readonly SqlRow[];
  /** The column names of each table, in the order of {@link leadkitTablesSql}. */
  readonly columns: { readonly leads: readonly string[]; readonly activities: readonly string[]; readonly stageChanges: readonly string[] };
}

const orNull = (value: unknown): SqlRowValue => (value === undefined ? null : (value as SqlRowValue));

/**
 * The rows to load into leadkit's default tables for some leads (see {@link leadkitTablesSql}): one per lead, one
 * per activity, one per stage change. Instants stay `Date`s, lists stay arrays, custom fields become JSON text; the
 * driver you load them with converts them. The leads are not changed.
 *
 * @example
 * ```ts
 * const rows = leadsToRows(leads);
 * rows.leads[0]?.['industry']; // 'software'
 * ```
 */
export function leadsToRows(leads: Iterable<Lead>): LeadkitRows {
  const leadRows: SqlRow[] = [];
  const activityRows: SqlRow[] = [];
  const stageRows: SqlRow[] = [];
  for (const lead of leads) {
    const row: Record<string, SqlRowValue> = {};
    for (const [column, , , read] of LEAD_COLUMNS) {
      const value = read(lead);
      row[column] = Array.isArray(value) ? [...(value as string[])] : orNull(value);
    }
    leadRows.push(row);
    lead.activities.forEach((activity, position) => {
      const details = activity as ActivityDetails;
      activityRows.push({
        lead_id: lead.id,
        position,
        type: activity.type,
        at: activity.at,
        page_kind: orNull(details.pageKind),
        url: orNull(details.url),
        bounce: orNull(details.bounce),
        direction: orNull(details.direction),
        campaign: orNull(details.campaign),
      });
    });
    (lead.stageHistory ?? []).forEach((change, position) => {
      stageRows.push({ lead_id: lead.id, position, from_stage: change.from, to_stage: change.to, event: change.event, at: change.at });
    });
  }
  return {
    leads: leadRows,
    activities: activityRows,
    stageChanges: stageRows,
    columns: {
      leads: LEAD_COLUMNS.map(([column]) => column),
      activities: ACTIVITY_COLUMNS.map(([column]) => column),
      stageChanges: STAGE_CHANGE_COLUMNS.map(([column]) => column),
    },
  };
}

/** The columns of leadkit's default tables with their kinds (internal: for loaders in tests and benchmarks). */
export function leadkitTableColumns(): Readonly<Record<'leads' | 'activities' | 'stageChanges', readonly (readonly [string, ColumnKind])[]>> {
  return { leads: LEAD_COLUMNS.map(([column, kind]) => [column, kind] as const), activities: ACTIVITY_COLUMNS, stageChanges: STAGE_CHANGE_COLUMNS };
}
