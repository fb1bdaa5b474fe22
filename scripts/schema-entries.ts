import type * as z from 'zod/v4';
import * as models from '../src/models/index.ts';

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
  ];
}
