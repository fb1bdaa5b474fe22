import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod/v4';
import type { ValidationError } from '../errors.ts';
import { Lead } from '../models/lead.ts';
import type { Result } from '../result.ts';
import { clampScorer, maxScorers, minScorers, normalizeScorer, sumScorers, weightScorers } from './combinators.ts';
import { compileScoringModel, type CompiledScorer } from './compile.ts';
import { contribution } from './contribution.ts';
import { defineScoringModel, parseScoringModel, scoringModelToJson } from './define-scoring-model.ts';
import { explainScore, topReasons } from './explain.ts';
import { disqualifyWhen, pointsWhen } from './points-when.ts';
import type { ConditionJson } from '../conditions/condition-definition.ts';
import type { FieldPathText } from '../conditions/field-path.ts';
import type { ScoringModel, ScoringModelJson } from './scoring-model-definition.ts';
import { rankLeadIndices, scoreAll, type RankedLead } from './score-all.ts';
import type { LeadScore, ScoreContribution, ScoreOptions, ScoreResult, Scorer } from './types.ts';

declare const lead: Lead;
declare const asOf: Date;

const TieredLead = Lead.extend({ plan: z.enum(['free', 'pro']) });
type TieredLead = z.output<typeof TieredLead>;
declare const tiered: TieredLead;
declare const tieredLeads: readonly TieredLead[];

const model = defineScoringModel({
  schemaVersion: 1,
  id: 'typed',
  rules: [
    { kind: 'points', id: 'target-industry', label: 'Target industry', when: { field: 'company.industry', in: ['software'] }, points: 10 },
    {
      kind: 'activity',
      id: 'pricing',
      label: 'Pricing page',
      activity: { type: 'page_viewed', pageKind: 'pricing' },
      points: 5,
      decay: { kind: 'halfLife', days: 30 },
    },
    { kind: 'disqualify', id: 'student', label: 'Student', when: { field: 'contact.seniority', equals: 'student' } },
  ],
  grading: { bands: { thresholds: [{ band: 'hot', min: 50, salesReady: true }], otherwise: 'cold' } },
});

// A user-written scorer on an extended lead type: a plain function returning the shared result shape.
const proPlan: Scorer<TieredLead> = (item) => {
  const points = item.plan === 'pro' ? 15 : 0;
  return { score: points, contributions: points === 0 ? [] : [contribution({ ruleId: 'pro-plan', label: 'Pro plan', points })], disqualifications: [] };
};

describe('scoring model JSON types', () => {
  it('keeps rule ids and kinds as literal types', () => {
    expectTypeOf(model.id).toEqualTypeOf<'typed'>();
    expectTypeOf(model.rules[0].id).toEqualTypeOf<'target-industry'>();
    expectTypeOf(model.rules[1].kind).toEqualTypeOf<'activity'>();
    expectTypeOf(model).toExtend<ScoringModelJson>();
  });

  it('types conditions, decay, fields and activity matches in code', () => {
    expectTypeOf<ScoringModelJson['rules'][number]>().toExtend<{ readonly kind: 'points' | 'values' | 'bands' | 'activity' | 'disqualify' }>();
    expectTypeOf<Extract<ScoringModelJson['rules'][number], { kind: 'points' }>['when']>().toEqualTypeOf<ConditionJson>();
    expectTypeOf<Extract<ScoringModelJson['rules'][number], { kind: 'values' }>['field']>().toEqualTypeOf<FieldPathText>();
    expectTypeOf<'company.industry'>().toExtend<FieldPathText>();
    // @ts-expect-error `between` is not a rule kind
    defineScoringModel({ schemaVersion: 1, id: 'x', rules: [{ kind: 'between', id: 'a', label: 'A' }] });
    defineScoringModel({
      schemaVersion: 1,
      id: 'x',
      // @ts-expect-error `min` takes a number
      rules: [{ kind: 'points', id: 'a', label: 'A', when: { field: 'company.employeeCount', min: '5' }, points: 1 }],
    });
    // A field of an extended lead is accepted by the types; the lead schema given to `defineScoringModel` checks it.
    defineScoringModel(
      { schemaVersion: 1, id: 'x', rules: [{ kind: 'points', id: 'a', label: 'A', when: { field: 'plan', equals: 'pro' }, points: 1 }] },
      { lead: TieredLead },
    );
    // @ts-expect-error `fax_sent` is not an activity type
    defineScoringModel({ schemaVersion: 1, id: 'x', rules: [{ kind: 'activity', id: 'a', label: 'A', activity: { type: 'fax_sent' }, points: 1 }] });
    defineScoringModel({
      schemaVersion: 1,
      id: 'x',
      // @ts-expect-error `exponential` is not a decay kind
      rules: [{ kind: 'activity', id: 'a', label: 'A', activity: { type: 'call' }, points: 1, decay: { kind: 'exponential', days: 3 } }],
    });
    defineScoringModel({
      schemaVersion: 1,
      id: 'x',
      // @ts-expect-error points must be a number
      rules: [{ kind: 'points', id: 'a', label: 'A', when: { field: 'source', equals: 'referral' }, points: '10' }],
    });
    // Custom fields are addressed as `customFields.<name>`.
    defineScoringModel({
      schemaVersion: 1,
      id: 'x',
      rules: [{ kind: 'points', id: 'a', label: 'A', when: { field: 'customFields.tier', equals: 'gold' }, points: 1 }],
    });
  });

  it('parses unknown input to a Result and round-trips to JSON', () => {
    expectTypeOf(parseScoringModel).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseScoringModel({})).toEqualTypeOf<Result<ScoringModel, ValidationError>>();
    expectTypeOf(compileScoringModel).parameter(0).toEqualTypeOf<ScoringModel>();
    expectTypeOf(compileScoringModel(model)).toEqualTypeOf<CompiledScorer>();
    expectTypeOf(compileScoringModel<TieredLead>(model, { lead: TieredLead })).toEqualTypeOf<CompiledScorer<TieredLead>>();
    expectTypeOf(scoringModelToJson(model)).toEqualTypeOf<ScoringModelJson>();
    const parsed = parseScoringModel(JSON.parse('{}') as unknown);
    if (parsed.ok) expectTypeOf(scoringModelToJson(parsed.value)).toEqualTypeOf<ScoringModelJson>();
  });
});

