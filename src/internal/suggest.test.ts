import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean, editDistance } from './suggest.ts';

/** Levenshtein distance by the textbook recurrence, without a limit (the reference). */
function reference(left: string, right: string): number {
  const table = Array.from({ length: left.length + 1 }, (_, i) => Array.from({ length: right.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= left.length; i++)
    for (let j = 1; j <= right.length; j++) {
      const row = table[i] as number[];
      const above = table[i - 1] as number[];
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + (left[i - 1] === right[j - 1] ? 0 : 1));
    }
  return (table[left.length] as number[])[right.length] as number;
}

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('industry', 'industyr')).toBe(2);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('gives up with limit + 1 once the distance is over the limit, by length or along the way', () => {
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('abcdef', 'a', 2)).toBe(3);
    expect(editDistance('abcd', 'wxyz', 1)).toBe(2);
    expect(editDistance('abcd', 'abce', 1)).toBe(1);
    expect(editDistance('abcd', 'abce', 0)).toBe(1);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
  });

  it('equals the textbook distance, and limit + 1 exactly when that is over the limit (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 });
    fc.assert(
      fc.property(text, text, fc.nat(10), (left, right, limit) => {
        const exact = reference(left, right);
        expect(editDistance(left, right)).toBe(exact);
        expect(editDistance(left, right, limit)).toBe(exact > limit ? limit + 1 : exact);
        expect(editDistance(right, left)).toBe(exact);
      }),
    );
  });
});

describe('closestMatch and didYouMean', () => {
  const fields = ['company.industry', 'company.employeeCount', 'contact.jobTitle', 'source', 'technologies'];

  it('returns a candidate equal but for case at once, as the candidate is written', () => {
    expect(closestMatch('SOURCE', ['sources', 'Source'])).toBe('Source');
  });

  it('suggests the closest candidate within a third of the input (at least 2 edits), the first of equals', () => {
    expect(closestMatch('company.industyr', fields)).toBe('company.industry');
    expect(closestMatch('sorce', fields)).toBe('source');
    // Two edits are always allowed, even for a short input; three are not for six characters.
    expect(closestMatch('ab', ['xy', 'zz'])).toBe('xy');
    expect(closestMatch('abcdef', ['abcxyz'])).toBeUndefined();
    expect(closestMatch('abcdefghi', ['abcdefxyz'])).toBe('abcdefxyz');
    expect(closestMatch('abcd', ['abxx', 'abcx'])).toBe('abcx');
    expect(closestMatch('abcd', ['abcx', 'abcy'])).toBe('abcx');
  });

  it('falls back to a path named by its last part or a value cut short, for inputs of 4 characters or more', () => {
    expect(closestMatch('employeecount', fields)).toBe('company.employeeCount');
    expect(closestMatch('technolog', ['aws', 'technologies'])).toBe('technologies');
    expect(closestMatch('tech', ['a.b', 'technologies-and-more'])).toBe('technologies-and-more');
    expect(closestMatch('tec', ['technologies-and-more'])).toBeUndefined();
    expect(closestMatch('zzzzzz', fields)).toBeUndefined();
  });

  it('gives nothing for an empty input or one over 200 characters, and compares at most 5,000 candidates', () => {
    expect(closestMatch('', ['', 'a'])).toBeUndefined();
    expect(closestMatch('a'.repeat(201), ['a'.repeat(201)])).toBeUndefined();
    expect(closestMatch('a'.repeat(200), ['a'.repeat(200)])).toBe('a'.repeat(200));
    const many = [...Array.from({ length: 5000 }, (_, index) => `other-${index}`), 'source'];
    expect(closestMatch('sorce', many)).toBeUndefined();
    expect(closestMatch('sorce', many.slice(1))).toBe('source');
  });

  it('words the suggestion for an error message', () => {
    expect(didYouMean('sorce', fields)).toBe(' (did you mean "source"?)');
    expect(didYouMean('zzzzzz', fields)).toBe('');
  });
});
