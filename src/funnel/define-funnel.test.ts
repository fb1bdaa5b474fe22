import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { defineFunnel, parseFunnel } from './define-funnel.ts';
import { FunnelDefinition, type FunnelDefinitionInput } from './funnel-definition.ts';
import { requireFields } from './guards.ts';
import { b2bFunnel, b2bFunnelDefinition } from './presets/b2b.ts';
import { hubspotLifecycleFunnel } from './presets/hubspot.ts';
import { salesforceLeadStatusFunnel } from './presets/salesforce-lead.ts';
import { salesforceOpportunityFunnel } from './presets/salesforce-opportunity.ts';

const minimal = {
  id: 'mini',
  stages: [
    { id: 'lead', label: 'Lead', kind: 'open' },
    { id: 'customer', label: 'Customer', kind: 'won' },
    { id: 'lost', label: 'Lost', kind: 'lost' },
  ],
  transitions: [
    { event: 'capture', from: null, to: 'lead' },
    { event: 'win', from: ['lead'], to: 'customer' },
    { event: 'lose', from: ['lead'], to: 'lost' },
  ],
} as const satisfies FunnelDefinitionInput;

function codes(input: unknown, guards = {}): string[] {
  const result = parseFunnel(input, { guards });
  if (result.ok) return [];
  return result.error.issues.map((problem) => `${problem.code}@${problem.pathText}`);
}

