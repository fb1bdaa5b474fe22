/**
 * Rating scales: the levels a team rates a criterion on (0–2, weak/developing/strong, 1–5, red/amber/green,
 * evidence levels, yes/no). A scale is plain data; a framework embeds the scale it uses, and a plugin can add its own.
 *
 * @module
 */
// Zod-free on purpose: defining a scale or a framework must not pull zod into a bundle.
import { ValidationError, issue, type ValidationIssue } from '../errors.ts';

/** A value a rating can take: a number (`0`, `1`, `2`) or a word (`'green'`, `'strong'`). */
export type RatingValue = string | number;

/**
 * What a level says about a criterion: `met` (counts towards the rule), `partial`, `not_met`, or `unknown`
 * (the level means "we do not know yet", like `unknown` on an evidence scale: treated as unrated).
 */
export type RatingStatus = 'met' | 'partial' | 'not_met' | 'unknown';

/** The statuses a level can have, in one list (useful for UIs and validation). */
export const ratingStatuses: readonly RatingStatus[] = ['met', 'partial', 'not_met', 'unknown'];

/** One level of a {@link RatingScale}. */
export interface ScaleLevel<V extends RatingValue = RatingValue> {
  /** The stored value of the rating (`2`, `'green'`). Unique within the scale. */
  readonly value: V;
  /** What a rep sees (`Fully identified`). */
  readonly label: string;
  /** What the level means, so two reps rate alike. */
  readonly description?: string | undefined;
  /** Points the level earns. Higher is better; ignored for an `unknown` level. */
  readonly points: number;
  /** Whether a criterion rated at this level is met, partly met, not met, or still unknown. */
  readonly status: RatingStatus;
}

/**
 * A rating scale: an id, a name and its levels, lowest first by convention. A criterion's normalized score is
 * `(points − lowest) / (highest − lowest)` over the known levels, so every scale maps onto 0–1.
 */
export interface RatingScale<V extends RatingValue = RatingValue> {
  /** Stable id (`zero-to-two`); a registry refuses two scales with the same id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** When to use it. */
  readonly description?: string | undefined;
  /** The levels, lowest first by convention. */
  readonly levels: readonly ScaleLevel<V>[];
}

/** The rating values of a scale, as a union of literal types: `ScaleValue<typeof redAmberGreenScale>` is `'red' | 'amber' | 'green'`. */
export type ScaleValue<S> = S extends RatingScale<infer V> ? V : never;

/**
 * Declares a rating scale, keeping its values as literal types. The scale is checked with the same rules as
 * `parseRatingScale` (unique values, at least one `met` level, met levels worth at least as much as the others).
 *
 * @throws ValidationError when the scale breaks those rules (a programmer error in a constant).
 * @example
 * ```ts
 * const traffic = defineRatingScale({
 *   id: 'traffic-light',
 *   name: 'Traffic light',
 *   levels: [
 *     { value: 'red', label: 'Red', points: 0, status: 'not_met' },
 *     { value: 'green', label: 'Green', points: 1, status: 'met' },
 *   ],
 * });
 * ```
 */
export function defineRatingScale<const V extends RatingValue>(scale: RatingScale<V>): RatingScale<V> {
  return checkedScale(scale);
}

/** The known (not `unknown`) levels' lowest and highest points. */
export interface ScaleRange {
  /** Points of the lowest known level. */
  readonly lowest: number;
  /** Points of the highest known level. */
  readonly highest: number;
}

/** The lowest and highest points of a scale's known levels (`{ lowest: 0, highest: 2 }` for 0–2). */
export function scaleRange(scale: RatingScale): ScaleRange {
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (const level of scale.levels) {
    if (level.status === 'unknown') continue;
    if (level.points < lowest) lowest = level.points;
    if (level.points > highest) highest = level.points;
  }
  return { lowest, highest };
}

/** The level of a scale with this value, or `undefined` when the value is not on the scale. */
export function findLevel<V extends RatingValue>(scale: RatingScale<V>, value: RatingValue): ScaleLevel<V> | undefined {
  for (const level of scale.levels) if (level.value === value) return level;
  return undefined;
}

