import { describe, expect, it } from 'vitest';
import type { Assessment, CriterionRating } from './assessment.ts';
import { bantFramework } from './builtins/bant.ts';
import { gpctbaCiFramework } from './builtins/gpctba-ci.ts';
import { meddicFramework } from './builtins/meddic.ts';
import { meddpiccFramework } from './builtins/meddpicc.ts';
import { defineFramework } from './define-framework.ts';
import { evaluateAssessment } from './evaluate-assessment.ts';
import { evidenceLevelScale, yesNoScale } from './scales.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const recent = new Date('2025-06-20T09:00:00Z');
const rate = <V extends string | number>(rating: V, assessedAt = recent): CriterionRating<V> => ({ rating, assessedAt });

describe('evaluateAssessment: BANT worked examples', () => {
  it('qualifies with 3 of 4 met and names the missing one', () => {
    const verdict = evaluateAssessment(
      bantFramework,
      { frameworkId: 'bant', criteria: { budget: rate('strong'), authority: rate('strong'), need: rate('strong') } },
      { asOf },
    );
    expect(verdict.qualified).toBe(true);
    expect(verdict.metCount).toBe(3);
    expect(verdict.score).toBe(75);
    expect(verdict.missing).toEqual(['timeline']);
    expect(verdict.nextQuestions[0]).toEqual({ criterion: 'timeline', question: 'What is your timeline for implementing a new system?', reason: 'unknown' });
    expect(verdict.summary).toBe('Qualified by BANT: 3 of 4 criteria met, score 75/100.');
  });

  it('does not qualify with 2 of 4 met, and unrated criteria are unknown, not failed', () => {
    const verdict = evaluateAssessment(bantFramework, { frameworkId: 'bant', criteria: { budget: rate('strong'), need: rate('strong') } }, { asOf });
    expect(verdict.qualified).toBe(false);
    expect(verdict.missing).toEqual(['authority', 'timeline']);
    expect(verdict.weakest).toEqual([]);
    expect(verdict.criteria.find((entry) => entry.key === 'authority')?.status).toBe('unknown');
    expect(verdict.summary).toBe('Not qualified by BANT: 2 of 4 criteria met (3 needed).');
  });

  it('orders the weakest criteria lowest first and asks about unknown ones before weak ones', () => {
    const verdict = evaluateAssessment(
      bantFramework,
      { frameworkId: 'bant', criteria: { budget: rate('developing'), authority: rate('weak'), need: rate('strong') } },
      { asOf, maxQuestions: 10 },
    );
    expect(verdict.weakest).toEqual(['authority', 'budget']);
    expect(verdict.nextQuestions.map((next) => [next.criterion, next.reason])).toEqual([
      ['timeline', 'unknown'],
      ['authority', 'weak'],
      ['budget', 'weak'],
    ]);
  });

  it('asks several questions per criterion and caps the list', () => {
    const verdict = evaluateAssessment(bantFramework, { frameworkId: 'bant', criteria: {} }, { asOf, questionsPerCriterion: 2, maxQuestions: 3 });
    expect(verdict.nextQuestions.map((next) => next.criterion)).toEqual(['budget', 'budget', 'authority']);
  });
});

