import { describe, expect, it } from 'vitest';
import { instantDate, instantMs, instantMsOrNaN } from './instant.ts';

describe('instantMs', () => {
  it('names what it was given when it refuses an instant', () => {
    expect(() => instantMs(Number.NaN, 'asOf')).toThrow(new RangeError('asOf is not a valid instant (got NaN): pass a Date or epoch milliseconds'));
    expect(() => instantMs(new Date(Number.NaN), 'asOf')).toThrow('asOf is not a valid instant (got Invalid Date)');
    expect(() => instantMs(null as unknown as number, 'options.from')).toThrow('options.from is not a valid instant (got null)');
    expect(() => instantMs('2024-01-01' as unknown as number, 'options.to')).toThrow('options.to is not a valid instant (got string)');
    expect(() => instantMs(8.64e15 + 1, 'at')).toThrow('at is not a valid instant (got 8640000000000001)');
  });

  it('accepts the edges of the range of Date, and gives a new Date', () => {
    expect(instantMs(-8.64e15, 'asOf')).toBe(-8.64e15);
    expect(instantMs(8.64e15, 'asOf')).toBe(8.64e15);
    expect(instantMsOrNaN(-8.64e15 - 1)).toBeNaN();
    expect(instantMsOrNaN(8.64e15 + 1)).toBeNaN();
    expect(instantMsOrNaN(Number.POSITIVE_INFINITY)).toBeNaN();
    expect(instantMsOrNaN(undefined)).toBeNaN();
    const given = new Date('2024-05-01T09:30:00Z');
    const copy = instantDate(given, 'asOf');
    expect(copy).not.toBe(given);
    expect(copy.toISOString()).toBe('2024-05-01T09:30:00.000Z');
  });
});
