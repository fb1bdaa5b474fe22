import { describe, expect, it } from 'vitest';
import { allGuards, anyGuard, defineFunnelGuard, notGuard, requireFields } from './guards.ts';
import { at, sampleLead } from './funnel.test-fixtures.ts';

const event = { type: 'engage', at: at('2024-05-02T09:00:00Z') };

describe('requireFields', () => {
  it('passes when every field is present and lists the missing ones otherwise', () => {
    const guard = requireFields('contact.email', 'company.industry', 'contact.phone', 'painPoints');
    const lead = sampleLead();
    expect(guard.check(lead, event, {})).toEqual({ passed: false, reason: 'missing contact.phone, painPoints' });
    expect(guard.check({ ...lead, contact: { ...lead.contact, phone: '+1 555' }, painPoints: ['storage'] }, event, {}).passed).toBe(true);
  });

  it('treats blank text, null and empty lists as missing', () => {
    const guard = requireFields('ownerId', 'painPoints');
    expect(guard.check(sampleLead({ ownerId: '  ', painPoints: [] }), event, {}).reason).toBe('missing ownerId, painPoints');
  });

  it('judges text as trim() does, whatever its first character', () => {
    const guard = requireFields('ownerId');
    for (const blank of ['', ' ', '\t\n', '\u00a0', '\u3000 \ufeff']) expect(guard.check(sampleLead({ ownerId: blank }), event, {}).passed).toBe(false);
    for (const text of ['a', ' rep-7', '\u00e9', '\u00a0x', '~', '!']) expect(guard.check(sampleLead({ ownerId: text }), event, {}).passed).toBe(true);
  });

  it('does not read inherited properties', () => {
    const guard = requireFields<Record<string, unknown>>('toString');
    expect(guard.check({}, event, {}).passed).toBe(false);
  });

  it('does not mutate its input', () => {
    const lead = sampleLead();
    const before = structuredClone(lead);
    requireFields('contact.email').check(lead, event, {});
    expect(lead).toEqual(before);
  });
});

describe('guard combinators', () => {
  const yes = defineFunnelGuard('yes', () => true, 'never');
  const no = defineFunnelGuard('no', () => false, 'always fails');
  const why = defineFunnelGuard<{ id: string }>(
    'why',
    () => false,
    (record, seen) => `${record.id} refused at ${seen.at.toISOString()}`,
  );

  it('defineFunnelGuard gives the failure reason, fixed or computed', () => {
    expect(yes.check({}, event, {}).passed).toBe(true);
    expect(no.check({}, event, {})).toEqual({ passed: false, reason: 'always fails' });
    expect(why.check({ id: 'l1' }, event, {}).reason).toBe('l1 refused at 2024-05-02T09:00:00.000Z');
  });

  it('allGuards needs every guard and lists every failure', () => {
    expect(allGuards('all', yes, yes).check({}, event, {}).passed).toBe(true);
    expect(allGuards('all', no, yes, no).check({}, event, {})).toEqual({ passed: false, reason: 'always fails; always fails' });
  });

  it('allGuards merges the evidence of its guards', () => {
    const fit = { name: 'fit', description: 'fit', check: () => ({ passed: true, reason: 'ok', evidence: { score: 70 } }) };
    const verdict = {
      name: 'v',
      description: 'v',
      check: () => ({ passed: true, reason: 'ok', evidence: { verdict: { frameworkId: 'bant', qualified: true, score: 75 } } }),
    };
    expect(allGuards('both', fit, verdict).check({}, event, {}).evidence).toEqual({ score: 70, verdict: { frameworkId: 'bant', qualified: true, score: 75 } });
  });

  it('anyGuard needs one guard', () => {
    expect(anyGuard('any', no, yes).check({}, event, {}).passed).toBe(true);
    expect(anyGuard('any', no, no).check({}, event, {}).reason).toBe('none of these held: always fails; always fails');
  });

  it('allGuards reports evidence from a failing guard too, and passes without allocating', () => {
    const fit = { name: 'fit', description: 'fit', check: () => ({ passed: true, reason: 'ok', evidence: { score: 70 } }) };
    expect(allGuards('mixed', fit, no).check({}, event, {})).toEqual({ passed: false, reason: 'always fails', evidence: { score: 70 } });
    expect(allGuards('none').check({}, event, {})).toEqual({ passed: true, reason: '' });
    const both = allGuards('both', yes, yes);
    expect(both.check({}, event, {})).toBe(both.check({}, event, {}));
  });

  it('notGuard inverts', () => {
    expect(notGuard('not', no, 'x').check({}, event, {})).toEqual({ passed: true, reason: 'always fails' });
    const computed = notGuard('not', why, 'x');
    expect(computed.check({ id: 'a' }, event, {}).reason).toBe('a refused at 2024-05-02T09:00:00.000Z');
    expect(computed.check({ id: 'b' }, event, {}).reason).toBe('b refused at 2024-05-02T09:00:00.000Z');
    expect(notGuard('not', no, 'x').check({}, event, {}).passed).toBe(true);
    expect(notGuard('not', yes, 'must not hold').check({}, event, {})).toEqual({ passed: false, reason: 'must not hold' });
  });
});

