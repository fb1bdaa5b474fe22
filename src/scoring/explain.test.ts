import { describe, expect, it } from 'vitest';
import { contribution } from './contribution.ts';
import { explainScore, topReasons } from './explain.ts';
import type { LeadScore, ScoreContribution, ScoreResult } from './types.ts';

const item = (ruleId: string, points: number, extra: Partial<ScoreContribution> = {}): ScoreContribution => ({
  ...contribution({ ruleId, label: `Rule ${ruleId}`, points }),
  ...extra,
});
const result = (contributions: ScoreContribution[], extra: Partial<ScoreResult> = {}): ScoreResult => ({
  score: contributions.reduce((sum, entry) => sum + entry.points, 0),
  contributions,
  disqualifications: [],
  ...extra,
});
const leadScore = (contributions: ScoreContribution[], extra: Partial<LeadScore> = {}): LeadScore => ({
  ...result(contributions),
  fit: 0,
  engagement: 0,
  groups: {},
  band: undefined,
  matrixCell: undefined,
  grade: undefined,
  salesReady: false,
  overrides: [],
  disqualified: false,
  ...extra,
});

describe('explainScore', () => {
  it('writes one line per contribution: signed points right-aligned in 8 characters, label and group', () => {
    expect(explainScore(result([item('a', 12), item('b', -3.5), item('c', 0.25, { group: 'engagement' })]))).toBe(
      ['Score 8.75', '     +12  Rule a [fit]', '    -3.5  Rule b [fit]', '   +0.25  Rule c [engagement]'].join('\n'),
    );
  });

  it('rounds the score and points to two decimals', () => {
    expect(explainScore(result([item('a', 1 / 3)]))).toBe(['Score 0.33', '   +0.33  Rule a [fit]'].join('\n'));
    expect(explainScore(result([item('a', -2 / 3)]))).toBe(['Score -0.67', '   -0.67  Rule a [fit]'].join('\n'));
  });

  it('leaves out contributions of 0 points and writes a score of 0 plainly', () => {
    expect(explainScore(result([item('a', 0)]))).toBe('Score 0');
  });

  it('says how repeats, decay, caps and weights changed a contribution, in that order', () => {
    const changed = item('a', 4, { occurrences: 3, rawPoints: 30, decayFactor: 0.25, cappedPoints: 3.5, weight: 1 / 3 });
    expect(explainScore(result([changed]))).toBe(['Score 4', '      +4  Rule a [fit] (×3, decayed to 25% of +30, -3.5 by caps, weight 0.333)'].join('\n'));
    // A negative cap (a floor that gave points back) reads as points added.
    expect(explainScore(result([item('b', -2, { cappedPoints: -5 })]))).toBe(['Score -2', '      -2  Rule b [fit] (+5 by caps)'].join('\n'));
  });

  it('does not mention one occurrence, no decay, a cap of rounding dust or weight 1', () => {
    const plain = item('a', 5, { occurrences: 1, decayFactor: 1, cappedPoints: 1e-9, weight: 1 });
    expect(explainScore(result([plain]))).toBe(['Score 5', '      +5  Rule a [fit]'].join('\n'));
  });

  it('heads a lead score with fit, engagement, grade and sales-readiness, then gates, overrides and contributions', () => {
    const text = explainScore(
      leadScore([item('a', 10.125), item('b', 30)], {
        score: 40.125,
        fit: 12.344,
        engagement: 27.666,
        grade: 'A1',
        salesReady: true,
        disqualifications: [{ ruleId: 'd', label: 'Student' }],
        overrides: [{ ruleId: 'o', label: 'Demo requested', band: undefined }],
      }),
    );
    expect(text.split('\n')).toEqual([
      'Score 40.13 (fit 12.34, engagement 27.67), grade A1, sales-ready',
      '  disqualified: Student',
      '  override: Demo requested',
      '     +30  Rule b [fit]',
      '  +10.13  Rule a [fit]',
    ]);
    expect(explainScore(leadScore([], { score: 3, fit: 1, engagement: 2 }))).toBe('Score 3 (fit 1, engagement 2)');
  });
});

describe('topReasons', () => {
  it('gives three by default, largest by absolute points, ties in the order given', () => {
    const items = [item('a', 1), item('b', -5), item('c', 5), item('d', 2), item('e', 0), item('f', 4)];
    expect(topReasons(result(items)).map((entry) => entry.ruleId)).toEqual(['b', 'c', 'f']);
    expect(topReasons(result(items), 0)).toEqual([]);
    expect(topReasons(result(items), 10).map((entry) => entry.ruleId)).toEqual(['b', 'c', 'f', 'd', 'a']);
    expect(topReasons(result([item('z', 0)]), 3)).toEqual([]);
  });
});
