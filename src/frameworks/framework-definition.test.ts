import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { builtinFrameworks, builtinQuestionBanks } from './builtins/all.ts';
import { bantFramework } from './builtins/bant.ts';
import { meddicFramework } from './builtins/meddic.ts';
import {
  FrameworkDefinition,
  QuestionBankDefinition,
  RatingScaleDefinition,
  parseFramework,
  parseQuestionBank,
  parseRatingScale,
} from './framework-definition.ts';
import { defineFramework } from './define-framework.ts';
import { redAmberGreenScale, yesNoScale } from './scales.ts';

const minimal = {
  id: 'ours',
  name: 'Ours',
  scale: 'yes-no',
  criteria: [
    { key: 'budget', label: 'Budget' },
    { key: 'authority', label: 'Authority', required: true },
  ],
};

function pathsOf(result: ReturnType<typeof parseFramework>): string[] {
  return result.ok ? [] : result.error.issues.map((found) => `${found.pathText} ${found.code}`);
}

describe('parseFramework', () => {
  it('reads every built-in back from its JSON form, unchanged', () => {
    for (const framework of builtinFrameworks) {
      const result = parseFramework(JSON.parse(JSON.stringify(framework)));
      expect(result.ok && result.value).toEqual(framework);
    }
  });

  it('resolves a scale named by id and fills the defaults', () => {
    const result = parseFramework(minimal);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.scale.id).toBe('yes-no');
    expect(result.value.criteria[0]).toEqual({ key: 'budget', label: 'Budget', description: '', questions: [], weight: 1, required: false });
    expect(result.value.rule).toEqual({});
    expect(result.value.staleAfterDays).toBe(90);
  });

  it('resolves scale ids against the scales given', () => {
    expect(pathsOf(parseFramework({ ...minimal, scale: 'traffic' }))).toEqual(['scale unknown_scale']);
    expect(parseFramework({ ...minimal, scale: 'red-amber-green' }, { scales: [redAmberGreenScale] }).ok).toBe(true);
  });

  it('reports duplicate criterion keys with the path of the repeat', () => {
    const result = parseFramework({ ...minimal, criteria: [...minimal.criteria, { key: 'budget', label: 'Money' }] });
    expect(pathsOf(result)).toEqual(['criteria[2].key duplicate_key']);
    expect(result.ok || result.error.message).toContain('repeats the key "budget" of criteria[0]');
  });

  it('reports a criterion missing its required fields, and every other problem at once', () => {
    const result = parseFramework({ ...minimal, criteria: [{ key: 'budget' }, { label: 'No key' }, { key: '9lives', label: 'x', weight: -1 }] });
    expect(pathsOf(result)).toEqual([
      'criteria[0].label invalid_type',
      'criteria[1].key invalid_type',
      'criteria[2].key invalid_format',
      'criteria[2].weight too_small',
    ]);
  });

  it('refuses a rule that cannot be met, all-zero weights and an inconsistent scale', () => {
    expect(pathsOf(parseFramework({ ...minimal, rule: { minMet: 3 } }))).toEqual(['rule.minMet rule_unreachable']);
    expect(pathsOf(parseFramework({ ...minimal, criteria: [{ key: 'a', label: 'A', weight: 0 }] }))).toEqual(['criteria no_weight']);
    const scale = {
      id: 'odd',
      name: 'Odd',
      levels: [
        { value: 'hi', label: 'Hi', points: 0, status: 'met' },
        { value: 'hi', label: 'Lo', points: 1, status: 'not_met' },
      ],
    };
    expect(pathsOf(parseFramework({ ...minimal, scale }))).toEqual(['scale.levels[1].value duplicate_key', 'scale.levels inconsistent_points']);
  });

  it('survives malformed input with a typed error', () => {
    for (const input of [null, 42, 'bant', [], { id: 'x' }, { ...minimal, criteria: 'budget' }]) {
      const result = parseFramework(input);
      expect(result.ok).toBe(false);
    }
  });

  it('cannot be used to pollute prototypes: a __proto__ key anywhere is reported with its path, never assigned', () => {
    const text = '{"id":"p","name":"P","scale":"yes-no","criteria":[{"key":"a","label":"A","__proto__":{"polluted":true}}],"__proto__":{"polluted":true}}';
    const result = parseFramework(JSON.parse(text));
    expect(pathsOf(result)).toEqual(['__proto__ forbidden_key', 'criteria[0].__proto__ forbidden_key']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(pathsOf(parseFramework({ ...minimal, criteria: [{ key: '__proto__', label: 'P' }] }))).toEqual(['criteria[0].key invalid_format']);
  });

  // Regression (issue 12, item 7): these keys passed, and then no assessment could pass: parseAssessment read
  // `criteria.constructor` from every object ("must be an object, not function").
  it('refuses criterion keys that name a member of every object (constructor, toString, valueOf, hasOwnProperty)', () => {
    const criteria = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'].map((key) => ({ key, label: key }));
    const result = parseFramework({ ...minimal, criteria: [...minimal.criteria, ...criteria] });
    expect(result.ok || result.error.issues.map((found) => `${found.pathText} ${found.code}: ${found.message}`)).toEqual([
      'criteria[2].key forbidden_key: "constructor" is not allowed as a key',
      'criteria[3].key forbidden_key: "toString" is not allowed as a key',
      'criteria[4].key forbidden_key: "valueOf" is not allowed as a key',
      'criteria[5].key forbidden_key: "hasOwnProperty" is not allowed as a key',
    ]);
    expect(() => defineFramework({ id: 'c', name: 'C', scale: yesNoScale, criteria: [{ key: 'constructor', label: 'C' }] })).toThrow(
      /"constructor" is not allowed as a key/,
    );
    expect(FrameworkDefinition.safeParse({ ...minimal, criteria: criteria.slice(0, 1) }).success).toBe(false);
  });

  // Regression (issue 11): an unknown scale id hid every other problem.
  it('reports an unknown scale id together with the other problems', () => {
    const result = parseFramework({ ...minimal, scale: 'traffic', criteria: [...minimal.criteria, { key: 'budget', label: 'Money' }], rule: { minMet: 4 } });
    expect(pathsOf(result)).toEqual(['scale unknown_scale', 'criteria[2].key duplicate_key', 'rule.minMet rule_unreachable']);
  });

  it('reports content problems alongside shape problems, once per path', () => {
    const result = parseFramework({
      ...minimal,
      name: 7,
      criteria: [{ key: 'budget', label: 'Budget' }, { key: 'budget' }, { key: 'valueOf', label: 'V' }],
      rule: { minMet: 9 },
    });
    expect(pathsOf(result)).toEqual([
      'name invalid_type',
      'criteria[1].label invalid_type',
      'criteria[1].key duplicate_key',
      'criteria[2].key forbidden_key',
      'rule.minMet rule_unreachable',
    ]);
  });

  // Regression (issue 12, item 12): an inline scale with one bad field gave only "scale: does not match any of the allowed shapes".
  it('names the field of an inline scale that is wrong, and the problem with a scale id', () => {
    const scale = {
      id: 's',
      name: 'S',
      levels: [
        { value: 1, label: 'One', points: 0, status: 'bogus' },
        { value: 2, label: 'Two', points: 'x', status: 'met' },
      ],
    };
    const result = parseFramework({ ...minimal, scale });
    expect(result.ok || result.error.issues.map((found) => `${found.pathText}: ${found.message}`)).toEqual([
      'scale.levels[0].status: must be one of "met", "partial", "not_met", "unknown", not "bogus"',
      'scale.levels[1].points: must be a number, not text ("x")',
    ]);
    expect(pathsOf(parseFramework({ ...minimal, scale: '' }))).toEqual(['scale too_small']);
    expect(pathsOf(parseFramework({ ...minimal, scale: 3 }))).toEqual(['scale invalid_type']);
  });

  it('does not mutate its input', () => {
    const input = structuredClone(minimal);
    parseFramework(input);
    expect(input).toEqual(minimal);
  });
});

