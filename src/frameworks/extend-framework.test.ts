import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { bantFramework } from './builtins/bant.ts';
import { meddicFramework } from './builtins/meddic.ts';
import { meddiccFramework } from './builtins/meddicc.ts';
import { meddpiccFramework } from './builtins/meddpicc.ts';
import { defineFramework } from './define-framework.ts';
import { evaluateAssessment } from './evaluate-assessment.ts';
import { extendFramework } from './extend-framework.ts';
import { yesNoScale, zeroToTwoScale } from './scales.ts';

describe('extendFramework', () => {
  it('builds MEDDICC and MEDDPICC from MEDDIC', () => {
    expect(meddiccFramework.criteria.map((criterion) => criterion.key)).toEqual([...meddicFramework.criteria.map((criterion) => criterion.key), 'competition']);
    expect(meddpiccFramework.criteria.map((criterion) => criterion.key)).toEqual([
      'metrics',
      'economicBuyer',
      'decisionCriteria',
      'decisionProcess',
      'paperProcess',
      'identifyPain',
      'champion',
      'competition',
    ]);
    expect(meddpiccFramework.criteria.find((criterion) => criterion.key === 'economicBuyer')?.required).toBe(true);
    expect(meddpiccFramework.rule).toEqual(meddicFramework.rule);
  });

  it('adds, removes, renames and re-weights criteria', () => {
    const ours = extendFramework(bantFramework, {
      id: 'bant-acme',
      remove: ['need'],
      rename: { timeline: 'timing' },
      update: { authority: { weight: 3, required: true } },
      add: [{ key: 'fit', label: 'Technical fit', after: 'budget' }],
      rule: { minMet: 2 },
    });
    expect(ours.criteria.map((criterion) => [criterion.key, criterion.weight, criterion.required])).toEqual([
      ['budget', 1, false],
      ['fit', 1, false],
      ['authority', 3, true],
      ['timing', 1, false],
    ]);
    expect(ours.criteria.find((criterion) => criterion.key === 'timing')?.questions).toEqual(bantFramework.criteria[3]?.questions);
    expect(ours.name).toBe('BANT');
    const at = new Date('2025-06-01T00:00:00Z');
    expect(
      evaluateAssessment(
        ours,
        { frameworkId: 'bant-acme', criteria: { budget: { rating: 'strong', assessedAt: at }, timing: { rating: 'strong', assessedAt: at } } },
        { asOf: at },
      ).openGates,
    ).toEqual(['authority']);
  });

  it('changes the scale', () => {
    const ticked = extendFramework(bantFramework, { id: 'bant-yes-no', scale: yesNoScale });
    expect(ticked.scale.id).toBe('yes-no');
  });

  it('throws on a change that names a criterion the base does not have', () => {
    const unsafe = bantFramework as unknown as typeof meddicFramework;
    expect(() => extendFramework(unsafe, { id: 'x', remove: ['champion'] })).toThrow(/bant has no criterion "champion"/);
    expect(() => extendFramework(bantFramework, { id: 'x', add: [{ key: 'budget', label: 'Again' }] })).toThrow(ValidationError);
    expect(() => extendFramework(bantFramework, { id: 'x', add: [{ key: 'z', label: 'Z', after: 'nowhere' }] })).toThrow(/no criterion "nowhere"/);
    expect(() => extendFramework(bantFramework, { id: 'x', remove: ['budget', 'authority'] })).toThrow(/asks for 3 criteria met/);
  });

  it('does not mutate its input', () => {
    const before = structuredClone(meddicFramework);
    extendFramework(meddicFramework, { id: 'm2', update: { metrics: { weight: 2 } }, rename: { champion: 'coach' } });
    expect(meddicFramework).toEqual(before);
  });
});

describe('defineFramework', () => {
  it('throws a ValidationError listing every problem', () => {
    try {
      defineFramework({
        id: 'bad',
        name: 'Bad',
        scale: zeroToTwoScale,
        criteria: [
          { key: 'a', label: 'A' },
          { key: 'a', label: 'A again' },
        ],
        rule: { minMet: 3, minScore: 120 },
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((found) => found.pathText)).toEqual(['criteria[1].key', 'rule.minMet', 'rule.minScore']);
    }
  });
});
