import type { Lead } from '../models/lead.ts';
import type { DatedFunnelEvent, FunnelGuard, FunnelGuardCheck, FunnelGuardEvidence, FunnelRecord, TransitionContext } from './types.ts';

/** Builds the reason of a failed guard, from the record, event and context. */
export type GuardReason<R> = string | ((record: R, event: DatedFunnelEvent, context: TransitionContext) => string);

/**
 * Writes your own guard from a predicate and the reason to give when it fails. The predicate sees the record, the
 * event (use `event.at`, never the clock) and the context.
 *
 * @example
 * ```ts
 * const hasOwner = defineFunnelGuard<Lead>('has-owner', (lead) => lead.ownerId !== undefined, 'the lead has no owner');
 * const businessHours = defineFunnelGuard('business-hours', (_record, event) => event.at.getUTCHours() >= 8, 'outside business hours (UTC)');
 * ```
 */
export function defineFunnelGuard<R = FunnelRecord>(
  name: string,
  test: (record: R, event: DatedFunnelEvent, context: TransitionContext) => boolean,
  failureReason: GuardReason<R>,
  description: string = typeof failureReason === 'string' ? `not: ${failureReason}` : name,
): FunnelGuard<R> {
  const passed: FunnelGuardCheck = Object.freeze({ passed: true, reason: description });
  const fixedFailure: FunnelGuardCheck | undefined = typeof failureReason === 'string' ? Object.freeze({ passed: false, reason: failureReason }) : undefined;
  return Object.freeze({
    name,
    description,
    check: (record: R, event: DatedFunnelEvent, context: TransitionContext): FunnelGuardCheck => {
      if (test(record, event, context)) return passed;
      return fixedFailure ?? { passed: false, reason: (failureReason as Exclude<GuardReason<R>, string>)(record, event, context) };
    },
  });
}

/**
 * A guard that passes when every one of `guards` passes; its failure reason lists each failing guard's reason, and
 * it carries the evidence all of them gathered. When it passes without evidence it allocates nothing.
 *
 * @example
 * ```ts
 * const hasOwner = defineFunnelGuard<Lead>('has-owner', (lead) => lead.ownerId !== undefined, 'the lead has no owner');
 * const salesReady = allGuards('sales-ready', requireFields('contact.email', 'company.name'), hasOwner);
 * ```
 */
export function allGuards<R = FunnelRecord>(name: string, ...guards: readonly FunnelGuard<R>[]): FunnelGuard<R> {
  const description = guards.map((guard) => guard.description).join(' and ');
  const passed: FunnelGuardCheck = Object.freeze({ passed: true, reason: description });
  return Object.freeze({
    name,
    description,
    check: (record: R, event: DatedFunnelEvent, context: TransitionContext): FunnelGuardCheck => {
      let evidence: FunnelGuardEvidence | undefined;
      let reasons: string[] | undefined;
      for (let index = 0; index < guards.length; index++) {
        const check = (guards[index] as FunnelGuard<R>).check(record, event, context);
        if (!check.passed) (reasons ??= []).push(check.reason);
        if (check.evidence !== undefined) evidence = evidence === undefined ? check.evidence : { ...evidence, ...check.evidence };
      }
      if (reasons === undefined) return evidence === undefined ? passed : { passed: true, reason: description, evidence };
      const reason = reasons.join('; ');
      return evidence === undefined ? { passed: false, reason } : { passed: false, reason, evidence };
    },
  });
}

/**
 * A guard that passes when at least one of `guards` passes (the first that passes gives its check, evidence
 * included); when none does, the reason lists every one's.
 *
 * @example
 * ```ts
 * const reachable = anyGuard('reachable', requireFields('contact.email'), requireFields('contact.phone'));
 * ```
 */
