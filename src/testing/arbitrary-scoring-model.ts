import fc from 'fast-check';
import type { ActivityFilterJson } from '../conditions/activity-filter.ts';
import { ActivityType, PageKind } from '../models/activity.ts';
import { Seniority } from '../models/contact.ts';
import { LeadSource } from '../models/lead-source.ts';
import type { ScoringModelJson } from '../scoring/scoring-model-definition.ts';
import { arbitraryCondition } from './arbitrary-condition.ts';

/** Options of {@link arbitraryScoringModel}. */
export interface ArbitraryScoringModelOptions {
  /** The most scoring rules (default 6; disqualifiers come on top). */
  readonly maxRules?: number;
  /**
   * Text for every name and label the model holds (rule ids, labels, groups, bands, grades, override ids): default
   * short words. Give hostile text (quotes, `--`, `;`, NUL, unicode) to test what a model's text can reach. Ids are
   * made unique by a suffix; empty text is replaced.
   */
  readonly text?: fc.Arbitrary<string>;
  /** How deep rule conditions nest (default 2). */
  readonly maxConditionDepth?: number;
}

// Whole points and points with a fraction, both signs: sums of fractions exercise the order of addition.
const points = fc.oneof(
  fc.integer({ min: -30, max: 30 }),
  fc.integer({ min: -3000, max: 3000 }).map((value) => value / 100),
);

const activityFilters: fc.Arbitrary<ActivityFilterJson> = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...ActivityType.options).map((type) => ({ type })),
  fc.uniqueArray(fc.constantFrom(...ActivityType.options), { minLength: 1, maxLength: 4 }).map((type) => ({ type })),
  fc.constantFrom(...PageKind.options).map((pageKind) => ({ type: 'page_viewed' as const, pageKind })),
  fc.constantFrom('/pricing', '/PRICING', '/blog/*', '*demo*', '/', '*o*c*', '/d_c%').map((url) => ({ type: 'page_viewed' as const, url })),
  fc.constantFrom('hard' as const, 'soft' as const).map((bounce) => ({ type: 'email_bounced' as const, bounce })),
  fc.constantFrom('inbound' as const, 'outbound' as const).map((direction) => ({ type: 'call' as const, direction })),
);

const decays = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 1, max: 400 }).map((days) => ({ kind: 'halfLife' as const, days })),
  fc
    .tuple(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 100 }))
    .map(([everyDays, loss]) => ({ kind: 'step' as const, everyDays, loss: loss / 100 })),
  fc
    .tuple(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 100 }))
    .map(([everyDays, loss]) => ({ kind: 'linear' as const, everyDays, loss: loss / 100 })),
  fc.integer({ min: 1, max: 800 }).map((days) => ({ kind: 'window' as const, days })),
);

const industries = ['software', 'Technology', 'retail', 'healthcare', 'EDUCATION', 'mining'];
const technologies = ['aws', 'GCP', 'salesforce', 'hubspot', 'Oracle'];

type RuleDraft = Record<string, unknown> & { readonly kind: string };

