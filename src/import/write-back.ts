import Papa from 'papaparse';
import { compileFieldReader } from '../conditions/field-path.ts';
import type { Lead } from '../models/lead.ts';
import { moneyToDecimal, type Money } from '../models/money.ts';
import { topReasons } from '../scoring/explain.ts';
import type { LeadScore, ScoreResult } from '../scoring/types.ts';

/** Where a score goes in the CRM: the property (or field) names your team created, and how many reasons. */
export interface WriteBackFields {
  /** The score (a number). */
  readonly score?: string | undefined;
  /** The grade (`A2`, `F` when disqualified), from a scoring model's result. */
  readonly grade?: string | undefined;
  /** The band (`hot`), from a scoring model's result. */
  readonly band?: string | undefined;
  /** Whether the lead is sales-ready. */
  readonly salesReady?: string | undefined;
  /** The top reasons, one per line (`Demo requested (+40)`); one property. */
  readonly reasons?: string | undefined;
  /** How many reasons (default 3). */
  readonly reasonCount?: number | undefined;
}

/** The property names {@link toHubspotProperties} writes by default (custom contact properties to create in HubSpot). */
export const HUBSPOT_SCORE_PROPERTIES = {
  score: 'leadkit_score',
  grade: 'leadkit_grade',
  band: 'leadkit_band',
  salesReady: 'leadkit_sales_ready',
  reasons: 'leadkit_reasons',
} as const satisfies WriteBackFields;

/** The field names {@link toSalesforceFields} writes by default (custom fields to create on the object). */
export const SALESFORCE_SCORE_FIELDS = {
  score: 'Lead_Score__c',
  grade: 'Lead_Grade__c',
  band: 'Lead_Band__c',
  salesReady: 'Sales_Ready__c',
  reasons: 'Score_Reasons__c',
} as const satisfies WriteBackFields;

function format(points: number): string {
  const rounded = Math.round(points * 100) / 100;
  return `${rounded >= 0 ? '+' : ''}${rounded}`;
}

function reasonLines(result: ScoreResult, count: number): string[] {
  const lines = topReasons(result, count).map((reason) => `${reason.label} (${format(reason.points)})`);
  for (const gate of result.disqualifications) lines.unshift(`disqualified: ${gate.label}`);
  return lines;
}

function isLeadScore(result: ScoreResult): result is LeadScore {
  return 'grade' in result && 'salesReady' in result;
}

function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}

function writeBack(result: ScoreResult, fields: WriteBackFields): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  const set = (name: string | undefined, value: string | number | boolean | null): void => {
    if (name !== undefined && name !== '') Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  };
  set(fields.score, roundScore(result.score));
  if (isLeadScore(result)) {
    set(fields.grade, result.grade ?? null);
    set(fields.band, result.band ?? null);
    set(fields.salesReady, result.salesReady);
  }
  set(fields.reasons, reasonLines(result, fields.reasonCount ?? 3).join('\n'));
  return out;
}

/** A HubSpot object update, as the CRM API's batch update takes it: the record id and its properties as text. */
export interface HubspotPropertiesPatch {
  /** The HubSpot record id (the lead's id, as imported from `hs_object_id`). */
  readonly id: string;
  /** Property name → value (HubSpot takes every value as text; an empty string clears a property). */
  readonly properties: Readonly<Record<string, string>>;
}

/**
 * A patch writing a score back to HubSpot: the score, grade, band, sales-readiness and top reasons, into the
 * properties a team names ({@link HUBSPOT_SCORE_PROPERTIES} by default), ready for the API client's batch update
 * (`{ inputs: leads.map(...) }`). Values are text, as HubSpot takes them; a missing grade or band clears its property.
 *
 * @example
 * ```ts
 * const patch = toHubspotProperties(lead, scorer(lead, { asOf }), { score: 'lead_score_2024', reasons: 'score_reasons' });
 * // { id: '1501', properties: { lead_score_2024: '57', score_reasons: 'Demo requested (+40)\nTarget industry (+10)' } }
 * ```
 */
