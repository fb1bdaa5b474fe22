import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { completeFramework, defineFramework, type FrameworkInput, frameworkIssues } from './define-framework.ts';
import { type RatingScale, yesNoScale } from './scales.ts';

/** A framework as it may come from outside: any shape (frameworkIssues never throws, whatever it is given). */
const framework = (fields: Record<string, unknown>): FrameworkInput =>
  ({ id: 'f', name: 'F', scale: yesNoScale, criteria: [{ key: 'a', label: 'A' }], ...fields }) as unknown as FrameworkInput;
const found = (input: FrameworkInput, options?: Parameters<typeof frameworkIssues>[1]) =>
  frameworkIssues(input, options).map((problem) => `${problem.pathText} ${problem.code}: ${problem.message}`);

describe('frameworkIssues: criterion keys', () => {
  it('takes a letter, then letters, digits or _, 64 characters at most', () => {
    for (const key of ['a', 'Z', 'a'.repeat(64), 'A_9', 'budget2', 'x_']) expect(found(framework({ criteria: [{ key, label: 'K' }] })), key).toEqual([]);
    const shown = (key: string) =>
      `criteria[0].key invalid_format: ${JSON.stringify(key)} is not a criterion key: use a letter, then letters, digits or _ (at most 64)`;
    for (const key of ['a'.repeat(65), '1a', '_a', 'a-b', ' a', 'a ', 'a.b', '', 'é'])
      expect(found(framework({ criteria: [{ key, label: 'K' }] })), key).toEqual([shown(key)]);
  });

  it('names a key that is not text as it is', () => {
    expect(found(framework({ criteria: [{ key: 7, label: 'K' }] }))).toEqual([
      'criteria[0].key invalid_format: 7 is not a criterion key: use a letter, then letters, digits or _ (at most 64)',
    ]);
    expect(found(framework({ criteria: [{ label: 'K' }] }))).toEqual([
      'criteria[0].key invalid_format: undefined is not a criterion key: use a letter, then letters, digits or _ (at most 64)',
    ]);
  });

  it('reports each repeat against the first use, and reserved keys as forbidden', () => {
    const criteria = [
      { key: 'a', label: 'A' },
      { key: 'a', label: 'A2' },
      { key: 'a', label: 'A3' },
      { key: 'toString', label: 'T' },
      { key: 'toString', label: 'T2' },
    ];
    expect(found(framework({ criteria }))).toEqual([
      'criteria[1].key duplicate_key: repeats the key "a" of criteria[0]',
      'criteria[2].key duplicate_key: repeats the key "a" of criteria[0]',
      'criteria[3].key forbidden_key: "toString" is not allowed as a key',
      'criteria[4].key forbidden_key: "toString" is not allowed as a key',
      'criteria[4].key duplicate_key: repeats the key "toString" of criteria[3]',
    ]);
  });

  it('with crossFieldOnly, leaves the key format to the schema but still reports repeats and reserved keys', () => {
    const criteria = [
      { key: '1a', label: 'X' },
      { key: '1a', label: 'Y' },
      { key: 'valueOf', label: 'V' },
      { key: 3, label: 'N' },
      { key: 3, label: 'N' },
    ];
    expect(found(framework({ criteria }), { crossFieldOnly: true })).toEqual([
      'criteria[1].key duplicate_key: repeats the key "1a" of criteria[0]',
      'criteria[2].key forbidden_key: "valueOf" is not allowed as a key',
    ]);
  });
});

