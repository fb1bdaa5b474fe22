/**
 * Qualification frameworks as plain, serializable data: criteria with questions, weights and hard gates, the
 * rating scale, and the rule that says when a lead is qualified.
 *
 * @module
 */
// Zod-free on purpose: importing a built-in framework must not pull zod into a bundle. The zod schema of the
// JSON form is in framework-definition.ts.
import { ValidationError, issue, type ValidationIssue } from '../errors.ts';
import { isReservedKey, reservedKeyIssue } from '../internal/reserved-key.ts';
import { scaleIssues, type RatingScale, type RatingValue } from './scales.ts';

/** One criterion of a framework, with its defaults filled in. */
export interface Criterion<K extends string = string> {
  /** Stable key, an identifier such as `budget` or `economicBuyer`; the key of the criterion in an assessment. */
  readonly key: K;
  /** Display name (`Economic buyer`). */
  readonly label: string;
  /** What the criterion checks, for reps and admins. */
  readonly description: string;
  /** Questions a rep can ask to rate it, best first. */
  readonly questions: readonly string[];
  /** Relative weight in the normalized score (default 1; 0 keeps the criterion out of the score). */
  readonly weight: number;
  /** A hard gate: when `true` the lead is never qualified unless this criterion is met, whatever the total. */
  readonly required: boolean;
  /** The shared concept the criterion is about (`budget`, `authority`, …), used to translate assessments. */
  readonly concept?: string | undefined;
}

/** A criterion as written in {@link defineFramework}: only `key` and `label` are needed. */
export interface CriterionInput<K extends string = string> {
  /** See {@link Criterion.key}. */
  readonly key: K;
  /** See {@link Criterion.label}. */
  readonly label: string;
  /** See {@link Criterion.description}. Defaults to `''`. */
  readonly description?: string | undefined;
  /** See {@link Criterion.questions}. Defaults to none. */
  readonly questions?: readonly string[] | undefined;
  /** See {@link Criterion.weight}. Defaults to 1. */
  readonly weight?: number | undefined;
  /** See {@link Criterion.required}. Defaults to `false`. */
  readonly required?: boolean | undefined;
  /** See {@link Criterion.concept}. */
  readonly concept?: string | undefined;
}

/**
 * When a lead is qualified. Every `required` criterion must be met, and then every condition set here must hold.
 * With neither condition set, every criterion must be met.
 */
export interface QualificationRule {
  /** At least this many criteria must be met (BANT: 3 of 4). */
  readonly minMet?: number | undefined;
  /** The normalized score (0–100) must reach this. */
  readonly minScore?: number | undefined;
}

/** A qualification framework, validated and with every default filled in. Criterion keys are literal types `K`. */
export interface Framework<K extends string = string, V extends RatingValue = RatingValue> {
  /** Stable id (`bant`, `meddic`). */
  readonly id: string;
  /** Display name (`BANT`). */
  readonly name: string;
  /** What the framework is for and when to choose it. */
  readonly description: string;
  /** Version of this definition, for teams that store and evolve their own (default 1). */
  readonly version: number;
  /** The scale every criterion is rated on. */
  readonly scale: RatingScale<V>;
  /** The criteria, in the order a rep works through them. */
  readonly criteria: readonly Criterion<K>[];
  /** When a lead is qualified. */
  readonly rule: QualificationRule;
  /** Evidence older than this many days is reported as stale (default 90). */
  readonly staleAfterDays: number;
}

/** A framework as written in {@link defineFramework}: defaults may be left out. */
export interface FrameworkInput<K extends string = string, V extends RatingValue = RatingValue> {
  /** See {@link Framework.id}. */
  readonly id: string;
  /** See {@link Framework.name}. */
  readonly name: string;
  /** See {@link Framework.description}. Defaults to `''`. */
  readonly description?: string | undefined;
  /** See {@link Framework.version}. Defaults to 1. */
  readonly version?: number | undefined;
  /** See {@link Framework.scale}. */
  readonly scale: RatingScale<V>;
  /** See {@link Framework.criteria}. */
  readonly criteria: readonly CriterionInput<K>[];
  /** See {@link Framework.rule}. Defaults to "every criterion met". */
  readonly rule?: QualificationRule | undefined;
  /** See {@link Framework.staleAfterDays}. Defaults to 90. */
  readonly staleAfterDays?: number | undefined;
}

