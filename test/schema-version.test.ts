/**
 * Every stored document carries (or defaults) `schemaVersion`; a document written by a newer leadkit is refused with
 * a message that says so, instead of being misread.
 */
import { describe, expect, it } from 'vitest';
import { demoScoringModel } from '../examples/demo/scoring.ts';
import { bantFramework, parseFramework, parseQuestionBank, parseRatingScale, spinQuestionBank, weakDevelopingStrongScale } from '../src/frameworks/index.ts';
import { hubspotLifecycleDefinition, parseFunnel } from '../src/funnel/index.ts';
import { cloudStorageIcp, parseIcp } from '../src/icp/index.ts';
import { parseSegment } from '../src/metrics/index.ts';
import { parseFeatureSpec } from '../src/predict/index.ts';
import { parseScoringModel } from '../src/scoring/index.ts';
import type { Result } from '../src/models/index.ts';

const segment = { id: 'executives', when: { field: 'contact.seniority', in: ['vp', 'c_level'] } };
const featureSpec = { features: [{ kind: 'categorical', name: 'industry', from: 'company.industry' }] };
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

type Parse = (input: unknown) => Result<unknown, { issues: readonly { pathText: string; message: string }[] }>;
// The scoring model requires its version (the model format is explicit about it); the others default to 1.
const documents: [string, Record<string, unknown>, Parse, { versionRequired?: boolean }?][] = [
  ['ICP definition', json(cloudStorageIcp), parseIcp],
  ['scoring model', json(demoScoringModel), parseScoringModel, { versionRequired: true }],
  ['framework', json(bantFramework), (input) => parseFramework(input)],
  ['rating scale', json(weakDevelopingStrongScale), parseRatingScale],
  ['question bank', json(spinQuestionBank), parseQuestionBank],
  ['funnel', json(hubspotLifecycleDefinition), (input) => parseFunnel(input)],
  ['segment', segment, (input) => parseSegment(input)],
  ['feature spec', featureSpec, parseFeatureSpec],
];

describe('schemaVersion on stored documents', () => {
  for (const [name, document, parse, options] of documents) {
    it(`${name}: reads version 1, ${options?.versionRequired ? 'requires the version' : 'reads a document without a version as 1'}, refuses a newer version`, () => {
      const { schemaVersion: _, ...withoutVersion } = document;
      expect(parse(withoutVersion).ok).toBe(!options?.versionRequired);
      expect(parse({ ...withoutVersion, schemaVersion: 1 }).ok).toBe(true);
      const newer = parse({ ...withoutVersion, schemaVersion: 2 });
      expect(newer.ok).toBe(false);
      if (!newer.ok) expect(newer.error.issues.find((issue) => issue.pathText === 'schemaVersion')?.message).toMatch(/reads version 1/);
    });
  }
});
