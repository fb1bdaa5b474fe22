import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineIcp } from '../icp/define-icp.ts';
import { matchIcp } from '../icp/match-icp.ts';
import { isFreeEmailDomain } from '../internal/free-email-domains.ts';
import { compileSegment } from '../metrics/compile-segment.ts';
import { defineSegment } from '../metrics/segment-definition.ts';
import type { Lead } from '../models/lead.ts';
import { compileScoringModel } from '../scoring/compile.ts';
import { defineScoringModel } from '../scoring/define-scoring-model.ts';
import { arbitraryCondition } from '../testing/arbitrary-condition.ts';
import { arbitraryDate, arbitraryLead } from '../testing/arbitraries.ts';
import { compileCondition, type ConditionOutcome } from './compile-condition.ts';
import type { ConditionJson } from './condition-definition.ts';
import { parseCondition } from './parse-condition.ts';

const DAY = 86_400_000;
const range = { min: new Date('2023-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z') };
const leads = arbitraryLead({ ...range, maxActivities: 8 });
const instants = arbitraryDate(range);

// ---------------------------------------------------------------------------------------------------------------
// A reference reading of the language, written from its documentation only (no code shared with the compiler).
// ---------------------------------------------------------------------------------------------------------------
type Truth = 'matched' | 'missed' | 'unknown';
const missing = (value: unknown): boolean => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

function readField(lead: Lead, path: string, asOfMs: number): unknown {
  if (path === 'stage') {
    const history = lead.stageHistory;
    if ((lead.createdAt as Date).getTime() > asOfMs) return undefined;
    if (history === undefined || history.length === 0) return lead.stage;
    let stage: string | undefined;
    for (const entry of history) if (entry.at.getTime() <= asOfMs) stage = entry.to;
    return stage;
  }
  if (path === 'contact.emailKind') {
    const email = lead.contact.email;
    if (email === undefined || !email.includes('@')) return undefined;
    return isFreeEmailDomain(email.slice(email.lastIndexOf('@') + 1).toLowerCase()) ? 'free' : 'business';
  }
  if (path.startsWith('customFields.')) {
    const name = path.slice('customFields.'.length);
    return lead.customFields !== undefined && Object.hasOwn(lead.customFields, name) ? lead.customFields[name] : undefined;
  }
  let current: unknown = lead;
  for (const part of path.split('.'))
    current = typeof current === 'object' && current !== null && Object.hasOwn(current, part) ? (current as Record<string, unknown>)[part] : undefined;
  return current;
}

function fieldTruth(condition: ConditionJson, value: unknown): Truth {
  if (condition.exists !== undefined) return !missing(value) === condition.exists ? 'matched' : 'missed';
  if (missing(value)) return 'unknown';
  const fold = (text: string) => (condition.caseSensitive === true ? text : text.toLowerCase());
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const verdict = (found: boolean): Truth => (found ? 'matched' : 'missed');
  if (condition.equals !== undefined || condition.in !== undefined) {
    const listed = condition.in ?? [condition.equals];
    if (typeof value === 'object' && !Array.isArray(value)) return 'unknown';
    return verdict(
      items.some((item) => listed.some((entry) => (typeof item === 'string' && typeof entry === 'string' ? fold(item) === fold(entry) : item === entry))),
    );
  }
  if (condition.min !== undefined || condition.max !== undefined) {
    let number: number | undefined;
    if (typeof value === 'number') number = value;
    else if (
      condition.currency !== undefined &&
      typeof value === 'object' &&
      value !== null &&
      (value as { currency?: string }).currency === condition.currency
    )
      number = (value as { amountMinor: number }).amountMinor / ({ USD: 100, EUR: 100, JPY: 1 } as Record<string, number>)[condition.currency]!;
    if (number === undefined) return 'unknown';
    return verdict(number >= (condition.min ?? -Infinity) && number <= (condition.max ?? Infinity));
  }
  const texts = items.filter((item): item is string => typeof item === 'string').map(fold);
  if (texts.length === 0) return 'unknown';
  const needles = (needle: string | readonly string[]) => (typeof needle === 'string' ? [needle] : needle).map(fold);
  if (condition.contains !== undefined) return verdict(texts.some((text) => needles(condition.contains!).some((needle) => text.includes(needle))));
  if (condition.startsWith !== undefined) return verdict(texts.some((text) => needles(condition.startsWith!).some((needle) => text.startsWith(needle))));
  if (condition.endsWith !== undefined) return verdict(texts.some((text) => needles(condition.endsWith!).some((needle) => text.endsWith(needle))));
  const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return verdict(
    texts.some((text) =>
      needles(condition.containsWords!).some((phrase) => {
        const wanted = words(phrase);
        const found = words(text);
        return found.some((_, start) => wanted.every((word, offset) => found[start + offset] === word));
      }),
    ),
  );
}

function activityMatches(filter: NonNullable<ConditionJson['activity']>, activity: Lead['activities'][number]): boolean {
  const types = filter.type === undefined ? undefined : typeof filter.type === 'string' ? [filter.type] : filter.type;
  if (types !== undefined && !types.includes(activity.type)) return false;
  const details = activity as { pageKind?: string; url?: string; bounce?: string; direction?: string };
  if (filter.pageKind !== undefined && details.pageKind !== filter.pageKind) return false;
  if (filter.bounce !== undefined && details.bounce !== filter.bounce) return false;
  if (filter.direction !== undefined && details.direction !== filter.direction) return false;
  if (filter.url !== undefined) {
    if (details.url === undefined) return false;
    const pattern = filter.url.toLowerCase();
    const url = details.url.toLowerCase();
    if (!pattern.includes('*')) return url.startsWith(pattern);
    // The glob as a regular expression (test code only): `*` is any run of characters.
    const regex = new RegExp(
      `^${pattern
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
        .join('.*')}$`,
      's',
    );
    return regex.test(url);
  }
  return true;
}

