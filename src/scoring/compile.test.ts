import { describe, expect, it } from 'vitest';
import type { Activity } from '../models/activity.ts';
import type { Lead } from '../models/lead.ts';
import { compileScoringModel } from './compile.ts';
import { defineScoringModel, parseScoringModel, scoringModelToJson } from './define-scoring-model.ts';
import type { ScoringModelJson } from './scoring-model-definition.ts';

const asOf = new Date('2024-06-01T00:00:00Z');
const DAY = 86_400_000;
const daysAgo = (days: number): Date => new Date(asOf.getTime() - days * DAY);

function lead(overrides: Partial<Lead> = {}): Lead {
  return {
    id: 'lead-1',
    contact: { firstName: 'Ada', email: 'ada@acme.com', jobTitle: 'VP Engineering', seniority: 'vp' },
    company: { name: 'Acme', industry: 'technology', employeeCount: 120, country: 'US', annualRevenue: { amountMinor: 2_500_000_000, currency: 'USD' } },
    source: 'website_form',
    createdAt: daysAgo(60),
    activities: [],
    ...overrides,
  };
}

const sumPoints = (contributions: readonly { points: number }[]): number => contributions.reduce((sum, item) => sum + item.points, 0);

// The product brief's rules: target industry +10, 50–200 employees +5, VP title +10, student −20; 50 is priority.
const briefModel = defineScoringModel({
  schemaVersion: 1,
  id: 'brief',
  rules: [
    { kind: 'values', id: 'industry', label: 'Target industry', field: 'company.industry', values: { technology: 10 } },
    {
      kind: 'bands',
      id: 'size',
      label: '50–200 employees',
      field: 'company.employeeCount',
      bands: [
        { min: 1, max: 49, points: 0 },
        { min: 50, max: 200, points: 5 },
      ],
    },
    { kind: 'points', id: 'vp', label: 'VP title', when: { field: 'contact.jobTitle', contains: 'vp' }, points: 10 },
    { kind: 'points', id: 'student', label: 'Student title', when: { field: 'contact.jobTitle', contains: 'student' }, points: -20 },
    { kind: 'activity', id: 'pricing', label: 'Pricing page view', activity: { type: 'page_viewed', pageKind: 'pricing' }, points: 10, maxCount: 3 },
    { kind: 'activity', id: 'demo', label: 'Demo requested', activity: { type: 'demo_requested' }, points: 30 },
    { kind: 'disqualify', id: 'competitor', label: 'Competitor domain', when: { field: 'contact.emailDomain', in: ['rival.com'] } },
  ],
  grading: { bands: { thresholds: [{ band: 'priority', min: 50, salesReady: true }], otherwise: 'nurture' } },
});

