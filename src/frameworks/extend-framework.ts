/**
 * Extending a framework: add, remove, rename or re-weight criteria, change the scale or the rule, keeping the
 * criterion keys as literal types.
 *
 * @module
 */
import { ValidationError, issue, type ValidationIssue } from '../errors.ts';
import { defineFramework, type CriterionInput, type Framework, type QualificationRule } from './define-framework.ts';
import type { RatingScale, RatingValue } from './scales.ts';

/** A criterion to add; `after` places it after an existing criterion (default: at the end). */
export interface CriterionAddition<A extends string = string> extends CriterionInput<A> {
  /** Key of the criterion (after removals and renames) to insert after. */
  readonly after?: string | undefined;
}

/** Changes to one existing criterion: any field except its key (use `rename` for that). */
export type CriterionUpdate = Partial<Omit<CriterionInput, 'key'>>;

/** Renames: old key → new key. */
export type CriterionRenames<K extends string> = { readonly [P in K]?: string };

/** The changes {@link extendFramework} applies, in this order: update, remove, rename, add. */
export interface FrameworkExtension<
  K extends string,
  R extends K = never,
  M extends CriterionRenames<K> = {},
  A extends string = never,
  V extends RatingValue = RatingValue,
> {
  /** The new framework's id (it must differ from the base's to live in the same registry). */
  readonly id: string;
  /** The new name (default: the base's). */
  readonly name?: string | undefined;
  /** The new description (default: the base's). */
  readonly description?: string | undefined;
  /** The new version (default: the base's). */
  readonly version?: number | undefined;
  /** Changes to existing criteria, by their key in the base (weight, required, questions, label…). */
  readonly update?: { readonly [P in K]?: CriterionUpdate } | undefined;
  /** Keys of criteria to remove. */
  readonly remove?: readonly R[] | undefined;
  /** Criteria to rename: old key → new key. */
  readonly rename?: M | undefined;
  /** Criteria to add. */
  readonly add?: readonly CriterionAddition<A>[] | undefined;
  /** A different rating scale (assessments then use its values). */
  readonly scale?: RatingScale<V> | undefined;
  /** A different rule (default: the base's). */
  readonly rule?: QualificationRule | undefined;
  /** A different stale age (default: the base's). */
  readonly staleAfterDays?: number | undefined;
}

/** The new keys a rename map gives: `RenamedCriterionKey<{ timeline: 'timing' }>` is `'timing'`. */
export type RenamedCriterionKey<M> = { [P in keyof M]-?: Exclude<M[P], undefined> }[keyof M] & string;

/** The criterion keys of an extended framework: the base's, minus removed and renamed ones, plus new names and additions. */
export type ExtendedCriterionKey<K extends string, R extends string, M, A extends string> = Exclude<K, R | keyof M> | RenamedCriterionKey<M> | A;

/**
 * Builds a new framework from a base: update, remove, rename and add criteria, optionally with a new scale or rule.
 * The base is not changed. Criterion keys stay literal types, so assessments of the new framework are checked too.
 * This is how MEDDICC and MEDDPICC are built from MEDDIC, and how a plugin adapts a built-in to a team's habits.
 *
 * @throws ValidationError when a change names a criterion the base does not have, or the result is not a valid
 * framework (duplicate keys, a rule that cannot be met): a programmer error in a plugin's definition.
 * @example
 * ```ts
 * const ourBant = extendFramework(bantFramework, {
 *   id: 'bant-acme',
 *   rename: { timeline: 'timing' },
 *   update: { authority: { required: true, weight: 2 } },
 *   add: [{ key: 'fit', label: 'Technical fit', questions: ['Which systems must it work with?'] }],
 * });
 * // criterion keys: 'budget' | 'authority' | 'need' | 'timing' | 'fit'
 * ```
 */
export function extendFramework<
  K extends string,
  V extends RatingValue,
  const R extends K = never,
  const M extends CriterionRenames<K> = {},
  const A extends string = never,
  const W extends RatingValue = V,
>(base: Framework<K, V>, changes: FrameworkExtension<K, R, M, A, W>): Framework<ExtendedCriterionKey<K, R, M, A>, W> {
  const problems: ValidationIssue[] = [];
  const baseKeys = new Set<string>(base.criteria.map((criterion) => criterion.key));
  const own = <T extends object>(record: T | undefined): [string, unknown][] =>
    record === undefined ? [] : Object.keys(record).map((key) => [key, (record as Record<string, unknown>)[key]]);

  const updates = new Map(own(changes.update) as [string, CriterionUpdate | undefined][]);
  for (const key of updates.keys())
    if (!baseKeys.has(key)) problems.push(issue(['update', key], `${base.id} has no criterion ${JSON.stringify(key)}`, 'unknown_criterion'));
  const removed = new Set<string>(changes.remove ?? []);
  (changes.remove ?? []).forEach((key, index) => {
    if (!baseKeys.has(key)) problems.push(issue(['remove', index], `${base.id} has no criterion ${JSON.stringify(key)}`, 'unknown_criterion'));
  });
  const renames = new Map(own(changes.rename) as [string, string | undefined][]);
  for (const [key, to] of renames) {
    if (!baseKeys.has(key)) problems.push(issue(['rename', key], `${base.id} has no criterion ${JSON.stringify(key)}`, 'unknown_criterion'));
    if (removed.has(key)) problems.push(issue(['rename', key], `criterion ${JSON.stringify(key)} is also removed`, 'conflicting_change'));
    if (typeof to !== 'string') problems.push(issue(['rename', key], 'must be the new key', 'invalid_type'));
  }

  const criteria: CriterionInput[] = [];
  for (const criterion of base.criteria) {
    if (removed.has(criterion.key)) continue;
    const update = updates.get(criterion.key) ?? {};
    const defined = Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined));
    criteria.push({ ...criterion, ...defined, key: renames.get(criterion.key) ?? criterion.key });
  }
  (changes.add ?? []).forEach((addition, index) => {
    const { after, ...criterion } = addition;
    if (after === undefined) {
      criteria.push(criterion);
      return;
    }
    const position = criteria.findIndex((existing) => existing.key === after);
    if (position < 0) problems.push(issue(['add', index, 'after'], `there is no criterion ${JSON.stringify(after)} to insert after`, 'unknown_criterion'));
    else criteria.splice(position + 1, 0, criterion);
  });
  if (problems.length > 0) throw new ValidationError(`extension ${changes.id} of framework ${base.id}`, problems);

  return defineFramework({
    id: changes.id,
    name: changes.name ?? base.name,
    description: changes.description ?? base.description,
    version: changes.version ?? base.version,
    scale: (changes.scale ?? base.scale) as RatingScale<W>,
    criteria: criteria as CriterionInput<ExtendedCriterionKey<K, R, M, A>>[],
    rule: changes.rule ?? base.rule,
    staleAfterDays: changes.staleAfterDays ?? base.staleAfterDays,
  });
}
