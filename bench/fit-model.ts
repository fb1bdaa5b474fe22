/**
 * The shared 20-rule fit model of the scoring benchmarks (industries, employee and revenue bands, countries, titles,
 * sources, a few negative rules), the same rules hand-written, and the same rules for json-rules-engine.
 */
import type { Lead } from '../src/models/index.ts';
import type { ScoringModelJson } from '../src/scoring/index.ts';

type Operator = 'in' | 'between' | 'containsIgnoreCase' | 'anyIn';
interface BenchRule {
  readonly id: string;
  readonly fact: string;
  readonly operator: Operator;
  readonly value: readonly (string | number)[] | string;
  readonly points: number;
}

/** The 20 rules once, as data: each becomes one leadkit rule and one json-rules-engine rule. */
export const benchRules: readonly BenchRule[] = [
  { id: 'industry-core', fact: 'industry', operator: 'in', value: ['technology', 'software'], points: 10 },
  { id: 'industry-adjacent', fact: 'industry', operator: 'in', value: ['financial-services', 'healthcare'], points: 5 },
  { id: 'industry-public', fact: 'industry', operator: 'in', value: ['government', 'education'], points: -5 },
  { id: 'employees-50-200', fact: 'employees', operator: 'between', value: [50, 200], points: 10 },
  { id: 'employees-201-1000', fact: 'employees', operator: 'between', value: [201, 1000], points: 5 },
  { id: 'employees-1-10', fact: 'employees', operator: 'between', value: [1, 10], points: -5 },
  { id: 'revenue-10m-50m', fact: 'revenueUsd', operator: 'between', value: [10_000_000, 50_000_000], points: 8 },
  { id: 'revenue-50m-plus', fact: 'revenueUsd', operator: 'between', value: [50_000_000.01, Number.MAX_SAFE_INTEGER], points: 4 },
  { id: 'country-core', fact: 'country', operator: 'in', value: ['US', 'CA', 'GB'], points: 6 },
  { id: 'country-europe', fact: 'country', operator: 'in', value: ['DE', 'FR', 'NL', 'SE', 'ES'], points: 4 },
  { id: 'title-vp', fact: 'jobTitle', operator: 'containsIgnoreCase', value: 'vp', points: 10 },
  { id: 'title-director', fact: 'jobTitle', operator: 'containsIgnoreCase', value: 'director', points: 8 },
  { id: 'seniority-c-level', fact: 'seniority', operator: 'in', value: ['c_level'], points: 12 },
  { id: 'seniority-student', fact: 'seniority', operator: 'in', value: ['student', 'intern'], points: -20 },
  { id: 'department-technical', fact: 'department', operator: 'in', value: ['it', 'engineering'], points: 6 },
  { id: 'role-buyer', fact: 'decisionRole', operator: 'in', value: ['economic_buyer', 'decision_maker'], points: 7 },
  { id: 'source-warm', fact: 'source', operator: 'in', value: ['referral', 'partner'], points: 8 },
  { id: 'source-form', fact: 'source', operator: 'in', value: ['website_form'], points: 4 },
  { id: 'source-purchased', fact: 'source', operator: 'in', value: ['purchased_list'], points: -6 },
  { id: 'technology-cloud', fact: 'technologies', operator: 'anyIn', value: ['aws', 'gcp', 'azure'], points: 3 },
];

const fieldOf: Record<string, string> = {
  industry: 'company.industry',
  employees: 'company.employeeCount',
  revenueUsd: 'company.annualRevenue',
  country: 'company.country',
  jobTitle: 'contact.jobTitle',
  seniority: 'contact.seniority',
  department: 'contact.department',
  decisionRole: 'contact.decisionRole',
  source: 'source',
  technologies: 'company.technologies',
};

/** The leadkit model: point rules for lists, band rules for ranges, `contains` for titles. */
export const fitBenchModel: ScoringModelJson = {
  schemaVersion: 1,
  id: 'bench-fit-20',
  rules: benchRules.map((rule) => {
    const field = fieldOf[rule.fact] as string;
    if (rule.operator === 'between') {
      const [min, max] = rule.value as readonly number[];
      return {
        kind: 'bands',
        id: rule.id,
        label: rule.id,
        field,
        ...(rule.fact === 'revenueUsd' ? { currency: 'USD' } : {}),
        bands: [{ min, max, points: rule.points }],
      };
    }
    if (rule.operator === 'containsIgnoreCase')
      return { kind: 'points', id: rule.id, label: rule.id, when: { field, contains: rule.value as string }, points: rule.points };
    return { kind: 'points', id: rule.id, label: rule.id, when: { field, in: [...(rule.value as readonly string[])] }, points: rule.points };
  }),
} as ScoringModelJson;

const vp = /vp/i;
const director = /director/i;

