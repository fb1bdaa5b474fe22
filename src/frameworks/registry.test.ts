import { describe, expect, it } from 'vitest';
import { builtinFrameworks } from './builtins/all.ts';
import { bantFramework } from './builtins/bant.ts';
import { meddicFramework } from './builtins/meddic.ts';
import { spinQuestionBank } from './builtins/spin.ts';
import { defineFramework, type Framework } from './define-framework.ts';
import { FrameworkRegistryError, createFrameworkRegistry } from './registry.ts';
import type { QuestionBank } from './question-bank.ts';
import { defineRatingScale, type RatingScale } from './scales.ts';

const traffic = defineRatingScale({
  id: 'traffic',
  name: 'Traffic',
  levels: [
    { value: 'stop', label: 'Stop', points: 0, status: 'not_met' },
    { value: 'go', label: 'Go', points: 1, status: 'met' },
  ],
});
const plugin = {
  name: 'leadkit-plugin-traffic',
  scales: [traffic],
  frameworks: [defineFramework({ id: 'traffic-check', name: 'Traffic check', scale: traffic, criteria: [{ key: 'go', label: 'Go' }] })],
};

describe('createFrameworkRegistry', () => {
  it('starts with the built-in scales only, and registries are independent', () => {
    const first = createFrameworkRegistry();
    const second = createFrameworkRegistry({ frameworks: [bantFramework] });
    expect(first.scales().map((scale) => scale.id)).toContain('zero-to-two');
    expect(first.frameworks()).toEqual([]);
    expect(second.framework('bant')).toBe(bantFramework);
    expect(first.framework('bant')).toBeUndefined();
    expect(createFrameworkRegistry({ builtinScales: false }).scales()).toEqual([]);
  });

  it('refuses duplicates with a clear error', () => {
    const registry = createFrameworkRegistry({ frameworks: builtinFrameworks });
    const again = registry.registerFramework(meddicFramework);
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.error).toBeInstanceOf(FrameworkRegistryError);
    expect(again.error.code).toBe('duplicate_framework');
    expect(again.error.message).toBe('Framework "meddic" is already registered');
    expect(registry.registerScale(builtinFrameworks[0]!.scale).ok).toBe(false);
    expect(registry.registerQuestionBank(spinQuestionBank).ok).toBe(true);
    expect(registry.registerQuestionBank(spinQuestionBank).ok).toBe(false);
  });

  it('refuses an invalid definition built by hand', () => {
    const broken = { ...bantFramework, id: 'broken', criteria: [...bantFramework.criteria, bantFramework.criteria[0]!] } as Framework;
    const result = createFrameworkRegistry().registerFramework(broken);
    expect(result.ok || [result.error.code, result.error.issues.map((found) => found.code)]).toEqual(['invalid_definition', ['duplicate_key']]);
  });

  it('uses a plugin all or nothing', () => {
    const registry = createFrameworkRegistry();
    expect(registry.use(plugin).ok).toBe(true);
    expect(registry.framework('traffic-check')?.scale).toEqual(traffic);
    const clash = createFrameworkRegistry({ frameworks: [bantFramework] });
    const result = clash.use({ ...plugin, frameworks: [...plugin.frameworks, bantFramework] });
    expect(result.ok).toBe(false);
    expect(clash.scale('traffic')).toBeUndefined();
    expect(() => createFrameworkRegistry({ plugins: [plugin, plugin] })).toThrow(FrameworkRegistryError);
  });

  it('parses JSON definitions against its own scales', () => {
    const registry = createFrameworkRegistry({ plugins: [plugin] });
    const definition = { id: 'x', name: 'X', scale: 'traffic', criteria: [{ key: 'a', label: 'A' }] };
    expect(registry.parseFramework(definition).ok).toBe(true);
    expect(createFrameworkRegistry().parseFramework(definition).ok).toBe(false);
  });
});

describe('FrameworkRegistry refusals', () => {
  const flatScale = { id: 'flat', name: 'Flat', levels: [{ value: 'x', label: 'X', points: 1, status: 'met' }] } as RatingScale;
  const emptyBank = { id: 'empty-bank', name: 'Empty', sections: [] } as QuestionBank;

  it('refuses an invalid scale or question bank with its problems', () => {
    const registry = createFrameworkRegistry();
    const scale = registry.registerScale(flatScale);
    expect(scale.ok || [scale.error.code, scale.error.id, scale.error.message, scale.error.issues.map((found) => found.code)]).toEqual([
      'invalid_definition',
      'flat',
      'Scale "flat" is invalid',
      ['too_few_levels'],
    ]);
    const bank = registry.registerQuestionBank(emptyBank);
    expect(bank.ok || [bank.error.code, bank.error.message, bank.error.issues.map((found) => found.pathText)]).toEqual([
      'invalid_definition',
      'Question bank "empty-bank" is invalid',
      ['sections'],
    ]);
    expect(registry.scale('flat')).toBeUndefined();
    expect(registry.questionBanks()).toEqual([]);
  });

  it('registers a plugin of question banks only, and refuses one that adds a bank twice or an invalid one', () => {
    const registry = createFrameworkRegistry();
    expect(registry.use({ name: 'banks', questionBanks: [spinQuestionBank] }).ok).toBe(true);
    expect(registry.questionBank(spinQuestionBank.id)).toBe(spinQuestionBank);
    const other = { ...spinQuestionBank, id: 'other' };
    const twice = createFrameworkRegistry().use({ name: 'twice', questionBanks: [other, other] });
    expect(twice.ok || [twice.error.code, twice.error.message]).toEqual(['duplicate_question_bank', 'Plugin twice adds question bank "other" twice']);
    const invalid = registry.use({ name: 'invalid', questionBanks: [emptyBank] });
    expect(invalid.ok || invalid.error.code).toBe('invalid_definition');
    const taken = registry.use({ name: 'taken', questionBanks: [spinQuestionBank] });
    expect(taken.ok || taken.error.code).toBe('duplicate_question_bank');
  });

  it('refuses a plugin that adds a scale or a framework twice, or an invalid one, and registers nothing of it', () => {
    const registry = createFrameworkRegistry();
    const scaleTwice = registry.use({ name: 'p', scales: [traffic, traffic] });
    expect(scaleTwice.ok || [scaleTwice.error.code, scaleTwice.error.message]).toEqual(['duplicate_scale', 'Plugin p adds scale "traffic" twice']);
    const framework = plugin.frameworks[0]!;
    const frameworkTwice = registry.use({ name: 'p', scales: [traffic], frameworks: [framework, framework] });
    expect(frameworkTwice.ok || [frameworkTwice.error.code, frameworkTwice.error.message]).toEqual([
      'duplicate_framework',
      'Plugin p adds framework "traffic-check" twice',
    ]);
    const badScale = registry.use({ name: 'p', scales: [flatScale], frameworks: [framework] });
    expect(badScale.ok || [badScale.error.code, badScale.error.id]).toEqual(['invalid_definition', 'flat']);
    expect(registry.scale('traffic')).toBeUndefined();
    expect(registry.frameworks()).toEqual([]);
    expect(() => createFrameworkRegistry({ scales: [flatScale] })).toThrow('Scale "flat" is invalid');
  });
});
