/**
 * Safety: every text of a model reaches the SQL as a bound parameter (never pasted into it), so quotes, backslashes,
 * comments, semicolons, NUL and unicode in every string of random models leave the query running and scoring as the
 * compiled JavaScript scorer does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import type { Lead } from '../models/lead.ts';
import { compileScoringModel } from '../scoring/compile.ts';
import { defineScoringModel } from '../scoring/define-scoring-model.ts';
import type { ScoringModelJson } from '../scoring/scoring-model-definition.ts';
import { arbitraryDate, arbitraryLead } from '../testing/arbitraries.ts';
import { arbitraryScoringModel } from '../testing/arbitrary-scoring-model.ts';
import { leadkitSqlMapping } from './leadkit-tables.ts';
import { scoringModelToSql } from './scoring-model-to-sql.ts';
import { scoringDifferences, type TestDatabase, useTestDatabases } from './sql.test-helpers.ts';

// Text that breaks SQL pasted into it, and unicode whose lower case JavaScript and both databases agree on.
const HOSTILE = [
  "'",
  "''",
  '"',
  '\\',
  "\\'",
  '--',
  '/* */',
  '*/',
  ';',
  "'; DROP TABLE leadkit_leads; --",
  '$1',
  '$$',
  "E'\\x'",
  '%',
  '_',
  '!',
  '*',
  '\n\t',
  'Ünïcødé',
  'ÀÉÎ',
  '日本語',
  '😀',
  'Москва',
];
const hostile = fc.constantFrom(...HOSTILE);
/** Hostile text, NUL included (model strings). */
const hostileText = fc
  .array(fc.oneof(hostile, fc.constant('\u0000'), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('') || "'");
/** Hostile text without NUL (lead data: PostgreSQL text cannot hold NUL). */
const storedText = fc
  .array(fc.oneof(hostile, fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('').replace(/\u0000/g, '') || 'x');

const range = { min: new Date('2023-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z') };

/** Rules whose every string (field names, listed values, needles, URL patterns, campaigns) is hostile. */
const hostileRules = fc
  .tuple(hostileText, hostileText, hostileText, hostileText, hostileText, fc.array(hostileText, { minLength: 1, maxLength: 3 }))
  .map(([field, value, needle, url, campaign, listed]) => ({
    texts: { field: field.replace(/\./g, ','), value, needle, url, campaign, listed },
    rules: [
      { kind: 'points', when: { field: `customFields.${field.replace(/\./g, ',')}`, equals: value }, points: 3 },
      { kind: 'points', when: { field: `customFields.${field.replace(/\./g, ',')}`, contains: needle }, points: 2 },
      { kind: 'points', when: { field: 'company.industry', in: listed }, points: 5 },
      { kind: 'points', when: { field: 'company.industry', startsWith: needle }, points: 1 },
      { kind: 'points', when: { field: 'contact.jobTitle', containsWords: needle }, points: 1 },
      { kind: 'points', when: { field: 'company.tags', endsWith: needle, caseSensitive: true }, points: 1.5 },
      { kind: 'values', field: 'company.city', values: Object.fromEntries(listed.map((key, index) => [`${key}#${index}`, index + 1])), otherwise: -1 },
      { kind: 'activity', activity: { type: 'page_viewed', url }, points: 4, decay: { kind: 'halfLife', days: 30 } },
      { kind: 'activity', activity: { type: 'email_opened', campaign: [campaign, value] }, points: 2, group: field },
    ],
  }));

type HostileTexts = {
  readonly field: string;
  readonly value: string;
  readonly needle: string;
  readonly url: string;
  readonly campaign: string;
  readonly listed: readonly string[];
};

/** A lead holding the hostile values the rules look for (those PostgreSQL can store), or other hostile text. */
function withHostileData(lead: Lead, wanted: HostileTexts, texts: readonly string[], index: number): Lead {
  const pick = (offset: number): string => texts[(index + offset) % texts.length] as string;
  // Every other lead holds what the rules look for; the others hold other hostile text.
  const hit = index % 2 === 0;
  const stored = (value: string, otherwise: string): string => (hit && !value.includes('\u0000') ? value : otherwise);
  const urlPath = wanted.url.replace(/\*/g, '');
  return {
    ...lead,
    ...(wanted.field.includes('\u0000') ? {} : { customFields: { ...lead.customFields, [wanted.field]: stored(wanted.value, pick(0)) } }),
    company: {
      name: pick(1),
      industry: stored(wanted.listed[0] ?? '', pick(2)),
      city: stored(`${wanted.listed[0] ?? ''}#0`, pick(3)),
      tags: [pick(4), stored(`${pick(5)}${wanted.needle}`, pick(5))],
    },
    contact: { ...lead.contact, jobTitle: stored(`${pick(6)} ${wanted.needle}`, pick(7)) },
    activities: [
      ...lead.activities,
      { type: 'page_viewed', at: new Date('2024-06-01T00:00:00Z'), url: stored(urlPath === '' ? '/' : urlPath, `/${pick(8)}`) },
      { type: 'email_opened', at: new Date('2024-05-01T00:00:00Z'), campaign: stored(wanted.campaign, pick(9)) },
    ],
  };
}

const databases = useTestDatabases();

describe('scoringModelToSql: hostile text in every string of a model', () => {
  it('still runs on PostgreSQL and DuckDB and scores as compileScoringModel (or PostgreSQL refuses a name it cannot return)', async () => {
    let ran = 0;
    let fired = 0;
    await fc.assert(
      fc.asyncProperty(
        arbitraryScoringModel({ text: hostileText, maxRules: 3 }),
        hostileRules,
        fc.uniqueArray(arbitraryLead({ ...range, maxActivities: 3 }), { minLength: 1, maxLength: 4, selector: (lead) => lead.id }),
        fc.array(storedText, { minLength: 10, maxLength: 10 }),
        arbitraryDate({ min: new Date('2024-06-02T00:00:00Z'), max: range.max }),
        async (drawn, extra, batch, texts, asOf) => {
          const model = defineScoringModel({
            ...drawn,
            rules: [
              ...drawn.rules,
              ...extra.rules.map((rule, index) => ({ ...rule, id: `hostile-${index}-${texts[index % 10]}`, label: texts[(index + 1) % 10] as string })),
            ],
          } as ScoringModelJson);
          const leads = batch.map((lead, index) => withHostileData(lead, extra.texts, texts, index));
          const scorer = compileScoringModel(model);
          for (const lead of leads) fired += scorer(lead, { asOf }).contributions.filter((item) => item.ruleId.startsWith('hostile-')).length;
          const usable: TestDatabase[] = [];
          for (const database of databases) {
            try {
              scoringModelToSql(model, { dialect: database.dialect, mapping: leadkitSqlMapping });
              usable.push(database);
            } catch (error) {
              // Only PostgreSQL refuses, and only a name it must return as text (a band, a grade) holding NUL.
              expect(error).toBeInstanceOf(ValidationError);
              expect(database.dialect).toBe('postgres');
              for (const found of (error as ValidationError).issues) expect(found.message).toContain('cannot hold NUL');
            }
          }
          ran += usable.length;
          expect(await scoringDifferences(usable, model, leads, asOf)).toEqual([]);
        },
      ),
      { numRuns: Number(process.env['SQL_RUNS'] ?? 40) },
    );
    expect(ran).toBeGreaterThan(0);
    // The hostile rules did match hostile data, so the comparison covered them.
    expect(fired).toBeGreaterThan(0);
  }, 300_000);
});
