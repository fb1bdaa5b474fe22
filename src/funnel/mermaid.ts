import type { Funnel } from './types.ts';

/** Options of {@link toMermaid}. */
export interface ToMermaidOptions {
  /** Layout direction; Mermaid's default (top to bottom) when absent. */
  readonly direction?: 'LR' | 'TB';
}

const safeText = (text: string): string => text.replace(/[^\p{L}\p{N} _\-./(),&+']/gu, ' ').replace(/\s+/g, ' ').trim();
const safeLabel = (text: string): string => text.replace(/"/g, '#quot;').replace(/[\r\n]+/g, ' ');

/**
 * A Mermaid state diagram of a funnel: one state per stage (with its label), one arrow per pair of stages (labelled
 * with the events), `[*]` arrows for entry events and terminal stages, and a class per closed stage kind (won, lost,
 * disqualified) so renderers can colour them. The output is deterministic: the docs embed it and a test keeps them
 * equal.
 *
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
