import { describe, expectTypeOf, it } from 'vitest';
import type { Lead } from '../models/lead.ts';
import type { Prospect, QualificationVerdict } from '../models/prospect.ts';
import type { Result } from '../result.ts';
import type { Assessment } from './assessment.ts';
import { bantFramework } from './builtins/bant.ts';
import { meddicFramework } from './builtins/meddic.ts';
import type { meddpiccFramework } from './builtins/meddpicc.ts';
import { defineFramework, type CriterionKey, type FrameworkRatingValue } from './define-framework.ts';
import { evaluateAssessment, type FrameworkVerdict, type QualifyingVerdict } from './evaluate-assessment.ts';
import { extendFramework } from './extend-framework.ts';
import { defineAssessment, parseAssessment } from './parse-assessment.ts';
import { prospectFromVerdict, qualifyLead, type QualificationRefusal } from './qualify-lead.ts';
import { redAmberGreenScale } from './scales.ts';
import { translateAssessment } from './translate-assessment.ts';

declare const lead: Lead;
declare const asOf: Date;
declare const bantAssessment: Assessment<CriterionKey<typeof bantFramework>, FrameworkRatingValue<typeof bantFramework>>;

describe('framework types', () => {
  it('infers criterion keys and rating values as literal types', () => {
    expectTypeOf<CriterionKey<typeof bantFramework>>().toEqualTypeOf<'budget' | 'authority' | 'need' | 'timeline'>();
    expectTypeOf<FrameworkRatingValue<typeof bantFramework>>().toEqualTypeOf<'weak' | 'developing' | 'strong'>();
    expectTypeOf<FrameworkRatingValue<typeof meddicFramework>>().toEqualTypeOf<0 | 1 | 2>();
    expectTypeOf<CriterionKey<typeof meddpiccFramework>>().toEqualTypeOf<
      'metrics' | 'economicBuyer' | 'decisionCriteria' | 'decisionProcess' | 'identifyPain' | 'champion' | 'paperProcess' | 'competition'
    >();
  });

  it('makes a misspelt criterion or an off-scale rating a type error', () => {
    // @ts-expect-error budjet is not a BANT criterion
    bantAssessment.criteria.budjet;
    // @ts-expect-error budjet is not a BANT criterion
    evaluateAssessment(bantFramework, { frameworkId: 'bant', criteria: { budjet: { rating: 'strong', assessedAt: asOf } } }, { asOf });
    // @ts-expect-error 3 is not on MEDDIC's 0–2 scale
    evaluateAssessment(meddicFramework, { frameworkId: 'meddic', criteria: { metrics: { rating: 3, assessedAt: asOf } } }, { asOf });
    const parsed = parseAssessment(bantFramework, {}, { asOf });
    if (parsed.ok)
      expectTypeOf(parsed.value.criteria.budget).toEqualTypeOf<import('./assessment.ts').CriterionRating<'weak' | 'developing' | 'strong'> | undefined>();
  });

  it('keeps literal keys through extendFramework', () => {
    const ours = extendFramework(bantFramework, {
      id: 'ours',
      remove: ['need'],
      rename: { timeline: 'timing' },
      add: [{ key: 'fit', label: 'Fit' }],
      scale: redAmberGreenScale,
    });
    expectTypeOf<CriterionKey<typeof ours>>().toEqualTypeOf<'budget' | 'authority' | 'timing' | 'fit'>();
    expectTypeOf<FrameworkRatingValue<typeof ours>>().toEqualTypeOf<'red' | 'amber' | 'green'>();
    // @ts-expect-error champion is not a BANT criterion
    extendFramework(bantFramework, { id: 'x', remove: ['champion'] });
  });

  it('gives a verdict that satisfies QualificationVerdict, narrowed by qualified', () => {
    const verdict = evaluateAssessment(bantFramework, bantAssessment, { asOf });
    expectTypeOf(verdict).toEqualTypeOf<FrameworkVerdict<'budget' | 'authority' | 'need' | 'timeline'>>();
    expectTypeOf(verdict).toExtend<QualificationVerdict>();
    expectTypeOf(verdict.missing).toEqualTypeOf<readonly ('budget' | 'authority' | 'need' | 'timeline')[]>();
    if (verdict.qualified) expectTypeOf(verdict).toEqualTypeOf<QualifyingVerdict<'budget' | 'authority' | 'need' | 'timeline'>>();
  });

  it('a Lead is not a Prospect; only a qualifying verdict yields one', () => {
    expectTypeOf<Lead>().not.toExtend<Prospect>();
    expectTypeOf<Lead & { qualification: { verdict: QualificationVerdict; qualifiedAt: Date; qualifiedBy: string } }>().not.toExtend<Prospect>();
    const verdict = evaluateAssessment(bantFramework, bantAssessment, { asOf });
    // @ts-expect-error the verdict may not qualify: narrow on verdict.qualified first
    prospectFromVerdict(lead, verdict, { at: asOf, by: 'rep-7' });
    if (verdict.qualified)
      expectTypeOf(prospectFromVerdict(lead, verdict, { at: asOf, by: 'rep-7' })).toEqualTypeOf<
        Result<Prospect<Lead>, import('../errors.ts').ValidationError>
      >();
    expectTypeOf(qualifyLead(bantFramework, lead, bantAssessment, { asOf, by: 'rep-7' })).toEqualTypeOf<
      Result<Prospect<Lead>, QualificationRefusal<'budget' | 'authority' | 'need' | 'timeline'>>
    >();
  });

  it('keeps the lead type through qualifyLead', () => {
    type MyLead = Lead & { readonly territory: 'emea' | 'amer' };
    const mine = lead as MyLead;
    const result = qualifyLead(bantFramework, mine, bantAssessment, { asOf, by: 'rep-7' });
    if (result.ok) expectTypeOf(result.value.territory).toEqualTypeOf<'emea' | 'amer'>();
  });

  it('types translated assessments by the target framework', () => {
    const { assessment, unfilled } = translateAssessment(bantFramework, meddicFramework, bantAssessment);
    expectTypeOf(assessment).toEqualTypeOf<Assessment<CriterionKey<typeof meddicFramework>, 0 | 1 | 2>>();
    expectTypeOf(unfilled).toEqualTypeOf<readonly CriterionKey<typeof meddicFramework>[]>();
    // @ts-expect-error mapping keys must be target criteria
    translateAssessment(bantFramework, meddicFramework, bantAssessment, { mapping: { budget: 'budget' } });
  });

  it('defineFramework infers literal keys from inline criteria', () => {
    const inline = defineFramework({
      id: 'x',
      name: 'X',
      scale: redAmberGreenScale,
      criteria: [
        { key: 'alpha', label: 'A' },
        { key: 'beta', label: 'B' },
      ],
    });
    expectTypeOf<CriterionKey<typeof inline>>().toEqualTypeOf<'alpha' | 'beta'>();
  });

  it('checks assessments written in code with defineAssessment, and takes asOf as a Date or epoch milliseconds', () => {
    expectTypeOf(defineAssessment(bantFramework, bantAssessment, { asOf: 0 })).toEqualTypeOf<typeof bantAssessment>();
    // @ts-expect-error budjet is not a BANT criterion
    defineAssessment(bantFramework, { frameworkId: 'bant', criteria: { budjet: { rating: 'strong', assessedAt: asOf } } }, { asOf });
    expectTypeOf(evaluateAssessment(bantFramework, bantAssessment, { asOf: asOf.getTime() })).toEqualTypeOf<
      FrameworkVerdict<CriterionKey<typeof bantFramework>>
    >();
    // @ts-expect-error asOf is a Date or epoch milliseconds, not text
    evaluateAssessment(bantFramework, bantAssessment, { asOf: '2025-06-30' });
    // @ts-expect-error the framework comes first, the lead second
    qualifyLead(lead, bantFramework, bantAssessment, { asOf, by: 'rep-7' });
  });
});
