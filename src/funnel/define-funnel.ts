import * as z from 'zod/v4';
import { type ValidationError, issue, type ValidationIssue } from '../errors.ts';
import { RESERVED_KEYS } from '../internal/inspect-input.ts';
import { Id } from '../models/text.ts';
import { parseWith } from '../parse.ts';
import { ok, type Result } from '../result.ts';
import { compiledFunnel, type BoundGuard, type CompiledFunnel, type CompiledTransition } from './compiled.ts';
import { FunnelDefinition, FunnelStageKind, type FunnelDefinitionInput, type FunnelEffect, type FunnelStageDefinition } from './funnel-definition.ts';
import type { DefinitionEventType, DefinitionStageId, Funnel, FunnelGuard, FunnelRecord } from './types.ts';

/** Options of {@link defineFunnel} and {@link parseFunnel}. */
export interface DefineFunnelOptions<R = FunnelRecord> {
  /**
   * The guard values, by the names the transitions' `guards` lists use. A definition is plain data; guards are code,
   * so they are bound here. A name used by a transition but missing here is a definition error.
   */
  readonly guards?: Readonly<Record<string, FunnelGuard<R>>>;
}

const isMainPath = (stage: FunnelStageDefinition): boolean => (stage.kind === 'open' || stage.kind === 'won') && stage.side !== true;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Every cross-field problem of a parsed definition, each with its path. */
function checkDefinition(definition: FunnelDefinition, guards: Readonly<Record<string, unknown>>): ValidationIssue[] {
  const problems: ValidationIssue[] = [];
  const { stages, transitions, policy } = definition;

  const stageIndex = new Map<string, number>();
  stages.forEach((stage, index) => {
    const first = stageIndex.get(stage.id);
    if (first === undefined) stageIndex.set(stage.id, index);
    else problems.push(issue(['stages', index, 'id'], `stage id ${JSON.stringify(stage.id)} is already used by stages[${first}]`, 'duplicate_stage'));
  });
  const known = (id: string): boolean => stageIndex.has(id);

  const exits = new Map<string, number>();
  const seen = new Map<string, number>();
  const eventTypes = new Set<string>();
  let hasEntry = false;
  transitions.forEach((transition, index) => {
    eventTypes.add(transition.event);
    const toKnown = known(transition.to);
    if (!toKnown) problems.push(issue(['transitions', index, 'to'], `goes to the unknown stage ${JSON.stringify(transition.to)}`, 'unknown_stage'));
    for (const name of transition.guards ?? [])
      if (!Object.hasOwn(guards, name))
        problems.push(
          issue(
            ['transitions', index, 'guards'],
            `uses the guard ${JSON.stringify(name)}, but no guard of that name was given to defineFunnel (options.guards)`,
            'unknown_guard',
          ),
        );
    if (transition.from === null) {
      hasEntry = true;
      const key = `\u0000${transition.event}`;
      const previous = seen.get(key);
      if (previous !== undefined)
        problems.push(
          issue(
            ['transitions', index, 'event'],
            `entry event ${JSON.stringify(transition.event)} is already defined by transitions[${previous}]`,
            'ambiguous_transition',
          ),
        );
      else seen.set(key, index);
      return;
    }
    transition.from.forEach((from, fromIndex) => {
      const path = ['transitions', index, 'from', fromIndex];
      if (!known(from)) {
        problems.push(issue(path, `leaves the unknown stage ${JSON.stringify(from)}`, 'unknown_stage'));
        return;
      }
      const key = `${from}\u0000${transition.event}`;
      const previous = seen.get(key);
      if (previous !== undefined) {
        problems.push(
          issue(
            path,
            `event ${JSON.stringify(transition.event)} from stage ${JSON.stringify(from)} is already defined by transitions[${previous}]`,
            'ambiguous_transition',
          ),
        );
        return;
      }
      seen.set(key, index);
      exits.set(from, (exits.get(from) ?? 0) + 1);
      if (!toKnown) return;
      if (from === transition.to) {
        problems.push(issue(path, `goes from ${JSON.stringify(from)} to itself; a transition must change the stage`, 'self_transition'));
        return;
      }
      const fromPosition = stageIndex.get(from) as number;
      const toPosition = stageIndex.get(transition.to) as number;
      if (policy.forwardOnly && toPosition < fromPosition && !policy.backwardEvents.includes(transition.event))
        problems.push(
          issue(
            path,
            `moves backward from ${JSON.stringify(from)} to ${JSON.stringify(transition.to)}, but the policy is forward-only and ${JSON.stringify(transition.event)} is not in policy.backwardEvents`,
            'backward_not_allowed',
          ),
        );
      const fromStage = stages[fromPosition] as FunnelStageDefinition;
      const toStage = stages[toPosition] as FunnelStageDefinition;
      if (!policy.allowSkip && toPosition > fromPosition + 1 && isMainPath(fromStage) && isMainPath(toStage)) {
        const skipped = stages.slice(fromPosition + 1, toPosition).filter(isMainPath);
        if (skipped.length > 0)
          problems.push(
            issue(
              path,
              `skips ${skipped.map((stage) => JSON.stringify(stage.id)).join(', ')} on the way from ${JSON.stringify(from)} to ${JSON.stringify(transition.to)}, but policy.allowSkip is false`,
              'skip_not_allowed',
            ),
          );
      }
    });
  });
  if (!hasEntry) problems.push(issue(['transitions'], 'no entry transition (`from: null`): records without a stage could never enter the funnel', 'no_entry'));

  policy.backwardEvents.forEach((event, index) => {
    if (!eventTypes.has(event))
      problems.push(issue(['policy', 'backwardEvents', index], `names the event ${JSON.stringify(event)}, which no transition uses`, 'unknown_event'));
  });

  const terminal = new Set<string>();
  if (policy.terminal === undefined) {
    for (const stage of stages) if (stage.kind !== 'open' && !exits.has(stage.id)) terminal.add(stage.id);
  } else {
    policy.terminal.forEach((id, index) => {
      const path = ['policy', 'terminal', index];
      const position = stageIndex.get(id);
      if (position === undefined) problems.push(issue(path, `names the unknown stage ${JSON.stringify(id)}`, 'unknown_stage'));
      else if (exits.has(id))
        problems.push(issue(path, `stage ${JSON.stringify(id)} is terminal but has ${exits.get(id)} outgoing transition(s)`, 'terminal_has_exit'));
      else if ((stages[position] as FunnelStageDefinition).kind === 'open')
        problems.push(issue(path, `stage ${JSON.stringify(id)} is open, so it cannot be terminal; give it kind won, lost or disqualified`, 'open_terminal'));
      terminal.add(id);
    });
  }
  stages.forEach((stage, index) => {
    if (!terminal.has(stage.id) && !exits.has(stage.id))
      problems.push(
        issue(
          ['stages', index],
          stage.kind === 'open'
            ? `open stage ${JSON.stringify(stage.id)} is a dead end: no transition leaves it`
            : `stage ${JSON.stringify(stage.id)} has no outgoing transition but is not listed in policy.terminal`,
          'dead_end',
        ),
      );
  });

  // Reachability: a breadth-first walk from the entry transitions.
  const reached = new Set<string>();
  const queue: string[] = [];
  for (const transition of transitions)
    if (transition.from === null && known(transition.to) && !reached.has(transition.to)) {
      reached.add(transition.to);
      queue.push(transition.to);
    }
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head] as string;
    for (const transition of transitions)
      if (transition.from?.includes(current) && known(transition.to) && !reached.has(transition.to)) {
        reached.add(transition.to);
        queue.push(transition.to);
      }
  }
  if (hasEntry)
    stages.forEach((stage, index) => {
      if (!reached.has(stage.id) && stageIndex.get(stage.id) === index)
        problems.push(
          issue(
            ['stages', index],
            `stage ${JSON.stringify(stage.id)} is unreachable: no sequence of transitions from an entry event leads to it`,
            'unreachable_stage',
          ),
        );
    });

  if (typeof definition.qualifiedStage === 'string' && !known(definition.qualifiedStage))
    problems.push(issue(['qualifiedStage'], `names the unknown stage ${JSON.stringify(definition.qualifiedStage)}`, 'unknown_stage'));
  return problems;
}

