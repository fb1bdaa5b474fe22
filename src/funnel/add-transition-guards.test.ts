import { describe, expect, it } from 'vitest';
import { addTransitionGuards } from './add-transition-guards.ts';
import { b2bFunnelDefinition } from './presets/b2b.ts';

const guardsOf = (definition: typeof b2bFunnelDefinition, event: string) =>
  definition.transitions.filter((transition) => transition.event === event).map((transition) => (transition as { guards?: readonly string[] }).guards);

describe('addTransitionGuards', () => {
  it('appends guards by event, once each, and leaves the other transitions as they were', () => {
    const once = addTransitionGuards(b2bFunnelDefinition, { engage: ['score'], qualify: ['bant', 'fit'] });
    expect(guardsOf(once, 'engage')).toEqual([['score']]);
    const twice = addTransitionGuards(once, { engage: ['score', 'owner'] });
    expect(guardsOf(twice, 'engage')).toEqual([['score', 'owner']]);
    expect(guardsOf(twice, 'qualify')).toEqual([['bant', 'fit']]);
    const capture = b2bFunnelDefinition.transitions.find((transition) => transition.event === 'capture');
    expect(twice.transitions.find((transition) => transition.event === 'capture')).toBe(capture);
  });

  it('leaves a transition untouched for an empty list or an inherited key', () => {
    const engage = b2bFunnelDefinition.transitions.find((transition) => transition.event === 'engage');
    const none = addTransitionGuards(b2bFunnelDefinition, { engage: [] });
    expect(none.transitions.find((transition) => transition.event === 'engage')).toBe(engage);
    const inherited = addTransitionGuards(b2bFunnelDefinition, Object.create({ engage: ['score'] }) as Record<string, readonly string[]>);
    expect(inherited.transitions.find((transition) => transition.event === 'engage')).toBe(engage);
  });

  it('does not mutate its input', () => {
    const before = JSON.stringify(b2bFunnelDefinition);
    addTransitionGuards(b2bFunnelDefinition, { engage: ['score'] });
    expect(JSON.stringify(b2bFunnelDefinition)).toBe(before);
  });
});
