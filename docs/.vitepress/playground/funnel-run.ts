/**
 * The funnel tab's work: read a funnel definition (JSON text), draw it with `toMermaid`, and walk a record through it
 * event by event with `transition`. Pure.
 */
import { parseFunnel, toMermaid, transition, type Funnel, type FunnelRecord } from 'leadkit/funnel';
import type { StageChange } from 'leadkit/models';
import { fromIssues, readJson, type Problem } from './problems.ts';

/** A funnel read from text: the funnel and its diagram, or the problems. */
export type FunnelRead =
  | { readonly ok: false; readonly problems: readonly Problem[] }
  | { readonly ok: true; readonly funnel: Funnel; readonly diagram: string };

/** Parses a funnel definition and draws it. */
export function readFunnel(text: string): FunnelRead {
  const json = readJson(text);
  if (!json.ok) return { ok: false, problems: [json.problem] };
  const parsed = parseFunnel(json.value);
  if (!parsed.ok) return { ok: false, problems: fromIssues(parsed.error.issues) };
  return { ok: true, funnel: parsed.value, diagram: toMermaid(parsed.value) };
}

/** An event of the walk, as kept in the page's state (and its URL). */
export interface WalkEvent {
  readonly type: string;
  /** ISO date-time. */
  readonly at: string;
}

/** The record after the events that were accepted, and the refusal of the last one, if it was refused. */
export interface Walk {
  readonly record: FunnelRecord & { readonly id: string };
  /** The stage the record is in, or `null` before it enters the funnel. */
  readonly stage: string | null;
  readonly history: readonly StageChange[];
  /** The events the funnel allows from the current stage. */
  readonly allowedEvents: readonly string[];
  /** Each event in order: accepted, or the refusal's message. */
  readonly steps: readonly { readonly event: WalkEvent; readonly ok: boolean; readonly message: string }[];
  /** Effects of the accepted events, in order (`notify_owner`, `push_to_crm` …). */
  readonly effects: readonly string[];
}

/** The events a funnel allows from `stage` (`null`: the entry events). */
export function allowedEvents(funnel: Funnel, stage: string | null): string[] {
  const events = funnel.transitions.filter((item) => (stage === null ? item.from === null : item.from?.includes(stage) === true)).map((item) => item.event);
  return [...new Set(events)];
}

/** Walks a new record through the funnel: each event is tried in turn; a refused event leaves the record as it was. */
export function walkFunnel(funnel: Funnel, events: readonly WalkEvent[]): Walk {
  let record: FunnelRecord & { readonly id: string } = { id: 'playground-record' };
  const steps: { event: WalkEvent; ok: boolean; message: string }[] = [];
  const effects: string[] = [];
  for (const event of events) {
    const at = new Date(event.at);
    if (Number.isNaN(at.getTime())) {
      steps.push({ event, ok: false, message: `"${event.at}" is not a date` });
      continue;
    }
    const result = transition(funnel, record, { type: event.type, at });
    if (result.ok) {
      record = result.value;
      steps.push({ event, ok: true, message: `${result.change.from ?? '(new)'} → ${result.change.to}` });
      effects.push(...result.effects.map((effect) => effect.type));
    } else steps.push({ event, ok: false, message: result.error.message });
  }
  const stage = record.stage ?? null;
  return { record, stage, history: record.stageHistory ?? [], allowedEvents: allowedEvents(funnel, stage), steps, effects };
}