describe('defineFunnel', () => {
  it('accepts the presets and fills in the policy defaults', () => {
    for (const funnel of [b2bFunnel, hubspotLifecycleFunnel, salesforceLeadStatusFunnel, salesforceOpportunityFunnel])
      expect(funnel.stages.length).toBeGreaterThan(0);
    const funnel = defineFunnel(minimal);
    expect(funnel.policy).toEqual({ forwardOnly: true, backwardEvents: [], allowSkip: true, terminal: ['customer', 'lost'] });
    expect(funnel.qualifiedStage).toBeNull();
  });

  it('defaults the qualified stage to sql when there is one', () => {
    expect(b2bFunnel.qualifiedStage).toBe('sql');
    const withSql = defineFunnel({
      ...minimal,
      stages: [...minimal.stages, { id: 'sql', label: 'SQL', kind: 'open' }],
      transitions: [...minimal.transitions, { event: 'qualify', from: ['lead'], to: 'sql' }, { event: 'close', from: ['sql'], to: 'customer' }],
      policy: { forwardOnly: false },
    });
    expect(withSql.qualifiedStage).toBe('sql');
  });

  it('serialises back to its definition', () => {
    const json = JSON.parse(JSON.stringify(b2bFunnel));
    expect(FunnelDefinition.parse(json)).toEqual(json);
    const again = parseFunnel(json);
    expect(again.ok && JSON.stringify(again.value)).toBe(JSON.stringify(b2bFunnel));
  });

  it('is frozen', () => {
    expect(Object.isFrozen(b2bFunnel)).toBe(true);
    expect(Object.isFrozen(b2bFunnel.stages[0])).toBe(true);
  });

  it('does not mutate its input', () => {
    const input = structuredClone(b2bFunnelDefinition);
    const before = JSON.stringify(input);
    defineFunnel(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(Object.isFrozen(input)).toBe(false);
  });

  it('throws a ValidationError naming every problem', () => {
    const bad = { ...minimal, transitions: [...minimal.transitions, { event: 'win', from: ['nowhere'], to: 'elsewhere' }] };
    expect(() => defineFunnel(bad)).toThrow(ValidationError);
    expect(() => defineFunnel(bad)).toThrow(/unknown stage "elsewhere"[\s\S]*unknown stage "nowhere"/);
  });
});

describe('definition checks', () => {
  it('refuses duplicate stage ids', () => {
    expect(codes({ ...minimal, stages: [...minimal.stages, { id: 'lead', label: 'Again', kind: 'open' }] })).toContain('duplicate_stage@stages[3].id');
  });

  it('refuses transitions to or from unknown stages', () => {
    expect(codes({ ...minimal, transitions: [...minimal.transitions, { event: 'x', from: ['ghost'], to: 'phantom' }] })).toEqual(
      expect.arrayContaining(['unknown_stage@transitions[3].to', 'unknown_stage@transitions[3].from[0]']),
    );
  });

  it('refuses unreachable stages', () => {
    const input = { ...minimal, stages: [...minimal.stages, { id: 'island', label: 'Island', kind: 'won' }] };
    expect(codes(input)).toContain('unreachable_stage@stages[3]');
  });

  it('refuses non-terminal dead ends', () => {
    const input = {
      ...minimal,
      stages: [...minimal.stages, { id: 'limbo', label: 'Limbo', kind: 'open' }],
      transitions: [...minimal.transitions, { event: 'park', from: ['lead'], to: 'limbo' }],
    };
    expect(codes(input)).toContain('dead_end@stages[3]');
    expect(codes({ ...minimal, policy: { terminal: ['customer'] } })).toContain('dead_end@stages[2]');
  });

  it('refuses ambiguous transitions and self transitions', () => {
    expect(codes({ ...minimal, transitions: [...minimal.transitions, { event: 'win', from: ['lead'], to: 'lost' }] })).toContain(
      'ambiguous_transition@transitions[3].from[0]',
    );
    expect(codes({ ...minimal, transitions: [...minimal.transitions, { event: 'capture', from: null, to: 'customer' }] })).toContain(
      'ambiguous_transition@transitions[3].event',
    );
    expect(codes({ ...minimal, transitions: [...minimal.transitions, { event: 'touch', from: ['lead'], to: 'lead' }] })).toContain(
      'self_transition@transitions[3].from[0]',
    );
  });

  it('refuses a funnel without an entry event', () => {
    expect(codes({ ...minimal, transitions: minimal.transitions.slice(1) })).toContain('no_entry@transitions');
  });

  it('refuses a policy that contradicts the transitions', () => {
    const reopen = { ...minimal, transitions: [...minimal.transitions, { event: 'reopen', from: ['lost'], to: 'lead' }] };
    expect(codes(reopen)).toContain('backward_not_allowed@transitions[3].from[0]');
    expect(codes({ ...reopen, policy: { backwardEvents: ['reopen'] } })).toEqual([]);
    expect(codes({ ...reopen, policy: { forwardOnly: false } })).toEqual([]);
    expect(codes({ ...minimal, policy: { backwardEvents: ['teleport'] } })).toContain('unknown_event@policy.backwardEvents[0]');
    expect(codes({ ...minimal, policy: { terminal: ['lead', 'customer', 'lost'] } })).toEqual(
      expect.arrayContaining(['terminal_has_exit@policy.terminal[0]']),
    );
    expect(codes({ ...minimal, policy: { terminal: ['customer', 'lost', 'ghost'] } })).toContain('unknown_stage@policy.terminal[2]');
  });

  it('refuses skips when skipping is off, but not into side or closed stages', () => {
    const skipping = {
      id: 'skip',
      stages: [
        { id: 'lead', label: 'Lead', kind: 'open' },
        { id: 'mql', label: 'MQL', kind: 'open' },
        { id: 'customer', label: 'Customer', kind: 'won' },
        { id: 'nurture', label: 'Nurture', kind: 'open', side: true },
        { id: 'lost', label: 'Lost', kind: 'lost' },
      ],
      transitions: [
        { event: 'capture', from: null, to: 'lead' },
        { event: 'engage', from: ['lead'], to: 'mql' },
        { event: 'win', from: ['lead', 'mql'], to: 'customer' },
        { event: 'recycle', from: ['lead'], to: 'nurture' },
        { event: 'lose', from: ['lead', 'nurture', 'mql'], to: 'lost' },
      ],
      policy: { allowSkip: false },
    };
    expect(codes(skipping)).toEqual(['skip_not_allowed@transitions[2].from[0]']);
    expect(codes({ ...skipping, policy: { allowSkip: true } })).toEqual([]);
  });

  it('refuses guards that were not given and an unknown qualified stage', () => {
    const guarded = { ...minimal, transitions: [minimal.transitions[0], { event: 'win', from: ['lead'], to: 'customer', guards: ['has-email'] }, minimal.transitions[2]] };
    expect(codes(guarded)).toContain('unknown_guard@transitions[1].guards');
    expect(codes(guarded, { 'has-email': requireFields('contact.email') })).toEqual([]);
    expect(codes({ ...minimal, qualifiedStage: 'sql' })).toContain('unknown_stage@qualifiedStage');
  });

  it('reports schema problems with paths and never throws on malformed input', () => {
    expect(codes({ ...minimal, stages: [{ id: 'lead', label: 'Lead', kind: 'pending' }] })[0]).toBe('invalid_value@stages[0].kind');
    expect(codes({ ...minimal, stages: [{ id: 'lead', label: 'Lead', kind: 'open', probabilty: 0.5 }] })).toContain('unrecognized_keys@stages[0]');
    expect(codes({ ...minimal, stages: [{ id: 'lead', label: 'Lead', kind: 'open', probability: 2 }] })).toContain('too_big@stages[0].probability');
    for (const input of [null, undefined, 42, 'funnel', [], { id: 'x' }, { stages: {}, transitions: 'no' }])
      expect(parseFunnel(input).ok).toBe(false);
  });

  it('is not polluted by __proto__ keys, and such ids work as plain stage ids', () => {
    const polluted = JSON.parse('{"id":"p","__proto__":{"polluted":true},"stages":[],"transitions":[]}');
    expect(parseFunnel(polluted).ok).toBe(false);
    const input = JSON.parse(
      '{"id":"p","stages":[{"id":"__proto__","label":"Proto","kind":"open"},{"id":"constructor","label":"Won","kind":"won"}],"transitions":[{"event":"toString","from":null,"to":"__proto__"},{"event":"hasOwnProperty","from":["__proto__"],"to":"constructor","effects":[{"type":"x","params":{"__proto__":{"polluted":true}}}]}]}',
    );
    const result = parseFunnel(input);
    expect(result.ok).toBe(true);
    const params = result.ok ? result.value.transitions[1]?.effects?.[0]?.params : undefined;
    expect(params === undefined || !Object.hasOwn(params, '__proto__')).toBe(true);
    expect(result.ok && result.value.policy.terminal).toEqual(['constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