describe('compileScoringModel', () => {
  const scorer = compileScoringModel(defineScoringModel(briefModel));

  it('scores the product brief example and lists every contribution', () => {
    const result = scorer(lead(), { asOf });
    expect(result.score).toBe(25);
    expect(result.fit).toBe(25);
    expect(result.contributions.map((item) => [item.ruleId, item.points])).toEqual([
      ['industry', 10],
      ['size', 5],
      ['vp', 10],
    ]);
    expect(result.band).toBe('nurture');
    expect(result.salesReady).toBe(false);
  });

  it('reaches the priority threshold with engagement, counting a pricing view at most 3 times', () => {
    const views: Activity[] = [1, 2, 3, 4, 5].map((day) => ({ type: 'page_viewed', at: daysAgo(day), url: '/pricing', pageKind: 'pricing' }));
    const result = scorer(lead({ activities: views }), { asOf });
    const pricing = result.contributions.find((item) => item.ruleId === 'pricing');
    expect(pricing).toMatchObject({ rawPoints: 50, decayedPoints: 50, cappedPoints: 20, points: 30, occurrences: 5 });
    expect(result.score).toBe(55);
    expect(result.engagement).toBe(30);
    expect(result.band).toBe('priority');
    expect(result.salesReady).toBe(true);
    expect(result.grade).toBe('priority');
  });

  it('gives negative points and forces grade F for a disqualified lead', () => {
    const student = scorer(lead({ contact: { jobTitle: 'Student', email: 'kid@uni.edu' } }), { asOf });
    expect(student.contributions.find((item) => item.ruleId === 'student')?.points).toBe(-20);
    const rival = scorer(lead({ contact: { jobTitle: 'VP Sales', email: 'spy@Rival.com' }, activities: [{ type: 'demo_requested', at: daysAgo(1) }] }), {
      asOf,
    });
    expect(rival.score).toBe(55);
    expect(rival.disqualified).toBe(true);
    expect(rival.disqualifications).toEqual([{ ruleId: 'competitor', label: 'Competitor domain' }]);
    expect(rival.grade).toBe('F');
    expect(rival.salesReady).toBe(false);
    expect(scorer.isDisqualified(lead({ contact: { email: 'a@rival.com' } }), asOf)).toBe(true);
  });

  it('treats unknown fields as no match and ignores activities after asOf', () => {
    const result = scorer(
      lead({ company: { name: 'Unknown Ltd' }, contact: {}, activities: [{ type: 'demo_requested', at: new Date(asOf.getTime() + 1000) }] }),
      { asOf },
    );
    expect(result.score).toBe(0);
    expect(result.contributions).toEqual([]);
  });

  it('returns the same number from the fast path', () => {
    const sample = lead({ activities: [{ type: 'demo_requested', at: daysAgo(3) }] });
    expect(scorer.scoreValue(sample, asOf)).toBe(scorer(sample, { asOf }).score);
    expect(scorer.scoreValue(sample, asOf.getTime())).toBe(55);
  });

  it('does not mutate the lead or the model', () => {
    const sample = lead({ activities: [{ type: 'page_viewed', at: daysAgo(2), url: '/pricing', pageKind: 'pricing' }] });
    const leadCopy = structuredClone(sample);
    const modelCopy = structuredClone(briefModel);
    scorer(sample, { asOf });
    scorer.scoreValue(sample, asOf);
    parseScoringModel(briefModel);
    expect(sample).toEqual(leadCopy);
    expect(briefModel).toEqual(modelCopy);
  });

  it('round-trips a model built in code through JSON and scores the same', () => {
    const json = JSON.stringify(scoringModelToJson(briefModel));
    const parsed = parseScoringModel(JSON.parse(json));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toEqual(briefModel);
    const again = compileScoringModel(defineScoringModel(parsed.value));
    const sample = lead({ activities: [{ type: 'demo_requested', at: daysAgo(3) }] });
    expect(again(sample, { asOf })).toEqual(scorer(sample, { asOf }));
  });
});

describe('decay', () => {
  const model = (decay: unknown): ScoringModelJson =>
    ({
      schemaVersion: 1,
      id: 'decay',
      rules: [{ kind: 'activity', id: 'open', label: 'E-mail opened', activity: { type: 'email_opened' }, points: 8, decay }],
    }) as ScoringModelJson;
  const opened = (days: number): Lead => lead({ activities: [{ type: 'email_opened', at: daysAgo(days) }] });

  it('halves the points every half-life', () => {
    const scorer = compileScoringModel(defineScoringModel(model({ kind: 'halfLife', days: 30 })));
    expect(scorer(opened(0), { asOf }).score).toBe(8);
    expect(scorer(opened(30), { asOf }).score).toBeCloseTo(4, 12);
    const result = scorer(opened(60), { asOf });
    expect(result.score).toBeCloseTo(2, 12);
    expect(result.contributions[0]?.decayFactor).toBeCloseTo(0.25, 12);
  });

  it('loses 50% a month in steps', () => {
    const scorer = compileScoringModel(defineScoringModel(model({ kind: 'step', everyDays: 30, loss: 0.5 })));
    expect(scorer(opened(29), { asOf }).score).toBe(8);
    expect(scorer(opened(31), { asOf }).score).toBe(4);
    expect(scorer(opened(61), { asOf }).score).toBe(2);
  });

  it('loses linearly down to zero', () => {
    const scorer = compileScoringModel(defineScoringModel(model({ kind: 'linear', everyDays: 30, loss: 0.25 })));
    expect(scorer(opened(60), { asOf }).score).toBe(4);
    expect(scorer(opened(200), { asOf }).score).toBe(0);
  });

  it('counts only the time window', () => {
    const scorer = compileScoringModel(defineScoringModel(model({ kind: 'window', days: 90 })));
    expect(scorer(opened(90), { asOf }).score).toBe(8);
    expect(scorer(opened(91), { asOf }).contributions).toEqual([]);
  });
});