function compile<R>(
  definition: FunnelDefinition,
  guards: Readonly<Record<string, FunnelGuard<R>>>,
  terminal: ReadonlySet<string>,
  qualifiedStage: string | null,
): CompiledFunnel<R> {
  const stageById = new Map(definition.stages.map((stage) => [stage.id, stage]));
  const entry = new Map<string, CompiledTransition<R>>();
  const byStage = new Map<string, Map<string, CompiledTransition<R>>>(definition.stages.map((stage) => [stage.id, new Map()]));
  for (const transition of definition.transitions) {
    const bound: BoundGuard<R>[] = (transition.guards ?? []).map((name) => ({ name, guard: guards[name] as FunnelGuard<R> }));
    const effects: FunnelEffect[] = [...(transition.effects ?? []), ...(stageById.get(transition.to)?.onEnter ?? [])];
    const make = (from: string | null): CompiledTransition<R> =>
      Object.freeze({
        event: transition.event,
        from,
        to: transition.to,
        guards: Object.freeze(bound),
        effects: Object.freeze(effects),
        qualifies: transition.to === qualifiedStage,
      });
    if (transition.from === null) entry.set(transition.event, make(null));
    else for (const from of transition.from) byStage.get(from)?.set(transition.event, make(from));
  }
  return { entry, byStage, terminal, qualifiedBy: `funnel:${definition.id}` };
}

