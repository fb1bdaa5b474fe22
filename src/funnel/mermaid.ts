import type { Funnel } from './types.ts';

/** Options of {@link toMermaid}. */
export interface ToMermaidOptions {
  /** Layout direction; Mermaid's default (top to bottom) when absent. */
  readonly direction?: 'LR' | 'TB';
}

const safeText = (text: string): string =>
  text
    .replace(/[^\p{L}\p{N} _\-./(),&+']/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Mermaid entity codes for the characters a label must not carry as they are. */
const entities: Readonly<Record<string, string>> = { '"': '#quot;', '#': '#35;', '%': '#37;', '<': '#lt;', '>': '#gt;', '`': '#96;', '\\': '#92;' };

/**
 * A stage label as the text of `state "…"`: on one line (line breaks and other control characters become spaces),
 * with the characters Mermaid reads as syntax written as entity codes: `"` would end the label, `%%` starts a
 * comment or an `%%{init: …}%%` directive (Mermaid finds directives anywhere in the text, so a label could restyle
 * or break the diagram), `#` starts an entity code, `<`, `>` and backticks are markup. It renders as written.
 */
const safeLabel = (text: string): string => text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').replace(/["#%<>`\\]/g, (character) => entities[character] as string);

/**
 * A Mermaid state diagram of a funnel: one state per stage (with its label), one arrow per pair of stages (labelled
 * with the events), `[*]` arrows for entry events and terminal stages, and a class per closed stage kind (won, lost,
 * disqualified) so renderers can colour them. The output is deterministic: the docs embed it and a test keeps them
 * equal. Labels are escaped (see the guide): whatever a stored definition holds, the output is one line per state
 * and carries no Mermaid directive.
 *
 * @throws RangeError when `options.direction` is neither `LR` nor `TB`.
 * @example
 * ```ts
 * const diagram = toMermaid(b2bFunnel);
 * // stateDiagram-v2
 * //     state "Suspect" as suspect
 * //     …
 * //     [*] --> lead: capture
 * //     lead --> mql: engage
 * ```
 */
export function toMermaid(funnel: Funnel<string, string, never>, options: ToMermaidOptions = {}): string {
  if (options.direction !== undefined && options.direction !== 'LR' && options.direction !== 'TB')
    throw new RangeError(`toMermaid: direction must be 'LR' or 'TB', not ${JSON.stringify(options.direction)}`);
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const stage of funnel.stages) {
    let base = stage.id.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z]/.test(base)) base = `s_${base}`;
    let name = base;
    for (let suffix = 2; used.has(name); suffix++) name = `${base}_${suffix}`;
    used.add(name);
    names.set(stage.id, name);
  }
  const nameOf = (id: string): string => names.get(id) ?? '[*]';

  const lines = ['stateDiagram-v2'];
  if (options.direction !== undefined) lines.push(`    direction ${options.direction}`);
  for (const stage of funnel.stages) lines.push(`    state "${safeLabel(stage.label)}" as ${nameOf(stage.id)}`);

  const arrows = new Map<string, { from: string; to: string; events: string[] }>();
  for (const transition of funnel.transitions)
    for (const from of transition.from ?? [null]) {
      const source = from === null ? '[*]' : nameOf(from);
      const key = `${source}\u0000${nameOf(transition.to)}`;
      const arrow = arrows.get(key) ?? { from: source, to: nameOf(transition.to), events: [] };
      if (!arrow.events.includes(transition.event)) arrow.events.push(transition.event);
      arrows.set(key, arrow);
    }
  for (const arrow of arrows.values()) lines.push(`    ${arrow.from} --> ${arrow.to}: ${arrow.events.map(safeText).join(', ')}`);
  for (const id of funnel.policy.terminal) lines.push(`    ${nameOf(id)} --> [*]`);

  const styles: Record<string, string> = {
    won: 'fill:#d4f7dc,stroke:#2e7d32',
    lost: 'fill:#fde0dc,stroke:#c62828',
    disqualified: 'fill:#eeeeee,stroke:#616161',
  };
  for (const kind of ['won', 'lost', 'disqualified'] as const) {
    const members = funnel.stages.filter((stage) => stage.kind === kind).map((stage) => nameOf(stage.id));
    if (members.length === 0) continue;
    lines.push(`    classDef kind_${kind} ${styles[kind]}`);
    lines.push(`    class ${members.join(', ')} kind_${kind}`);
  }
  return lines.join('\n');
}