export function anyGuard<R = FunnelRecord>(name: string, ...guards: readonly FunnelGuard<R>[]): FunnelGuard<R> {
  const description = guards.map((guard) => guard.description).join(' or ');
  return Object.freeze({
    name,
    description,
    check: (record: R, event: DatedFunnelEvent, context: TransitionContext): FunnelGuardCheck => {
      let reasons: string[] | undefined;
      for (let index = 0; index < guards.length; index++) {
        const check = (guards[index] as FunnelGuard<R>).check(record, event, context);
        if (check.passed) return check;
        (reasons ??= []).push(check.reason);
      }
      return { passed: false, reason: `none of these held: ${(reasons ?? []).join('; ')}` };
    },
  });
}

/**
 * A guard that passes when `guard` fails (its reason is then the inner guard's failure reason), with
 * `failureReason` when it passes.
 *
 * @example
 * ```ts
 * const isCompetitor = defineFunnelGuard<Lead>('competitor', (lead) => lead.company?.domain === 'rival.com', 'not a competitor');
 * const notCompetitor = notGuard('not-competitor', isCompetitor, 'the lead works for a competitor');
 * ```
 */
export function notGuard<R = FunnelRecord>(name: string, guard: FunnelGuard<R>, failureReason: string): FunnelGuard<R> {
  const description = `not: ${guard.description}`;
  const failure: FunnelGuardCheck = Object.freeze({ passed: false, reason: failureReason });
  // The inner guard usually fails with the same reason every time: keep the last pass so it is not rebuilt per check.
  let lastPass: FunnelGuardCheck = Object.freeze({ passed: true, reason: '' });
  return Object.freeze({
    name,
    description,
    check: (record: R, event: DatedFunnelEvent, context: TransitionContext): FunnelGuardCheck => {
      const check = guard.check(record, event, context);
      if (check.passed) return failure;
      if (lastPass.reason !== check.reason) lastPass = Object.freeze({ passed: true, reason: check.reason });
      return lastPass;
    },
  });
}

/** Values {@link RecordFieldPath} does not descend into: scalars, dates and lists. */
export type FieldPathLeaf = string | number | boolean | bigint | symbol | null | undefined | Date | readonly unknown[];
/** Depth counter of {@link RecordFieldPath}: `FieldPathDepth[3]` is 2. */
export type FieldPathDepth = [never, 0, 1, 2, 3];

/**
 * Dotted paths into a record type, three levels deep (`contact.email`, `company.industry`); arrays and dates are
 * leaves.
 */
export type RecordFieldPath<T, D extends number = 3> = [D] extends [never]
  ? never
  : T extends FieldPathLeaf
    ? never
    : {
        [K in keyof T & string]-?: NonNullable<T[K]> extends FieldPathLeaf ? K : K | `${K}.${RecordFieldPath<NonNullable<T[K]>, FieldPathDepth[D]>}`;
      }[keyof T & string];

function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') {
    // A visible ASCII first character settles it without trim(), which would allocate on every check.
    const first = value.charCodeAt(0);
    return (first > 32 && first < 127) || value.trim() !== '';
  }
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function readPath(record: unknown, keys: readonly string[]): unknown {
  let current: unknown = record;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * A guard that passes when every field is present: not missing, not `null`, not blank text, not an empty list.
 * Paths are checked against the record type (`Lead` unless you give another).
 *
 * @example
 * ```ts
 * const contactable = requireFields('contact.email', 'company.industry');
 * interface Account { readonly owner?: string; readonly domain: string; readonly billing?: { readonly email?: string } }
 * const forAccounts = requireFields<Account>('owner', 'billing.email');
 * ```
 */
export function requireFields<R = Lead>(...fields: readonly NoInfer<RecordFieldPath<R>>[]): FunnelGuard<R> {
  const paths = fields.map((field) => ({ field: field as string, keys: (field as string).split('.') }));
  const description = `requires ${fields.join(', ')}`;
  const passed: FunnelGuardCheck = Object.freeze({ passed: true, reason: description });
  return Object.freeze({
    name: 'require-fields',
    description,
    check: (record: R): FunnelGuardCheck => {
      let missing: string[] | undefined;
      for (const path of paths) if (!isPresent(readPath(record, path.keys))) (missing ??= []).push(path.field);
      return missing === undefined ? passed : { passed: false, reason: `missing ${missing.join(', ')}` };
    },
  });
}
