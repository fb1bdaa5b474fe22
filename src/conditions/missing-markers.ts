import { isMissingValue } from './compile-condition.ts';
import { foldText } from './fold-text.ts';

/**
 * The text that stands for "no value" in exports unless a definition says otherwise: empty text, `-`, `N/A`, `null`
 * and HubSpot's unselected drop-down `Select`. Compared ignoring case after trimming, so `n/a`, ` NULL ` and `select`
 * count too.
 */
export const DEFAULT_MISSING_MARKERS: readonly string[] = ['', '-', 'N/A', 'n/a', 'null', 'Select'];

/** Tells whether a value counts as missing (see {@link createMissingValueTest}). */
export type MissingValueTest = (value: unknown) => boolean;

/**
 * The one rule for "missing" in data from outside, shared by import mappings and predictive feature specs: a value is
 * missing when {@link isMissingValue} says so (`undefined`, `null`, `''`, `[]`), or when it is text or a number that
 * equals one of the markers after trimming, ignoring case (with {@link foldText}). A number is compared as written
 * (`-1` matches the marker `"-1"`), so markers apply to text and numbers alike.
 *
 * @param markers - the markers; {@link DEFAULT_MISSING_MARKERS} when omitted. Give `[]` to treat only empty values as
 * missing.
 *
 * @example
 * ```ts
 * const isMissing = createMissingValueTest(['', 'unknown', '-1']);
 * isMissing(' Unknown '); // true
 * isMissing(-1);          // true
 * isMissing('Acme');      // false
 * ```
 */
export function createMissingValueTest(markers: readonly string[] = DEFAULT_MISSING_MARKERS): MissingValueTest {
  const folded = new Set<string>();
  for (const marker of markers) folded.add(foldText(marker.trim()));
  const hasEmpty = folded.has('');
  let longest = 0;
  // The first characters of the markers, both cases (ASCII), by char code: a text that starts otherwise is no marker.
  const firstCodes = new Uint8Array(128);
  for (const marker of folded) {
    longest = Math.max(longest, marker.length);
    if (marker === '') continue;
    const code = marker.charCodeAt(0);
    if (code >= 128) firstCodes.fill(1);
    else firstCodes[code] = 1;
    if (code >= 97 && code <= 122) firstCodes[code - 32] = 1;
  }
  return (value) => {
    if (isMissingValue(value)) return true;
    if (typeof value === 'string') {
      if (folded.size === 0) return false;
      // Not padded with spaces (nothing to trim), and longer than every marker or starting with a character no marker
      // starts with in either case: no trimming or folding needed to say it is a value.
      const first = value.charCodeAt(0);
      if (isVisibleAscii(first) && isVisibleAscii(value.charCodeAt(value.length - 1)) && (value.length > longest || firstCodes[first] === 0)) return false;
      const trimmed = value.trim();
      if (trimmed === '') return hasEmpty;
      return folded.has(foldText(trimmed));
    }
    if (typeof value === 'number') return folded.size > 0 && folded.has(String(value));
    return false;
  };
}

function isVisibleAscii(code: number): boolean {
  return code > 32 && code < 127;
}
