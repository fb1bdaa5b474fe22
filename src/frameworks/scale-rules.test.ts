import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import {
  defineRatingScale,
  evidenceLevelScale,
  findLevel,
  normalizeLevel,
  type RatingScale,
  ratingStatuses,
  type ScaleLevel,
  scaleIssues,
  scaleRange,
  zeroToTwoScale,
} from './scales.ts';

/** A scale built by hand, as a plugin or a stored definition may give it (not checked). */
const raw = (levels: readonly unknown[]): RatingScale => ({ id: 'raw', name: 'Raw', levels }) as unknown as RatingScale;
const level = (value: string | number, points: unknown, status: string): unknown => ({ value, label: String(value), points, status });
const found = (scale: RatingScale, options?: Parameters<typeof scaleIssues>[2]) =>
  scaleIssues(scale, [], options).map((problem) => `${problem.pathText} ${problem.code}: ${problem.message}`);

describe('scaleRange and findLevel', () => {
  it('leaves unknown levels out of the range, whatever their points', () => {
    const scale = raw([level('?', 10, 'unknown'), level('lo', 2, 'not_met'), level('??', -5, 'unknown'), level('hi', 6, 'met')]);
    expect(scaleRange(scale)).toEqual({ lowest: 2, highest: 6 });
    expect(scaleRange(evidenceLevelScale)).toEqual({ lowest: 0, highest: 2 });
    expect(scaleRange(raw([]))).toEqual({ lowest: Number.POSITIVE_INFINITY, highest: Number.NEGATIVE_INFINITY });
  });

  it('takes the lowest and highest whatever the order of the levels', () => {
    expect(scaleRange(raw([level('b', 3, 'partial'), level('c', 9, 'met'), level('a', 1, 'not_met'), level('d', 4, 'met')]))).toEqual({
      lowest: 1,
      highest: 9,
    });
  });

  it('finds a level by its exact value: 2 is not "2"', () => {
    expect(findLevel(zeroToTwoScale, 2)?.label).toBe('Fully identified');
    expect(findLevel(zeroToTwoScale, 0)?.label).toBe('Not identified');
    expect(findLevel(zeroToTwoScale, '2')).toBeUndefined();
    expect(findLevel(zeroToTwoScale, 3)).toBeUndefined();
  });
});

describe('normalizeLevel', () => {
  it('places a level between the lowest and highest known points, an unknown level nowhere', () => {
    const scale = raw([level('?', 100, 'unknown'), level('lo', 2, 'not_met'), level('mid', 3, 'partial'), level('hi', 6, 'met')]);
    const [unknown, lo, mid, hi] = scale.levels as readonly ScaleLevel[];
    expect([unknown, lo, mid, hi].map((each) => normalizeLevel(scale, each!))).toEqual([undefined, 0, 0.25, 1]);
  });

  it('on a scale with one known points value, gives 1 to a met level and 0 to a partial one', () => {
    const scale = raw([level('a', 5, 'met'), level('b', 5, 'partial'), level('c', 100, 'unknown')]);
    const [met, partial] = scale.levels as readonly ScaleLevel[];
    expect([normalizeLevel(scale, met!), normalizeLevel(scale, partial!)]).toEqual([1, 0]);
  });
});