describe('evaluateAssessment: MEDDIC worked examples', () => {
  const full = (economicBuyer: 0 | 1 | 2): Assessment<(typeof meddicFramework.criteria)[number]['key'], 0 | 1 | 2> => ({
    frameworkId: 'meddic',
    criteria: {
      metrics: rate(2),
      economicBuyer: rate(economicBuyer),
      decisionCriteria: rate(1),
      decisionProcess: rate(2),
      identifyPain: rate(2),
      champion: rate(1),
    },
  });

  it('scores 0–2 per criterion out of 12', () => {
    const verdict = evaluateAssessment(meddicFramework, full(2), { asOf });
    expect(verdict.points).toBe(10);
    expect(verdict.maxPoints).toBe(12);
    expect(verdict.score).toBe(83.33);
    expect(verdict.qualified).toBe(true);
  });

  it('a failed hard gate disqualifies whatever the total', () => {
    const verdict = evaluateAssessment(
      meddicFramework,
      { ...full(1), criteria: { ...full(1).criteria, decisionCriteria: rate(2), champion: rate(2) } },
      { asOf },
    );
    expect(verdict.points).toBe(11);
    expect(verdict.score).toBeGreaterThan(90);
    expect(verdict.qualified).toBe(false);
    expect(verdict.failedGates).toEqual(['economicBuyer']);
    expect(verdict.summary).toBe('Not qualified by MEDDIC: hard gate Economic buyer is not met.');
    expect(verdict.nextQuestions[0]).toMatchObject({ criterion: 'economicBuyer', reason: 'gate_failed', question: 'Who holds the budget?' });
  });

  it('an unassessed hard gate is open, not failed, and asked first', () => {
    const { economicBuyer: _omitted, ...rest } = full(2).criteria;
    const verdict = evaluateAssessment(meddicFramework, { frameworkId: 'meddic', criteria: rest }, { asOf });
    expect(verdict.qualified).toBe(false);
    expect(verdict.failedGates).toEqual([]);
    expect(verdict.openGates).toEqual(['economicBuyer']);
    expect(verdict.nextQuestions[0]).toMatchObject({ criterion: 'economicBuyer', reason: 'gate_unknown' });
  });

  it('MEDDPICC counts out of 16', () => {
    const verdict = evaluateAssessment(meddpiccFramework, { frameworkId: 'meddpicc', criteria: { economicBuyer: rate(2), paperProcess: rate(1) } }, { asOf });
    expect(verdict.maxPoints).toBe(16);
    expect(verdict.points).toBe(3);
  });
});

