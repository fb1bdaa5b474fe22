import { describe, expect, it } from 'vitest';
import { parseScoringModel } from './define-scoring-model.ts';
import { scoringModelCrossIssues } from './scoring-model-definition.ts';

const rule = (id: unknown, extra: Record<string, unknown> = {}) => ({
  kind: 'points',
  id,
  label: 'L',
  when: { field: 'source', exists: true },
  points: 1,
  ...extra,
});
const seen = (model: unknown): [string, string, string][] => scoringModelCrossIssues(model).map((problem) => [problem.pathText, problem.code, problem.message]);

describe('scoringModelCrossIssues', () => {
  it('finds nothing in what is not an object, and skips parts that are not what they should be', () => {
    for (const model of [null, undefined, 3, 'model', [], [rule('a'), rule('a')]]) expect(scoringModelCrossIssues(model)).toEqual([]);
    expect(seen({ rules: 'no', groups: [], total: 5, grading: 'x' })).toEqual([]);
    expect(seen({ rules: [null, 7, ['a'], rule(5), rule(5), { kind: 'values', id: 'v', values: ['a', 'A'] }] })).toEqual([]);
    expect(seen({ groups: { fit: 'x', engagement: { cap: '1', floor: 2 } }, total: { cap: 1 } })).toEqual([]);
  });

  it('names every repeated rule id after its first use, with where it was first used', () => {
    expect(seen({ rules: [rule('a'), rule('b'), rule('a'), rule('a'), rule('b')] })).toEqual([
      ['rules[2].id', 'duplicate_key', 'duplicate rule id "a" (first used by rules[0])'],
      ['rules[3].id', 'duplicate_key', 'duplicate rule id "a" (first used by rules[0])'],
      ['rules[4].id', 'duplicate_key', 'duplicate rule id "b" (first used by rules[1])'],
    ]);
    const long = 'x'.repeat(300);
    expect(seen({ rules: [rule(long), rule(long)] })).toEqual([
      ['rules[1].id', 'duplicate_key', `duplicate rule id "${'x'.repeat(200)}" (first used by rules[0])`],
    ]);
  });

  it('names a value listed twice ignoring case, unless the rule compares exactly or is not a value rule', () => {
    const values = { Tech: 1, tech: 2, TECH: 3, other: 4 };
    expect(seen({ rules: [{ kind: 'values', id: 'v', values }] })).toEqual([
      ['rules[0].values.tech', 'duplicate_key', 'lists the same value as "Tech" (values are compared ignoring case): merge them, or set caseSensitive'],
      ['rules[0].values.TECH', 'duplicate_key', 'lists the same value as "Tech" (values are compared ignoring case): merge them, or set caseSensitive'],
    ]);
    expect(seen({ rules: [{ kind: 'values', id: 'v', values, caseSensitive: true }] })).toEqual([]);
    expect(seen({ rules: [{ kind: 'bands', id: 'v', values }] })).toEqual([]);
    expect(seen({ rules: [{ kind: 'values', id: 'v', values, caseSensitive: false }] })).toHaveLength(2);
  });

  it('refuses a floor above the cap of a group or of the total, and accepts one equal to it', () => {
    expect(seen({ groups: { fit: { cap: 5, floor: 6 }, engagement: { cap: 5, floor: 5 }, intent: { floor: 9 } }, total: { cap: 0, floor: 0.5 } })).toEqual([
      ['groups.fit', 'custom', '"floor" must not be above "cap"'],
      ['total', 'custom', '"floor" must not be above "cap"'],
    ]);
    expect(seen({ total: { cap: 3, floor: 3 } })).toEqual([]);
  });

  it('names an override band that is not a band, listing the bands there are, or saying there are none', () => {
    const overrides = [
      { id: 'o1', band: 'hot' },
      { id: 'o2', band: 'lukewarm' },
      { id: 'o3', band: 'cold' },
      { id: 'o4' },
      { id: 'o5', band: 7 },
      'not an override',
    ];
    expect(seen({ grading: { bands: { thresholds: [{ band: 'hot', min: 50 }, 'junk', { band: 'warm', min: 20 }], otherwise: 'cold' }, overrides } })).toEqual([
      ['grading.overrides[1].band', 'custom', 'band "lukewarm" is not one of the model\'s bands ("hot", "warm", "cold")'],
    ]);
    expect(seen({ grading: { bands: { thresholds: 'none', otherwise: 'cold' }, overrides } })).toEqual([
      ['grading.overrides[0].band', 'custom', 'band "hot" is not one of the model\'s bands ("cold")'],
      ['grading.overrides[1].band', 'custom', 'band "lukewarm" is not one of the model\'s bands ("cold")'],
    ]);
    expect(seen({ grading: { overrides: [{ id: 'o', band: 'hot' }] } })).toEqual([
      [
        'grading.overrides[0].band',
        'custom',
        'band "hot" cannot be set: the model has no bands (give grading.bands, or leave band out: an override makes a lead sales-ready)',
      ],
    ]);
    expect(seen({ grading: { overrides: 'none', bands: { thresholds: [], otherwise: 'cold' } } })).toEqual([]);
  });

  it('names a sales-ready cell the matrix cannot produce, with the grades of each axis', () => {
    const matrix = {
      fit: [{ grade: 'A', min: 60 }, { grade: 'B', min: 30 }, 'junk'],
      fitOtherwise: 'C',
      engagement: [{ grade: '1', min: 20 }],
      engagementOtherwise: '2',
      salesReady: ['A1', 'C2', 'A3', 4, 'B'],
    };
    const reason = 'a cell is a fit grade ("A", "B", "C") followed by an engagement grade ("1", "2")';
    expect(seen({ grading: { matrix } })).toEqual([
      ['grading.matrix.salesReady[2]', 'custom', `the matrix cannot produce the cell "A3": ${reason}`],
      ['grading.matrix.salesReady[4]', 'custom', `the matrix cannot produce the cell "B": ${reason}`],
    ]);
    expect(seen({ grading: { matrix: { ...matrix, fit: 'none', engagement: undefined, salesReady: ['C2', 'A1'] } } })).toEqual([
      ['grading.matrix.salesReady[1]', 'custom', 'the matrix cannot produce the cell "A1": a cell is a fit grade ("C") followed by an engagement grade ("2")'],
    ]);
    expect(seen({ grading: { matrix: { ...matrix, salesReady: 'A1' } } })).toEqual([]);
  });

  it('are reported by parseScoringModel with the other problems, at their paths', () => {
    const parsed = parseScoringModel({
      schemaVersion: 1,
      id: 'm',
      rules: [rule('a'), rule('a')],
      grading: {
        bands: { thresholds: [{ band: 'hot', min: 10 }], otherwise: 'cold' },
        overrides: [{ id: 'o', label: 'O', when: { field: 'source', exists: true }, band: 'warm' }],
      },
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.issues.map((problem) => [problem.pathText, problem.message])).toEqual([
      ['rules[1].id', 'duplicate rule id "a" (first used by rules[0])'],
      ['grading.overrides[0].band', 'band "warm" is not one of the model\'s bands ("hot", "cold")'],
    ]);
  });
});
