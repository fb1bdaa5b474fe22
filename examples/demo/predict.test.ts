import { describe, expect, it } from 'vitest';
import { rocAuc, splitByTime } from '../../src/predict/index.ts';
import { compileScoringModel, defineScoringModel } from '../../src/scoring/index.ts';
import { loadSampleLeads, SAMPLE_AS_OF } from '../data/load.ts';
import { predictDemo } from './predict.ts';
import { demoScoringModel } from './scoring.ts';

describe('predictDemo on the sample', () => {
  const leads = loadSampleLeads();
  const before = structuredClone(leads);
  const lines = predictDemo(leads, SAMPLE_AS_OF);
  const text = lines.join('\n');
  const closed = leads.filter((lead) => lead.outcome !== undefined);
  const { test: newer } = splitByTime(closed, { testFraction: 0.3 });

  it('reports both models ranking won leads above lost ones, better than chance', () => {
    const predictive = /tested on the newest (\d+): ROC AUC (\d\.\d\d)/.exec(text);
    expect(predictive).not.toBeNull();
    expect(Number(predictive![1])).toBe(newer.length);
    expect(Number(predictive![2])).toBeGreaterThan(0.6);

    // The scoring model's AUC, recomputed from the model's own scores as of the demo's asOf.
    const scorer = compileScoringModel(defineScoringModel(demoScoringModel));
    const auc = (group: typeof leads) =>
      rocAuc(
        group.map((lead) => scorer(lead, { asOf: SAMPLE_AS_OF }).score),
        group.map((lead) => lead.outcome?.status === 'won'),
      );
    expect(text).toContain(
      `ROC AUC ${auc(closed).toFixed(2)} over the ${closed.length} closed leads, ${auc(newer).toFixed(2)} over the newest ${newer.length}`,
    );
    expect(auc(closed)).toBeGreaterThan(0.6);
  });

  it('says why: won leads showed more buying signals before their outcome than lost ones', () => {
    const match = /won leads showed (\d+\.\d) buying signals each[^\n]*\n\s+lost leads (\d+\.\d),/.exec(text);
    expect(match).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThan(Number(match![2]));
  });

  it('does not mutate the leads', () => {
    expect(leads).toEqual(before);
  });
});