/** The criterion keys of a framework, as a union of literal types: `CriterionKey<typeof bantFramework>`. */
export type CriterionKey<F> = F extends Framework<infer K, RatingValue> ? K : never;
/** The rating values of a framework's scale, as a union of literal types. */
export type FrameworkRatingValue<F> = F extends Framework<string, infer V> ? V : never;

/** Default age, in days, after which evidence is stale. */
export const DEFAULT_STALE_AFTER_DAYS = 90;

const criterionKeyPattern = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Reads `key` of `value` when `value` is an object (lists included), for checks that must not throw on any input. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** Options of {@link frameworkIssues}. */
export interface FrameworkIssuesOptions {
  /** Check the scale too (default `true`; `false` for a scale named by an id that could not be resolved). */
  readonly scale?: boolean | undefined;
  /**
   * Only the problems across fields (repeated or reserved keys, a rule that cannot be met, weights adding up to 0,
   * a scale's levels together), each only where the fields it reads have the right shape: what `parseFramework`
   * adds to the schema's own problems, also for input that failed the schema. Default `false`: every problem, as
   * {@link defineFramework} needs without a schema.
   */
  readonly crossFieldOnly?: boolean | undefined;
}

/**
 * Every problem with a framework's content (not its shape): criterion keys that are not identifiers, repeat, or are
 * reserved (`constructor`, `toString`…: an assessment keyed by one would read the member every object inherits),
 * weights that are not numbers of at least 0 or add up to 0, a rule that cannot be met, and the scale's own
 * problems. Zod-free; shared by {@link defineFramework}, `parseFramework` and registries. It never throws, whatever
 * it is given.
 */
export function frameworkIssues(framework: FrameworkInput, options: FrameworkIssuesOptions = {}): ValidationIssue[] {
  const everything = options.crossFieldOnly !== true;
  const problems: ValidationIssue[] = [];
  const seen = new Map<string, number>();
  let totalWeight = 0;
  let weightsValid = true;
  const criteria: readonly unknown[] = Array.isArray(field(framework, 'criteria')) ? (framework.criteria as readonly unknown[]) : [];
  if (everything && criteria.length === 0) problems.push(issue(['criteria'], 'must have at least 1 item', 'too_small'));
  criteria.forEach((criterion, index) => {
    const key = field(criterion, 'key');
    if (typeof key !== 'string' || !criterionKeyPattern.test(key)) {
      if (everything)
        problems.push(
          issue(
            ['criteria', index, 'key'],
            `${JSON.stringify(key) ?? String(key)} is not a criterion key: use a letter, then letters, digits or _ (at most 64)`,
            'invalid_format',
          ),
        );
    } else if (isReservedKey(key)) problems.push(reservedKeyIssue(['criteria', index, 'key'], key));
    if (typeof key === 'string') {
      const first = seen.get(key);
      if (first !== undefined)
        problems.push(issue(['criteria', index, 'key'], `repeats the key ${JSON.stringify(key)} of criteria[${first}]`, 'duplicate_key'));
      else seen.set(key, index);
    }
    const weight = field(criterion, 'weight') ?? 1;
    if (typeof weight === 'number' && Number.isFinite(weight) && weight >= 0) totalWeight += weight;
    else {
      weightsValid = false;
      if (everything) problems.push(issue(['criteria', index, 'weight'], 'must be a number of at least 0', 'invalid_weight'));
    }
  });
  if (criteria.length > 0 && weightsValid && totalWeight <= 0)
    problems.push(issue(['criteria'], 'the weights add up to 0, so no score can be computed', 'no_weight'));
  const minMet = field(field(framework, 'rule'), 'minMet');
  const minScore = field(field(framework, 'rule'), 'minScore');
  const minMetValid = minMet === undefined || (typeof minMet === 'number' && Number.isInteger(minMet) && minMet >= 0);
  if (!minMetValid && everything) problems.push(issue(['rule', 'minMet'], 'must be a whole number of at least 0', 'invalid_rule'));
  else if (typeof minMet === 'number' && minMetValid && Array.isArray(field(framework, 'criteria')) && minMet > criteria.length)
    problems.push(issue(['rule', 'minMet'], `asks for ${minMet} criteria met, but the framework has only ${criteria.length}`, 'rule_unreachable'));
  if (everything && minScore !== undefined && !(typeof minScore === 'number' && minScore >= 0 && minScore <= 100))
    problems.push(issue(['rule', 'minScore'], 'must be between 0 and 100', 'invalid_rule'));
  const staleAfterDays = field(framework, 'staleAfterDays');
  if (everything && staleAfterDays !== undefined && !(typeof staleAfterDays === 'number' && staleAfterDays > 0))
    problems.push(issue(['staleAfterDays'], 'must be a number of days greater than 0', 'invalid_stale_after'));
  if (options.scale !== false) problems.push(...scaleIssues(field(framework, 'scale') as RatingScale, ['scale'], { crossFieldOnly: !everything }));
  return problems;
}