describe('evaluateAssessment: scales, staleness, odd input', () => {
  it('GPCTBA/C&I on 1–5 needs a score of 60 and the authority', () => {
    const criteria = {
      goals: rate(4),
      plans: rate(4),
      challenges: rate(5),
      timeline: rate(3),
      budget: rate(3),
      negativeConsequences: rate(4),
      positiveImplications: rate(4),
    } as const;
    const without = evaluateAssessment(gpctbaCiFramework, { frameworkId: 'gpctba-ci', criteria }, { asOf });
    expect(without.qualified).toBe(false);
    expect(without.openGates).toEqual(['authority']);
    const withAuthority = evaluateAssessment(gpctbaCiFramework, { frameworkId: 'gpctba-ci', criteria: { ...criteria, authority: rate(4) } }, { asOf });
    expect(withAuthority.score).toBe(71.88); // (5 × 0.75 + 1 + 2 × 0.5) / 8
    expect(withAuthority.qualified).toBe(true);
  });

  it('treats the "unknown" evidence level as unrated', () => {
    const framework = defineFramework({
      id: 'evidence',
      name: 'Evidence',
      scale: evidenceLevelScale,
      criteria: [
        { key: 'budget', label: 'Budget' },
        { key: 'authority', label: 'Authority' },
      ],
      rule: { minMet: 1 },
    });
    const verdict = evaluateAssessment(framework, { frameworkId: 'evidence', criteria: { budget: rate('unknown'), authority: rate('gap') } }, { asOf });
    expect(verdict.missing).toEqual(['budget']);
    expect(verdict.weakest).toEqual(['authority']);
    expect(verdict.score).toBe(0);
  });

  it('reports stale evidence with its age and re-asks met criteria whose evidence is stale', () => {
    const old = new Date('2025-01-01T12:00:00Z');
    const verdict = evaluateAssessment(
      bantFramework,
      { frameworkId: 'bant', criteria: { budget: rate('strong', old), authority: rate('strong'), need: rate('strong'), timeline: rate('strong') } },
      { asOf },
    );
    expect(verdict.stale).toEqual([{ criterion: 'budget', assessedAt: old, ageDays: 179 }]);
    expect(verdict.nextQuestions).toEqual([{ criterion: 'budget', question: 'What budget has been allocated for a solution like this?', reason: 'stale' }]);
    expect(evaluateAssessment(bantFramework, { frameworkId: 'bant', criteria: { budget: rate('strong', old) } }, { asOf, staleAfterDays: 365 }).stale).toEqual(
      [],
    );
  });

  it('treats a rating off the scale as unknown and says so', () => {
    const verdict = evaluateAssessment(bantFramework, { frameworkId: 'bant', criteria: { budget: rate('huge' as 'strong') } }, { asOf });
    expect(verdict.missing).toContain('budget');
    expect(verdict.reasons).toContain('Budget: "huge" is not on the Weak / developing / strong scale');
  });

  it('ignores inherited properties of the criteria object', () => {
    const criteria = Object.create({ budget: rate('yes') }) as Assessment<'budget', 'yes' | 'no'>['criteria'];
    const framework = defineFramework({ id: 'one', name: 'One', scale: yesNoScale, criteria: [{ key: 'budget', label: 'Budget' }] });
    expect(evaluateAssessment(framework, { frameworkId: 'one', criteria }, { asOf }).missing).toEqual(['budget']);
  });

  it('requires every criterion when the rule sets no condition', () => {
    const framework = defineFramework({
      id: 'all',
      name: 'All',
      scale: yesNoScale,
      criteria: [
        { key: 'a', label: 'A' },
        { key: 'b', label: 'B' },
      ],
    });
    expect(evaluateAssessment(framework, { frameworkId: 'all', criteria: { a: rate('yes') } }, { asOf }).qualified).toBe(false);
    expect(evaluateAssessment(framework, { frameworkId: 'all', criteria: { a: rate('yes'), b: rate('yes') } }, { asOf }).qualified).toBe(true);
  });

  it('does not mutate its input', () => {
    const assessment = { frameworkId: 'bant', criteria: { budget: rate('strong'), need: rate('weak') } };
    const copy = structuredClone(assessment);
    evaluateAssessment(bantFramework, assessment, { asOf });
    expect(assessment).toEqual(copy);
    expect(Object.isFrozen(bantFramework.criteria)).toBe(true);
  });

  it('gives the same verdict in any time zone (dates compared as instants)', () => {
    const verdict = evaluateAssessment(
      bantFramework,
      { frameworkId: 'bant', criteria: { budget: rate('strong', new Date('2025-04-01T23:59:59.999-12:00')) } },
      { asOf: new Date('2025-06-30T00:00:00+14:00') },
    );
    expect(verdict.stale).toEqual([]);
  });

  // Regression (issue 11, time): an Invalid Date asOf made every comparison false, so nothing was ever stale.
  it('takes asOf as a Date or epoch milliseconds, and refuses an invalid one with the one RangeError', () => {
    const assessment = { frameworkId: 'bant', criteria: { budget: rate('strong', new Date('2025-01-01T12:00:00Z')) } };
    expect(evaluateAssessment(bantFramework, assessment, { asOf: asOf.getTime() })).toEqual(evaluateAssessment(bantFramework, assessment, { asOf }));
    for (const invalid of [new Date('nope'), Number.NaN, Number.POSITIVE_INFINITY, 9e15])
      expect(() => evaluateAssessment(bantFramework, assessment, { asOf: invalid })).toThrow(
        new RangeError(`asOf is not a valid instant (got ${invalid instanceof Date ? 'Invalid Date' : String(invalid)}): pass a Date or epoch milliseconds`),
      );
    expect(() => evaluateAssessment(bantFramework, assessment, { asOf, staleAfterDays: Number.NaN })).toThrow(RangeError);
    expect(() => evaluateAssessment(bantFramework, assessment, { asOf, staleAfterDays: 0 })).toThrow(/staleAfterDays must be a number of days greater than 0/);
  });
});
