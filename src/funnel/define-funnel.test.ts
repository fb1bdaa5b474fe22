import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { defineFunnel, parseFunnel } from './define-funnel.ts';
import { FunnelDefinition, type FunnelDefinitionInput } from './funnel-definition.ts';
import { requireFields } from './guards.ts';
import { b2bFunnel, b2bFunnelDefinition } from './presets/b2b.ts';
import { hubspotLifecycleFunnel } from './presets/hubspot.ts';
import { salesforceLeadStatusFunnel } from './presets/salesforce-lead.ts';
import { salesforceOpportunityFunnel } from './presets/salesforce-opportunity.ts';
import { transition } from './transition.ts';

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

function message(input: unknown, guards = {}): string {
  const result = parseFunnel(input, { guards });
  return result.ok ? 'accepted' : result.error.message;
}

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
    expect(codes({ ...minimal, policy: { terminal: ['lead', 'customer', 'lost'] } })).toEqual(expect.arrayContaining(['terminal_has_exit@policy.terminal[0]']));
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
    const guarded = {
      ...minimal,
      transitions: [minimal.transitions[0], { event: 'win', from: ['lead'], to: 'customer', guards: ['has-email'] }, minimal.transitions[2]],
    };
    expect(codes(guarded)).toContain('unknown_guard@transitions[1].guards');
    expect(codes(guarded, { 'has-email': requireFields('contact.email') })).toEqual([]);
    expect(codes({ ...minimal, qualifiedStage: 'sql' })).toContain('unknown_stage@qualifiedStage');
  });

  it('reports schema problems with paths and never throws on malformed input', () => {
    expect(codes({ ...minimal, stages: [{ id: 'lead', label: 'Lead', kind: 'pending' }] })[0]).toBe('invalid_value@stages[0].kind');
    expect(codes({ ...minimal, stages: [{ id: 'lead', label: 'Lead', kind: 'open', probabilty: 0.5 }] })).toContain('unrecognized_keys@stages[0].probabilty');
    expect(codes({ ...minimal, stages: [{ id: 'lead', label: 'Lead', kind: 'open', probability: 2 }] })).toContain('too_big@stages[0].probability');
    for (const input of [null, undefined, 42, 'funnel', [], { id: 'x' }, { stages: {}, transitions: 'no' }]) expect(parseFunnel(input).ok).toBe(false);
  });

  it('is not polluted by __proto__ keys, and such ids work as plain stage ids', () => {
    const polluted = JSON.parse('{"id":"p","__proto__":{"polluted":true},"stages":[],"transitions":[]}');
    expect(parseFunnel(polluted).ok).toBe(false);
    const input = JSON.parse(
      '{"id":"p","stages":[{"id":"__proto__","label":"Proto","kind":"open"},{"id":"constructor","label":"Won","kind":"won"}],"transitions":[{"event":"toString","from":null,"to":"__proto__"},{"event":"hasOwnProperty","from":["__proto__"],"to":"constructor","effects":[{"type":"x","params":{"y":1}}]}]}',
    );
    const result = parseFunnel(input);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.policy.terminal).toEqual(['constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  // Regression (issue 12, item 7): zod dropped a `__proto__` key from an effect's params without a word (where ICP and
  // scoring models report it), so the stored definition and the parsed one differed.
  it('refuses reserved keys anywhere, as the other parses do, and still reports the other problems', () => {
    const text = (params: string) =>
      `{"id":"p","stages":[{"id":"lead","label":"Lead","kind":"open","onEnter":[{"type":"notify","params":${params}}]},{"id":"won","label":"Won","kind":"won"}],"transitions":[{"event":"in","from":null,"to":"lead"},{"event":"win","from":["lead"],"to":"won"}]}`;
    expect(codes(JSON.parse(text('{"__proto__":{"x":1},"channel":"email"}')))).toEqual(['forbidden_key@stages[0].onEnter[0].params.__proto__']);
    expect(codes(JSON.parse(text('{"constructor":"x"}')))).toEqual(['forbidden_key@stages[0].onEnter[0].params.constructor']);
    expect(parseFunnel(JSON.parse(text('{"channel":"email"}'))).ok).toBe(true);
  });

  // Regression (issue 11): the checks across fields ran only once every field was right, so a bad label hid them.
  it('reports the problems across fields together with a field of the wrong type', () => {
    expect(
      codes({
        ...minimal,
        label: 7,
        transitions: [...minimal.transitions, { event: 'win', from: ['lead'], to: 'lost' }, { event: 'x', from: ['ghost'], to: 'lead' }],
      }),
    ).toEqual(['invalid_type@label', 'ambiguous_transition@transitions[3].from[0]', 'unknown_stage@transitions[4].from[0]']);
  });
});

describe('definition problems in words', () => {
  it('names each problem, its stage, event and count', () => {
    const input = {
      ...minimal,
      stages: [...minimal.stages, { id: 'lead', label: 'Again', kind: 'open' }],
      transitions: [
        ...minimal.transitions,
        { event: 'x', from: ['ghost'], to: 'phantom' },
        { event: 'win', from: ['lead'], to: 'lost' },
        { event: 'capture', from: null, to: 'customer' },
        { event: 'touch', from: ['lead'], to: 'lead' },
        { event: 'reopen', from: ['lost'], to: 'lead' },
        { event: 'w', from: ['customer'], to: 'lead', guards: ['g'] },
      ],
      policy: { backwardEvents: ['teleport'], terminal: ['customer', 'lead', 'ghost'] },
      qualifiedStage: 'sql',
    };
    expect(message(input).split('\n')).toEqual([
      'Invalid funnel definition "mini" (14 problems):',
      '  - stages[3].id: stage id "lead" is already used by stages[0]',
      '  - transitions[3].to: goes to the unknown stage "phantom"',
      '  - transitions[3].from[0]: leaves the unknown stage "ghost"',
      '  - transitions[4].from[0]: event "win" from stage "lead" is already defined by transitions[1]',
      '  - transitions[5].event: entry event "capture" is already defined by transitions[0]',
      '  - transitions[6].from[0]: goes from "lead" to itself; a transition must change the stage',
      '  - transitions[7].from[0]: moves backward from "lost" to "lead", but the policy is forward-only and "reopen" is not in policy.backwardEvents',
      '  - transitions[8].guards: uses the guard "g", but no guard of that name was given to defineFunnel (options.guards)',
      '  - transitions[8].from[0]: moves backward from "customer" to "lead", but the policy is forward-only and "w" is not in policy.backwardEvents',
      '  - policy.backwardEvents[0]: names the event "teleport", which no transition uses',
      '  - policy.terminal[0]: stage "customer" is terminal but has 1 outgoing transition(s)',
      '  - policy.terminal[1]: stage "lead" is terminal but has 3 outgoing transition(s)',
      '  - policy.terminal[2]: names the unknown stage "ghost"',
      '  - qualifiedStage: names the unknown stage "sql"',
    ]);
  });

  it('explains dead ends, open terminal stages and unreachable stages, and names a funnel without an id generically', () => {
    const limbo = { ...minimal, stages: [...minimal.stages, { id: 'limbo', label: 'Limbo', kind: 'open' }] };
    expect(message({ ...limbo, transitions: [...minimal.transitions, { event: 'park', from: ['lead'], to: 'limbo' }] })).toBe(
      'Invalid funnel definition "mini" (1 problem):\n  - stages[3]: open stage "limbo" is a dead end: no transition leaves it',
    );
    expect(
      message({
        ...limbo,
        transitions: [...minimal.transitions, { event: 'park', from: ['lead'], to: 'limbo' }],
        policy: { terminal: ['customer', 'lost', 'limbo'] },
      }),
    ).toBe(
      'Invalid funnel definition "mini" (1 problem):\n  - policy.terminal[2]: stage "limbo" is open, so it cannot be terminal; give it kind won, lost or disqualified',
    );
    const disqualified = {
      ...minimal,
      stages: [...minimal.stages, { id: 'dq', label: 'Disqualified', kind: 'disqualified' }],
      transitions: [...minimal.transitions, { event: 'drop', from: ['lead'], to: 'dq' }],
    };
    expect(message({ ...disqualified, policy: { terminal: ['customer', 'lost'] } })).toBe(
      'Invalid funnel definition "mini" (1 problem):\n  - stages[3]: stage "dq" has no outgoing transition but is not listed in policy.terminal',
    );
    expect(
      message({
        stages: [
          { id: 'a', label: 'A', kind: 'open' },
          { id: 'b', label: 'B', kind: 'won' },
        ],
        transitions: [{ event: 'go', from: null, to: 'a' }],
      }),
    ).toBe(
      [
        'Invalid funnel definition (3 problems):',
        '  - id: is required but missing (expected text)',
        '  - stages[0]: open stage "a" is a dead end: no transition leaves it',
        '  - stages[1]: stage "b" is unreachable: no sequence of transitions from an entry event leads to it',
      ].join('\n'),
    );
    expect(message({ ...minimal, transitions: minimal.transitions.slice(1) })).toBe(
      'Invalid funnel definition "mini" (1 problem):\n  - transitions: no entry transition (`from: null`): records without a stage could never enter the funnel',
    );
  });

  it('lists every main-path stage a transition skips, and only those', () => {
    const skipping = {
      id: 'skip',
      stages: [
        { id: 'lead', label: 'Lead', kind: 'open' },
        { id: 'mql', label: 'MQL', kind: 'open' },
        { id: 'nurture', label: 'Nurture', kind: 'open', side: true },
        { id: 'sql', label: 'SQL', kind: 'open' },
        { id: 'customer', label: 'Customer', kind: 'won' },
      ],
      transitions: [
        { event: 'capture', from: null, to: 'lead' },
        { event: 'engage', from: ['lead'], to: 'mql' },
        { event: 'rest', from: ['mql'], to: 'nurture' },
        { event: 'qualify', from: ['mql', 'nurture'], to: 'sql' },
        { event: 'win', from: ['lead', 'mql', 'sql'], to: 'customer' },
      ],
      policy: { allowSkip: false },
    };
    expect(message(skipping).split('\n')).toEqual([
      // mql to sql passes only the side stage nurture: not a skip.
      'Invalid funnel definition "skip" (2 problems):',
      '  - transitions[4].from[0]: skips "mql", "sql" on the way from "lead" to "customer", but policy.allowSkip is false',
      '  - transitions[4].from[1]: skips "sql" on the way from "mql" to "customer", but policy.allowSkip is false',
    ]);
  });

  it('finds a stage unreachable when only another unreachable stage leads to it', () => {
    const input = {
      ...minimal,
      stages: [...minimal.stages, { id: 'island', label: 'Island', kind: 'open' }, { id: 'shore', label: 'Shore', kind: 'won' }],
      transitions: [...minimal.transitions, { event: 'sail', from: ['island'], to: 'shore' }],
    };
    expect(codes(input)).toEqual(['unreachable_stage@stages[3]', 'unreachable_stage@stages[4]']);
    // Reached through a chain of transitions from the entry: accepted.
    expect(codes({ ...input, transitions: [...input.transitions, { event: 'drift', from: ['lead'], to: 'island' }] })).toEqual([]);
    // Without an entry every stage is unreachable, but only the missing entry is reported.
    expect(codes({ ...minimal, transitions: minimal.transitions.slice(1) })).toEqual(['no_entry@transitions']);
  });
});

describe('defineFunnel at run time', () => {
  it("gives each transition its effects and the entered stage's onEnter effects", () => {
    const funnel = defineFunnel({
      ...minimal,
      stages: [minimal.stages[0], { ...minimal.stages[1], onEnter: [{ type: 'welcome' }] }, minimal.stages[2]],
      transitions: [minimal.transitions[0], { ...minimal.transitions[1], effects: [{ type: 'invoice' }] }, minimal.transitions[2]],
    });
    const lead = { id: 'l', stage: 'lead' };
    const won = transition(funnel, lead, { type: 'win', at: new Date('2024-05-01T00:00:00Z') });
    expect(won.ok && won.effects).toEqual([{ type: 'invoice' }, { type: 'welcome' }]);
    const lost = transition(funnel, lead, { type: 'lose', at: new Date('2024-05-01T00:00:00Z') });
    expect(lost.ok && lost.effects).toEqual([]);
  });

  it('freezes every part of the funnel it returns', () => {
    const funnel = defineFunnel({
      ...minimal,
      stages: [{ ...minimal.stages[0], onEnter: [{ type: 'notify', params: { channel: 'email' } }] }, minimal.stages[1], minimal.stages[2]],
    });
    expect(Object.isFrozen(funnel)).toBe(true);
    expect(Object.isFrozen(funnel.stages)).toBe(true);
    expect(Object.isFrozen(funnel.stages[0])).toBe(true);
    expect(Object.isFrozen(funnel.stages[0]?.onEnter?.[0]?.params)).toBe(true);
    expect(Object.isFrozen(funnel.transitions[1]?.from)).toBe(true);
    expect(Object.isFrozen(funnel.policy)).toBe(true);
    expect(Object.isFrozen(funnel.policy.terminal)).toBe(true);
  });

  it('takes as terminal the closed stages that no transition leaves, and keeps an explicit qualified stage', () => {
    const reopening = defineFunnel({
      ...minimal,
      transitions: [...minimal.transitions, { event: 'reopen', from: ['lost'], to: 'lead' }],
      policy: { backwardEvents: ['reopen'] },
    });
    expect(reopening.policy.terminal).toEqual(['customer']);
    expect(defineFunnel({ ...minimal, qualifiedStage: 'customer' }).qualifiedStage).toBe('customer');
    const withSql = {
      ...minimal,
      stages: [...minimal.stages, { id: 'sql', label: 'SQL', kind: 'open' }],
      transitions: [...minimal.transitions, { event: 'qualify', from: ['lead'], to: 'sql' }, { event: 'close', from: ['sql'], to: 'customer' }],
      policy: { forwardOnly: false },
    } as const;
    expect(defineFunnel({ ...withSql, qualifiedStage: null }).qualifiedStage).toBeNull();
  });
});
