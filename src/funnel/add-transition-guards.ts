import type { FunnelDefinitionInput } from './funnel-definition.ts';
import type { DefinitionEventType } from './types.ts';

/**
 * Adds guard names to the transitions of some events of a definition, returning a new definition (the input is
 * not changed). Use it to put guards on a preset; bind the names to guard values with `defineFunnel`'s `guards`
 * option. Literal stage ids and event types are kept.
 *
 * @example
 * ```ts
 * const assessments = new Map<string, Assessment<'budget' | 'authority' | 'need' | 'timeline', 'weak' | 'developing' | 'strong'>>();
 * const funnel = defineFunnel(addTransitionGuards(b2bFunnelDefinition, { qualify: ['icp-fit', 'bant'], engage: ['has-email'] }), {
 *   guards: {
 *     'icp-fit': requireIcpFit(cloudStorageIcp, 60),
 *     bant: requireQualified(bantFramework, (lead: Lead) => assessments.get(lead.id)),
 *     'has-email': requireFields('contact.email'),
 *   },
 * });
 * ```
 */
export function addTransitionGuards<const D extends FunnelDefinitionInput>(
  definition: D,
  guardsByEvent: Readonly<Partial<Record<DefinitionEventType<D>, readonly string[]>>>,
): D {
  return {
    ...definition,
    transitions: definition.transitions.map((transition) => {
      const extra = Object.hasOwn(guardsByEvent, transition.event)
        ? (guardsByEvent as Readonly<Record<string, readonly string[] | undefined>>)[transition.event]
        : undefined;
      if (extra === undefined || extra.length === 0) return transition;
      return { ...transition, guards: [...(transition.guards ?? []), ...extra.filter((name) => !transition.guards?.includes(name))] };
    }),
  };
}
