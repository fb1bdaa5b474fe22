import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { isMissingValue } from './compile-condition.ts';
import { foldText } from './fold-text.ts';
import { createMissingValueTest, DEFAULT_MISSING_MARKERS } from './missing-markers.ts';

/** The rule as documented, without the shortcuts (long texts, first characters no marker starts with). */
function reference(markers: readonly string[]): (value: unknown) => boolean {
  const folded = new Set(markers.map((marker) => foldText(marker.trim())));
  return (value) =>
    isMissingValue(value) ||
    (typeof value === 'string' && folded.size > 0 && folded.has(foldText(value.trim()))) ||
    (typeof value === 'number' && folded.has(String(value)));
}

const marker = fc.oneof(fc.constantFrom(...DEFAULT_MISSING_MARKERS, 'unknown', '-1', ' NONE ', 'İ', 'Ω', '\u212a', '0'), fc.string({ maxLength: 4 }));
const variant = (text: string, upper: boolean, pad: string): string => `${pad}${upper ? text.toUpperCase() : text}${pad}`;

describe('createMissingValueTest', () => {
  test.prop([
    fc.option(fc.array(marker, { maxLength: 6 }), { nil: undefined }),
    fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.tuple(marker, fc.boolean(), fc.constantFrom('', ' ', '\u00a0', '\t')).map(([text, upper, pad]) => variant(text, upper, pad)),
      fc.integer({ min: -2, max: 2 }),
      fc.constantFrom(null, undefined, [], true, 'Kelvin', 'NULL', 'n/A', 'Select ', 'select'),
    ),
  ])('says what the documented rule says', (markers, value) => {
    expect(createMissingValueTest(markers)(value)).toBe(reference(markers ?? DEFAULT_MISSING_MARKERS)(value));
  });
});