/** Fills the defaults of a checked framework and freezes it (deeply), so a shared constant cannot be changed by accident. */
export function completeFramework<K extends string, V extends RatingValue>(definition: FrameworkInput<K, V>): Framework<K, V> {
  const criteria = definition.criteria.map((criterion) =>
    Object.freeze({
      key: criterion.key,
      label: criterion.label,
      description: criterion.description ?? '',
      questions: Object.freeze([...(criterion.questions ?? [])]),
      weight: criterion.weight ?? 1,
      required: criterion.required ?? false,
      ...(criterion.concept === undefined ? {} : { concept: criterion.concept }),
    }),
  );
  const rule = definition.rule ?? {};
  return Object.freeze({
    id: definition.id,
    name: definition.name,
    description: definition.description ?? '',
    version: definition.version ?? 1,
    scale: Object.freeze({ ...definition.scale, levels: Object.freeze(definition.scale.levels.map((level) => Object.freeze({ ...level }))) }),
    criteria: Object.freeze(criteria),
    rule: Object.freeze({
      ...(rule.minMet === undefined ? {} : { minMet: rule.minMet }),
      ...(rule.minScore === undefined ? {} : { minScore: rule.minScore }),
    }),
    staleAfterDays: definition.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS,
  });
}

/**
 * Declares a qualification framework. Criterion keys and rating values are inferred as literal types, so an
 * assessment for it cannot name a criterion that does not exist (`assessment.criteria.budjet` is a type error).
 * The result is plain data (store it as JSON, read it back with `parseFramework`), deeply frozen.
 *
 * @throws ValidationError when the definition is inconsistent (duplicate criterion keys, a rule that cannot be met,
 * a scale without a `met` level…): a programmer error in a constant. Use `parseFramework` for data from outside.
 * @example
 * ```ts
 * const bant = defineFramework({
 *   id: 'bant',
 *   name: 'BANT',
 *   scale: weakDevelopingStrongScale,
 *   criteria: [
 *     { key: 'budget', label: 'Budget', concept: 'budget', questions: ['What budget has been allocated?'] },
 *     { key: 'authority', label: 'Authority', concept: 'authority' },
 *     { key: 'need', label: 'Need', concept: 'need' },
 *     { key: 'timeline', label: 'Timeline', concept: 'timing' },
 *   ],
 *   rule: { minMet: 3 },
 * });
 * ```
 */
export function defineFramework<const K extends string, const V extends RatingValue>(definition: FrameworkInput<K, V>): Framework<K, V> {
  const problems = frameworkIssues(definition);
  if (problems.length > 0) throw new ValidationError(`framework ${definition.id}`, problems);
  return completeFramework(definition);
}