const fieldRules = (text: fc.Arbitrary<string>): fc.Arbitrary<RuleDraft> =>
  fc.oneof(
    fc
      .tuple(
        fc.uniqueArray(fc.constantFrom(...industries), { minLength: 1, maxLength: 4, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
        fc.array(points, { minLength: 4, maxLength: 4 }),
        fc.option(points, { nil: undefined }),
      )
      .map(([keys, values, otherwise]) => ({
        kind: 'values',
        field: 'company.industry',
        values: Object.fromEntries(keys.map((key, index) => [key, values[index] as number])),
        ...(otherwise === undefined ? {} : { otherwise }),
      })),
    fc
      .tuple(
        fc.uniqueArray(fc.constantFrom(...technologies), { minLength: 1, maxLength: 3, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
        fc.array(points, { minLength: 3, maxLength: 3 }),
        fc.option(points, { nil: undefined }),
      )
      .map(([keys, values, otherwise]) => ({
        kind: 'values',
        field: 'company.technologies',
        values: Object.fromEntries(keys.map((key, index) => [key, values[index] as number])),
        ...(otherwise === undefined ? {} : { otherwise }),
      })),
    fc
      .tuple(fc.uniqueArray(fc.constantFrom(...Seniority.options), { minLength: 1, maxLength: 4 }), fc.array(points, { minLength: 4, maxLength: 4 }))
      .map(([keys, values]) => ({
        kind: 'values',
        field: 'contact.seniority',
        values: Object.fromEntries(keys.map((key, index) => [key, values[index] as number])),
      })),
    fc
      .tuple(
        fc.uniqueArray(fc.constantFrom(...LeadSource.options), { minLength: 1, maxLength: 3 }),
        fc.array(points, { minLength: 3, maxLength: 3 }),
        fc.boolean(),
      )
      .map(([keys, values, caseSensitive]) => ({
        kind: 'values',
        field: 'source',
        values: Object.fromEntries(keys.map((key, index) => [key, values[index] as number])),
        ...(caseSensitive ? { caseSensitive } : {}),
      })),
    fc
      .tuple(fc.constantFrom('acme', 'ACME', 'globex', '5', 'true', 'x'), text, points, fc.option(points, { nil: undefined }))
      .map(([key, other, value, otherwise]) => ({
        kind: 'values',
        field: 'customFields.acme',
        values: other === '' || key.toLowerCase() === other.toLowerCase() ? { [key]: value } : { [key]: value, [other]: 1 },
        ...(otherwise === undefined ? {} : { otherwise }),
      })),
    fc
      .array(fc.tuple(fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }), fc.integer({ min: 0, max: 400_000 }), points), {
        minLength: 1,
        maxLength: 3,
      })
      .map((bands) => ({
        kind: 'bands',
        field: 'company.employeeCount',
        bands: bands.map(([min, span, value]) => ({ ...(min === undefined ? {} : { min, max: min + span }), points: value })),
      })),
    fc
      .tuple(fc.constantFrom('USD', 'EUR', 'JPY'), fc.integer({ min: 0, max: 10 ** 11 }), fc.integer({ min: 0, max: 10 ** 11 }), points)
      .map(([currency, a, b, value]) => ({
        kind: 'bands',
        field: 'company.annualRevenue',
        currency,
        bands: [{ min: Math.min(a, b) / 100, max: Math.max(a, b), points: value }],
      })),
    fc.tuple(fc.integer({ min: -5, max: 5 }), points).map(([min, value]) => ({ kind: 'bands', field: 'customFields.globex', bands: [{ min, points: value }] })),
  );

const activityRules: fc.Arbitrary<RuleDraft> = fc
  .record(
    {
      activity: activityFilters,
      points,
      decay: decays,
      maxCount: fc.integer({ min: 1, max: 4 }),
      maxPoints: fc.integer({ min: 0, max: 60 }),
      group: fc.constantFrom('engagement', 'intent', 'fit'),
    },
    { requiredKeys: ['activity', 'points'] },
  )
  .map((drawn) => ({ kind: 'activity', ...Object.fromEntries(Object.entries(drawn).filter(([, value]) => value !== undefined)) }) as RuleDraft);

/**
 * Valid declarative scoring models (`ScoringModelJson` of `leadkit/scoring`) over the fields and values
 * {@link arbitraryLead} produces: point rules on random conditions ({@link arbitraryCondition}), value rules (text,
 * list and custom fields, in mixed case), band rules (numbers, money in a currency), activity rules with every decay
 * kind, count and points caps, disqualifiers, groups with caps, floors and weights, total settings (combine,
 * normalisation, cap and floor), bands with hysteresis, a fit × engagement matrix and overrides. For property tests of
 * anything that takes a scoring model: another scorer, a SQL compilation, a storage format.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 *
 * const asOf = new Date('2025-01-15T00:00:00Z');
 * fc.assert(fc.property(arbitraryScoringModel(), arbitraryLead(), (model, lead) => {
 *   const result = compileScoringModel(defineScoringModel(model))(lead, { asOf });
 *   return Number.isFinite(result.score);
 * }));
 * ```
 */
export function arbitraryScoringModel(options: ArbitraryScoringModelOptions = {}): fc.Arbitrary<ScoringModelJson> {
  const text = (options.text ?? fc.constantFrom('alpha', 'Beta', 'gamma', 'δέλτα', 'e')).map((value) => (value === '' ? 'x' : value.slice(0, 150)));
  const condition = arbitraryCondition({ maxDepth: options.maxConditionDepth ?? 2 });
  const pointsRule: fc.Arbitrary<RuleDraft> = fc
    .tuple(condition, points, fc.option(fc.constantFrom('fit', 'intent'), { nil: undefined }))
    .map(([when, value, group]) => ({ kind: 'points', when, points: value, ...(group === undefined ? {} : { group }) }));
  const rule = fc.oneof({ arbitrary: pointsRule, weight: 3 }, { arbitrary: fieldRules(text), weight: 3 }, { arbitrary: activityRules, weight: 3 });
  const gate: fc.Arbitrary<RuleDraft> = condition.map((when) => ({ kind: 'disqualify', when }));
  const limits = fc
    .record(
      {
        cap: fc.integer({ min: 0, max: 80 }),
        floor: fc.integer({ min: -40, max: 0 }),
        weight: fc.oneof(
          fc.constant(1),
          fc.integer({ min: 0, max: 30 }).map((value) => value / 10),
        ),
      },
      { requiredKeys: [] },
    )
    .map((drawn) => (drawn.cap === 0 && drawn.floor === 0 ? { ...drawn, floor: -1 } : drawn));
  const total = fc
    .record(
      {
        combine: fc.constantFrom('sum' as const, 'max' as const, 'min' as const),
        normalize: fc.integer({ min: 10, max: 200 }).map((max) => ({ max })),
        cap: fc.integer({ min: 0, max: 120 }),
        floor: fc.integer({ min: -20, max: 40 }),
      },
      { requiredKeys: [] },
    )
    .map((drawn) => (drawn.cap !== undefined && drawn.floor !== undefined && drawn.floor >= drawn.cap ? { ...drawn, floor: drawn.cap - 1 } : drawn));
  const thresholds = fc.uniqueArray(fc.integer({ min: -20, max: 100 }), { minLength: 1, maxLength: 4 }).map((mins) => [...mins].sort((a, b) => b - a));
  return fc
    .record({
      rules: fc.array(rule, { minLength: 0, maxLength: options.maxRules ?? 6 }),
      gates: fc.array(gate, { maxLength: 2 }),
      names: fc.array(fc.tuple(text, text), { minLength: 12, maxLength: 12 }),
      groups: fc.option(fc.record({ fit: limits, engagement: limits, intent: limits }, { requiredKeys: [] }), { nil: undefined }),
      total: fc.option(total, { nil: undefined }),
      bands: fc.option(
        fc.tuple(thresholds, fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined })),
        { nil: undefined },
      ),
      matrix: fc.option(fc.tuple(thresholds, thresholds, fc.array(fc.nat(20), { maxLength: 3 })), { nil: undefined }),
      overrides: fc.array(fc.tuple(condition, fc.boolean()), { maxLength: 2 }),
    })
    .map((drawn): ScoringModelJson => {
      const name = (index: number, suffix: string): string => `${(drawn.names[index % 12] as [string, string])[0]}${suffix}`;
      const label = (index: number): string => (drawn.names[index % 12] as [string, string])[1];
      const rules = [...drawn.rules, ...drawn.gates].map((draft, index) => ({ ...draft, id: name(index, `#${index}`), label: label(index) }));
      const bandNames = drawn.bands === undefined ? [] : drawn.bands[0].map((_, index) => name(index + 3, `~${index}`));
      const grading: Record<string, unknown> = {};
      if (drawn.bands !== undefined) {
        const [mins, salesReady, hysteresis] = drawn.bands;
        grading['bands'] = {
          thresholds: mins.map((min, index) => ({ band: bandNames[index], min, ...(salesReady[index] === true ? { salesReady: true } : {}) })),
          otherwise: name(7, '~otherwise'),
          ...(hysteresis === undefined ? {} : { hysteresis }),
        };
      }
      if (drawn.matrix !== undefined) {
        const [fit, engagement, cells] = drawn.matrix;
        const fitGrades = fit.map((_, index) => String.fromCharCode(65 + index));
        const engagementGrades = engagement.map((_, index) => String(index + 1));
        const all = [...fitGrades, 'F'].flatMap((row) => [...engagementGrades, '9'].map((column) => row + column));
        grading['matrix'] = {
          fit: fit.map((min, index) => ({ grade: fitGrades[index], min })),
          fitOtherwise: 'F',
          engagement: engagement.map((min, index) => ({ grade: engagementGrades[index], min })),
          engagementOtherwise: '9',
          salesReady: [...new Set(cells.map((cell) => all[cell % all.length] as string))],
        };
      }
      if (drawn.overrides.length > 0)
        grading['overrides'] = drawn.overrides.map(([when, forces], index) => ({
          id: name(index + 8, `!${index}`),
          label: label(index + 8),
          when,
          ...(forces && bandNames.length > 0 ? { band: bandNames[index % bandNames.length] } : {}),
        }));
      return {
        schemaVersion: 1,
        id: 'arbitrary',
        rules,
        ...(drawn.groups === undefined ? {} : { groups: drawn.groups }),
        ...(drawn.total === undefined ? {} : { total: drawn.total }),
        ...(Object.keys(grading).length === 0 ? {} : { grading }),
      } as ScoringModelJson;
    });
}