describe('scorer composition', () => {
  const compiled = compileScoringModel(defineScoringModel(model));

  it('gives a compiled model the full result and the number-only path', () => {
    expectTypeOf(compiled(lead, { asOf })).toEqualTypeOf<LeadScore>();
    expectTypeOf(compiled.scoreValue(lead, asOf)).toEqualTypeOf<number>();
    expectTypeOf(compiled.scoreValue).parameter(1).toEqualTypeOf<Date | number>();
    expectTypeOf(compiled).toExtend<Scorer>();
    expectTypeOf(compiled).toExtend<Scorer<TieredLead>>();
    expectTypeOf(explainScore(compiled(lead, { asOf }))).toEqualTypeOf<string>();
    expectTypeOf(topReasons(compiled(lead, { asOf }), 3)).toEqualTypeOf<ScoreContribution[]>();
    // @ts-expect-error asOf is required
    compiled(lead, {});
  });

  it('composes user-written and built-in scorers on the user lead type', () => {
    expectTypeOf(sumScorers(compiled, proPlan)).toEqualTypeOf<Scorer<TieredLead>>();
    expectTypeOf(
      weightScorers([
        [compiled, 2],
        [proPlan, 0.5],
      ] as const),
    ).toEqualTypeOf<Scorer<TieredLead>>();
    expectTypeOf(maxScorers<TieredLead>(compiled, proPlan)).toEqualTypeOf<Scorer<TieredLead>>();
    expectTypeOf(minScorers<TieredLead>(compiled, proPlan)).toEqualTypeOf<Scorer<TieredLead>>();
    expectTypeOf(clampScorer(sumScorers(compiled, proPlan), { cap: 100 })).toEqualTypeOf<Scorer<TieredLead>>();
    expectTypeOf(normalizeScorer(proPlan, 40)).toEqualTypeOf<Scorer<TieredLead>>();
    expectTypeOf(sumScorers(compiled, proPlan)(tiered, { asOf })).toEqualTypeOf<ScoreResult>();
    expectTypeOf(sumScorers(compiled)).toEqualTypeOf<Scorer<Lead>>();
    // @ts-expect-error a scorer of tiered leads cannot score a plain lead
    sumScorers(compiled, proPlan)(lead, { asOf });
    // @ts-expect-error a user scorer must return the whole result shape (disqualifications missing)
    sumScorers<Lead>(() => ({ score: 1, contributions: [] }));
    // @ts-expect-error the options carry `asOf`, not a bare date
    sumScorers<Lead>((_lead: Lead, _options: Date) => ({ score: 0, contributions: [], disqualifications: [] }));
    expectTypeOf<Parameters<Scorer>[1]>().toEqualTypeOf<ScoreOptions>();
  });
});

describe('batch scoring', () => {
  const compiled = compileScoringModel(defineScoringModel(model));

  it('lets the lead type and the result type flow through scoreAll', () => {
    const ranked = scoreAll(compiled, tieredLeads, { asOf });
    expectTypeOf(ranked).toEqualTypeOf<RankedLead<TieredLead, LeadScore>[]>();
    expectTypeOf(ranked[0]!.lead.plan).toEqualTypeOf<'free' | 'pro'>();
    expectTypeOf(ranked[0]!.result.grade).toEqualTypeOf<string | undefined>();
    expectTypeOf(ranked[0]!.rank).toEqualTypeOf<number>();
    expectTypeOf(scoreAll(proPlan, tieredLeads, { asOf })).toEqualTypeOf<RankedLead<TieredLead, ScoreResult>[]>();
    expectTypeOf(scoreAll(sumScorers(compiled, proPlan), tieredLeads, { asOf })[0]!.lead).toEqualTypeOf<TieredLead>();
    expectTypeOf(rankLeadIndices(compiled, tieredLeads, { asOf })).toEqualTypeOf<Uint32Array>();
    // @ts-expect-error a scorer of tiered leads cannot rank plain leads
    scoreAll(proPlan, [lead], { asOf });
    // @ts-expect-error asOf is required
    scoreAll(compiled, tieredLeads, {});
  });
});

describe('pointsWhen and disqualifyWhen', () => {
  it('type the lead of the test from the scorer they make, so extended leads flow through', () => {
    const pro = pointsWhen<TieredLead>({ id: 'pro', label: 'Pro plan', points: 5, when: (candidate) => candidate.plan === 'pro' });
    expectTypeOf(pro).toEqualTypeOf<Scorer<TieredLead>>();
    const free = disqualifyWhen<TieredLead>({
      id: 'free',
      label: 'Free plan',
      when: (candidate, options) => candidate.plan === 'free' && options.asOf.getTime() > 0,
    });
    expectTypeOf(sumScorers(pro, free)(tiered, { asOf })).toEqualTypeOf<ScoreResult>();
    // @ts-expect-error a plain lead has no plan
    pointsWhen({ id: 'x', label: 'X', points: 1, when: (candidate) => candidate.plan === 'pro' });
  });
});
