import type { LeadScore, ScoreContribution, ScoreResult } from './types.ts';

function format(points: number): string {
  const rounded = Math.round(points * 100) / 100;
  return `${rounded >= 0 ? '+' : ''}${rounded}`;
}

/**
 * The contributions with the largest effect on the score (by absolute points, ties in rule order).
 *
 * @example
 * ```ts
 * const result = scorer(lead, { asOf });
 * topReasons(result, 3).map((reason) => reason.label); // ['Demo requested', 'Target industry', 'VP title']
 * ```
 */
export function topReasons(result: ScoreResult, count = 3): ScoreContribution[] {
  // One pass keeping the best `count` in order (no sort of every contribution: this runs for each lead of a file).
  const items = result.contributions;
  const top: ScoreContribution[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index] as ScoreContribution;
    if (item.points === 0) continue;
    const size = Math.abs(item.points);
    // After every kept contribution at least as large (ties keep rule order).
    let place = top.length;
    while (place > 0 && Math.abs((top[place - 1] as ScoreContribution).points) < size) place--;
    if (place >= count) continue;
    top.splice(place, 0, item);
    if (top.length > count) top.pop();
  }
  return top;
}

function describe(item: ScoreContribution): string {
  const details: string[] = [];
  if (item.occurrences > 1) details.push(`×${item.occurrences}`);
  if (item.decayFactor !== 1) details.push(`decayed to ${Math.round(item.decayFactor * 100)}% of ${format(item.rawPoints)}`);
  if (Math.abs(item.cappedPoints) > 1e-9) details.push(`${format(-item.cappedPoints)} by caps`);
  if (item.weight !== 1) details.push(`weight ${Math.round(item.weight * 1000) / 1000}`);
  return `${format(item.points).padStart(8)}  ${item.label} [${item.group}]${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

/**
 * Renders a result as short human-readable text: the score, the grade when there is one, disqualifications and
 * every contribution, largest first.
 *
 * @example
 * ```ts
 * console.log(explainScore(scorer(lead, { asOf })));
 * // Score 57 (fit 35, engagement 22), grade A2
 * //      +15  Target industry [fit]
 * //      ...
 * ```
 */
export function explainScore(result: ScoreResult | LeadScore): string {
  const lines: string[] = [];
  const rounded = Math.round(result.score * 100) / 100;
  let head = `Score ${rounded}`;
  if ('fit' in result) {
    head += ` (fit ${Math.round(result.fit * 100) / 100}, engagement ${Math.round(result.engagement * 100) / 100})`;
    if (result.grade !== undefined) head += `, grade ${result.grade}`;
    if (result.salesReady) head += ', sales-ready';
  }
  lines.push(head);
  for (const gate of result.disqualifications) lines.push(`  disqualified: ${gate.label}`);
  if ('overrides' in result) for (const override of result.overrides) lines.push(`  override: ${override.label}`);
  const ordered = topReasons(result, result.contributions.length);
  for (const item of ordered) lines.push(describe(item));
  return lines.join('\n');
}
