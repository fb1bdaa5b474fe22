import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDecay, halfLifeFactor, halfLifePerMs, scoreDecayFactor } from './decay.ts';
import type { ScoreDecay } from './scoring-model-definition.ts';

const DAY = 86_400_000;

describe('scoreDecayFactor', () => {
  it('is 1 without decay, whatever the age', () => {
    expect(scoreDecayFactor(undefined, 0)).toBe(1);
    expect(scoreDecayFactor(undefined, 1e6 * DAY)).toBe(1);
  });

  it('halves every half-life', () => {
    const decay = { kind: 'halfLife', days: 30 } as const;
    expect(scoreDecayFactor(decay, 0)).toBe(1);
    expect(scoreDecayFactor(decay, 30 * DAY)).toBeCloseTo(0.5, 12);
    expect(scoreDecayFactor(decay, 90 * DAY)).toBeCloseTo(0.125, 12);
    expect(scoreDecayFactor(decay, 15 * DAY)).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('loses its share at each whole step, exactly when a step is complete', () => {
    const decay = { kind: 'step', everyDays: 30, loss: 0.5 } as const;
    expect(scoreDecayFactor(decay, 30 * DAY - 1)).toBe(1);
    expect(scoreDecayFactor(decay, 30 * DAY)).toBe(0.5);
    expect(scoreDecayFactor(decay, 60 * DAY - 1)).toBe(0.5);
    expect(scoreDecayFactor(decay, 60 * DAY)).toBe(0.25);
    expect(scoreDecayFactor({ kind: 'step', everyDays: 10, loss: 0.25 }, 20 * DAY)).toBe(0.5625);
  });

  it('loses its share of the original points per period, linearly, down to 0 and not below', () => {
    const decay = { kind: 'linear', everyDays: 30, loss: 0.25 } as const;
    expect(scoreDecayFactor(decay, 15 * DAY)).toBe(0.875);
    expect(scoreDecayFactor(decay, 60 * DAY)).toBe(0.5);
    expect(scoreDecayFactor(decay, 120 * DAY)).toBe(0);
    expect(scoreDecayFactor(decay, 500 * DAY)).toBe(0);
  });

  it('keeps every point within the window, its last millisecond included, and none after', () => {
    const decay = { kind: 'window', days: 90 } as const;
    expect(scoreDecayFactor(decay, 90 * DAY)).toBe(1);
    expect(scoreDecayFactor(decay, 90 * DAY + 1)).toBe(0);
  });

  it('treats a negative age (after asOf) as age 0: never more than the full points', () => {
    const decays: ScoreDecay[] = [
      { kind: 'halfLife', days: 30 },
      { kind: 'step', everyDays: 30, loss: 0.5 },
      { kind: 'linear', everyDays: 30, loss: 0.5 },
      { kind: 'window', days: 1 },
    ];
    for (const decay of decays) expect(scoreDecayFactor(decay, -45 * DAY), decay.kind).toBe(1);
    expect(halfLifeFactor(-DAY, halfLifePerMs(1))).toBe(1);
  });
});

describe('halfLifePerMs and halfLifeFactor', () => {
  it('count half-lives per millisecond', () => {
    expect(halfLifePerMs(1)).toBe(1 / DAY);
    expect(halfLifePerMs(0.5)).toBe(2 / DAY);
    expect(halfLifeFactor(2 * DAY, halfLifePerMs(1))).toBeCloseTo(0.25, 12);
    expect(halfLifeFactor(0, halfLifePerMs(1))).toBe(1);
  });
});

describe('compileDecay', () => {
  it('is undefined without decay, and otherwise the same function of the age as scoreDecayFactor', () => {
    expect(compileDecay(undefined)).toBeUndefined();
    const decays = fc.oneof(
      fc.record({ kind: fc.constant('halfLife' as const), days: fc.double({ min: 0.5, max: 365, noNaN: true }) }),
      fc.record({ kind: fc.constant('step' as const), everyDays: fc.integer({ min: 1, max: 90 }), loss: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ kind: fc.constant('linear' as const), everyDays: fc.integer({ min: 1, max: 90 }), loss: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ kind: fc.constant('window' as const), days: fc.integer({ min: 1, max: 200 }) }),
    );
    fc.assert(
      fc.property(decays, fc.integer({ min: -10 * DAY, max: 400 * DAY }), (decay, age) => {
        const compiled = compileDecay(decay) as (ageMs: number) => number;
        const factor = compiled(age);
        expect(factor).toBe(scoreDecayFactor(decay, age));
        expect(factor).toBeGreaterThanOrEqual(0);
        expect(factor).toBeLessThanOrEqual(1);
      }),
    );
  });
});
