/**
 * Whether `url` matches `pattern`: a plain prefix (`/pricing` matches `/pricing/teams`), or, when the pattern holds
 * `*`, a glob matched against the whole URL where `*` stands for any run of characters (`/blog/*`, `*utm_source=*`).
 * Matching is case-sensitive, as URL paths are (`/Pricing` does not match `/pricing`). Patterns are never regular
 * expressions, and matching takes at most `url.length × pattern.length` steps, so a
 * stored model cannot make scoring hang (no ReDoS).
 *
 * @example
 * ```ts
 * matchUrlPattern('/pricing', '/pricing?plan=team'); // true
 * matchUrlPattern('/blog/*', '/blog/storage-tips');  // true
 * matchUrlPattern('*.pdf', '/files/ebook.pdf');      // true
 * ```
 */
export function matchUrlPattern(pattern: string, url: string): boolean {
  if (!pattern.includes('*')) return url.startsWith(pattern);
  return globMatch(pattern, url);
}

// Iterative wildcard matching with one backtrack point (the last star): linear in practice, quadratic at worst.
function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern.charCodeAt(p) !== 42 && pattern.charCodeAt(p) === text.charCodeAt(t)) {
      p++;
      t++;
    } else if (p < pattern.length && pattern.charCodeAt(p) === 42) {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern.charCodeAt(p) === 42) p++;
  return p === pattern.length;
}
