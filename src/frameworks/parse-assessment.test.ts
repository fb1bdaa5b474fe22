import { describe, expect, it } from 'vitest';
import { bantFramework } from './builtins/bant.ts';
import { meddicFramework } from './builtins/meddic.ts';
import { evaluateAssessment } from './evaluate-assessment.ts';
import { ValidationError } from '../errors.ts';
import { AssessmentDocument, defineAssessment, parseAssessment } from './parse-assessment.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const good = {
  frameworkId: 'bant',
  leadId: 'lead-1',
  criteria: {
    budget: {
      rating: 'strong',
      evidence: 'Approved for Q3',
      quote: 'We have 40k set aside',
      source: 'call',
      confidence: 0.8,
      assessedAt: '2025-06-20T10:00:00+02:00',
      assessedBy: 'rep-7',
    },
    need: { rating: 'developing', assessedAt: '2025-06-21T10:00:00Z' },
  },
};

function problems(result: ReturnType<typeof parseAssessment>): string[] {
  return result.ok ? [] : result.error.issues.map((found) => `${found.pathText}: ${found.message}`);
}

describe('parseAssessment', () => {
  it('reads a valid assessment, with dates as Dates, ready to evaluate', () => {
    const result = parseAssessment(bantFramework, good, { asOf });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.criteria.budget?.assessedAt).toEqual(new Date('2025-06-20T08:00:00Z'));
    expect(evaluateAssessment(bantFramework, result.value, { asOf }).metCount).toBe(1);
  });

  it('reports unknown criterion keys, ratings off the scale and future dates, each with its path', () => {
    const result = parseAssessment(
      bantFramework,
      {
        frameworkId: 'bant',
        criteria: {
          budjet: { rating: 'strong', assessedAt: '2025-06-20T10:00:00Z' },
          budget: { rating: 'huge', assessedAt: '2025-06-20T10:00:00Z' },
          need: { rating: 'strong', assessedAt: '2025-07-01T00:00:00Z' },
        },
      },
      { asOf },
    );
    expect(problems(result)).toEqual([
      'criteria.budget.rating: must be one of "weak", "developing", "strong", not "huge"',
      'criteria.need.assessedAt: is in the future: it must not be after 2025-06-30T00:00:00.000Z (asOf)',
      'criteria.budjet: is not a known field (did you mean "budget"?); known fields: budget, authority, need, timeline',
    ]);
  });

  it('checks numeric scales and the framework id', () => {
    const result = parseAssessment(
      meddicFramework,
      { frameworkId: 'bant', criteria: { metrics: { rating: 3, assessedAt: '2025-06-20T10:00:00Z' } } },
      { asOf },
    );
    expect(problems(result)).toEqual([
      'frameworkId: is "bant", but this is an assessment for "meddic"',
      'criteria.metrics.rating: must be one of 0, 1, 2, not 3',
    ]);
    expect(problems(parseAssessment(meddicFramework, { criteria: {} }, { asOf }))).toEqual(['frameworkId: is required but missing (expected "meddic")']);
  });

  it('refuses dates without a time zone and confidence outside 0–1', () => {
    const result = parseAssessment(
      bantFramework,
      { frameworkId: 'bant', criteria: { need: { rating: 'weak', assessedAt: '2025-06-20 10:00', confidence: 2 } } },
      { asOf },
    );
    expect(result.ok || result.error.issues.map((found) => found.pathText)).toEqual(['criteria.need.confidence', 'criteria.need.assessedAt']);
  });

  it('survives malformed input and prototype keys', () => {
    for (const input of [null, 'x', [], { frameworkId: 'bant', criteria: null }, { frameworkId: 'bant', criteria: [] }])
      expect(parseAssessment(bantFramework, input, { asOf }).ok).toBe(false);
    const polluted = parseAssessment(bantFramework, JSON.parse('{"frameworkId":"bant","criteria":{"__proto__":{"rating":"strong"}}}'), { asOf });
    expect(problems(polluted)).toEqual(['criteria.__proto__: "__proto__" is not allowed as a key']);
    expect(({} as { rating?: string }).rating).toBeUndefined();
  });

  it('does not mutate its input', () => {
    const input = structuredClone(good);
    parseAssessment(bantFramework, input, { asOf });
    expect(input).toEqual(good);
  });

  it('AssessmentDocument accepts any framework’s assessment', () => {
    expect(AssessmentDocument.safeParse(good).success).toBe(true);
    expect(AssessmentDocument.safeParse({ ...good, criteria: { 'not a key': good.criteria.need } }).success).toBe(false);
  });

  // Regression (issue 11, time): an Invalid Date asOf threw "RangeError: Invalid time value" from toISOString.
  it('takes asOf as a Date or epoch milliseconds and refuses an invalid one with the one RangeError', () => {
    expect(parseAssessment(bantFramework, good, { asOf: asOf.getTime() })).toEqual(parseAssessment(bantFramework, good, { asOf }));
    expect(() => parseAssessment(bantFramework, good, { asOf: new Date('nope') })).toThrow(
      new RangeError('asOf is not a valid instant (got Invalid Date): pass a Date or epoch milliseconds'),
    );
  });
});

describe('defineAssessment', () => {
  const assessedAt = new Date('2025-06-20T10:00:00Z');

  it('checks an assessment written in code with the rules of parseAssessment and returns a copy', () => {
    const input = { frameworkId: 'bant', criteria: { budget: { rating: 'strong' as const, assessedAt } } };
    const assessment = defineAssessment(bantFramework, input, { asOf });
    expect(assessment).toEqual(input);
    expect(assessment).not.toBe(input);
    expect(evaluateAssessment(bantFramework, assessment, { asOf }).metCount).toBe(1);
  });

  it('throws a ValidationError naming every problem with its path', () => {
    const bad = {
      frameworkId: 'bant',
      criteria: {
        budget: { rating: 'huge' as 'strong', assessedAt: new Date('2025-07-02T00:00:00Z') },
        need: { rating: 'weak' as const, assessedAt: new Date('x') },
      },
    };
    expect(() => defineAssessment(bantFramework, bad, { asOf })).toThrow(ValidationError);
    expect(() => defineAssessment(bantFramework, bad, { asOf })).toThrow(
      /criteria\.budget\.rating: must be one of[^\n]*\n {2}- criteria\.budget\.assessedAt: is in the future[^\n]*\n {2}- criteria\.need\.assessedAt: is not a valid date/,
    );
  });

  it('does not mutate its input', () => {
    const input = { frameworkId: 'bant', criteria: { need: { rating: 'weak' as const, assessedAt } } };
    const before = structuredClone(input);
    defineAssessment(bantFramework, input, { asOf });
    expect(input).toEqual(before);
  });
});