/**
 * A level's position on its scale from 0 (lowest known level) to 1 (highest); `undefined` for an unknown level.
 * This is how ratings on different scales are compared and translated.
 */
export function normalizeLevel(scale: RatingScale, level: ScaleLevel): number | undefined {
  if (level.status === 'unknown') return undefined;
  const { lowest, highest } = scaleRange(scale);
  if (!(highest > lowest)) return level.status === 'met' ? 1 : 0;
  const position = (level.points - lowest) / (highest - lowest);
  return position < 0 ? 0 : position > 1 ? 1 : position;
}

/** Options of {@link scaleIssues}. */
export interface ScaleIssuesOptions {
  /**
   * Only the problems across levels (repeated values; no `met` level, fewer than two known levels or a met level
   * worth less than one that is not met, when every level has the right shape), for input a schema has checked or
   * refused field by field. Default `false`.
   */
  readonly crossFieldOnly?: boolean | undefined;
}

const isRatingStatus = (status: unknown): status is RatingStatus => status === 'met' || status === 'partial' || status === 'not_met' || status === 'unknown';

/**
 * Every problem with a scale's content, with paths relative to `prefix`: repeated values, points that are not finite,
 * no `met` level, fewer than two known levels, a met level worth less than one that is not met. Zod-free; shared by
 * define and parse. It never throws, whatever it is given.
 */
export function scaleIssues(scale: RatingScale, prefix: readonly (string | number)[] = [], options: ScaleIssuesOptions = {}): ValidationIssue[] {
  const everything = options.crossFieldOnly !== true;
  const problems: ValidationIssue[] = [];
  const levels: readonly unknown[] = typeof scale === 'object' && scale !== null && Array.isArray(scale.levels) ? scale.levels : [];
  const seen = new Map<unknown, number>();
  let metLowest = Number.POSITIVE_INFINITY;
  let otherHighest = Number.NEGATIVE_INFINITY;
  let known = 0;
  let wellFormed = levels.length > 0 || everything;
  levels.forEach((item, index) => {
    const level = (typeof item === 'object' && item !== null ? item : {}) as Partial<ScaleLevel>;
    if (typeof level.value === 'string' || typeof level.value === 'number') {
      const first = seen.get(level.value);
      if (first !== undefined)
        problems.push(issue([...prefix, 'levels', index, 'value'], `repeats the value ${JSON.stringify(level.value)} of levels[${first}]`, 'duplicate_key'));
      else seen.set(level.value, index);
    }
    const points = level.points;
    if (typeof points !== 'number' || !Number.isFinite(points) || !isRatingStatus(level.status)) {
      wellFormed = false;
      if (everything && (typeof points !== 'number' || !Number.isFinite(points)))
        problems.push(issue([...prefix, 'levels', index, 'points'], 'must be a finite number', 'invalid_points'));
      return;
    }
    if (level.status === 'unknown') return;
    known += 1;
    if (level.status === 'met') metLowest = Math.min(metLowest, points);
    else otherHighest = Math.max(otherHighest, points);
  });
  // Levels of the wrong shape are reported as such; what the others say together would be a guess.
  if (!wellFormed && !everything) return problems;
  if (metLowest === Number.POSITIVE_INFINITY) problems.push(issue([...prefix, 'levels'], 'needs at least one level with status "met"', 'no_met_level'));
  if (known < 2) problems.push(issue([...prefix, 'levels'], 'needs at least two levels that are not "unknown"', 'too_few_levels'));
  if (metLowest < otherHighest)
    problems.push(
      issue([...prefix, 'levels'], `a "met" level is worth fewer points (${metLowest}) than a level that is not met (${otherHighest})`, 'inconsistent_points'),
    );
  return problems;
}

