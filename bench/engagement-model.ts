/**
 * The engagement model of the engagement and SQL benchmarks: five activity rules with half-life decay, per-rule
 * points caps and an engagement group cap.
 */
import type { ScoringModelJson } from '../src/scoring/index.ts';

/** Five activity rules (pricing page, e-mail open and click, download, demo request) and a group cap of 60. */
export const engagementBenchModel: ScoringModelJson = {
  schemaVersion: 1,
  id: 'bench-engagement',
  rules: [
    {
      kind: 'activity',
      id: 'pricing',
      label: 'Pricing page',
      activity: { type: 'page_viewed', pageKind: 'pricing' },
      points: 10,
      decay: { kind: 'halfLife', days: 30 },
      maxPoints: 30,
    },
    { kind: 'activity', id: 'open', label: 'E-mail open', activity: { type: 'email_opened' }, points: 1, decay: { kind: 'halfLife', days: 14 }, maxPoints: 5 },
    {
      kind: 'activity',
      id: 'click',
      label: 'E-mail click',
      activity: { type: 'email_clicked' },
      points: 3,
      decay: { kind: 'halfLife', days: 21 },
      maxPoints: 15,
    },
    {
      kind: 'activity',
      id: 'download',
      label: 'Download',
      activity: { type: 'content_downloaded' },
      points: 8,
      decay: { kind: 'halfLife', days: 45 },
      maxPoints: 24,
    },
    { kind: 'activity', id: 'demo', label: 'Demo request', activity: { type: 'demo_requested' }, points: 25, decay: { kind: 'halfLife', days: 60 } },
  ],
  groups: { engagement: { cap: 60 } },
};