describe('scaleIssues', () => {
  it('accepts exactly two known levels, and a met level worth as much as one that is not met', () => {
    expect(found(raw([level('no', 0, 'not_met'), level('yes', 1, 'met')]))).toEqual([]);
    expect(found(raw([level('no', 1, 'not_met'), level('yes', 1, 'met')]))).toEqual([]);
    expect(found(raw([level('?', 0, 'unknown'), level('yes', 1, 'met')]))).toEqual(['levels too_few_levels: needs at least two levels that are not "unknown"']);
  });

  it('compares the cheapest met level with the dearest other one', () => {
    const scale = raw([level('a', 3, 'met'), level('b', 1, 'met'), level('c', 2, 'not_met'), level('d', 0, 'partial'), level('e', 50, 'unknown')]);
    expect(found(scale)).toEqual(['levels inconsistent_points: a "met" level is worth fewer points (1) than a level that is not met (2)']);
    expect(found(raw([level('a', 1, 'met'), level('b', 2, 'partial')]))).toEqual([
      'levels inconsistent_points: a "met" level is worth fewer points (1) than a level that is not met (2)',
    ]);
  });

  it('reports each repeated value against its first use; 1 and "1" are different values', () => {
    const scale = raw([level(1, 0, 'not_met'), level(1, 1, 'partial'), level('1', 2, 'met'), level(1, 3, 'met')]);
    expect(found(scale)).toEqual([
      'levels[1].value duplicate_key: repeats the value 1 of levels[0]',
      'levels[3].value duplicate_key: repeats the value 1 of levels[0]',
    ]);
  });

  it('gives every path under the prefix', () => {
    const problems = scaleIssues(raw([level('a', 'x', 'met'), level('a', 1, 'met')]), ['custom', 2]).map((problem) => problem.pathText);
    // The second level is the only known one: too few levels, but it is met.
    expect(problems).toEqual(['custom[2].levels[0].points', 'custom[2].levels[1].value', 'custom[2].levels']);
  });

  it('with crossFieldOnly, still judges well-formed levels together', () => {
    expect(found(raw([level('a', 0, 'not_met'), level('b', 1, 'partial')]), { crossFieldOnly: true })).toEqual([
      'levels no_met_level: needs at least one level with status "met"',
    ]);
    expect(found(raw([level('a', 1, 'met'), level('b', 2, 'not_met')]), { crossFieldOnly: true })).toEqual([
      'levels inconsistent_points: a "met" level is worth fewer points (1) than a level that is not met (2)',
    ]);
  });

  it('with crossFieldOnly, says nothing across levels when one has a bad status or bad points, or there are none', () => {
    expect(found(raw([level('a', 0, 'sort of'), level('b', 1, 'partial')]), { crossFieldOnly: true })).toEqual([]);
    expect(found(raw([level('a', Number.POSITIVE_INFINITY, 'met'), level('b', 1, 'partial')]), { crossFieldOnly: true })).toEqual([]);
    expect(found(raw([]), { crossFieldOnly: true })).toEqual([]);
    expect(found(raw([]))).toEqual([
      'levels no_met_level: needs at least one level with status "met"',
      'levels too_few_levels: needs at least two levels that are not "unknown"',
    ]);
  });

  it('reports a bad status only through what it leaves missing (the schema names it), and bad points by themselves', () => {
    expect(found(raw([level('a', 0, 'sort of'), level('b', 1, 'met'), level('c', 0, 'not_met')]))).toEqual([]);
    expect(found(raw([level('a', 0, 'met'), level('b', Number.NaN, 'not_met')]))).toEqual([
      'levels[1].points invalid_points: must be a finite number',
      'levels too_few_levels: needs at least two levels that are not "unknown"',
    ]);
  });

  it('never throws on junk', () => {
    expect(found({ id: 'x', name: 'X', levels: 'none' } as unknown as RatingScale)).toEqual([
      'levels no_met_level: needs at least one level with status "met"',
      'levels too_few_levels: needs at least two levels that are not "unknown"',
    ]);
    expect(found(raw([level(true as unknown as string, 0, 'not_met'), level(true as unknown as string, 1, 'met')]))).toEqual([]);
  });
});

describe('defineRatingScale', () => {
  it('returns a frozen copy with frozen copies of its levels', () => {
    const levels = [
      { value: 'no', label: 'No', points: 0, status: 'not_met' as const },
      { value: 'yes', label: 'Yes', points: 1, status: 'met' as const },
    ];
    const scale = defineRatingScale({ id: 'tick', name: 'Tick', levels });
    expect(scale).toEqual({ id: 'tick', name: 'Tick', levels });
    expect(scale.levels).not.toBe(levels);
    expect(scale.levels[0]).not.toBe(levels[0]);
    expect([Object.isFrozen(scale), Object.isFrozen(scale.levels), Object.isFrozen(scale.levels[1])]).toEqual([true, true, true]);
    expect(Object.isFrozen(levels[0])).toBe(false);
  });

  it('names the scale in its error', () => {
    expect(() => defineRatingScale({ id: 'one', name: 'One', levels: [{ value: 'y', label: 'Y', points: 1, status: 'met' }] })).toThrow(
      new ValidationError('rating scale one', [
        { path: ['levels'], pathText: 'levels', message: 'needs at least two levels that are not "unknown"', code: 'too_few_levels' },
      ]),
    );
  });

  it('lists the statuses in order of strength', () => {
    expect(ratingStatuses).toEqual(['met', 'partial', 'not_met', 'unknown']);
  });
});
