import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileUrlPattern,
  matchUrlPattern,
  MAX_MATCHED_URL_LENGTH,
  MAX_URL_PATTERN_LENGTH,
  MAX_URL_PATTERN_STARS,
  urlPatternProblem,
  type MatchSteps,
} from './url-pattern.ts';

// A reference glob matcher written the plain way (test code only): `*` becomes `.*` in a regular expression.
function reference(pattern: string, url: string): boolean {
  const lowerPattern = pattern.toLowerCase();
  const lowerUrl = url.toLowerCase();
  if (!lowerPattern.includes('*')) return lowerUrl.startsWith(lowerPattern);
  const source = lowerPattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 's').test(lowerUrl);
}

describe('matchUrlPattern', () => {
  it('reads a pattern without * as a prefix and with * as a glob over the whole URL, ignoring case', () => {
    expect(matchUrlPattern('/pricing', '/pricing/enterprise')).toBe(true);
    expect(matchUrlPattern('/pricing', '/blog/pricing')).toBe(false);
    expect(matchUrlPattern('/blog/*', '/blog/launch')).toBe(true);
    expect(matchUrlPattern('/blog/*', '/blog')).toBe(false);
    expect(matchUrlPattern('*/pricing', 'https://acme.com/Pricing')).toBe(true);
    expect(matchUrlPattern('*/pricing', 'https://acme.com/Pricing', { caseSensitive: true })).toBe(false);
    expect(matchUrlPattern('*a*b*a*', 'xxaxxbxa')).toBe(true);
    expect(matchUrlPattern('*a*b*a*', 'xxaxxaxb')).toBe(false);
    expect(matchUrlPattern('a*a', 'a')).toBe(false);
    expect(matchUrlPattern('*', '')).toBe(true);
    expect(matchUrlPattern('.*', 'x')).toBe(false);
  });

  it('agrees with a plain glob reading on random patterns and URLs', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', '/', '.', '*');
    fc.assert(
      fc.property(
        fc.string({ unit: alphabet, minLength: 1, maxLength: 12 }).filter((pattern) => urlPatternProblem(pattern) === undefined),
        fc.string({ unit: alphabet, maxLength: 30 }),
        (pattern, url) => {
          expect(matchUrlPattern(pattern, url)).toBe(reference(pattern, url));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('bounds the work of one match by the lengths of the URL and the pattern, whatever the pattern', () => {
    // The pattern that made the backtracking matcher take seconds: many stars before a near-miss.
    const hostile = `*${'a'.repeat(400)}b*`.slice(0, MAX_URL_PATTERN_LENGTH);
    const url = 'a'.repeat(MAX_MATCHED_URL_LENGTH);
    const counter: MatchSteps = { steps: 0 };
    expect(compileUrlPattern(hostile, {}, counter)(url)).toBe(false);
    expect(counter.steps).toBeLessThanOrEqual(2 * (url.length + hostile.length));
    fc.assert(
      fc.property(
        fc
          .array(fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 40 }), { minLength: 1, maxLength: MAX_URL_PATTERN_STARS + 1 })
          .map((parts) => parts.join('*'))
          .filter((pattern) => urlPatternProblem(pattern) === undefined),
        fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 2048 }),
        (pattern, candidate) => {
          const steps: MatchSteps = { steps: 0 };
          compileUrlPattern(pattern, {}, steps)(candidate);
          expect(steps.steps).toBeLessThanOrEqual(2 * (candidate.length + pattern.length));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses patterns that are empty, too long or have too many stars, and never matches over-long URLs', () => {
    expect(urlPatternProblem('')).toBe('must not be empty');
    expect(urlPatternProblem('x'.repeat(MAX_URL_PATTERN_LENGTH + 1))).toMatch(/at most 500/);
    expect(urlPatternProblem('*'.repeat(MAX_URL_PATTERN_STARS + 1))).toMatch(/at most 10 "\*"/);
    expect(() => compileUrlPattern('*'.repeat(11))).toThrow(RangeError);
    expect(matchUrlPattern('/', `/${'x'.repeat(MAX_MATCHED_URL_LENGTH)}`)).toBe(false);
  });
});