function checkedScale<V extends RatingValue>(scale: RatingScale<V>): RatingScale<V> {
  const problems = scaleIssues(scale);
  if (problems.length > 0) throw new ValidationError(`rating scale ${scale.id}`, problems);
  return Object.freeze({ ...scale, levels: Object.freeze(scale.levels.map((level) => Object.freeze({ ...level }))) });
}

/** 0 (not identified), 1 (partly), 2 (fully): the MEDDIC habit, 12 points for six criteria. */
export const zeroToTwoScale = /*@__PURE__*/ defineRatingScale({
  id: 'zero-to-two',
  name: '0–2',
  description: 'Per criterion: 0 not identified, 1 partly identified, 2 fully identified and confirmed.',
  levels: [
    { value: 0, label: 'Not identified', points: 0, status: 'not_met' },
    { value: 1, label: 'Partly identified', points: 1, status: 'partial' },
    { value: 2, label: 'Fully identified', points: 2, status: 'met' },
  ],
});

/** weak (1), developing (2), strong (3). */
export const weakDevelopingStrongScale = /*@__PURE__*/ defineRatingScale({
  id: 'weak-developing-strong',
  name: 'Weak / developing / strong',
  description: 'A three-level scale: only strong evidence meets the criterion.',
  levels: [
    { value: 'weak', label: 'Weak', points: 1, status: 'not_met' },
    { value: 'developing', label: 'Developing', points: 2, status: 'partial' },
    { value: 'strong', label: 'Strong', points: 3, status: 'met' },
  ],
});

/** 1 to 5; 4 and 5 meet the criterion, 3 partly. */
export const oneToFiveScale = /*@__PURE__*/ defineRatingScale({
  id: 'one-to-five',
  name: '1–5',
  description: 'A five-point scale: 4 and 5 meet the criterion, 3 partly meets it.',
  levels: [
    { value: 1, label: '1 – none', points: 1, status: 'not_met' },
    { value: 2, label: '2 – weak', points: 2, status: 'not_met' },
    { value: 3, label: '3 – some', points: 3, status: 'partial' },
    { value: 4, label: '4 – good', points: 4, status: 'met' },
    { value: 5, label: '5 – excellent', points: 5, status: 'met' },
  ],
});

/** red, amber, green. */
export const redAmberGreenScale = /*@__PURE__*/ defineRatingScale({
  id: 'red-amber-green',
  name: 'Red / amber / green',
  description: 'A traffic light: green meets the criterion, amber partly, red not at all.',
  levels: [
    { value: 'red', label: 'Red', points: 0, status: 'not_met' },
    { value: 'amber', label: 'Amber', points: 1, status: 'partial' },
    { value: 'green', label: 'Green', points: 2, status: 'met' },
  ],
});

/** gap, partial, strong, and unknown (treated as unrated). */
export const evidenceLevelScale = /*@__PURE__*/ defineRatingScale({
  id: 'evidence-level',
  name: 'Evidence level',
  description: 'How good the evidence is: strong, partial, a known gap, or unknown (not yet asked).',
  levels: [
    { value: 'unknown', label: 'Unknown', points: 0, status: 'unknown' },
    { value: 'gap', label: 'Gap', points: 0, status: 'not_met' },
    { value: 'partial', label: 'Partial', points: 1, status: 'partial' },
    { value: 'strong', label: 'Strong', points: 2, status: 'met' },
  ],
});

/** no, yes. */
export const yesNoScale = /*@__PURE__*/ defineRatingScale({
  id: 'yes-no',
  name: 'Yes / no',
  description: 'A checkbox: yes meets the criterion.',
  levels: [
    { value: 'no', label: 'No', points: 0, status: 'not_met' },
    { value: 'yes', label: 'Yes', points: 1, status: 'met' },
  ],
});

/** Every built-in scale, for registries and for resolving scale ids in JSON definitions. */
export const builtinScales: readonly RatingScale[] = [
  zeroToTwoScale,
  weakDevelopingStrongScale,
  oneToFiveScale,
  redAmberGreenScale,
  evidenceLevelScale,
  yesNoScale,
];
