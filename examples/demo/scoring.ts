import type { Lead } from '../../src/models/index.ts';
import { compileScoringModel, defineScoringModel, scoreAll, scoringModelToJson, topReasons, type LeadScore } from '../../src/scoring/index.ts';

/**
 * The demo's scoring model: the product brief's fit rules (target industry, 50–200 employees, VP title, student),
 * engagement with half-life decay and caps, a fit × engagement matrix and a demo-request override.
 */
export const demoScoringModel = defineScoringModel({
  schemaVersion: 1,
  id: 'demo-cloud-storage',
  name: 'Cloud storage: fit × engagement',
  rules: [
    { kind: 'values', id: 'industry', label: 'Target industry', field: 'company.industry', values: { technology: 10, software: 10, 'financial-services': 5 } },
    {
      kind: 'bands',
      id: 'size',
      label: '50–200 employees',
      field: 'company.employeeCount',
      bands: [
        { min: 50, max: 200, points: 5 },
        { min: 201, max: 1000, points: 3 },
      ],
    },
    {
      kind: 'bands',
      id: 'revenue',
      label: '$10M–$50M revenue',
      field: 'company.annualRevenue',
      currency: 'USD',
      bands: [{ min: 10_000_000, max: 50_000_000, points: 5 }],
    },
    {
      kind: 'values',
      id: 'seniority',
      label: 'Decision-maker seniority',
      field: 'contact.seniority',
      values: { vp: 10, c_level: 10, director: 8, owner: 6, student: -20, intern: -10 },
    },
    { kind: 'points', id: 'it-buyer', label: 'IT or engineering', when: { field: 'contact.department', in: ['it', 'engineering'] }, points: 5 },
    { kind: 'values', id: 'source', label: 'Warm source', field: 'source', values: { referral: 5, partner: 5, website_form: 3, purchased_list: -5 } },
    {
      kind: 'activity',
      id: 'pricing',
      label: 'Pricing page view',
      activity: { type: 'page_viewed', pageKind: 'pricing' },
      points: 10,
      maxCount: 3,
      decay: { kind: 'halfLife', days: 30 },
    },
    { kind: 'activity', id: 'demo', label: 'Demo requested', activity: { type: 'demo_requested' }, points: 25, decay: { kind: 'halfLife', days: 60 } },
    {
      kind: 'activity',
      id: 'meeting',
      label: 'Meeting',
      activity: { type: ['meeting_booked', 'meeting_held'] },
      points: 15,
      decay: { kind: 'halfLife', days: 60 },
    },
    {
      kind: 'activity',
      id: 'content',
      label: 'Content or webinar',
      activity: { type: ['content_downloaded', 'webinar_attended'] },
      points: 6,
      maxCount: 3,
      decay: { kind: 'halfLife', days: 45 },
    },
    {
      kind: 'activity',
      id: 'email',
      label: 'E-mail click or reply',
      activity: { type: ['email_clicked', 'email_replied'] },
      points: 3,
      decay: { kind: 'step', everyDays: 30, loss: 0.5 },
    },
    { kind: 'activity', id: 'unsubscribe', label: 'Unsubscribed', activity: { type: 'unsubscribed' }, points: -15 },
    { kind: 'disqualify', id: 'hard-bounce', label: 'Hard bounce', when: { activity: { type: 'email_bounced', bounce: 'hard' } } },
    {
      kind: 'disqualify',
      id: 'free-email',
      label: 'Free e-mail domain',
      when: { field: 'contact.emailDomain', in: ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com'] },
    },
  ],
  groups: { engagement: { cap: 60, floor: 0 }, fit: { floor: 0 } },
  grading: {
    bands: {
      thresholds: [
        { band: 'priority', min: 50, salesReady: true },
        { band: 'warm', min: 25 },
      ],
      otherwise: 'nurture',
    },
    matrix: {
      fit: [
        { grade: 'A', min: 25 },
        { grade: 'B', min: 15 },
        { grade: 'C', min: 8 },
      ],
      fitOtherwise: 'D',
      engagement: [
        { grade: '1', min: 30 },
        { grade: '2', min: 15 },
        { grade: '3', min: 5 },
      ],
      engagementOtherwise: '4',
      salesReady: ['A1', 'A2', 'B1'],
    },
    overrides: [
      { id: 'recent-demo', label: 'Demo requested in the last 30 days', when: { activity: { type: 'demo_requested' }, withinDays: 30 }, band: 'priority' },
    ],
  },
});

/** The demo's scoring model as a JSON file's text (examples/data/demo-scoring-model.json, for `leadkit score --model`). */
export function demoScoringModelJson(): string {
  return `${JSON.stringify(scoringModelToJson(demoScoringModel), null, 2)}\n`;
}

const round = (value: number): string => (Math.round(value * 10) / 10).toFixed(1);

/**
 * The scoring part of `npm run demo`: every lead, ranked by total (disqualified leads last), with its fit score,
 * engagement score, grade (matrix cell, or F) and top three reasons, then a fit × engagement grade-matrix summary.
 */
export function scoringDemo(leads: readonly Lead[], asOf: Date): string[] {
  const scorer = compileScoringModel(defineScoringModel(demoScoringModel));
  const ranked = scoreAll(scorer, leads, { asOf });
  const lines: string[] = [
    `Scoring ${leads.length} leads with "${demoScoringModel.name}" as of ${asOf.toISOString().slice(0, 10)}`,
    '',
    'Every lead by total (disqualified leads last, grade F):',
  ];
  lines.push(`  ${'#'.padStart(3)}  ${'lead'.padEnd(10)} ${'total'.padStart(6)} ${'fit'.padStart(5)} ${'eng'.padStart(5)}  grade  top reasons`);
  for (const { lead, result, rank } of ranked) {
    const top = topReasons(result, 3).map((item) => `${item.label} ${item.points >= 0 ? '+' : ''}${round(item.points)}`);
    const reasons = top.length === 0 ? 'no points' : top.join('; ');
    const gates = result.disqualifications.map((gate) => gate.label).join(', ');
    const flags = `${result.salesReady ? ' sales-ready' : ''}${result.overrides.length > 0 ? ' (override)' : ''}${gates === '' ? '' : ` disqualified: ${gates}`}`;
    lines.push(
      `  ${String(rank).padStart(3)}  ${lead.id.padEnd(10)} ${round(result.score).padStart(6)} ${round(result.fit).padStart(5)} ${round(result.engagement).padStart(5)}  ${(result.grade ?? '-').padEnd(5)}  ${reasons}${flags}`,
    );
  }
  const cells = new Map<string, number>();
  let disqualified = 0;
  for (const { result } of ranked) {
    const cell = (result as LeadScore).matrixCell ?? '-';
    if (result.disqualified) disqualified++;
    else cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  lines.push('', 'Grade matrix (fit A–D × engagement 1–4, leads per cell; disqualified leads are F):');
  lines.push(`       ${['1', '2', '3', '4'].map((column) => column.padStart(5)).join('')}`);
  for (const row of ['A', 'B', 'C', 'D']) {
    lines.push(`    ${row}  ${['1', '2', '3', '4'].map((column) => String(cells.get(row + column) ?? 0).padStart(5)).join('')}`);
  }
  const salesReady = ranked.filter(({ result }) => result.salesReady).length;
  lines.push(`    F: ${disqualified} disqualified · sales-ready: ${salesReady} of ${leads.length}`);
  return lines;
}
