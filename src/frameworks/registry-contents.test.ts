import { describe, expect, it } from 'vitest';
import { bantFramework } from './builtins/bant.ts';
import { meddicFramework } from './builtins/meddic.ts';
import { spinQuestionBank } from './builtins/spin.ts';
import type { Framework } from './define-framework.ts';
import { FrameworkRegistryError, createFrameworkRegistry } from './registry.ts';
import { builtinScales, defineRatingScale, zeroToTwoScale } from './scales.ts';

const tick = () =>
  defineRatingScale({
    id: 'tick',
    name: 'Tick',
    levels: [
      { value: 0, label: 'No', points: 0, status: 'not_met' },
      { value: 1, label: 'Yes', points: 1, status: 'met' },
    ],
  });

describe('FrameworkRegistry: what it holds', () => {
  it('lists frameworks, scales and question banks in registration order, and finds each by id', () => {
    const scale = tick();
    const registry = createFrameworkRegistry({ scales: [scale], frameworks: [meddicFramework, bantFramework] });
    registry.registerQuestionBank(spinQuestionBank);
    expect(registry.frameworks()).toEqual([meddicFramework, bantFramework]);
    expect(registry.scales()).toEqual([...builtinScales, scale]);
    expect(registry.questionBanks()).toEqual([spinQuestionBank]);
    expect(registry.scale('zero-to-two')).toBe(zeroToTwoScale);
    expect(registry.scale('tick')).toBe(scale);
    expect(registry.questionBank('spin')).toBe(spinQuestionBank);
    expect(registry.framework('meddic')).toBe(meddicFramework);
  });

  it('registers only what a plugin brings: no scale from a plugin without scales, and so on', () => {
    const registry = createFrameworkRegistry({ builtinScales: false });
    expect(registry.use({ name: 'banks', questionBanks: [spinQuestionBank] }).ok).toBe(true);
    expect(registry.use({ name: 'frameworks', frameworks: [bantFramework] }).ok).toBe(true);
    const scale = tick();
    expect(registry.use({ name: 'scales', scales: [scale] }).ok).toBe(true);
    expect(registry.scales()).toEqual([scale]);
    expect(registry.frameworks()).toEqual([bantFramework]);
    expect(registry.questionBanks()).toEqual([spinQuestionBank]);
  });

  it('uses the plugins given when it is created', () => {
    const registry = createFrameworkRegistry({ plugins: [{ name: 'p', frameworks: [bantFramework] }] });
    expect(registry.frameworks()).toEqual([bantFramework]);
  });
});

describe('FrameworkRegistryError', () => {
  it('is named, coded, and has no issues when an id is taken', () => {
    const registry = createFrameworkRegistry();
    const again = registry.registerScale(zeroToTwoScale);
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.error).toBeInstanceOf(FrameworkRegistryError);
    expect([again.error.name, again.error.code, again.error.id, again.error.message, again.error.issues]).toEqual([
      'FrameworkRegistryError',
      'duplicate_scale',
      'zero-to-two',
      'Scale "zero-to-two" is already registered',
      [],
    ]);
    registry.registerQuestionBank(spinQuestionBank);
    const bank = registry.registerQuestionBank(spinQuestionBank);
    expect(bank.ok || bank.error.message).toBe('Question bank "spin" is already registered');
  });

  it('says a framework built by hand is invalid, with its problems', () => {
    const broken = { ...bantFramework, id: 'broken', rule: { minMet: 9 } } as Framework;
    const result = createFrameworkRegistry().registerFramework(broken);
    expect(result.ok || [result.error.message, result.error.issues.map((found) => found.code)]).toEqual([
      'Framework "broken" is invalid',
      ['rule_unreachable'],
    ]);
  });
});
