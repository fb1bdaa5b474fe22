import { describe, expect, it } from 'vitest';
import { parseScoringModel } from './define-scoring-model.ts';
import type { ScoringModelJson } from './scoring-model-definition.ts';

const problems = (model: unknown): [string, string][] => {
  const parsed = parseScoringModel(model);
  return parsed.ok ? [] : parsed.error.issues.map((problem) => [problem.pathText, problem.message]);
};
const bands = (list: unknown[]): ScoringModelJson =>
  ({ schemaVersion: 1, id: 'm', rules: [{ kind: 'bands', id: 'b', label: 'B', field: 'company.employeeCount', bands: list }] }) as ScoringModelJson;
const grading = (thresholds: unknown[]): ScoringModelJson =>
  ({ schemaVersion: 1, id: 'm', rules: [], grading: { bands: { thresholds, otherwise: 'cold' } } }) as ScoringModelJson;

describe('the shape of a scoring model', () => {
  it('refuses a band whose min is above its max, in words, and accepts equal or open bounds', () => {
    expect(problems(bands([{ min: 10, max: 5, points: 1 }]))).toEqual([['rules[0].bands[0].min', 'min (10) is above max (5): no value is in the band']]);
    expect(problems(bands([{ min: 5, max: 5, points: 1 }, { min: 7, points: 2 }, { max: 3, points: 3 }, { points: 4 }]))).toEqual([]);
  });

  it('wants band thresholds strictly from the highest min down', () => {
    const message = 'thresholds must be ordered from the highest "min" down';
    expect(
      problems(
        grading([
          { band: 'hot', min: 50 },
          { band: 'warm', min: 50 },
        ]),
      ),
    ).toEqual([['grading.bands.thresholds', message]]);
    expect(
      problems(
        grading([
          { band: 'warm', min: 20 },
          { band: 'hot', min: 50 },
        ]),
      ),
    ).toEqual([['grading.bands.thresholds', message]]);
    expect(
      problems(
        grading([
          { band: 'hot', min: 50 },
          { band: 'warm', min: 20 },
          { band: 'mild', min: 30 },
        ]),
      ),
    ).toEqual([['grading.bands.thresholds', message]]);
    expect(
      problems(
        grading([
          { band: 'hot', min: 50 },
          { band: 'warm', min: 20 },
        ]),
      ),
    ).toEqual([]);
  });

  it('names the schema version it reads', () => {
    expect(problems({ schemaVersion: 2, id: 'm', rules: [] })).toEqual([
      ['schemaVersion', 'this scoring model has schemaVersion 2, but this leadkit reads version 1'],
    ]);
  });
});
