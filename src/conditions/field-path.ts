import * as z from 'zod/v4';
import { DERIVED_LEAD_FIELDS, leadFieldCode, leadFieldGetter, readLeadField } from '../internal/lead-fields.ts';
import { RECORD_PLACED, stageAsOf, type StageAsOf } from '../internal/stage-as-of.ts';
import { closestMatch } from '../internal/suggest.ts';
import { countryCodeList, CountryCode } from '../models/country.ts';
import { Lead } from '../models/lead.ts';
import { Money } from '../models/money.ts';

const forbiddenSegments = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The paths of `Lead`'s own fields a definition may name (`customFields.<name>` comes on top; an extended lead adds
 * its fields). `leadFieldCatalog()` lists the same paths, with what each holds.
 */
export const LEAD_FIELD_PATHS = [
  'id',
  'contact.firstName',
  'contact.lastName',
  'contact.email',
  'contact.phone',
  'contact.jobTitle',
  'contact.seniority',
  'contact.department',
  'contact.decisionRole',
  'contact.emailDomain',
  'contact.emailKind',
  'company.name',
  'company.domain',
  'company.industry',
  'company.employeeCount',
  'company.annualRevenue',
  'company.country',
  'company.region',
  'company.city',
  'company.technologies',
  'company.tags',
  'source',
  'sourceDetail',
  'campaign',
  'createdAt',
  'updatedAt',
  'lastVerifiedAt',
  'ownerId',
  'stage',
  'painPoints',
  'consent.emailOptOut',
  'consent.doNotCall',
  'consent.gdprBasis',
  'consent.consentedAt',
  'outcome.status',
  'outcome.at',
  'outcome.amount',
  'outcome.reason',
] as const;

/** A path to one of `Lead`'s own fields, or a custom field (`customFields.plan`). */
export type LeadFieldPath = (typeof LEAD_FIELD_PATHS)[number] | `customFields.${string}`;

/**
 * A field path as the types accept it: `Lead`'s paths are suggested by editors; any other text is accepted too (the
 * fields of an extended lead), and checked against the lead schema when the definition is parsed.
 */
export type FieldPathText = LeadFieldPath | (string & {});

/**
 * A field of the lead, named by a dotted path: `company.industry`, `contact.seniority`, `source`,
 * `customFields.plan` (the custom field's name is the rest of the path), or a field of your extended lead
 * (`accountTier`, `company.tier`). `contact.emailDomain` and `contact.emailKind` are derived from `contact.email`;
 * `stage` is the lead's stage as of `asOf`. The same syntax serves every condition, scoring rule, segment, ICP
 * criterion, feature spec and import mapping. `__proto__`, `constructor` and `prototype` are refused.
 *
 * @example
 * ```ts
 * FieldPath.parse('company.industry');
 * ```
 */
export const FieldPath: z.ZodType<FieldPathText, FieldPathText> = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[A-Za-z_$][A-Za-z0-9_$]*(\.[^.]+)*$/, {
    error: (iss) => `${shorten(iss.input)} is not a field path such as "company.industry" or "customFields.plan"`,
  })
  .refine((path) => !path.split('.').some((segment) => forbiddenSegments.has(segment)), {
    error: (iss) => `${shorten(iss.input)} may not name "__proto__", "constructor" or "prototype"`,
  });

/** The kind of value a lead field holds, which says which tests a condition may make on it. */
export type LeadFieldKind = 'text' | 'number' | 'boolean' | 'date' | 'money' | 'list' | 'any';

/** One field a condition, a rule or a mapping may name. */
export interface LeadField {
  /** The path (`company.industry`), or `customFields.*` for any custom field. */
  readonly path: string;
  /** What it holds: `list` is a list of text (technologies, tags), `any` a custom field (any JSON scalar or a list). */
  readonly kind: LeadFieldKind;
  /** The closed list of values it may hold (an enum such as `contact.seniority`, or country codes), when there is one. */
  readonly values?: readonly string[] | undefined;
  /** For a derived field: what it is computed from, in words. */
  readonly derived?: string | undefined;
}