describe('caps, floors, weights and normalisation', () => {
  const activities: Activity[] = [
    { type: 'email_clicked', at: daysAgo(1) },
    { type: 'email_clicked', at: daysAgo(2) },
    { type: 'content_downloaded', at: daysAgo(3) },
    { type: 'unsubscribed', at: daysAgo(1) },
  ];
  const rules = [
    { kind: 'values', id: 'industry', label: 'Target industry', field: 'company.industry', values: { technology: 30 } },
    { kind: 'activity', id: 'click', label: 'E-mail click', activity: { type: 'email_clicked' }, points: 20, maxPoints: 30 },
    { kind: 'activity', id: 'download', label: 'Download', activity: { type: 'content_downloaded' }, points: 25 },
    { kind: 'activity', id: 'unsubscribe', label: 'Unsubscribed', activity: { type: 'unsubscribed' }, points: -100 },
  ] as const;

  it('caps a rule and a group, taking the excess from positive contributions in proportion', () => {
    const scorer = compileScoringModel(
      defineScoringModel({ schemaVersion: 1, id: 'caps', rules: [...rules.slice(0, 3)], groups: { engagement: { cap: 40 } } }),
    );
    const result = scorer(lead({ activities }), { asOf });
    expect(result.engagement).toBe(40);
    expect(result.score).toBe(70);
    const click = result.contributions.find((item) => item.ruleId === 'click');
    const download = result.contributions.find((item) => item.ruleId === 'download');
    expect(click?.rawPoints).toBe(40);
    expect(click?.points).toBeCloseTo(40 * (30 / 55), 10);
    expect(download?.points).toBeCloseTo(40 * (25 / 55), 10);
    expect(result.score).toBe(sumPoints(result.contributions));
  });

  it('lifts the total to a positive floor with a @floor contribution when no negative points are left to give back', () => {
    const scorer = compileScoringModel(defineScoringModel({ schemaVersion: 1, id: 'minimum', rules: [...rules], total: { floor: 10, cap: 100 } }));
    const poorLead = lead({ company: { name: 'Other', industry: 'retail' }, activities: [{ type: 'unsubscribed', at: daysAgo(1) }] });
    const poor = scorer(poorLead, { asOf });
    expect(poor.score).toBe(10);
    expect(poor.contributions.map((item) => [item.ruleId, item.points])).toEqual([
      ['unsubscribe', 0],
      ['@floor', 10],
    ]);
    expect(poor.contributions.at(-1)).toMatchObject({ label: 'Minimum score', group: '@total', cappedPoints: -10, rawPoints: 0 });
    expect(sumPoints(poor.contributions)).toBe(poor.score);
    expect(scorer.scoreValue(poorLead, asOf)).toBe(10);
    // When negative points can give back enough (30 + 30 + 25 − 100 = −15 → the unsubscribe gives back 25), no
    // @floor is added.
    const rich = scorer(lead({ activities }), { asOf });
    expect(rich.contributions.some((item) => item.ruleId === '@floor')).toBe(false);
    expect(rich.score).toBe(10);
    expect(parseScoringModel({ schemaVersion: 1, id: 'bad', rules: [], total: { floor: 20, cap: 10 } }).ok).toBe(false);
  });

  it('lands a capped or normalised total exactly on the cap, so a band at the cap is reached', () => {
    const rule = (id: string, points: number) => ({ kind: 'points' as const, id, label: id, when: { field: 'company.name' as const, exists: true }, points });
    const pointsList = [29.64, 9.73, -3.48, 19.39, 34.88, 23.6, 28.72, 27.61];
    const rules = pointsList.map((points, index) => rule(`r${index}`, points));
    const grading = { bands: { thresholds: [{ band: 'maxed', min: 100, salesReady: true }], otherwise: 'below' } };
    for (const total of [{ cap: 100 }, { normalize: { max: 50 } }]) {
      const result = compileScoringModel(defineScoringModel({ schemaVersion: 1, id: 'cap', rules, total, grading }))(lead({}), { asOf });
      expect(result.score).toBe(100);
      expect(result).toMatchObject({ band: 'maxed', salesReady: true });
      expect(sumPoints(result.contributions)).toBe(100);
    }
    // Far above the cap (1e9 points × weight 1e6, normalised to 1e-6): still exactly 100, not cancelled to 0.
    const huge = compileScoringModel(
      defineScoringModel({
        schemaVersion: 1,
        id: 'huge',
        rules: [{ kind: 'values', id: 'v', label: 'V', field: 'company.industry', values: { technology: 1e9 } }],
        groups: { fit: { weight: 1e6 } },
        total: { normalize: { max: 1e-6 } },
      }),
    );
    expect(huge(lead({ company: { name: 'X', industry: 'technology' } }), { asOf }).score).toBe(100);
    // Rules that reach a floor equal to the cap need no @floor contribution.
    const reached = compileScoringModel(
      defineScoringModel({
        schemaVersion: 1,
        id: 'fc',
        rules: [30.74, 28.54, 6.67, 12.47, 25.61, 30.77].map((points, index) => rule(`q${index}`, points)),
        total: { cap: 100, floor: 100 },
      }),
    );
    const result = reached(lead({}), { asOf });
    expect(result.score).toBe(100);
    expect(result.contributions.some((item) => item.ruleId === '@floor')).toBe(false);
  });

  it('keeps a total of cap = floor = 0 exactly at 0 whatever the rounding', () => {
    const scorer = compileScoringModel(
      defineScoringModel({
        schemaVersion: 1,
        id: 'zero',
        rules: [
          { kind: 'values', id: 'a', label: 'A', field: 'company.industry', values: { technology: 404.0887740269696 } },
          { kind: 'values', id: 'b', label: 'B', field: 'company.country', values: { US: -258 } },
          { kind: 'values', id: 'c', label: 'C', field: 'source', values: { referral: 259 } },
        ],
        total: { cap: 0, floor: 0 },
      }),
    );
    const result = scorer(lead({ company: { name: 'X', industry: 'technology', country: 'US' }, source: 'referral' }), { asOf });
    expect(result.score).toBe(0);
    expect(sumPoints(result.contributions)).toBe(0);
  });

  it('applies a floor by giving back negative points', () => {
    const scorer = compileScoringModel(defineScoringModel({ schemaVersion: 1, id: 'floor', rules: [...rules], total: { floor: 0 } }));
    const result = scorer(lead({ activities }), { asOf });
    expect(result.score).toBe(0);
    const unsubscribe = result.contributions.find((item) => item.ruleId === 'unsubscribe');
    expect(unsubscribe?.points).toBe(-85);
    expect(unsubscribe?.cappedPoints).toBe(-15);
  });

  it('weights groups, normalises to 0–100 and picks the max group', () => {
    const weighted = compileScoringModel(
      defineScoringModel({ schemaVersion: 1, id: 'w', rules: [...rules.slice(0, 3)], groups: { fit: { weight: 2 }, engagement: { weight: 0.5 } } }),
    );
    expect(weighted(lead({ activities }), { asOf }).score).toBe(60 + 27.5);
    const normalised = compileScoringModel(defineScoringModel({ schemaVersion: 1, id: 'n', rules: [...rules.slice(0, 3)], total: { normalize: { max: 50 } } }));
    const capped = normalised(lead({ activities }), { asOf });
    expect(capped.score).toBe(100);
    expect(capped.contributions.every((item) => item.weight === 2)).toBe(true);
    const max = compileScoringModel(defineScoringModel({ schemaVersion: 1, id: 'max', rules: [...rules.slice(0, 3)], total: { combine: 'max' } }));
    const best = max(lead({ activities }), { asOf });
    expect(best.score).toBe(55);
    expect(best.contributions.find((item) => item.ruleId === 'industry')?.points).toBe(0);
    const min = compileScoringModel(defineScoringModel({ schemaVersion: 1, id: 'min', rules: [...rules.slice(0, 3)], total: { combine: 'min' } }));
    expect(min(lead({ activities }), { asOf }).score).toBe(30);
  });
});

