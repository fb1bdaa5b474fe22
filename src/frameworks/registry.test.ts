import { describe, expect, it } from 'vitest';
import { builtinFrameworks } from './builtins/all.ts';
import { bantFramework } from './builtins/bant.ts';
import { meddicFramework } from './builtins/meddic.ts';
import { spinQuestionBank } from './builtins/spin.ts';
import { defineFramework, type Framework } from './define-framework.ts';
import { FrameworkRegistryError, createRegistry } from './registry.ts';
import { defineScale } from './scales.ts';

const traffic = defineScale({
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

describe('createRegistry', () => {
  it('starts with the built-in scales only, and registries are independent', () => {
    const first = createRegistry();
    const second = createRegistry({ frameworks: [bantFramework] });
    expect(first.scales().map((scale) => scale.id)).toContain('zero-to-two');
    expect(first.frameworks()).toEqual([]);
    expect(second.framework('bant')).toBe(bantFramework);
    expect(first.framework('bant')).toBeUndefined();
    expect(createRegistry({ builtinScales: false }).scales()).toEqual([]);
  });

  it('refuses duplicates with a clear error', () => {
    const registry = createRegistry({ frameworks: builtinFrameworks });
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
    const result = createRegistry().registerFramework(broken);
    expect(result.ok || [result.error.code, result.error.issues.map((found) => found.code)]).toEqual(['invalid_definition', ['duplicate_key']]);
  });

  it('uses a plugin all or nothing', () => {
    const registry = createRegistry();
    expect(registry.use(plugin).ok).toBe(true);
    expect(registry.framework('traffic-check')?.scale).toEqual(traffic);
    const clash = createRegistry({ frameworks: [bantFramework] });
    const result = clash.use({ ...plugin, frameworks: [...plugin.frameworks, bantFramework] });
    expect(result.ok).toBe(false);
    expect(clash.scale('traffic')).toBeUndefined();
    expect(() => createRegistry({ plugins: [plugin, plugin] })).toThrow(FrameworkRegistryError);
  });

  it('parses JSON definitions against its own scales', () => {
    const registry = createRegistry({ plugins: [plugin] });
    const definition = { id: 'x', name: 'X', scale: 'traffic', criteria: [{ key: 'a', label: 'A' }] };
    expect(registry.parseFramework(definition).ok).toBe(true);
    expect(createRegistry().parseFramework(definition).ok).toBe(false);
  });
});
