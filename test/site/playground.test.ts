/**
 * The playground's logic in Node (the browser test, `npm run test:site`, checks the page itself): the same leadkit
 * results as `npm run demo`, problems with their paths and where they are in the text, schema completion, the
 * shared-link state, the qualification and funnel tabs.
 */
import { readFileSync } from 'node:fs';
import { parser } from '@lezer/json';
import { describe, expect, it } from 'vitest';
import { loadSampleLeads, SAMPLE_AS_OF } from '../../examples/data/load.ts';
import { demoScoringModel } from '../../examples/demo/scoring.ts';
import { compileScoringModel, scoreAll } from '../../src/scoring/index.ts';
import { DEFAULT_AS_OF, defaultState } from '../../docs/.vitepress/playground/defaults.ts';
import { allowedEvents, readFunnel, walkFunnel } from '../../docs/.vitepress/playground/funnel-run.ts';
import { cursorPlace, rangeOfPath } from '../../docs/.vitepress/playground/json-paths.ts';
import { runQualification } from '../../docs/.vitepress/playground/qualification-run.ts';
import { keySuggestions, schemasAt, valueSuggestions, type JsonSchema } from '../../docs/.vitepress/playground/schema-suggestions.ts';
import { explainLead, rankedRow, readLeads, readLeadValues, runScoring } from '../../docs/.vitepress/playground/scoring-run.ts';
import { decodeState, encodeState } from '../../docs/.vitepress/playground/url-state.ts';

const sampleJson: unknown = JSON.parse(readFileSync(new URL('../../examples/data/sample-leads.json', import.meta.url), 'utf8'));
const asOf = new Date(`${DEFAULT_AS_OF}T00:00:00Z`);
const clock = () => 0;
const scoringSchema = JSON.parse(readFileSync(new URL('../../schemas/ScoringModel.json', import.meta.url), 'utf8')) as JsonSchema;

describe('scoring tab', () => {
  const sample = readLeadValues(sampleJson);

  it('opens on the demo model, the sample leads and the demo date, and ranks them as npm run demo does', () => {
    expect(asOf.getTime()).toBe(SAMPLE_AS_OF.getTime());
    expect(sample.problems).toEqual([]);
    expect(sample.leads).toHaveLength(400);
    const run = runScoring(defaultState.model, sample.leads, asOf, clock);
    if (!run.ok) throw new Error(run.problems.map((problem) => problem.message).join('\n'));
    const expected = scoreAll(compileScoringModel(demoScoringModel), loadSampleLeads(), { asOf: SAMPLE_AS_OF });
    expect(run.ranked.map((entry) => [entry.lead.id, entry.result.score])).toEqual(expected.map((entry) => [entry.lead.id, entry.result.score]));
    const counted = Object.values(run.distribution.grades).reduce((sum, count) => sum + count, 0);
    expect(counted + run.distribution.disqualified).toBe(400);
    const top = rankedRow(run.ranked[0]!, sample.leads);
    expect(top.id).toBe(expected[0]!.lead.id);
    expect(top.reasons.length).toBeGreaterThan(0);
    expect(explainLead(run.scorer, run.ranked[0]!.lead, asOf)).toContain(`Score ${Math.round(expected[0]!.result.score * 100) / 100}`);
  });

  it('reports an invalid model with the path of each problem, and locates it in the text', () => {
    const model = JSON.parse(defaultState.model);
    model.rules[1].bands[0].points = 'five';
    delete model.rules[0].label;
    const text = JSON.stringify(model, null, 2);
    const run = runScoring(text, sample.leads, asOf, clock);
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.problems.map((problem) => problem.pathText)).toEqual(expect.arrayContaining(['rules[1].bands[0].points', 'rules[0].label']));
    const points = run.problems.find((problem) => problem.pathText === 'rules[1].bands[0].points')!;
    const range = rangeOfPath(parser.parse(text), text, points.path);
    expect(text.slice(range.from, range.to)).toBe('"five"');
    const label = run.problems.find((problem) => problem.pathText === 'rules[0].label')!;
    const object = rangeOfPath(parser.parse(text), text, label.path);
    expect(text.slice(object.from, object.to).trim()).toBe('{'); // the rule that lacks it, on its first line
  });

  it('reports text that is not JSON at the root', () => {
    const run = runScoring('{ "rules": [', sample.leads, asOf, clock);
    expect(run.ok).toBe(false);
    if (!run.ok) expect(run.problems[0]).toMatchObject({ pathText: '(root)', message: expect.stringContaining('Not valid JSON') });
  });

  it('reads pasted leads, keeping the valid ones and the problems of the others with their index', () => {
    const lead = (sampleJson as unknown[])[0] as Record<string, unknown>;
    const read = readLeads(JSON.stringify([lead, { ...lead, id: '' }, { ...lead, source: 'carrier pigeon' }]));
    expect(read.leads).toHaveLength(1);
    expect(read.count).toBe(3);
    expect(read.problems.map((problem) => problem.pathText)).toEqual(['[1].id', '[2].source']);
  });
});

