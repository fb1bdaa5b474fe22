import type * as z from 'zod/v4';
import * as conditions from '../src/conditions/index.ts';
import * as frameworks from '../src/frameworks/index.ts';
import * as funnel from '../src/funnel/index.ts';
import * as icp from '../src/icp/index.ts';
import * as importEntry from '../src/import/index.ts';
import * as metrics from '../src/metrics/index.ts';
import * as models from '../src/models/index.ts';
import * as predict from '../src/predict/index.ts';
import * as scoring from '../src/scoring/index.ts';
import * as sql from '../src/sql/index.ts';

/** One published JSON Schema: the file name (without .json), the zod schema and a one-line description. */
export interface SchemaEntry {
  readonly name: string;
  readonly schema: z.ZodType;
  readonly description: string;
}

/** Every schema published in schemas/. Add storable definitions here as entry points gain them. */
export async function schemaEntries(): Promise<SchemaEntry[]> {
  return [
    { name: 'Lead', schema: models.Lead, description: 'A B2B sales lead: a person (and company) who has shown interest, not yet qualified.' },
    { name: 'Prospect', schema: models.ProspectDocument, description: 'A qualified lead with the qualification that made it a prospect.' },
    { name: 'Company', schema: models.Company, description: 'An organisation and its firmographics.' },
    { name: 'Contact', schema: models.Contact, description: 'A person at a lead or prospect.' },
    { name: 'Activity', schema: models.Activity, description: 'One engagement event, discriminated by type.' },
    { name: 'Money', schema: models.Money, description: 'An amount of money: integer minor units (or a decimal string) and an ISO 4217 currency.' },
    { name: 'Outcome', schema: models.Outcome, description: 'How a lead ended: won or lost, when, for how much.' },
    { name: 'StageChange', schema: models.StageChange, description: 'One entry of a record’s funnel history.' },
    { name: 'Consent', schema: models.Consent, description: 'What a person has agreed to or refused.' },
    { name: 'Qualification', schema: models.Qualification, description: 'The evidence that made a lead a prospect.' },
    {
      name: 'Condition',
      schema: conditions.Condition,
      description: 'A condition on a lead, in the one condition language of scoring rules, segments and ICP criteria.',
    },
    {
      name: 'IcpDefinition',
      schema: icp.IcpDefinition,
      description: 'An Ideal Customer Profile: weighted, required and excluding criteria over company, contact and intent.',
    },
    { name: 'ScoringModel', schema: scoring.ScoringModel, description: 'A declarative lead scoring model: rules, decay, caps, groups and grades.' },
    {
      name: 'FrameworkDefinition',
      schema: frameworks.FrameworkDefinition,
      description: 'A qualification framework (BANT, MEDDIC, …): criteria, questions, scale and qualification rule.',
    },
    {
      name: 'RatingScaleDefinition',
      schema: frameworks.RatingScaleDefinition,
      description: 'A rating scale for framework criteria (0–2, 1–5, red/amber/green, …).',
    },
    {
      name: 'QuestionBankDefinition',
      schema: frameworks.QuestionBankDefinition,
      description: 'A question bank such as SPIN: questions grouped by stage, no scorecard.',
    },
    { name: 'Assessment', schema: frameworks.AssessmentDocument, description: 'One team’s ratings of one lead against one framework, with evidence.' },
    { name: 'FunnelDefinition', schema: funnel.FunnelDefinition, description: 'A sales funnel: stages, transitions, guards by name, policy and effects.' },
    {
      name: 'SegmentDefinition',
      schema: metrics.SegmentDefinition,
      description: 'A segment of leads as plain data: id, label, category and the condition a lead must meet.',
    },
    { name: 'FeatureSpec', schema: predict.FeatureSpec, description: 'How a lead is turned into inputs of a predictive model.' },
    {
      name: 'ImportMapping',
      schema: importEntry.ImportMapping,
      description:
        'How flat records (CSV rows, API property bags) become leads: columns, steps, missing markers, time zone, activities and stage history from columns.',
    },
    {
      name: 'SqlMapping',
      schema: sql.SqlMapping,
      description:
        'Where leadkit finds leads in a database: the leads table and the column (or list, or amount) of each field, the activities table and the stage history.',
    },
    { name: 'PredictiveModel', schema: predict.PredictiveModel, description: 'A trained predictive model (naive Bayes or logistic regression) as data.' },
  ];
}
