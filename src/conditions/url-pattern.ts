/**
 * URL patterns of activity filters: a plain prefix (`/pricing`) or a glob whose only wildcard is `*` (`/blog/*`,
 * `*\/pricing*`), matched against the whole URL. Never a regular expression.
 *
 * The guarantee: a pattern has at most {@link MAX_URL_PATTERN_LENGTH} characters and
 * {@link MAX_URL_PATTERN_STARS} stars, and URLs longer than {@link MAX_MATCHED_URL_LENGTH} characters never match.
 * Matching reads the pattern's first part as a prefix, its last part as a suffix and finds each middle part left to
 * right (the leftmost place is always right for `*`-only globs, so nothing is ever retried), each search in linear
 * time (Knuth–Morris–Pratt). One match thus costs at most about `2 × (URL length + pattern length)` character
 * comparisons, whatever the pattern: a stored model cannot make scoring hang.
 *
 * @module
 */

/** The longest URL pattern accepted. */
export const MAX_URL_PATTERN_LENGTH = 500;
/** The most `*` wildcards a URL pattern may hold. */
export const MAX_URL_PATTERN_STARS = 10;
/** URLs longer than this never match a pattern (an activity's URL is at most 2,048 characters). */
export const MAX_MATCHED_URL_LENGTH = 2048;

/** A compiled URL pattern: tests one URL. */
export type UrlMatcher = (url: string) => boolean;

/** Counts the character comparisons of a match (internal, for tests of the bound). */
export interface MatchSteps {
  /** Comparisons made so far. */
  steps: number;
}

interface Part {
  readonly text: string;
  readonly failure: Int32Array;
}

function failureTable(text: string): Int32Array {
  const table = new Int32Array(text.length);
  let k = 0;
  for (let i = 1; i < text.length; i++) {
    while (k > 0 && text.charCodeAt(i) !== text.charCodeAt(k)) k = table[k - 1] as number;
    if (text.charCodeAt(i) === text.charCodeAt(k)) k++;
    table[i] = k;
  }
  return table;
}

/** The first index ≥ `from` and < `end` where `part` occurs in `text`, or -1 (Knuth–Morris–Pratt). */
function find(text: string, from: number, end: number, part: Part, counter: MatchSteps | undefined): number {
  const needle = part.text;
  const length = needle.length;
  if (length === 0) return from;
  const failure = part.failure;
  let k = 0;
  let steps = 0;
  for (let i = from; i < end; i++) {
    const code = text.charCodeAt(i);
    while (k > 0 && code !== needle.charCodeAt(k)) {
      k = failure[k - 1] as number;
      steps++;
    }
    steps++;
    if (code === needle.charCodeAt(k)) k++;
    if (k === length) {
      if (counter !== undefined) counter.steps += steps;
      return i - length + 1;
    }
  }
  if (counter !== undefined) counter.steps += steps;
  return -1;
}

/**
 * Why a URL pattern cannot be used (too long, too many stars), or `undefined` when it can. Validation reports it
 * with the path of the pattern.
 */
export function urlPatternProblem(pattern: string): string | undefined {
  if (pattern.length === 0) return 'must not be empty';
  if (pattern.length > MAX_URL_PATTERN_LENGTH) return `must be at most ${MAX_URL_PATTERN_LENGTH} characters long`;
  let stars = 0;
  for (let index = 0; index < pattern.length; index++) if (pattern.charCodeAt(index) === 42) stars++;
  if (stars > MAX_URL_PATTERN_STARS) return `may hold at most ${MAX_URL_PATTERN_STARS} "*" wildcards (it has ${stars})`;
  return undefined;
}

/**
 * Compiles a URL pattern once. Without `*` the pattern is a prefix of the URL; with `*`, a glob over the whole URL
 * (each `*` matches any run of characters, empty included). Text is compared ignoring case (lower-cased), as every
 * leadkit text comparison, unless `caseSensitive` is set.
 *
 * @throws RangeError when the pattern is empty, longer than {@link MAX_URL_PATTERN_LENGTH} or has more than
 * {@link MAX_URL_PATTERN_STARS} stars (validation refuses such patterns first).
 */
export function compileUrlPattern(pattern: string, options: { readonly caseSensitive?: boolean | undefined } = {}, counter?: MatchSteps): UrlMatcher {
  const problem = urlPatternProblem(pattern);
  if (problem !== undefined) throw new RangeError(`URL pattern ${problem}`);
  const caseSensitive = options.caseSensitive === true;
  const text = caseSensitive ? pattern : pattern.toLowerCase();
  const prepare = (url: string): string => (caseSensitive ? url : url.toLowerCase());
  if (!text.includes('*')) {
    return (url) => {
      if (url.length > MAX_MATCHED_URL_LENGTH) return false;
      if (counter !== undefined) counter.steps += text.length;
      return prepare(url).startsWith(text);
    };
  }
  const pieces = text.split('*');
  const first = pieces[0] as string;
  const last = pieces[pieces.length - 1] as string;
  const middle: Part[] = pieces
    .slice(1, -1)
    .filter((piece) => piece !== '')
    .map((piece) => ({ text: piece, failure: failureTable(piece) }));
  const fixedLength = first.length + last.length;
  return (raw) => {
    if (raw.length > MAX_MATCHED_URL_LENGTH || raw.length < fixedLength) return false;
    const url = prepare(raw);
    if (counter !== undefined) counter.steps += fixedLength;
    if (!url.startsWith(first) || !url.endsWith(last)) return false;
    let position = first.length;
    const end = url.length - last.length;
    for (const part of middle) {
      const found = find(url, position, end, part, counter);
      if (found < 0 || found + part.text.length > end) return false;
      position = found + part.text.length;
    }
    return true;
  };
}

/**
 * Whether a URL matches a pattern (see {@link compileUrlPattern}); compile the pattern once when testing many URLs.
 *
 * @example
 * ```ts
 * matchUrlPattern('/pricing', '/pricing/enterprise'); // true: a prefix
 * matchUrlPattern('/blog/*', '/blog/launch');          // true
 * matchUrlPattern('*\/PRICING', 'https://acme.com/pricing'); // true: case is ignored
 * ```
 */
export function matchUrlPattern(pattern: string, url: string, options: { readonly caseSensitive?: boolean | undefined } = {}): boolean {
  return compileUrlPattern(pattern, options)(url);
}