describe('schema completion', () => {
  const text = '{ "rules": [ { "kind": "values",  } ] }';
  const position = text.indexOf('  }') + 1;

  it('offers the keys of the rule kind written, not those of other kinds or those already there', () => {
    const place = cursorPlace(parser.parse(text), text, position);
    expect(place).toMatchObject({ kind: 'key', path: ['rules', 0] });
    const schemas = schemasAt(scoringSchema, place!.path, (path) => (path.length === 2 ? { kind: 'values' } : undefined));
    const labels = keySuggestions(scoringSchema, schemas, new Set(['kind'])).map((suggestion) => suggestion.label);
    expect(labels).toEqual(expect.arrayContaining(['id', 'label', 'field', 'values']));
    expect(labels).not.toContain('kind');
    expect(labels).not.toContain('bands');
  });

  it('offers the allowed values of a field', () => {
    const valueText = '{ "rules": [ { "kind": ';
    const place = cursorPlace(parser.parse(valueText), valueText, valueText.length);
    expect(place).toMatchObject({ kind: 'value', path: ['rules', 0, 'kind'] });
    const values = valueSuggestions(scoringSchema, schemasAt(scoringSchema, place!.path)).map((suggestion) => suggestion.label);
    expect(values).toEqual(expect.arrayContaining(['"points"', '"values"', '"bands"', '"activity"', '"disqualify"']));
  });
});

describe('shared links', () => {
  it('restore the state they were made from, and an unreadable fragment restores nothing', async () => {
    const state = { ...defaultState, tab: 'funnel' as const, model: defaultState.model.replace('"Target industry"', '"Our industry"'), selectedLead: 'lead-2' };
    const hash = await encodeState(state);
    expect(hash).toMatch(/^s=[A-Za-z0-9_-]+$/);
    expect(await decodeState(`#${hash}`, defaultState)).toEqual(state);
    expect(await decodeState('#s=not-deflate', defaultState)).toBeUndefined();
    expect(await decodeState('', defaultState)).toBeUndefined();
  });
});

describe('qualification tab', () => {
  it('evaluates the default BANT assessment: the verdict, the gaps and the next questions', () => {
    const run = runQualification(defaultState.framework, defaultState.assessment, asOf);
    if (!run.ok) throw new Error(JSON.stringify(run));
    expect(run.verdict.frameworkId).toBe('bant');
    expect(run.verdict.missing).toEqual(['timeline']);
    expect(run.verdict.nextQuestions.map((next) => next.criterion)).toContain('timeline');
    expect(run.verdict.stale.map((entry) => entry.criterion)).toEqual(['need']);
  });

  it('gives the problems of each document with their paths', () => {
    const assessment = JSON.parse(defaultState.assessment);
    assessment.criteria.budget.rating = 'huge';
    const run = runQualification(defaultState.framework, JSON.stringify(assessment), asOf);
    expect(run.ok).toBe(false);
    if (!run.ok) expect(run.assessmentProblems.map((problem) => problem.pathText)).toEqual(['criteria.budget.rating']);
    const framework = runQualification('{"id": 1}', defaultState.assessment, asOf);
    expect(framework.ok).toBe(false);
    if (!framework.ok) expect(framework.frameworkProblems.length).toBeGreaterThan(0);
  });
});

describe('funnel tab', () => {
  it('draws the funnel and walks a record through it, refusing what the funnel refuses', () => {
    const read = readFunnel(defaultState.funnel);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.diagram).toContain('stateDiagram-v2');
    expect(allowedEvents(read.funnel, null).sort()).toEqual(['add_suspect', 'capture']);
    const walk = walkFunnel(read.funnel, [...defaultState.events, { type: 'win', at: '2025-06-11T00:00:00Z' }]);
    expect(walk.stage).toBe('mql');
    expect(walk.history.map((change) => change.to)).toEqual(['lead', 'mql']);
    expect(walk.steps.map((step) => step.ok)).toEqual([true, true, false]);
    expect(walk.allowedEvents).toEqual(expect.arrayContaining(['qualify', 'lose', 'disqualify', 'recycle']));
    expect(walk.effects).toContain('notify_owner');
  });
});