export function toHubspotProperties(lead: Lead, result: ScoreResult, fields: WriteBackFields = HUBSPOT_SCORE_PROPERTIES): HubspotPropertiesPatch {
  const values = writeBack(result, fields);
  const properties: Record<string, string> = {};
  for (const name of Object.keys(values)) {
    const value = values[name];
    Object.defineProperty(properties, name, { value: value === null ? '' : String(value), enumerable: true, writable: true, configurable: true });
  }
  return { id: lead.id, properties };
}

/**
 * A patch writing a score back to Salesforce: `{ Id, <field>: value }` for the sObject update of the API client
 * (`conn.sobject('Lead').update(patches)`), into the custom fields a team names ({@link SALESFORCE_SCORE_FIELDS} by
 * default). The score is a number, sales-readiness a checkbox, a missing grade or band `null` (clears the field).
 *
 * @example
 * ```ts
 * const patch = toSalesforceFields(lead, scorer(lead, { asOf }));
 * // { Id: '00Q5e00000AbCdE', Lead_Score__c: 57, Lead_Grade__c: 'A2', … }
 * ```
 */
export function toSalesforceFields(
  lead: Lead,
  result: ScoreResult,
  fields: WriteBackFields = SALESFORCE_SCORE_FIELDS,
): Readonly<Record<string, string | number | boolean | null>> {
  return { Id: lead.id, ...writeBack(result, fields) };
}

/** A lead and its score, as {@link leadsToCsv} writes them. */
export interface ScoredLead<L extends Lead = Lead> {
  /** The lead. */
  readonly lead: L;
  /** Its score. */
  readonly result: ScoreResult;
}

/** Options of {@link leadsToCsv}. */
export interface LeadsToCsvOptions {
  /** Lead fields to write first, by field path (default `id`, `contact.email`, `company.name`, `stage`). */
  readonly fields?: readonly string[] | undefined;
  /** How many reasons, one column each (`reason_1` …), default 3. */
  readonly reasonCount?: number | undefined;
  /** The separator (default `,`). */
  readonly delimiter?: ',' | ';' | '\t' | undefined;
}

function cellOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'object' && 'amountMinor' in value && 'currency' in value) return `${moneyToDecimal(value as Money)} ${(value as Money).currency}`;
  return String(value);
}

/**
 * Writes scored leads as CSV text (RFC 4180, CRLF, with papaparse): the chosen lead fields, then `score`, `grade`,
 * `band`, `sales_ready` and one column per top reason (`Demo requested (+40)`). Cells that a spreadsheet would run as a
 * formula (starting with `=`, `+`, `-`, `@`) are escaped with a leading `'`.
 *
 * @example
 * ```ts
 * const csv = leadsToCsv(leads.map((lead) => ({ lead, result: scorer(lead, { asOf }) })), { fields: ['id', 'contact.email'] });
 * ```
 */
export function leadsToCsv(scored: Iterable<ScoredLead>, options: LeadsToCsvOptions = {}): string {
  const fields = options.fields ?? ['id', 'contact.email', 'company.name', 'stage'];
  const readers = fields.map((path) => compileFieldReader(path));
  const reasonCount = options.reasonCount ?? 3;
  const header = [...fields, 'score', 'grade', 'band', 'sales_ready', ...Array.from({ length: reasonCount }, (_, index) => `reason_${index + 1}`)];
  const rows: string[][] = [];
  for (const { lead, result } of scored) {
    const reasons = reasonLines(result, reasonCount);
    rows.push([
      ...readers.map((read) => cellOf(read(lead, Number.POSITIVE_INFINITY))),
      String(roundScore(result.score)),
      isLeadScore(result) ? (result.grade ?? '') : '',
      isLeadScore(result) ? (result.band ?? '') : '',
      isLeadScore(result) ? String(result.salesReady) : '',
      ...Array.from({ length: reasonCount }, (_, index) => reasons[index] ?? ''),
    ]);
  }
  return Papa.unparse({ fields: header, data: rows }, { newline: '\r\n', delimiter: options.delimiter ?? ',', escapeFormulae: true });
}
