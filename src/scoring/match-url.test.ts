import { describe, expect, it } from 'vitest';
import { matchUrlPattern } from './match-url.ts';

describe('matchUrlPattern', () => {
  it('matches plain prefixes and whole-URL globs', () => {
    expect(matchUrlPattern('/pricing', '/pricing?plan=team')).toBe(true);
    expect(matchUrlPattern('/pricing', '/blog/pricing')).toBe(false);
    expect(matchUrlPattern('/blog/*', '/blog/storage-tips')).toBe(true);
    expect(matchUrlPattern('/blog/*', '/docs/blog/x')).toBe(false);
    expect(matchUrlPattern('*.pdf', '/files/ebook.pdf')).toBe(true);
    expect(matchUrlPattern('*.pdf', '/files/ebook.pdf?x=1')).toBe(false);
    expect(matchUrlPattern('/a*b*c', '/axxbyyc')).toBe(true);
    expect(matchUrlPattern('/a*b*c', '/axxbyy')).toBe(false);
  });

  it('is case-sensitive, as URL paths are', () => {
    expect(matchUrlPattern('/pricing', '/Pricing')).toBe(false);
    expect(matchUrlPattern('/blog/*', '/BLOG/x')).toBe(false);
    expect(matchUrlPattern('/Blog/*', '/Blog/x')).toBe(true);
  });

  it('treats regular-expression characters literally', () => {
    expect(matchUrlPattern('/p(ricing)?', '/pricing')).toBe(false);
    expect(matchUrlPattern('/p(ricing)?*', '/p(ricing)?x')).toBe(true);
  });

  it('stays fast on a pathological pattern (no ReDoS)', () => {
    const pattern = `${'*a'.repeat(40)}b`;
    const url = 'a'.repeat(2000);
    let calls = 0;
    for (let index = 0; index < 20; index++) if (!matchUrlPattern(pattern, url)) calls++;
    expect(calls).toBe(20);
  });
});
