import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axisGrade, scoreBand } from './grade.ts';

// hot from 70, warm from 40, cold below.
const thresholds = [
  { band: 'hot', min: 70 },
  { band: 'warm', min: 40 },
];

describe('scoreBand', () => {
  it('puts a score in the first band whose min it reaches (min inclusive), else in otherwise', () => {
    expect(scoreBand(thresholds, 'cold', 70)).toBe('hot');
    expect(scoreBand(thresholds, 'cold', 69.5)).toBe('warm');
    expect(scoreBand(thresholds, 'cold', 40)).toBe('warm');
    expect(scoreBand(thresholds, 'cold', 39.5)).toBe('cold');
    expect(scoreBand(thresholds, 'cold', -1e9)).toBe('cold');
    expect(scoreBand([], 'none', 1e9)).toBe('none');
  });

  it('keeps a previous top band down to exactly its min minus the hysteresis (no upper limit above the top band)', () => {
    const options = { previousBand: 'hot', hysteresis: 5 };
    expect(scoreBand(thresholds, 'cold', 65, options)).toBe('hot');
    expect(scoreBand(thresholds, 'cold', 64.5, options)).toBe('warm');
    expect(scoreBand(thresholds, 'cold', 1e9, options)).toBe('hot');
  });

  it('keeps a previous middle band from its min minus the hysteresis up to, not including, the next min plus the hysteresis', () => {
    const options = { previousBand: 'warm', hysteresis: 5 };
    expect(scoreBand(thresholds, 'cold', 35, options)).toBe('warm');
    expect(scoreBand(thresholds, 'cold', 34.5, options)).toBe('cold');
    expect(scoreBand(thresholds, 'cold', 74.5, options)).toBe('warm');
    expect(scoreBand(thresholds, 'cold', 75, options)).toBe('hot');
  });

  it('keeps a previous otherwise band (no lower limit) below the lowest min plus the hysteresis', () => {
    const options = { previousBand: 'cold', hysteresis: 5 };
    expect(scoreBand(thresholds, 'cold', 44.5, options)).toBe('cold');
    expect(scoreBand(thresholds, 'cold', 45, options)).toBe('warm');
    expect(scoreBand(thresholds, 'cold', -1e9, options)).toBe('cold');
  });

  it('ignores a previous band without hysteresis, or one that is not a band of the thresholds', () => {
    expect(scoreBand(thresholds, 'cold', 69, { previousBand: 'hot' })).toBe('warm');
    expect(scoreBand(thresholds, 'cold', 69, { previousBand: 'hot', hysteresis: 0 })).toBe('warm');
    expect(scoreBand(thresholds, 'cold', 69, { previousBand: 'lukewarm', hysteresis: 5 })).toBe('warm');
    expect(scoreBand(thresholds, 'cold', 69, { hysteresis: 5 })).toBe('warm');
  });

  it('with hysteresis, only ever returns the plain band or the previous one, and the plain band whenever they agree', () => {
    const bands = ['hot', 'warm', 'cold', 'other'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 110 }), fc.constantFrom(...bands), fc.integer({ min: 0, max: 20 }), (score, previousBand, hysteresis) => {
        const plain = scoreBand(thresholds, 'cold', score);
        const sticky = scoreBand(thresholds, 'cold', score, { previousBand, hysteresis });
        expect([plain, previousBand]).toContain(sticky);
        // Within the previous band's own range widened by the hysteresis on both sides, it stays.
        const lower = previousBand === 'hot' ? 70 : previousBand === 'warm' ? 40 : -Infinity;
        const upper = previousBand === 'hot' ? Infinity : previousBand === 'warm' ? 70 : 40;
        if (previousBand !== 'other') expect(sticky).toBe(score >= lower - hysteresis && score < upper + hysteresis ? previousBand : plain);
        else expect(sticky).toBe(plain);
      }),
    );
  });
});

describe('axisGrade', () => {
  it('gives the first grade whose min the value reaches (inclusive), else otherwise', () => {
    const axis = [
      { grade: 'A', min: 60 },
      { grade: 'B', min: 30 },
    ];
    expect(axisGrade(axis, 'C', 60)).toBe('A');
    expect(axisGrade(axis, 'C', 59.5)).toBe('B');
    expect(axisGrade(axis, 'C', 30)).toBe('B');
    expect(axisGrade(axis, 'C', 29.5)).toBe('C');
    expect(axisGrade([], 'C', 100)).toBe('C');
  });
});
