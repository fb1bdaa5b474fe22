import { describe, expect, it } from 'vitest';
import { inspectInput, MAX_INPUT_DEPTH, MAX_INPUT_NODES, RESERVED_KEYS } from './inspect-input.ts';
import { isReservedKey, reservedKeyIssue } from './reserved-key.ts';

/** An object whose deepest object is `levels` below the root (`{ a: { a: … {} } }`). */
function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let level = 0; level < levels; level++) value = { a: value };
  return value;
}

/** `levels` arrays, each holding the one below twice: tiny in memory, huge as a tree. */
function doubling(levels: number): unknown[] {
  let value: unknown[] = [1];
  for (let level = 0; level < levels; level++) value = [value, value];
  return value;
}

/** The size as a tree of {@link doubling}: itself, plus twice the level below (the innermost holds a number). */
const doublingSize = (levels: number): number => (levels === 0 ? 2 : 1 + 2 * doublingSize(levels - 1));

describe('inspectInput', () => {
  it('finds nothing in plain values and plain documents', () => {
    for (const value of [null, undefined, 1, 'text', true, [], {}, { a: [1, { b: 'c' }] }])
      expect(inspectInput(value)).toEqual({ issues: [], blocking: false });
  });

  it('reports __proto__ always and the listed keys where they are own keys, with their paths, without blocking', () => {
    const input = JSON.parse('{"a": [{"__proto__": {"x": 1}}], "constructor": 2, "b": {"toString": 3}}');
    expect(inspectInput(input).issues.map((found) => [found.pathText, found.code, found.message])).toEqual([
      ['a[0].__proto__', 'forbidden_key', '"__proto__" is not allowed as a key'],
    ]);
    const strict = inspectInput(input, ['constructor', 'toString']);
    expect(strict.blocking).toBe(false);
    expect(strict.issues.map((found) => found.pathText).sort()).toEqual(['a[0].__proto__', 'b.toString', 'constructor'].sort());
    // Array indexes are never keys to refuse, and what a refused key holds is not read.
    expect(inspectInput(['__proto__'], ['0']).issues).toEqual([]);
    expect(inspectInput(JSON.parse('{"__proto__": {"__proto__": 1}}')).issues).toHaveLength(1);
  });

  it(`accepts ${MAX_INPUT_DEPTH} levels of nesting and refuses the next with its path`, () => {
    expect(inspectInput(nested(MAX_INPUT_DEPTH))).toEqual({ issues: [], blocking: false });
    const deep = inspectInput(nested(MAX_INPUT_DEPTH + 1));
    expect(deep.blocking).toBe(true);
    expect(deep.issues).toHaveLength(1);
    expect(deep.issues[0]?.code).toBe('too_deep');
    expect(deep.issues[0]?.path).toHaveLength(MAX_INPUT_DEPTH + 1);
    expect(deep.issues[0]?.message).toBe(`is nested deeper than ${MAX_INPUT_DEPTH} levels, the most a leadkit document may have`);
  });

  it('refuses a cycle with the path that closes it, and accepts a part shared without a cycle', () => {
    const root: Record<string, unknown> = { a: { list: [] } };
    ((root['a'] as Record<string, unknown>)['list'] as unknown[]).push(root);
    const cyclic = inspectInput(root);
    expect(cyclic.blocking).toBe(true);
    expect(cyclic.issues.map((found) => [found.pathText, found.code, found.message])).toEqual([
      ['a.list[0]', 'cycle', 'refers back to a value that contains it (a cycle): a document must be a tree'],
    ]);
    const shared = { x: 1 };
    expect(inspectInput({ a: shared, b: [shared, shared] })).toEqual({ issues: [], blocking: false });
  });

  it(`counts shared parts once per path and refuses more than ${MAX_INPUT_NODES.toLocaleString('en-US')} values as a tree`, () => {
    let levels = 0;
    while (doublingSize(levels + 1) <= MAX_INPUT_NODES) levels++;
    expect(inspectInput(doubling(levels))).toEqual({ issues: [], blocking: false });
    const large = inspectInput(doubling(levels + 1));
    expect(large.blocking).toBe(true);
    expect(large.issues.map((found) => found.code)).toEqual(['too_large']);
    expect(large.issues[0]?.message).toBe('holds more than 5,000,000 values when read as a tree');
  });

  it(`accepts exactly ${MAX_INPUT_NODES.toLocaleString('en-US')} values, counted as they are read or as a finished part returns`, () => {
    // As they are read: a list of plain values (the list itself is one value).
    expect(inspectInput(new Array(MAX_INPUT_NODES - 1).fill(0)).blocking).toBe(false);
    const flat = inspectInput(new Array(MAX_INPUT_NODES).fill(0));
    expect([flat.blocking, flat.issues.map((found) => [found.pathText, found.code])]).toEqual([true, [['(root)', 'too_large']]]);
    // As a part returns: values first, then a shared structure read for the first time.
    const part = doubling(20);
    const room = MAX_INPUT_NODES - 1 - doublingSize(20);
    expect(inspectInput([...new Array(room).fill(0), part]).blocking).toBe(false);
    const over = inspectInput({ list: [...new Array(room + 1).fill(0), part] });
    expect([over.blocking, over.issues.map((found) => [found.pathText, found.code])]).toEqual([true, [['list', 'too_large']]]);
  });

  it('stops after 1,000 problems, blocking', () => {
    const many = JSON.parse(`[${Array.from({ length: 1500 }, () => '{"__proto__": 1}').join(',')}]`);
    const found = inspectInput(many);
    expect(found.blocking).toBe(true);
    expect(found.issues).toHaveLength(1001);
    const some = inspectInput(JSON.parse(`[${Array.from({ length: 999 }, () => '{"__proto__": 1}').join(',')}]`));
    expect(some.blocking).toBe(false);
    expect(some.issues).toHaveLength(999);
  });
});

describe('reserved keys', () => {
  it('names the inherited members of every object, and words their refusal as a forbidden key', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) expect(isReservedKey(key)).toBe(true);
    for (const key of ['name', 'budget', 'proto', '']) expect(isReservedKey(key)).toBe(false);
    // Each is read from every object, but `prototype` (a member of every function, named by classes).
    for (const key of RESERVED_KEYS) expect(key in {} || key in (() => undefined).constructor, key).toBe(true);
    expect(reservedKeyIssue(['criteria', 'constructor'], 'constructor')).toEqual({
      path: ['criteria', 'constructor'],
      pathText: 'criteria.constructor',
      message: '"constructor" is not allowed as a key',
      code: 'forbidden_key',
    });
  });
});