/**
 * The fields of a lead schema a definition may name, by path. Build one with {@link leadFieldCatalog}; `parse*`
 * and `compile*` functions that take a `lead` schema option build it for you.
 */
export interface LeadFieldCatalog {
  /** Every named field by path (`customFields.*` stands for every custom field). */
  readonly fields: ReadonlyMap<string, LeadField>;
  /** Paths whose every sub-path is a field of kind `any` (`customFields`). */
  readonly openRecords: readonly string[];
}

/** A zod object schema whose values are leads: `Lead` itself or `Lead.extend({ … })`. */
export type LeadSchema = z.ZodType<Lead, unknown>;

const MAX_DEPTH = 6;

interface ZodInternals {
  readonly _zod: { readonly def: Record<string, unknown> & { readonly type: string } };
}

function defOf(schema: unknown): (Record<string, unknown> & { readonly type: string }) | undefined {
  return typeof schema === 'object' && schema !== null && '_zod' in schema ? (schema as ZodInternals)._zod.def : undefined;
}

// Optional, default, nullable, readonly and catch wrappers say nothing about what a field holds.
function unwrap(schema: unknown): unknown {
  let current = schema;
  for (let step = 0; step < 20; step++) {
    const def = defOf(current);
    if (def === undefined) return current;
    if (['optional', 'default', 'nullable', 'readonly', 'catch', 'nonoptional', 'prefault'].includes(def.type)) current = def['innerType'];
    else if (def.type === 'lazy') current = (def['getter'] as () => unknown)();
    else return current;
  }
  return current;
}

function enumValues(def: Record<string, unknown> & { readonly type: string }): string[] | undefined {
  if (def.type === 'enum') return Object.values(def['entries'] as Record<string, string | number>).map(String);
  if (def.type === 'literal') return (def['values'] as unknown[]).map(String);
  if (def.type === 'union') {
    const values: string[] = [];
    for (const option of def['options'] as unknown[]) {
      const inner = defOf(unwrap(option));
      const listed = inner === undefined ? undefined : enumValues(inner);
      if (listed === undefined) return undefined;
      values.push(...listed);
    }
    return values;
  }
  return undefined;
}

type Found = { readonly kind: LeadFieldKind; readonly values?: readonly string[] } | 'object' | 'record' | 'skip';

function classify(schema: unknown): Found {
  if (schema === Money) return { kind: 'money' };
  if (schema === CountryCode) return { kind: 'text', values: countryCodeList };
  const def = defOf(schema);
  if (def === undefined) return 'skip';
  switch (def.type) {
    case 'string':
      return { kind: 'text' };
    case 'number':
    case 'int':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'date':
      return { kind: 'date' };
    case 'enum':
    case 'literal': {
      const values = enumValues(def);
      return values === undefined ? 'skip' : { kind: 'text', values };
    }
    case 'object':
      return 'object';
    case 'record':
      return 'record';
    case 'pipe': {
      // A codec: what the lead holds in memory is its output (a Date, a Money).
      const out = unwrap(def['out']);
      const outDef = defOf(out);
      if (outDef?.type === 'object') {
        const keys = Object.keys(outDef['shape'] as object);
        if (keys.includes('amountMinor') && keys.includes('currency')) return { kind: 'money' };
      }
      return classify(out);
    }
    case 'array': {
      const element = unwrap(def['element']);
      const found = classify(element);
      if (typeof found === 'object' && found.kind === 'text') return found.values === undefined ? { kind: 'list' } : { kind: 'list', values: found.values };
      return 'skip';
    }
    case 'union': {
      const values = enumValues(def);
      if (values !== undefined) return { kind: 'text', values };
      const kinds = new Set((def['options'] as unknown[]).map((option) => classify(unwrap(option))));
      if (kinds.size === 1) return [...kinds][0] as Found;
      return { kind: 'any' };
    }
    default:
      return 'skip';
  }
}

