import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { defineRatingScale, normalizeLevel, type RatingScale, scaleIssues, scaleRange, zeroToTwoScale } from './scales.ts';

/** A scale built by hand, as a plugin or a stored definition may give it (not checked). */
function rawScale(levels: readonly unknown[]): RatingScale {
  return { id: 'raw', name: 'Raw', levels } as unknown as RatingScale;
}

describe('defineRatingScale', () => {
  it('throws every problem with its path: repeated values, points that are not finite', () => {
    const define = () =>
      defineRatingScale({
        id: 'broken',
        name: 'Broken',
        levels: [
          { value: 'no', label: 'No', points: 0, status: 'not_met' },
          { value: 'no', label: 'No again', points: Number.NaN, status: 'met' },
          { value: 'yes', label: 'Yes', points: Number.POSITIVE_INFINITY, status: 'met' },
        ],
      });
    expect(define).toThrow(ValidationError);
    try {
      define();
    } catch (error) {
      const issues = (error as ValidationError).issues.map((found) => [found.pathText, found.code, found.message]);
      expect(issues).toEqual([
        ['levels[1].value', 'duplicate_key', 'repeats the value "no" of levels[0]'],
        ['levels[1].points', 'invalid_points', 'must be a finite number'],
        ['levels[2].points', 'invalid_points', 'must be a finite number'],
        ['levels', 'no_met_level', 'needs at least one level with status "met"'],
        ['levels', 'too_few_levels', 'needs at least two levels that are not "unknown"'],
      ]);
      expect((error as ValidationError).message).toMatch(/^Invalid rating scale broken \(5 problems\):/);
    }
  });

  it('freezes the scale and its levels', () => {
    const scale = defineRatingScale({
      id: 'yn',
      name: 'Y/N',
      levels: [
        { value: 'n', label: 'No', points: 0, status: 'not_met' },
        { value: 'y', label: 'Yes', points: 1, status: 'met' },
      ],
    });
    expect(Object.isFrozen(scale)).toBe(true);
    expect(Object.isFrozen(scale.levels[0])).toBe(true);
  });
});

describe('scaleIssues', () => {
  it('with crossFieldOnly, leaves bad points to the schema and says nothing across levels of the wrong shape', () => {
    const levels = [
      { value: 'a', points: 'x', status: 'met' },
      { value: 'a', points: 1, status: 'met' },
    ];
    expect(scaleIssues(rawScale(levels), ['scale'], { crossFieldOnly: true }).map((found) => found.pathText)).toEqual(['scale.levels[1].value']);
    expect(scaleIssues(rawScale([{ value: 'a', points: 1, status: 'maybe' }]), [], { crossFieldOnly: true })).toEqual([]);
    expect(scaleIssues(rawScale([]), [], { crossFieldOnly: true })).toEqual([]);
  });

  it('reports a met level worth less than a level that is not met, and never throws on junk', () => {
    const inverted = rawScale([
      { value: 'high', points: 5, status: 'not_met' },
      { value: 'low', points: 1, status: 'met' },
      { value: '?', points: 0, status: 'unknown' },
    ]);
    expect(scaleIssues(inverted).map((found) => found.message)).toEqual(['a "met" level is worth fewer points (1) than a level that is not met (5)']);
    expect(scaleIssues(null as unknown as RatingScale).map((found) => found.code)).toEqual(['no_met_level', 'too_few_levels']);
    expect(scaleIssues(rawScale([null, 7])).map((found) => found.pathText)).toEqual(['levels[0].points', 'levels[1].points', 'levels', 'levels']);
  });
});

describe('normalizeLevel', () => {
  it('places levels from 0 to 1, clamps levels outside the known range, and has no place for unknown', () => {
    const [none, partly, fully] = zeroToTwoScale.levels;
    expect(normalizeLevel(zeroToTwoScale, none!)).toBe(0);
    expect(normalizeLevel(zeroToTwoScale, partly!)).toBe(0.5);
    expect(normalizeLevel(zeroToTwoScale, fully!)).toBe(1);
    expect(normalizeLevel(zeroToTwoScale, { value: 9, label: 'Beyond', points: 9, status: 'met' })).toBe(1);
    expect(normalizeLevel(zeroToTwoScale, { value: -1, label: 'Below', points: -3, status: 'not_met' })).toBe(0);
    expect(normalizeLevel(zeroToTwoScale, { value: 'x', label: '?', points: 0, status: 'unknown' })).toBeUndefined();
  });

  it('on a scale whose known levels are all worth the same, a met level is 1 and any other 0', () => {
    const flat = rawScale([
      { value: 'a', label: 'A', points: 1, status: 'not_met' },
      { value: 'b', label: 'B', points: 1, status: 'met' },
      { value: 'c', label: 'C', points: 1, status: 'partial' },
    ]);
    expect(scaleRange(flat)).toEqual({ lowest: 1, highest: 1 });
    expect(flat.levels.map((level) => normalizeLevel(flat, level))).toEqual([0, 1, 0]);
  });
});