/** The 20 rules inlined by hand: the baseline. */
export function handWrittenFitScore(lead: Lead): number {
  let score = 0;
  const company = lead.company;
  const contact = lead.contact;
  const industry = company?.industry;
  if (industry === 'technology' || industry === 'software') score += 10;
  if (industry === 'financial-services' || industry === 'healthcare') score += 5;
  if (industry === 'government' || industry === 'education') score -= 5;
  const employees = company?.employeeCount;
  if (employees !== undefined) {
    if (employees >= 50 && employees <= 200) score += 10;
    if (employees >= 201 && employees <= 1000) score += 5;
    if (employees >= 1 && employees <= 10) score -= 5;
  }
  const revenue = company?.annualRevenue;
  if (revenue !== undefined && revenue.currency === 'USD') {
    const dollars = revenue.amountMinor / 100;
    if (dollars >= 10_000_000 && dollars <= 50_000_000) score += 8;
    if (dollars >= 50_000_000.01) score += 4;
  }
  const country = company?.country;
  if (country === 'US' || country === 'CA' || country === 'GB') score += 6;
  if (country === 'DE' || country === 'FR' || country === 'NL' || country === 'SE' || country === 'ES') score += 4;
  const title = contact.jobTitle;
  if (title !== undefined) {
    if (vp.test(title)) score += 10;
    if (director.test(title)) score += 8;
  }
  const seniority = contact.seniority;
  if (seniority === 'c_level') score += 12;
  if (seniority === 'student' || seniority === 'intern') score -= 20;
  const department = contact.department;
  if (department === 'it' || department === 'engineering') score += 6;
  const role = contact.decisionRole;
  if (role === 'economic_buyer' || role === 'decision_maker') score += 7;
  const source = lead.source;
  if (source === 'referral' || source === 'partner') score += 8;
  if (source === 'website_form') score += 4;
  if (source === 'purchased_list') score -= 6;
  const technologies = company?.technologies;
  if (technologies !== undefined) {
    for (const technology of technologies) {
      if (technology === 'aws' || technology === 'gcp' || technology === 'azure') {
        score += 3;
        break;
      }
    }
  }
  return score;
}

/**
 * Reads every value the 20 rules depend on (the same fields, the revenue's currency and amount, each technology) and
 * applies no rule: a floor for the time any implementation that reads leads as objects needs per lead. On data that
 * does not fit in the CPU caches it is bound by memory, not by rule logic.
 */
export function readFitFields(lead: Lead): number {
  let read = 0;
  const company = lead.company;
  const contact = lead.contact;
  if (company !== undefined) {
    if (company.industry !== undefined) read++;
    read += company.employeeCount ?? 0;
    const revenue = company.annualRevenue;
    if (revenue !== undefined && revenue.currency.length === 3) read += revenue.amountMinor;
    if (company.country !== undefined) read++;
    const technologies = company.technologies;
    if (technologies !== undefined) for (let index = 0; index < technologies.length; index++) if (technologies[index] !== undefined) read++;
  }
  if (contact.jobTitle !== undefined) read++;
  if (contact.seniority !== undefined) read++;
  if (contact.department !== undefined) read++;
  if (contact.decisionRole !== undefined) read++;
  if (lead.source !== undefined) read++;
  return read;
}

/** The facts json-rules-engine reads for a lead (flattened once per lead, as a user of it would). */
export function jsonRulesFacts(lead: Lead): Record<string, unknown> {
  const revenue = lead.company?.annualRevenue;
  return {
    industry: lead.company?.industry ?? null,
    employees: lead.company?.employeeCount ?? null,
    revenueUsd: revenue !== undefined && revenue.currency === 'USD' ? revenue.amountMinor / 100 : null,
    country: lead.company?.country ?? null,
    jobTitle: lead.contact.jobTitle ?? null,
    seniority: lead.contact.seniority ?? null,
    department: lead.contact.department ?? null,
    decisionRole: lead.contact.decisionRole ?? null,
    source: lead.source,
    technologies: lead.company?.technologies ?? [],
  };
}

/** The same rules as json-rules-engine rule definitions (each fires an event carrying its points). */
export function jsonRulesDefinitions(): { conditions: unknown; event: { type: string; params: { points: number } } }[] {
  return benchRules.map((rule) => {
    let conditions: unknown;
    if (rule.operator === 'between') {
      const [min, max] = rule.value as readonly number[];
      conditions = {
        all: [
          { fact: rule.fact, operator: 'greaterThanInclusive', value: min },
          { fact: rule.fact, operator: 'lessThanInclusive', value: max },
        ],
      };
    } else if (rule.operator === 'containsIgnoreCase') conditions = { all: [{ fact: rule.fact, operator: 'containsIgnoreCase', value: rule.value }] };
    else if (rule.operator === 'anyIn') conditions = { all: [{ fact: rule.fact, operator: 'anyIn', value: rule.value }] };
    else conditions = { all: [{ fact: rule.fact, operator: 'in', value: rule.value }] };
    return { conditions, event: { type: rule.id, params: { points: rule.points } } };
  });
}
