import { issue, ValidationError } from '../errors.ts';
import { builtinFrameworks } from '../frameworks/builtins/all.ts';
import { parseFramework, parseQuestionBank, parseRatingScale } from '../frameworks/framework-definition.ts';
import { parseAssessment } from '../frameworks/parse-assessment.ts';
import { parseFunnel } from '../funnel/define-funnel.ts';
import { parseIcp } from '../icp/define-icp.ts';
import { parseMapping } from '../import/parse-mapping.ts';
import { parseSegment } from '../metrics/segment-definition.ts';
import { parseLead } from '../models/documents.ts';
import { parseFeatureSpec } from '../predict/parse-feature-spec.ts';
import { parsePredictiveModel } from '../predict/parse-predictive-model.ts';
import { err, type Result } from '../result.ts';
import { parseScoringModel } from '../scoring/define-scoring-model.ts';
import { parseSqlMapping } from '../sql/parse-sql-mapping.ts';

/** One kind of leadkit definition `leadkit check` knows: its name, what it is called, how to tell it and how to parse it. */
interface DefinitionKind {
  readonly kind: string;
  readonly what: string;
  /** Whether a JSON object looks like this kind (by its distinctive keys). */
  readonly looksLike: (value: Record<string, unknown>) => boolean;
  readonly parse: (input: unknown, asOf: Date) => Result<unknown, ValidationError>;
}

const has = (value: Record<string, unknown>, ...keys: string[]): boolean => keys.every((key) => Object.hasOwn(value, key));

/** The kinds, most specific first: the first whose keys match is the one a file is taken to be. */
export const DEFINITION_KINDS: readonly DefinitionKind[] = [
  {
    kind: 'trained-model',
    what: 'trained predictive model',
    looksLike: (value) => value.format === 'leadkit.predictive-model',
    parse: (input) => parsePredictiveModel(input),
  },
  { kind: 'scoring-model', what: 'scoring model', looksLike: (value) => has(value, 'rules'), parse: (input) => parseScoringModel(input) },
  { kind: 'funnel', what: 'funnel', looksLike: (value) => has(value, 'stages'), parse: (input) => parseFunnel(input) },
  { kind: 'mapping', what: 'import mapping', looksLike: (value) => has(value, 'columns'), parse: (input) => parseMapping(input) },
  { kind: 'sql-mapping', what: 'SQL mapping', looksLike: (value) => has(value, 'leads') && !has(value, 'id'), parse: (input) => parseSqlMapping(input) },
  { kind: 'feature-spec', what: 'feature spec', looksLike: (value) => has(value, 'features'), parse: (input) => parseFeatureSpec(input) },
  {
    kind: 'assessment',
    what: 'assessment',
    looksLike: (value) => has(value, 'frameworkId', 'criteria'),
    parse: (input, asOf) => {
      const frameworkId = (input as { frameworkId?: unknown }).frameworkId;
      const framework = builtinFrameworks.find((candidate) => candidate.id === frameworkId);
      if (framework === undefined)
        return err(
          new ValidationError('assessment', [
            issue(
              ['frameworkId'],
              `is not a built-in framework (${builtinFrameworks.map((item) => item.id).join(', ')}): check the assessment with "leadkit qualify FILE --framework framework.json"`,
              'unknown_framework',
            ),
          ]),
        );
      return parseAssessment(framework, input, { asOf });
    },
  },
  { kind: 'framework', what: 'qualification framework', looksLike: (value) => has(value, 'criteria', 'scale'), parse: (input) => parseFramework(input) },
  { kind: 'icp', what: 'ICP', looksLike: (value) => has(value, 'criteria'), parse: (input) => parseIcp(input) },
  { kind: 'segment', what: 'segment', looksLike: (value) => has(value, 'when'), parse: (input) => parseSegment(input) },
  { kind: 'scale', what: 'rating scale', looksLike: (value) => has(value, 'levels'), parse: (input) => parseRatingScale(input) },
  { kind: 'question-bank', what: 'question bank', looksLike: (value) => has(value, 'sections'), parse: (input) => parseQuestionBank(input) },
  { kind: 'lead', what: 'lead', looksLike: (value) => has(value, 'contact'), parse: (input) => parseLead(input) },
];

/** The kind a JSON value looks like, or `undefined`. */
export function detectDefinitionKind(value: unknown): DefinitionKind | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return DEFINITION_KINDS.find((candidate) => candidate.looksLike(value as Record<string, unknown>));
}