describe('guard names and descriptions', () => {
  const no = defineFunnelGuard('no', () => false, 'always fails');
  const computed = defineFunnelGuard(
    'computed',
    () => false,
    () => 'computed reason',
  );

  it('describe what each guard requires', () => {
    expect(no.description).toBe('not: always fails');
    expect(computed.description).toBe('computed');
    expect(defineFunnelGuard('own', () => true, 'x', 'my description').description).toBe('my description');
    const fields = requireFields('contact.email', 'company.name');
    expect([fields.name, fields.description]).toEqual(['require-fields', 'requires contact.email, company.name']);
    expect(fields.check(sampleLead(), event, {})).toEqual({ passed: true, reason: 'requires contact.email, company.name' });
    expect(allGuards('both', no, fields).description).toBe('not: always fails and requires contact.email, company.name');
    expect(anyGuard('either', no, fields).description).toBe('not: always fails or requires contact.email, company.name');
    expect(notGuard('neither', fields, 'x').description).toBe('not: requires contact.email, company.name');
    expect(allGuards('both', computed, no).check({}, event, {})).toEqual({ passed: false, reason: 'computed reason; always fails' });
    expect(anyGuard('none').check({}, event, {})).toEqual({ passed: false, reason: 'none of these held: ' });
  });

  it('allGuards passes with the evidence of every guard, and gives the reason of the failing ones only', () => {
    const no = defineFunnelGuard('no', () => false, 'always fails');
    const fit = { name: 'fit', description: 'fit', check: () => ({ passed: true, reason: 'ok', evidence: { score: 70 } }) };
    const yes = defineFunnelGuard('yes', () => true, 'never');
    expect(allGuards('fit', fit, yes).check({}, event, {})).toEqual({ passed: true, reason: 'fit and not: never', evidence: { score: 70 } });
    expect(allGuards('fit', yes, fit).check({}, event, {})).toEqual({ passed: true, reason: 'not: never and fit', evidence: { score: 70 } });
    expect(allGuards('plain', yes, no).check({}, event, {})).toStrictEqual({ passed: false, reason: 'always fails' });
  });

  it('notGuard keeps its pass while the inner reason stays the same, an empty reason included', () => {
    const inverted = notGuard(
      'not',
      defineFunnelGuard('no', () => false, 'always fails'),
      'x',
    );
    expect(inverted.check({}, event, {})).toBe(inverted.check({}, event, {}));
    expect(
      notGuard(
        'not',
        defineFunnelGuard('silent', () => false, ''),
        'x',
      ).check({}, event, {}),
    ).toEqual({ passed: true, reason: '' });
  });
});

describe('requireFields values', () => {
  it('counts numbers, booleans and objects as present, and null as missing', () => {
    const guard = requireFields('company.employeeCount');
    expect(guard.check(sampleLead({ company: { name: 'Acme', employeeCount: 0 } }), event, {}).passed).toBe(true);
    const flags = requireFields<{ readonly active?: boolean | null; readonly nested?: { readonly x?: number } | null }>('active', 'nested');
    expect(flags.check({ active: false, nested: {} }, event, {}).passed).toBe(true);
    expect(flags.check({ active: null, nested: null }, event, {})).toEqual({ passed: false, reason: 'missing active, nested' });
  });

  it('does not descend into text or null', () => {
    const guard = requireFields<{ readonly a: { readonly length?: number } | string | null }>('a.length');
    expect(guard.check({ a: 'text' }, event, {}).passed).toBe(false);
    expect(guard.check({ a: null }, event, {}).passed).toBe(false);
    expect(guard.check({ a: { length: 3 } }, event, {}).passed).toBe(true);
  });
});