function reference(condition: ConditionJson, lead: Lead, asOfMs: number): Truth {
  if (condition.all !== undefined) {
    const parts = condition.all.map((part) => reference(part, lead, asOfMs));
    return parts.includes('missed') ? 'missed' : parts.includes('unknown') ? 'unknown' : 'matched';
  }
  if (condition.any !== undefined) {
    const parts = condition.any.map((part) => reference(part, lead, asOfMs));
    return parts.includes('matched') ? 'matched' : parts.includes('unknown') ? 'unknown' : 'missed';
  }
  if (condition.not !== undefined) {
    const inner = reference(condition.not, lead, asOfMs);
    return inner === 'matched' ? 'missed' : inner === 'missed' ? 'matched' : 'unknown';
  }
  if (condition.activity !== undefined) {
    const windowMs = (condition.withinDays ?? Infinity) * DAY;
    const count = lead.activities.filter((activity) => {
      const age = asOfMs - activity.at.getTime();
      return age >= 0 && age <= windowMs && activityMatches(condition.activity!, activity);
    }).length;
    return count >= (condition.atLeast ?? 1) && count <= (condition.atMost ?? Infinity) ? 'matched' : 'missed';
  }
  return fieldTruth(condition, readField(lead, condition.field!, asOfMs));
}

// ---------------------------------------------------------------------------------------------------------------

describe('one condition language', () => {
  it('generated conditions are valid and survive a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(arbitraryCondition(), (condition) => {
        const parsed = parseCondition(JSON.parse(JSON.stringify(condition)));
        expect(parsed.ok ? parsed.value : parsed.error.message).toEqual(condition);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the reference reading: three outcomes, text ignoring case, SQL-like logic for unknown', () => {
    const seen = new Set<ConditionOutcome>();
    fc.assert(
      fc.property(arbitraryCondition(), leads, instants, (condition, lead, asOf) => {
        const outcome = compileCondition(condition).evaluate(lead, { asOf });
        seen.add(outcome);
        expect(outcome).toBe(reference(condition, lead, asOf.getTime()));
      }),
      { numRuns: 1500 },
    );
    expect([...seen].sort()).toEqual(['matched', 'missed', 'unknown']);
  });

  it('gives the same answer through a scoring rule, a gate, an override, a segment and an ICP criterion', () => {
    fc.assert(
      fc.property(arbitraryCondition(), fc.array(leads, { minLength: 1, maxLength: 6 }), instants, (condition, batch, asOf) => {
        const compiled = compileCondition(condition);
        const scorer = compileScoringModel(
          defineScoringModel({
            schemaVersion: 1,
            id: 'parity',
            rules: [
              { kind: 'points', id: 'rule', label: 'Rule', when: condition, points: 1 },
              { kind: 'disqualify', id: 'gate', label: 'Gate', when: condition },
            ],
            grading: {
              bands: { thresholds: [{ band: 'high', min: 100 }], otherwise: 'low' },
              overrides: [{ id: 'override', label: 'Override', when: condition, band: 'high' }],
            },
          }),
        );
        const segment = compileSegment(defineSegment({ id: 'parity', when: condition }));
        const icp = defineIcp({ id: 'parity', criteria: { tested: { when: condition }, anchor: { when: { field: 'id', exists: true } } } });
        // Reused over a batch: a compiled scorer remembers rule outcomes per distinct field value.
        for (const lead of batch) {
          const outcome = compiled.evaluate(lead, { asOf });
          const holds = outcome === 'matched';
          const scored = scorer(lead, { asOf });
          expect(scored.score).toBe(holds ? 1 : 0);
          expect(scorer.scoreValue(lead, asOf)).toBe(holds ? 1 : 0);
          expect(scored.disqualified).toBe(holds);
          expect(scored.band).toBe(holds ? 'high' : 'low');
          expect(segment.matches(lead, { asOf })).toBe(holds);
          expect(compiled.matches(lead, { asOf })).toBe(holds);
          expect(matchIcp(icp, lead, { asOf }).criteria[0]?.status).toBe(outcome);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('not swaps matched and missed and keeps unknown; all and any follow De Morgan', () => {
    fc.assert(
      fc.property(arbitraryCondition({ maxDepth: 2 }), arbitraryCondition({ maxDepth: 2 }), leads, instants, (left, right, lead, asOf) => {
        const outcome = (condition: ConditionJson) => compileCondition(condition).evaluate(lead, { asOf });
        const swap: Record<ConditionOutcome, ConditionOutcome> = { matched: 'missed', missed: 'matched', unknown: 'unknown' };
        expect(outcome({ not: left })).toBe(swap[outcome(left)]);
        expect(outcome({ not: { not: left } })).toBe(outcome(left));
        expect(outcome({ not: { all: [left, right] } })).toBe(outcome({ any: [{ not: left }, { not: right }] }));
        expect(outcome({ not: { any: [left, right] } })).toBe(outcome({ all: [{ not: left }, { not: right }] }));
      }),
      { numRuns: 500 },
    );
  });

  it('explains with the same outcome it evaluates, and never mutates the lead', () => {
    fc.assert(
      fc.property(arbitraryCondition(), leads, instants, (condition, lead, asOf) => {
        const before = structuredClone(lead);
        const compiled = compileCondition(condition);
        expect(compiled.explain(lead, { asOf }).outcome).toBe(compiled.evaluate(lead, { asOf }));
        expect(lead).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});
