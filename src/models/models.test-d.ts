import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod/v4';
import type { Activity, ActivityOf } from './activity.ts';
import { Lead, type LeadJson } from './lead.ts';
import type { Money } from './money.ts';
import { toProspect, type Prospect, type Qualification } from './prospect.ts';

declare const lead: Lead;
declare const qualification: Qualification;

describe('Lead and Prospect types', () => {
  it('a Lead is not assignable to a Prospect, not even with a qualification added by hand', () => {
    expectTypeOf<Lead>().not.toExtend<Prospect>();
    expectTypeOf<Lead & { qualification: Qualification }>().not.toExtend<Prospect>();
    expectTypeOf<Prospect>().toExtend<Lead>();
  });

  it('toProspect is the way to get one, and keeps the lead type', () => {
    const result = toProspect(lead, qualification);
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<Prospect<Lead>>();
  });

  it('extended lead types flow through', () => {
    const CrmLead = Lead.extend({ crmId: z.string(), arr: z.number().optional() });
    type CrmLead = z.output<typeof CrmLead>;
    expectTypeOf<CrmLead>().toExtend<Lead>();
    const crmLead = {} as CrmLead;
    const result = toProspect(crmLead, qualification);
    if (result.ok) {
      expectTypeOf(result.value.crmId).toEqualTypeOf<string>();
      expectTypeOf(result.value).toExtend<Prospect<CrmLead>>();
    }
  });

  it('inferred types match the schemas', () => {
    expectTypeOf<Lead['createdAt']>().toEqualTypeOf<Date | undefined>();
    expectTypeOf<LeadJson['createdAt']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Lead['activities']>().toEqualTypeOf<Activity[]>();
    expectTypeOf<Money>().toEqualTypeOf<{ amountMinor: number; currency: string }>();
    expectTypeOf<ActivityOf<'page_viewed'>['url']>().toEqualTypeOf<string>();
    expectTypeOf<ActivityOf<'email_bounced'>['bounce']>().toEqualTypeOf<'hard' | 'soft'>();
    expectTypeOf<Lead['source']>().toExtend<string>();
    expectTypeOf<'carrier_pigeon'>().not.toExtend<Lead['source']>();
  });
});