describe('grades', () => {
  const scorer = compileScoringModel(
    defineScoringModel({
      schemaVersion: 1,
      id: 'grades',
      rules: [
        {
          kind: 'bands',
          id: 'size',
          label: 'Company size',
          field: 'company.employeeCount',
          bands: [
            { min: 1000, points: 40 },
            { min: 50, points: 25 },
          ],
        },
        { kind: 'activity', id: 'visit', label: 'Page view', activity: { type: 'page_viewed', url: '/product/*' }, points: 10 },
      ],
      grading: {
        bands: {
          thresholds: [
            { band: 'hot', min: 50, salesReady: true },
            { band: 'warm', min: 25 },
          ],
          otherwise: 'cold',
          hysteresis: 5,
        },
        matrix: {
          fit: [
            { grade: 'A', min: 40 },
            { grade: 'B', min: 20 },
          ],
          fitOtherwise: 'C',
          engagement: [
            { grade: '1', min: 20 },
            { grade: '2', min: 10 },
          ],
          engagementOtherwise: '3',
          salesReady: ['A1'],
        },
        overrides: [{ id: 'demo', label: 'Demo requested', when: { activity: { type: 'demo_requested' }, withinDays: 30 }, band: 'hot' }],
      },
    }),
  );
  const views = (count: number): Activity[] =>
    Array.from({ length: count }, (_, index) => ({ type: 'page_viewed', at: daysAgo(index + 1), url: `/product/p${index}` }));

  it('maps fit × engagement to a matrix cell', () => {
    expect(scorer(lead({ activities: views(2) }), { asOf })).toMatchObject({ matrixCell: 'B1', grade: 'B1', band: 'warm', salesReady: false });
    expect(scorer(lead({ company: { name: 'Big', employeeCount: 5000 }, activities: views(2) }), { asOf })).toMatchObject({
      grade: 'A1',
      band: 'hot',
      salesReady: true,
    });
    expect(scorer(lead({ company: { name: 'Tiny', employeeCount: 3 } }), { asOf }).grade).toBe('C3');
  });

  it('keeps the previous band within the hysteresis', () => {
    const almostHot = lead({ activities: views(2) }); // 45 points
    expect(scorer(almostHot, { asOf }).band).toBe('warm');
    expect(scorer(almostHot, { asOf, previousBand: 'hot' }).band).toBe('hot');
    expect(scorer(lead({ activities: views(1) }), { asOf, previousBand: 'hot' }).band).toBe('warm');
  });

  it('keeps the previous band upward too: a lead must clear the next threshold by the hysteresis to move up', () => {
    // 25 (size) + 3 views × 10 = 55: hot's 50 cleared by the 5 points of hysteresis, so a warm lead moves up.
    const clearlyHot = lead({ activities: views(3) });
    expect(scorer(clearlyHot, { asOf }).band).toBe('hot');
    expect(scorer(clearlyHot, { asOf, previousBand: 'warm' }).band).toBe('hot');
    const fiftyTwo = compileScoringModel(
      defineScoringModel({
        schemaVersion: 1,
        id: 'h',
        rules: [{ kind: 'values', id: 'v', label: 'V', field: 'source', values: { referral: 52, event: 56, webinar: 20 } }],
        grading: {
          bands: {
            thresholds: [
              { band: 'hot', min: 50 },
              { band: 'warm', min: 25 },
            ],
            otherwise: 'cold',
            hysteresis: 5,
          },
        },
      }),
    );
    expect(fiftyTwo(lead({ source: 'referral' }), { asOf, previousBand: 'warm' }).band).toBe('warm'); // 52 < 55
    expect(fiftyTwo(lead({ source: 'event' }), { asOf, previousBand: 'warm' }).band).toBe('hot'); // 56 ≥ 55
    expect(fiftyTwo(lead({ source: 'referral' }), { asOf }).band).toBe('hot'); // no previous band: the plain threshold
    expect(fiftyTwo(lead({ source: 'webinar' }), { asOf, previousBand: 'warm' }).band).toBe('warm'); // 20 ≥ 25 − 5
    expect(fiftyTwo(lead({ source: 'webinar' }), { asOf, previousBand: 'hot' }).band).toBe('cold'); // far below hot
  });

  it('never decays fit: a decay setting is refused on anything but an activity rule', () => {
    const refused = parseScoringModel({
      schemaVersion: 1,
      id: 'fit-decay',
      rules: [{ kind: 'values', id: 'v', label: 'V', field: 'source', values: { referral: 10 }, decay: { kind: 'halfLife', days: 30 } }],
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.issues.map((problem) => problem.pathText)).toEqual(['rules[0].decay']);
    const fitModel = compileScoringModel(
      defineScoringModel({ schemaVersion: 1, id: 'fitModel', rules: [{ kind: 'values', id: 'v', label: 'V', field: 'source', values: { referral: 10 } }] }),
    );
    const referral = lead({ source: 'referral' });
    const now = fitModel(referral, { asOf });
    const muchLater = fitModel(referral, { asOf: new Date(asOf.getTime() + 3650 * 86_400_000) });
    expect(muchLater.score).toBe(now.score);
    expect(muchLater.contributions[0]).toMatchObject({ decayFactor: 1, rawPoints: 10, points: 10 });
  });

  it('makes a recent demo request sales-ready whatever the points', () => {
    const result = scorer(lead({ company: { name: 'Tiny', employeeCount: 3 }, activities: [{ type: 'demo_requested', at: daysAgo(2) }] }), { asOf });
    expect(result).toMatchObject({ band: 'hot', salesReady: true, overrides: [{ ruleId: 'demo', label: 'Demo requested', band: 'hot' }] });
    const old = scorer(lead({ company: { name: 'Tiny', employeeCount: 3 }, activities: [{ type: 'demo_requested', at: daysAgo(40) }] }), { asOf });
    expect(old.salesReady).toBe(false);
  });
});

describe('value rules on numbers and true/false', () => {
  it('match a number or a boolean by its text, alone or in a list (the points of every listed value added)', () => {
    const model = compileScoringModel(
      defineScoringModel({
        schemaVersion: 1,
        id: 'numbers',
        rules: [
          { kind: 'values', id: 'seats', label: 'Seats', field: 'customFields.seats', values: { '3': 5, '10': 7, true: 1 } },
          { kind: 'values', id: 'trial', label: 'Trial', field: 'customFields.trial', values: { true: 2, false: -1 } },
        ],
      }),
    );
    const points = (customFields: Record<string, unknown>): string[] =>
      model(lead({ customFields } as Partial<Lead>), { asOf }).contributions.map((item) => `${item.ruleId} ${item.points}`);
    expect(points({ seats: 3, trial: true })).toEqual(['seats 5', 'trial 2']);
    expect(points({ seats: 10, trial: false })).toEqual(['seats 7', 'trial -1']);
    expect(points({ seats: '3', trial: 'true' })).toEqual(['seats 5', 'trial 2']);
    expect(points({ seats: [3, 10] })).toEqual(['seats 12']);
    expect(points({ seats: true })).toEqual(['seats 1']);
    expect(points({ seats: 4, trial: null })).toEqual([]);
  });
});

describe('validation', () => {
  it('quotes text from the model cut short, however long it is (a 100,000-character grade once made a 100,119-character message)', () => {
    const long = 'x'.repeat(100_000);
    const result = parseScoringModel({
      schemaVersion: 1,
      id: 'long',
      rules: [{ kind: 'values', id: 'v', label: 'V', field: 'company.industry', values: { [long]: 1, [long.toUpperCase()]: 2 } }],
      grading: {
        bands: { thresholds: [{ band: 'hot', min: 50 }], otherwise: 'cold' },
        matrix: {
          fit: [{ grade: long, min: 10 }],
          fitOtherwise: 'B',
          engagement: [{ grade: '1', min: 10 }],
          engagementOtherwise: '2',
          salesReady: [`${long}3`],
        },
        overrides: [{ id: 'o', label: 'O', when: { field: 'source', equals: 'referral' }, band: long }],
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.error.issues.map((problem) => problem.pathText);
    expect(paths).toEqual(expect.arrayContaining(['grading.matrix.salesReady[0]', 'grading.overrides[0].band']));
    expect(paths.some((path) => path.startsWith('rules[0].values'))).toBe(true);
    for (const problem of result.error.issues) expect(problem.message.length, problem.pathText).toBeLessThan(500);
    const messagesAt = (path: string): string[] => result.error.issues.filter((problem) => problem.pathText === path).map((problem) => problem.message);
    expect(
      messagesAt('grading.matrix.salesReady[0]').some((message) => message.includes('cannot produce the cell') && message.includes('(100,001 characters)')),
    ).toBe(true);
    expect(messagesAt('grading.overrides[0].band').some((message) => message.includes('(100,000 characters) is not one of the model'))).toBe(true);
  });

  it('lists every problem with its path', () => {
    const result = parseScoringModel({
      schemaVersion: 2,
      id: 'bad',
      rules: [
        { kind: 'points', id: 'a', label: 'A', when: { field: 'company.secret', equals: 1 }, points: 5 },
        { kind: 'activity', id: 'a', label: 'B', activity: { type: 'teleport' }, points: 'ten' },
        { kind: 'points', id: 'c', label: 'C', when: { field: 'source', equals: 'x', contains: 'y' }, points: 1 },
      ],
      groups: { fit: { cap: -1 } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.error.issues.map((problem) => problem.pathText);
    expect(paths).toEqual(
      expect.arrayContaining(['schemaVersion', 'rules[0].when.field', 'rules[1].activity.type', 'rules[1].points', 'rules[2].when.contains', 'groups.fit.cap']),
    );
    expect(result.error.message).toContain('schemaVersion');
  });

  it('lists problems across parts (duplicate ids, floor above cap) together with the others', () => {
    const result = parseScoringModel({
      schemaVersion: 1,
      id: 'mixed',
      rules: [
        { kind: 'points', id: 'a', label: 'A', when: { field: 'source', equals: 'referral' }, points: 5 },
        { kind: 'points', id: 'a', label: 'A again', when: { field: 'source', equals: 'event' }, points: 'one' },
      ],
      groups: { fit: { cap: 5, floor: -1 }, engagement: { cap: 1, floor: -2, weight: 'x' } },
      total: { cap: 5, floor: 6 },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues.map((problem) => problem.pathText)).toEqual(['rules[1].points', 'groups.engagement.weight', 'rules[1].id', 'total']);
    expect(result.error.message).toContain('duplicate rule id "a"');
    expect(result.error.message).toContain('"floor" must not be above "cap"');
  });

  it('says what is wrong in words: an unknown field, an infinite number, points beyond the bounds', () => {
    const result = parseScoringModel({
      schemaVersion: 1,
      id: 'words',
      rules: [
        { kind: 'points', id: 'a', label: 'A', when: { field: 'company.secret', exists: true }, points: 1 },
        { kind: 'points', id: 'b', label: 'B', when: { field: 'source', equals: 'x' }, points: Infinity },
        { kind: 'points', id: 'c', label: 'C', when: { field: 'source', equals: 'y' }, points: 2e9 },
      ],
      groups: { fit: { weight: 1e7 } },
      total: { normalize: { max: 1e-310 } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = Object.fromEntries(result.error.issues.map((problem) => [problem.pathText, problem.message]));
    expect(messages['rules[0].when.field']).toMatch(/"company\.secret" is not a field of the lead/);
    expect(messages['rules[1].points']).toBe('must be a number, not Infinity');
    expect(messages['rules[2].points']).toBe('must be at most 1,000,000,000 points');
    expect(messages['groups.fit.weight']).toBe('must be at most 1,000,000');
    expect(messages['total.normalize.max']).toBe('must be at least 0.000001');
  });

  it('checks the fields of every kind of rule and of the overrides against the lead, with their paths', () => {
    const result = parseScoringModel({
      schemaVersion: 1,
      id: 'fields',
      rules: [
        { kind: 'disqualify', id: 'd', label: 'D', when: { field: 'contact.emial', exists: true } },
        { kind: 'values', id: 'v', label: 'V', field: 'source', values: { referal: 5, Referral: 3 } },
        { kind: 'values', id: 'w', label: 'W', field: 'source', caseSensitive: true, values: { Referral: 3 } },
        { kind: 'bands', id: 'b', label: 'B', field: 'company.annualRevenue', bands: [{ min: 0, max: 10, points: 1 }] },
        { kind: 'bands', id: 'c', label: 'C', field: 'company.annualRevenue', currency: 'USD', bands: [{ min: 0, max: 10, points: 1 }] },
        { kind: 'bands', id: 'e', label: 'E', field: 'contact.jobTitle', bands: [{ min: 0, max: 10, points: 1 }] },
      ],
      grading: {
        bands: { thresholds: [{ band: 'hot', min: 50 }], otherwise: 'cold' },
        overrides: [{ id: 'o', label: 'O', when: { field: 'company.sise', exists: true }, band: 'hot' }],
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.error.issues.map((problem) => [problem.pathText, problem.message.split(/[.;:(]/)[0]]);
    // "Referral" is a value of source when case is folded (rules[1]), not when the rule asks for the exact case (rules[2]);
    // a money band with its currency (rules[4]) is fine.
    expect(messages).toEqual([
      ['rules[0].when.field', '"contact'],
      ['rules[1].values.referal', '"referal" is not a value of source '],
      ['rules[2].values.Referral', '"Referral" is not a value of source '],
      ['rules[3].field', 'company'],
      ['rules[5].field', 'contact'],
      ['grading.overrides[0].when.field', '"company'],
    ]);
    const text = result.error.issues.map((problem) => problem.message);
    expect(text[0]).toContain('Did you mean "contact.email"?');
    expect(text[1]).toContain('did you mean "referral"?');
    expect(text[3]).toContain('is an amount of money: give "currency"');
    expect(text[4]).toContain('holds text, so it cannot be tested this way');
    expect(text[5]).toContain('"company.sise" is not a field of the lead');
  });

  it('reads any input defensively: not an object, rules that are not a list, rules that are not objects', () => {
    const pathsOf = (input: unknown): string[] => {
      const parsed = parseScoringModel(input);
      return parsed.ok ? [] : parsed.error.issues.map((problem) => problem.pathText);
    };
    expect(pathsOf(null)).toEqual(['(root)']);
    expect(pathsOf([])).toEqual(['(root)']);
    expect(pathsOf({ schemaVersion: 1, id: 'x', rules: 'no' })).toEqual(['rules']);
    expect(pathsOf({ schemaVersion: 1, id: 'x', rules: [null, 3, { kind: 'values', field: 7 }] })).toEqual([
      'rules[0]',
      'rules[1]',
      'rules[2].id',
      'rules[2].label',
      'rules[2].field',
      'rules[2].values',
    ]);
  });

  it('refuses duplicate rule ids (once the rest is valid)', () => {
    const result = parseScoringModel({
      schemaVersion: 1,
      id: 'dup',
      rules: [
        { kind: 'points', id: 'a', label: 'A', when: { field: 'source', equals: 'referral' }, points: 5 },
        { kind: 'points', id: 'a', label: 'A again', when: { field: 'source', equals: 'event' }, points: 5 },
      ],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues[0]?.pathText).toBe('rules[1].id');
  });

  it('throws from defineScoringModel, the form for models written in code', () => {
    expect(() => defineScoringModel({ schemaVersion: 1 } as unknown as ScoringModelJson)).toThrow(/rules/);
    expect(() => defineScoringModel({ schemaVersion: 1, id: '', rules: [] })).toThrow(/id/);
  });

  it('reports groups named like Object members as plain own keys, inheriting nothing', () => {
    const scorer = compileScoringModel(
      defineScoringModel({
        schemaVersion: 1,
        id: 'odd-groups',
        rules: [
          { kind: 'points', id: 'a', label: 'A', group: '__proto__', when: { field: 'source', exists: true }, points: 4 },
          { kind: 'points', id: 'b', label: 'B', group: 'constructor', when: { field: 'source', exists: true }, points: 2 },
        ],
      }),
    );
    const first = scorer(lead(), { asOf });
    const second = scorer(lead(), { asOf });
    for (const result of [first, second]) {
      expect(Object.keys(result.groups)).toEqual(['__proto__', 'constructor']);
      // biome-ignore lint/suspicious/noProto: the test reads a group named __proto__ as a plain own key
      expect(result.groups['__proto__']).toBe(4);
      expect(result.groups['constructor']).toBe(2);
      expect('toString' in result.groups).toBe(false);
      expect(JSON.parse(JSON.stringify(result.groups))).toEqual(JSON.parse('{"__proto__":4,"constructor":2}'));
    }
    expect(first.groups).not.toBe(second.groups);
    expect(({} as Record<string, unknown>)['constructor']).toBe(Object);
  });

  it('does not read inherited custom fields or let a model pollute prototypes', () => {
    const proto = parseScoringModel(
      JSON.parse(
        '{"schemaVersion":1,"id":"p","rules":[{"kind":"points","id":"x","label":"X","when":{"field":"customFields.__proto__","exists":true},"points":5}]}',
      ),
    );
    expect(proto.ok).toBe(false);
    if (!proto.ok) expect(proto.error.issues[0]?.pathText).toBe('rules[0].when.field');
    const model = JSON.parse(
      '{"schemaVersion":1,"id":"p","rules":[{"kind":"points","id":"x","label":"X","when":{"field":"customFields.toString","exists":true},"points":5},{"kind":"values","id":"y","label":"Y","field":"company.industry","values":{"toString":2,"constructor":3}}]}',
    );
    const scorer = compileScoringModel(defineScoringModel(model));
    const result = scorer(lead({ company: { name: 'C', industry: 'constructor' }, customFields: {} }), { asOf });
    expect(result.contributions.map((item) => item.ruleId)).toEqual(['y']);
    expect(result.score).toBe(3);
    expect(scorer(lead({ company: { name: 'C', industry: 'valueOf' } }), { asOf }).score).toBe(0);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('reports a __proto__ key (which would otherwise be dropped without a word) with its path', () => {
    const model = JSON.parse(
      '{"schemaVersion":1,"id":"p","groups":{"__proto__":{"cap":1}},"rules":[{"kind":"values","id":"y","label":"Y","field":"company.industry","values":{"__proto__":7,"technology":1}}]}',
    );
    for (const result of [parseScoringModel(model), parseScoringModel(model)]) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.issues.map((problem) => problem.pathText)).toEqual(['groups.__proto__', 'rules[0].values.__proto__']);
      expect(result.error.issues.every((problem) => problem.code === 'forbidden_key')).toBe(true);
    }
    expect(() => defineScoringModel(model)).toThrow(/__proto__/);
    expect(({} as Record<string, unknown>)['cap']).toBeUndefined();
  });
});
