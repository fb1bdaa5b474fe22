/**
 * The one rule for comparing text in leadkit: ignoring case, by lower-casing both sides with
 * `String.prototype.toLowerCase` (locale-independent, so the same in every runtime and time zone). Whitespace and
 * accents are significant. A condition may ask for exact comparison with `caseSensitive: true`.
 *
 * @example
 * ```ts
 * foldText('Software') === foldText('software'); // true
 * ```
 */
export function foldText(text: string): string {
  return text.toLowerCase();
}

/**
 * Whether `foldText(text) === text` can be known without folding: the text is short plain ASCII without capitals.
 * Hot paths use it to skip folding (and its allocation) for values already stored lower-case. Internal.
 */
export function isFoldedAscii(text: string): boolean {
  if (text.length > 64) return false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 128 || (code >= 65 && code <= 90)) return false;
  }
  return true;
}