describe('frameworkIssues: criteria, weights, rule and stale age', () => {
  it('needs at least one criterion (not checked with crossFieldOnly)', () => {
    expect(found(framework({ criteria: [] }))).toEqual(['criteria too_small: must have at least 1 item']);
    expect(found(framework({ criteria: 'a' }))).toEqual(['criteria too_small: must have at least 1 item']);
    expect(found(framework({ criteria: [] }), { crossFieldOnly: true })).toEqual([]);
  });

  it('takes weights of at least 0, 1 when absent, and refuses the rest', () => {
    const criteria = (weights: unknown[]) => weights.map((weight, index) => ({ key: `k${index}`, label: 'K', weight }));
    expect(found(framework({ criteria: criteria([0, 0.5, 1_000_000]) }))).toEqual([]);
    expect(found(framework({ criteria: [{ key: 'a', label: 'A' }, ...criteria([0])] }))).toEqual([]);
    expect(found(framework({ criteria: criteria([-1, Number.NaN, Number.POSITIVE_INFINITY, '2']) }))).toEqual(
      [0, 1, 2, 3].map((index) => `criteria[${index}].weight invalid_weight: must be a number of at least 0`),
    );
    expect(found(framework({ criteria: criteria([-1]) }), { crossFieldOnly: true })).toEqual([]);
  });

  it('refuses weights that add up to 0, unless a weight is already wrong', () => {
    const criteria = (weights: unknown[]) => weights.map((weight, index) => ({ key: `k${index}`, label: 'K', weight }));
    expect(found(framework({ criteria: criteria([0, 0]) }))).toEqual(['criteria no_weight: the weights add up to 0, so no score can be computed']);
    expect(found(framework({ criteria: criteria([0, 0]) }), { crossFieldOnly: true })).toEqual([
      'criteria no_weight: the weights add up to 0, so no score can be computed',
    ]);
    expect(found(framework({ criteria: criteria([0, 1e-9]) }))).toEqual([]);
    expect(found(framework({ criteria: criteria([0, -1]) }), { crossFieldOnly: true })).toEqual([]);
  });

  it('takes minMet from 0 to the number of criteria, a whole number', () => {
    const two = [
      { key: 'a', label: 'A' },
      { key: 'b', label: 'B' },
    ];
    for (const minMet of [0, 1, 2]) expect(found(framework({ criteria: two, rule: { minMet } }))).toEqual([]);
    expect(found(framework({ criteria: two, rule: { minMet: 3 } }))).toEqual([
      'rule.minMet rule_unreachable: asks for 3 criteria met, but the framework has only 2',
    ]);
    for (const minMet of [-1, 1.5, '1', Number.NaN])
      expect(found(framework({ criteria: two, rule: { minMet } })), String(minMet)).toEqual(['rule.minMet invalid_rule: must be a whole number of at least 0']);
  });

  it('with crossFieldOnly, says only that minMet cannot be reached, and only when the criteria are a list', () => {
    expect(found(framework({ rule: { minMet: 2 } }), { crossFieldOnly: true })).toEqual([
      'rule.minMet rule_unreachable: asks for 2 criteria met, but the framework has only 1',
    ]);
    expect(found(framework({ rule: { minMet: 2.5 } }), { crossFieldOnly: true })).toEqual([]);
    expect(found(framework({ criteria: 'a', rule: { minMet: 2 } }), { crossFieldOnly: true })).toEqual([]);
  });

  it('takes minScore from 0 to 100', () => {
    for (const minScore of [0, 50, 100]) expect(found(framework({ rule: { minScore } }))).toEqual([]);
    for (const minScore of [-0.01, 100.01, '50', Number.NaN])
      expect(found(framework({ rule: { minScore } })), String(minScore)).toEqual(['rule.minScore invalid_rule: must be between 0 and 100']);
    expect(found(framework({ rule: { minScore: 120 } }), { crossFieldOnly: true })).toEqual([]);
  });

  it('takes a stale age greater than 0', () => {
    for (const staleAfterDays of [0.001, 90, undefined]) expect(found(framework({ staleAfterDays }))).toEqual([]);
    for (const staleAfterDays of [0, -5, '90', Number.NaN])
      expect(found(framework({ staleAfterDays })), String(staleAfterDays)).toEqual([
        'staleAfterDays invalid_stale_after: must be a number of days greater than 0',
      ]);
    expect(found(framework({ staleAfterDays: 0 }), { crossFieldOnly: true })).toEqual([]);
  });
});

