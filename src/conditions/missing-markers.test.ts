import { describe, expect, it } from 'vitest';
import { createMissingValueTest, DEFAULT_MISSING_MARKERS } from './missing-markers.ts';

describe('createMissingValueTest', () => {
  it('counts empty values and the default markers as missing, ignoring case after trimming', () => {
    const isMissing = createMissingValueTest();
    for (const value of [undefined, null, '', '   ', [], ' - ', 'n/a', 'N/A', 'NULL', 'select', ' Select ']) expect(isMissing(value), String(value)).toBe(true);
    for (const value of ['Acme', 0, false, ['x'], 'Selected']) expect(isMissing(value), String(value)).toBe(false);
    expect(DEFAULT_MISSING_MARKERS).toContain('Select');
  });

  it('applies markers to numbers as written, and can be narrowed to empty values only', () => {
    const sentinel = createMissingValueTest(['unknown', '-1', '999']);
    expect(sentinel(-1)).toBe(true);
    expect(sentinel('999')).toBe(true);
    expect(sentinel(' UNKNOWN ')).toBe(true);
    expect(sentinel('-')).toBe(false);
    const strict = createMissingValueTest([]);
    expect(strict('')).toBe(true);
    expect(strict('N/A')).toBe(false);
    expect(strict('   ')).toBe(false);
  });
});
