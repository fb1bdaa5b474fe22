import { describe, expectTypeOf, it } from 'vitest';
import type { Lead } from '../models/lead.ts';
import type { Prospect } from '../models/prospect.ts';
import { defineFunnel } from './define-funnel.ts';
import { cloudStorageIcp } from '../icp/example-icps.ts';
import { defineFunnelGuard, requireFields, type RecordFieldPath } from './guards.ts';
import { requireIcpFit } from './require-icp-fit.ts';
import type { FunnelGuard } from './types.ts';
import { b2bFunnel } from './presets/b2b.ts';
import { transition } from './transition.ts';
import type { EventTypeOf, StageIdOf } from './types.ts';

declare const lead: Lead;
declare const at: Date;

describe('funnel types', () => {
  it('infers stage ids and event types as literals', () => {
    expectTypeOf<StageIdOf<typeof b2bFunnel>>().toEqualTypeOf<
      'suspect' | 'lead' | 'mql' | 'sql' | 'opportunity' | 'customer' | 'evangelist' | 'nurture' | 'disqualified' | 'lost'
    >();
    expectTypeOf<EventTypeOf<typeof b2bFunnel>>().toEqualTypeOf<
      | 'add_suspect'
      | 'capture'
      | 'show_interest'
      | 'engage'
      | 'qualify'
      | 'open_opportunity'
      | 'win'
      | 'advocate'
      | 'lose'
      | 'disqualify'
      | 'recycle'
      | 'reengage'
      | 'reopen'
    >();
  });

  it('refuses unknown event types at compile time', () => {
    // @ts-expect-error 'promote' is not an event of the B2B funnel
    transition(b2bFunnel, lead, { type: 'promote', at });
  });

  it('gives back the same record type, and a prospect of it', () => {
    type MyLead = Lead & { readonly territory: string };
    const mine = { ...lead, territory: 'EMEA' } as MyLead;
    const result = transition(b2bFunnel, mine, { type: 'qualify', at });
    if (result.ok) {
      expectTypeOf(result.value).toEqualTypeOf<MyLead>();
      expectTypeOf(result.prospect).toEqualTypeOf<Prospect<MyLead> | undefined>();
    }
  });

  it('accepts records that are not leads', () => {
    const deal = { id: 'd1', amount: 5 };
    const result = transition(b2bFunnel, deal, { type: 'capture', at });
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<{ id: string; amount: number }>();
  });

  it('types guards by record, and funnels by their guards', () => {
    expectTypeOf<'contact.email'>().toExtend<RecordFieldPath<Lead>>();
    // @ts-expect-error not a field of Lead
    requireFields('contact.mail');
    const funnel = defineFunnel(
      {
        id: 'guarded',
        stages: [
          { id: 'open', label: 'Open', kind: 'open' },
          { id: 'won', label: 'Won', kind: 'won' },
        ],
        transitions: [
          { event: 'start', from: null, to: 'open' },
          { event: 'win', from: ['open'], to: 'won', guards: ['email'] },
        ],
      },
      { guards: { email: requireFields('contact.email') } },
    );
    transition(funnel, lead, { type: 'win', at });
    // @ts-expect-error the funnel's guards need a Lead
    transition(funnel, { id: 'x' }, { type: 'win', at });
  });

  it('types requireIcpFit guards by lead type', () => {
    expectTypeOf(requireIcpFit(cloudStorageIcp, 60)).toEqualTypeOf<FunnelGuard<Lead>>();
    type OwnedLead = Lead & { readonly territory: string };
    const guard: FunnelGuard<OwnedLead> = requireIcpFit(cloudStorageIcp, 60);
    expectTypeOf(guard.check).parameter(0).toEqualTypeOf<OwnedLead>();
    // @ts-expect-error an ICP guard reads leads, not arbitrary records
    const _wrong: FunnelGuard<{ readonly id: string }> = requireIcpFit(cloudStorageIcp, 60);
  });

  it('takes event.at as a Date or epoch milliseconds, and gives guards a Date', () => {
    transition(b2bFunnel, lead, { type: 'capture', at: 1_714_550_400_000 });
    // @ts-expect-error at is a Date or epoch milliseconds, not text
    transition(b2bFunnel, lead, { type: 'capture', at: '2024-05-01T09:00:00Z' });
    defineFunnelGuard(
      'spy',
      (_record, event) => {
        expectTypeOf(event.at).toEqualTypeOf<Date>();
        return true;
      },
      'never',
    );
  });
});