describe('frameworkIssues: the scale', () => {
  const oneLevel = { id: 's', name: 'S', levels: [{ value: 'x', label: 'X', points: 1, status: 'met' }] } as unknown as RatingScale;

  it('checks the scale under the path "scale", unless told not to', () => {
    expect(found(framework({ scale: oneLevel }))).toEqual(['scale.levels too_few_levels: needs at least two levels that are not "unknown"']);
    expect(found(framework({ scale: oneLevel }), { scale: false })).toEqual([]);
    expect(found(framework({ scale: 'yes-no' }), { scale: false })).toEqual([]);
  });

  it('with crossFieldOnly, leaves the points of a level to the schema', () => {
    const badPoints = {
      id: 's',
      name: 'S',
      levels: [
        { value: 'x', label: 'X', points: 'one', status: 'met' },
        { value: 'y', label: 'Y', points: 0, status: 'not_met' },
      ],
    } as unknown as RatingScale;
    expect(found(framework({ scale: badPoints }))).toEqual([
      'scale.levels[0].points invalid_points: must be a finite number',
      'scale.levels no_met_level: needs at least one level with status "met"',
      'scale.levels too_few_levels: needs at least two levels that are not "unknown"',
    ]);
    expect(found(framework({ scale: badPoints }), { crossFieldOnly: true })).toEqual([]);
  });

  it('never throws on junk', () => {
    expect(found(null as unknown as FrameworkInput)).toEqual([
      'criteria too_small: must have at least 1 item',
      'scale.levels no_met_level: needs at least one level with status "met"',
      'scale.levels too_few_levels: needs at least two levels that are not "unknown"',
    ]);
    expect(found(framework({ criteria: [null, 'a'] }))).toEqual([
      'criteria[0].key invalid_format: undefined is not a criterion key: use a letter, then letters, digits or _ (at most 64)',
      'criteria[1].key invalid_format: undefined is not a criterion key: use a letter, then letters, digits or _ (at most 64)',
    ]);
  });
});

describe('defineFramework and completeFramework', () => {
  it('fills every default and leaves out what was not given', () => {
    const framework = defineFramework({ id: 'bare', name: 'Bare', scale: yesNoScale, criteria: [{ key: 'a', label: 'A' }] });
    expect(framework).toStrictEqual({
      id: 'bare',
      name: 'Bare',
      description: '',
      version: 1,
      scale: yesNoScale,
      criteria: [{ key: 'a', label: 'A', description: '', questions: [], weight: 1, required: false }],
      rule: {},
      staleAfterDays: 90,
    });
  });

  it('keeps what was given, minMet 0 included', () => {
    const framework = defineFramework({
      id: 'full',
      name: 'Full',
      description: 'All fields',
      version: 3,
      scale: yesNoScale,
      criteria: [{ key: 'a', label: 'A', description: 'About a', questions: ['Q?'], weight: 0.5, required: true, concept: 'budget' }],
      rule: { minMet: 0, minScore: 0 },
      staleAfterDays: 7,
    });
    expect(framework).toStrictEqual({
      id: 'full',
      name: 'Full',
      description: 'All fields',
      version: 3,
      scale: yesNoScale,
      criteria: [{ key: 'a', label: 'A', description: 'About a', questions: ['Q?'], weight: 0.5, required: true, concept: 'budget' }],
      rule: { minMet: 0, minScore: 0 },
      staleAfterDays: 7,
    });
  });

  it('freezes every part, on copies of the input', () => {
    const questions = ['Q?'];
    const levels = yesNoScale.levels.map((level) => ({ ...level }));
    const framework = completeFramework({
      id: 'c',
      name: 'C',
      scale: { id: 's', name: 'S', levels },
      criteria: [{ key: 'a', label: 'A', questions }],
      rule: { minMet: 1 },
    });
    for (const part of [
      framework,
      framework.scale,
      framework.scale.levels,
      framework.scale.levels[0],
      framework.criteria,
      framework.criteria[0],
      framework.criteria[0]?.questions,
      framework.rule,
    ])
      expect(Object.isFrozen(part)).toBe(true);
    questions.push('Another?');
    expect(framework.criteria[0]?.questions).toEqual(['Q?']);
    expect(Object.isFrozen(levels[0])).toBe(false);
  });

  it('throws a ValidationError naming the framework and every problem', () => {
    const define = () =>
      defineFramework({
        id: 'broken',
        name: 'Broken',
        scale: yesNoScale,
        criteria: [
          { key: 'a', label: 'A', weight: 0 },
          { key: 'a', label: 'B', weight: 0 },
        ],
      });
    expect(define).toThrow(ValidationError);
    expect(define).toThrow(
      'Invalid framework broken (2 problems):\n  - criteria[1].key: repeats the key "a" of criteria[0]\n  - criteria: the weights add up to 0, so no score can be computed',
    );
  });
});
