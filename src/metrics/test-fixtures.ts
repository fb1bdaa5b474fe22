// Shared fixtures for the metrics tests (not exported from the entry point).
import type { MetricsFunnel } from './stages.ts';

/** A small B2B-like funnel used by the metrics tests. */
export const testFunnel = {
  stages: [
    { id: 'lead', label: 'Lead', kind: 'open', probability: 0.05, rottingDays: 7, speedToLeadSlaHours: 24 },
    { id: 'mql', label: 'MQL', kind: 'open', probability: 0.1, rottingDays: 14 },
    { id: 'sql', label: 'SQL', kind: 'open', probability: 0.2, rottingDays: 14 },
    { id: 'opportunity', label: 'Opportunity', kind: 'open', probability: 0.5, rottingDays: 30 },
    { id: 'customer', label: 'Customer', kind: 'won', probability: 1 },
    { id: 'nurture', label: 'Nurture', kind: 'open', probability: 0.02 },
    { id: 'disqualified', label: 'Disqualified', kind: 'disqualified', probability: 0 },
    { id: 'lost', label: 'Lost', kind: 'lost', probability: 0 },
  ],
} as const satisfies MetricsFunnel;

/** Builds a stage history from `[stage, ISO date]` pairs. */
export function history(...steps: readonly (readonly [string, string])[]): { from: string | null; to: string; event: string; at: Date }[] {
  return steps.map(([to, at], index) => ({ from: index === 0 ? null : (steps[index - 1]?.[0] ?? null), to, event: 'move', at: new Date(at) }));
}