/** Fills the defaults of a checked definition, freezes it and compiles its lookup tables. */
function build<R>(parsed: FunnelDefinition, guards: Readonly<Record<string, FunnelGuard<R>>>): Funnel<string, string, R> {
  const exits = new Set(parsed.transitions.flatMap((transition) => transition.from ?? []));
  const terminal = parsed.policy.terminal ?? parsed.stages.filter((stage) => stage.kind !== 'open' && !exits.has(stage.id)).map((stage) => stage.id);
  const qualifiedStage = parsed.qualifiedStage === undefined ? (parsed.stages.some((stage) => stage.id === 'sql') ? 'sql' : null) : parsed.qualifiedStage;
  const definition = deepFreeze({ ...parsed, policy: { ...parsed.policy, terminal }, qualifiedStage });
  const compiled = compile(definition, guards, new Set(terminal), qualifiedStage);
  const funnel = { ...definition, [compiledFunnel]: compiled } as unknown as Funnel<string, string, R>;
  return Object.freeze(funnel);
}

/**
 * The parts of a definition the cross-field checks read (stage ids and kinds, transitions, policy, qualified
 * stage), so that they run, and their problems are reported, even when another part (a label, an effect) is wrong.
 */
const FunnelSkeleton = z.object({
  stages: z.array(z.object({ id: Id, kind: FunnelStageKind, side: z.boolean().optional() })),
  transitions: z.array(z.object({ event: Id, from: z.array(Id).nullable(), to: Id, guards: z.array(Id).optional() })),
  policy: z
    .object({
      forwardOnly: z.boolean().default(true),
      backwardEvents: z.array(Id).default([]),
      allowSkip: z.boolean().default(true),
      terminal: z.array(Id).optional(),
    })
    .default({ forwardOnly: true, backwardEvents: [], allowSkip: true }),
  qualifiedStage: Id.nullable().optional(),
});

/**
 * Validates a funnel definition from untrusted JSON (a database, an API) and compiles it. Never throws on bad data:
 * the error lists every problem at once, each with its path: fields of the wrong type, a `__proto__` key anywhere
 * (it would otherwise be dropped from an effect's `params` without a word), duplicate stage ids, transitions to or
 * from unknown stages, ambiguous transitions, unreachable stages, non-terminal dead ends, a missing entry event, and a
 * policy that contradicts the transitions (backward moves in a forward-only funnel, skips when skipping is off,
 * terminal stages with exits). The checks across fields run whenever the stages, transitions and policy have the
 * right shape, even if a label or an effect does not. Stage ids and events are plain `string`s; use
 * {@link defineFunnel} for literal types.
 *
 * @example
 * ```ts
 * const result = parseFunnel(JSON.parse(stored), { guards: { 'has-email': requireFields('contact.email') } });
 * if (!result.ok) console.error(result.error.message);
 * ```
 */
export function parseFunnel<R = FunnelRecord>(input: unknown, options: DefineFunnelOptions<R> = {}): Result<Funnel<string, string, R>, ValidationError> {
  const guards = options.guards ?? {};
  const id = typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined;
  const parsed = parseWith(FunnelDefinition, input, typeof id === 'string' ? `funnel definition ${JSON.stringify(id)}` : 'funnel definition', {
    forbiddenKeys: RESERVED_KEYS,
    check: (definition) => checkDefinition(definition, guards),
    checkInput: (raw) => {
      const skeleton = FunnelSkeleton.safeParse(raw);
      return skeleton.success ? checkDefinition(skeleton.data as FunnelDefinition, guards) : [];
    },
  });
  return parsed.ok ? ok(build(parsed.value, guards)) : parsed;
}

/**
 * Checks and compiles a funnel definition written in code, inferring its stage ids and event types as literal
 * types. The definition is plain data (see {@link FunnelDefinition}); guards, which are code, are bound by name
 * through `options.guards`. The result is frozen and can be shared.
 *
 * @throws {ValidationError} when the definition is invalid (a programmer error for a definition in code); the error
 * names every problem with its path. Use {@link parseFunnel} for definitions read at run time.
 *
 * @example
 * ```ts
 * const funnel = defineFunnel({
 *   id: 'simple',
 *   stages: [
 *     { id: 'lead', label: 'Lead', kind: 'open' },
 *     { id: 'customer', label: 'Customer', kind: 'won' },
 *     { id: 'lost', label: 'Lost', kind: 'lost' },
 *   ],
 *   transitions: [
 *     { event: 'capture', from: null, to: 'lead' },
 *     { event: 'win', from: ['lead'], to: 'customer', guards: ['has-email'] },
 *     { event: 'lose', from: ['lead'], to: 'lost' },
 *   ],
 * }, { guards: { 'has-email': requireFields('contact.email') } });
 * // funnel: Funnel<'lead' | 'customer' | 'lost', 'capture' | 'win' | 'lose', Lead>
 * ```
 */
export function defineFunnel<const D extends FunnelDefinitionInput, R = FunnelRecord>(
  definition: D,
  options: DefineFunnelOptions<R> = {},
): Funnel<DefinitionStageId<D>, DefinitionEventType<D>, R> {
  const result = parseFunnel(definition, options);
  if (!result.ok) throw result.error;
  return result.value as unknown as Funnel<DefinitionStageId<D>, DefinitionEventType<D>, R>;
}
