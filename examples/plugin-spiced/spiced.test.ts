import { describe, expect, it } from 'vitest';
import {
  bantFramework,
  createFrameworkRegistry,
  evaluateAssessment,
  parseAssessment,
  parseFramework,
  translateAssessment,
} from '../../src/frameworks/index.ts';
import { spicedFramework, spicedPlugin } from './index.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const at = new Date('2025-06-25T10:00:00Z');

describe('the SPICED plugin', () => {
  it('registers once, and a second registration is refused', () => {
    const registry = createFrameworkRegistry({ frameworks: [bantFramework] });
    expect(registry.use(spicedPlugin).ok).toBe(true);
    expect(registry.framework('spiced')).toBe(spicedFramework);
    expect(registry.scale('spiced-signal')?.levels).toHaveLength(4);
    expect(registry.questionBank('spiced-discovery')?.sections.map((section) => section.key)).toEqual([
      'situation',
      'pain',
      'impact',
      'criticalEvent',
      'decision',
    ]);
    const again = registry.use(spicedPlugin);
    expect(again.ok || again.error.code).toBe('duplicate_scale');
  });

  it('qualifies on confirmed pain and critical event with a score of 70', () => {
    const verdict = evaluateAssessment(
      spicedFramework,
      {
        frameworkId: 'spiced',
        criteria: {
          situation: { rating: 'stated', assessedAt: at },
          pain: { rating: 'confirmed', quote: 'We lose a day a week to manual exports', assessedAt: at },
          impact: { rating: 'stated', assessedAt: at },
          criticalEvent: { rating: 'confirmed', evidence: 'Contract with the old vendor ends 30 September', assessedAt: at },
          decision: { rating: 'stated', assessedAt: at },
        },
      },
      { asOf },
    );
    // (2/3 + 2·1 + 2·2/3 + 1 + 2/3) / 7 = 5.67 / 7
    expect(verdict.score).toBe(80.95);
    expect(verdict.qualified).toBe(true);
  });

  it('a hinted pain keeps the lead out whatever the rest', () => {
    const verdict = evaluateAssessment(
      spicedFramework,
      {
        frameworkId: 'spiced',
        criteria: {
          situation: { rating: 'confirmed', assessedAt: at },
          pain: { rating: 'hinted', assessedAt: at },
          impact: { rating: 'confirmed', assessedAt: at },
          criticalEvent: { rating: 'confirmed', assessedAt: at },
          decision: { rating: 'confirmed', assessedAt: at },
        },
      },
      { asOf },
    );
    expect(verdict.qualified).toBe(false);
    expect(verdict.failedGates).toEqual(['pain']);
    expect(verdict.nextQuestions[0]?.question).toBe('What is the biggest problem with how it works today?');
  });

  it('is pre-filled from a BANT assessment through shared concepts', () => {
    const { assessment, unfilled } = translateAssessment(bantFramework, spicedFramework, {
      frameworkId: 'bant',
      criteria: { need: { rating: 'strong', assessedAt: at }, timeline: { rating: 'developing', assessedAt: at } },
    });
    expect(assessment.criteria.pain?.rating).toBe('confirmed');
    expect(assessment.criteria.criticalEvent?.rating).toBe('hinted');
    expect(unfilled).toEqual(['situation', 'impact', 'decision']);
  });

  it('round-trips through JSON and validates assessments against its own scale', () => {
    expect(parseFramework(JSON.parse(JSON.stringify(spicedFramework)))).toEqual({ ok: true, value: spicedFramework });
    const bad = parseAssessment(
      spicedFramework,
      { frameworkId: 'spiced', criteria: { pain: { rating: 'strong', assessedAt: '2025-06-25T10:00:00Z' } } },
      { asOf },
    );
    expect(bad.ok || bad.error.issues[0]?.pathText).toBe('criteria.pain.rating');
  });
});
