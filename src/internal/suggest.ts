/**
 * Internal: "did you mean" suggestions for error messages, by edit distance (Levenshtein, case-insensitive).
 */

/** The edit distance between two strings, giving up (returning `limit + 1`) once it exceeds `limit`. */
export function editDistance(left: string, right: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= right.length; j++) {
      const cost = left.charCodeAt(i - 1) === right.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      current.push(value);
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > limit) return limit + 1;
    previous = current;
  }
  // The last row can end over the limit although each row had a cell within it.
  return Math.min(previous[right.length] as number, limit + 1);
}

/**
 * The candidate closest to `input` (ignoring case), when it is close enough to be a likely typo: at most a third of
 * the input's length away (at least 2 edits allowed), or one that ends with `.input` or starts with it.
 * Candidates are read in order; at most the first 5,000 are compared.
 */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  const wanted = input.toLowerCase();
  if (wanted.length === 0 || wanted.length > 200) return undefined;
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let compared = 0;
  for (const candidate of candidates) {
    if (++compared > 5000) break;
    const lower = candidate.toLowerCase();
    if (lower === wanted) return candidate;
    const distance = editDistance(wanted, lower, Math.min(limit, bestDistance - 1));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined) return best;
  if (wanted.length < 4) return undefined;
  // A path named by its last part (`industry` for `company.industry`) or a value cut short (`technolog`).
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    if (lower.endsWith(`.${wanted}`) || lower.startsWith(wanted)) return candidate;
  }
  return undefined;
}

/** ` (did you mean "x"?)`, or nothing when there is no close candidate. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const match = closestMatch(input, candidates);
  return match === undefined ? '' : ` (did you mean ${JSON.stringify(match)}?)`;
}