describe('the FrameworkDefinition schema', () => {
  it('checks content as well as shape', () => {
    expect(FrameworkDefinition.safeParse(JSON.parse(JSON.stringify(meddicFramework))).success).toBe(true);
    expect(FrameworkDefinition.safeParse({ ...minimal, criteria: [minimal.criteria[0], minimal.criteria[0]] }).success).toBe(false);
  });

  it('exports to JSON Schema', () => {
    for (const schema of [FrameworkDefinition, RatingScaleDefinition, QuestionBankDefinition]) {
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }) as { type?: string };
      expect(json.type).toBe('object');
    }
  });
});

describe('parseRatingScale and parseQuestionBank', () => {
  it('round-trip the built-ins and refuse bad ones with paths', () => {
    expect(parseRatingScale(JSON.parse(JSON.stringify(redAmberGreenScale)))).toEqual({ ok: true, value: redAmberGreenScale });
    const bad = parseRatingScale({
      id: 's',
      name: 'S',
      levels: [
        { value: 1, label: 'a', points: 1, status: 'partial' },
        { value: 2, label: 'b', points: 2, status: 'unknown' },
      ],
    });
    expect(bad.ok || bad.error.issues.map((found) => found.code)).toEqual(['no_met_level', 'too_few_levels']);
    expect(parseQuestionBank(JSON.parse(JSON.stringify(builtinQuestionBanks[0]))).ok).toBe(true);
    expect(parseQuestionBank({ id: 'q', name: 'Q', sections: [] }).ok).toBe(false);
  });

  it('keep BANT unchanged', () => {
    expect(bantFramework.criteria.map((criterion) => criterion.key)).toEqual(['budget', 'authority', 'need', 'timeline']);
  });
});