/**
 * The catalog of the fields a definition may name for a lead schema: every scalar field, list of text and amount of
 * money of the lead, its contact, company, consent and outcome (and of any object your `Lead.extend` adds),
 * `customFields.*`, and the derived `contact.emailDomain` and `contact.emailKind`. Activities and the stage history
 * are not fields: conditions reach them with activity tests, metrics with the history.
 *
 * @example
 * ```ts
 * import * as z from 'zod/v4';
 *
 * const CrmLead = Lead.extend({ accountTier: z.enum(['gold', 'silver']) });
 * leadFieldCatalog(CrmLead).fields.get('accountTier'); // { path: 'accountTier', kind: 'text', values: ['gold', 'silver'] }
 * ```
 */
export function leadFieldCatalog(schema: LeadSchema = Lead): LeadFieldCatalog {
  const fields = new Map<string, LeadField>();
  const openRecords: string[] = [];
  const visit = (shapeOwner: unknown, prefix: string, depth: number): void => {
    const def = defOf(shapeOwner);
    if (def === undefined || def.type !== 'object' || depth > MAX_DEPTH) return;
    const shape = def['shape'] as Record<string, unknown>;
    for (const key of Object.keys(shape)) {
      if (forbiddenSegments.has(key) || (prefix === '' && key === 'schemaVersion')) continue;
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const inner = unwrap(shape[key]);
      const found = classify(inner);
      if (found === 'skip') continue;
      if (found === 'object') visit(inner, path, depth + 1);
      else if (found === 'record') {
        openRecords.push(path);
        fields.set(`${path}.*`, { path: `${path}.*`, kind: 'any' });
      } else fields.set(path, { path, kind: found.kind, ...(found.values === undefined ? {} : { values: found.values }) });
    }
  };
  visit(schema, '', 0);
  for (const [path, derived] of DERIVED_LEAD_FIELDS)
    if (fields.has(derived.from) && !fields.has(path))
      fields.set(path, { path, kind: 'text', derived: derived.description, ...(derived.values === undefined ? {} : { values: derived.values }) });
  return { fields, openRecords };
}

/** The field a path names in a catalog, or a message saying why it names none (with a "did you mean"). */
export function resolveFieldPath(
  path: string,
  catalog: LeadFieldCatalog,
): { readonly ok: true; readonly field: LeadField } | { readonly ok: false; readonly message: string } {
  const known = catalog.fields.get(path);
  if (known !== undefined) return { ok: true, field: known };
  for (const record of catalog.openRecords)
    if (path.startsWith(`${record}.`) && path.length > record.length + 1) return { ok: true, field: { path, kind: 'any' } };
  const candidates = [...catalog.fields.keys()].filter((candidate) => !candidate.endsWith('.*'));
  const suggestion = closestMatch(path, candidates);
  const hint = suggestion === undefined ? '' : ` Did you mean ${JSON.stringify(suggestion)}?`;
  const records = catalog.openRecords.map((record) => `${record}.<name>`).join(', ');
  return {
    ok: false,
    message: `${shorten(path)} is not a field of the lead.${hint} Name a field such as company.industry${records === '' ? '' : `, ${records}`} or a field of your extended lead (give its schema as the "lead" option).`,
  };
}

/** Reads one field of a lead as of an instant (`stage` depends on it; every other field is read as it is). */
export type FieldReader = (lead: Lead, asOfMs: number) => unknown;

/**
 * The lead's stage as of an instant, by the rule every metric shares: the last stage-history entry (in array order)
 * dated at or before it; the lead's `stage` when it has no history; none before the lead was created.
 */
export function stageAsOfInstant(lead: Lead, asOfMs: number): string | undefined {
  const position: StageAsOf = { stageId: undefined, sinceMs: 0, invalidDates: 0 };
  return stageAsOf(lead, asOfMs, position) === RECORD_PLACED ? position.stageId : undefined;
}

/**
 * Compiles a field path once into a reader (no string parsing per lead). Built-in fields are read through the one
 * field table; other paths walk own properties only.
 */
export function compileFieldReader(path: string): FieldReader {
  if (path === 'stage') return stageAsOfInstant;
  const code = leadFieldCode(path);
  if (code !== 0) return (lead) => readLeadField(code, lead);
  const get = leadFieldGetter(path);
  return (lead) => get(lead);
}

/** A value for a message: quoted, cut to 60 characters. */
function shorten(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}
