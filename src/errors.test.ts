import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { describeReceived, fromZodIssues, humanizeZodIssue, issue, MAX_REPORTED_ISSUES, showValue, ValidationError } from './errors.ts';

/** The issues of a failed parse, in leadkit's words. */
function problems(schema: z.ZodType, input: unknown): { path: string; message: string; code: string }[] {
  // As leadkit's parse functions do: the input is reported, so messages can show it.
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) throw new Error('expected the parse to fail');
  return fromZodIssues(parsed.error.issues).map((found) => ({ path: found.pathText, message: found.message, code: found.code }));
}

describe('ValidationError', () => {
  it('keeps the first 100 issues, lists the first 20 in its message and counts the rest', () => {
    const issues = Array.from({ length: 150 }, (_, index) => issue(['rows', index], `problem ${index}`));
    const error = new ValidationError('lead file', issues);
    expect(error.issues).toHaveLength(MAX_REPORTED_ISSUES);
    expect(error.issues[99]?.pathText).toBe('rows[99]');
    expect(error.issueCount).toBe(150);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('Invalid lead file (150 problems):');
    expect(lines[1]).toBe('  - rows[0]: problem 0');
    expect(lines[20]).toBe('  - rows[19]: problem 19');
    expect(lines[21]).toBe('  … and 130 more');
    expect(lines).toHaveLength(22);
  });

  it('says "1 problem" for one issue and counts issues given by issueCount beyond the list', () => {
    expect(new ValidationError('ICP definition', [issue([], 'bad')]).message).toBe('Invalid ICP definition (1 problem):\n  - (root): bad');
    const cut = new ValidationError('lead', [issue(['id'], 'bad')], 2500);
    expect(cut.issueCount).toBe(2500);
    expect(cut.message).toBe('Invalid lead (2,500 problems):\n  - id: bad\n  … and 2,499 more');
  });
});

describe('showValue', () => {
  it('names every kind of value without printing objects', () => {
    expect(showValue(-0)).toBe('-0');
    expect(showValue(Number.NaN)).toBe('NaN');
    expect(showValue(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
    expect(showValue(12n)).toBe('12n');
    expect(showValue(10n ** 50n)).toBe('a big integer');
    expect(showValue(false)).toBe('false');
    expect(showValue(undefined)).toBe('nothing');
    expect(showValue(Symbol('x'))).toBe('a symbol');
    expect(showValue(() => 1)).toBe('a function');
    expect(showValue(null)).toBe('null');
    expect(showValue(new Date('2024-05-01T09:30:00Z'))).toBe('2024-05-01T09:30:00.000Z');
    expect(showValue(new Date(Number.NaN))).toBe('an invalid date');
    expect(showValue(Array.from({ length: 1200 }))).toBe('a list of 1,200');
    expect(showValue({ a: 1 })).toBe('an object');
    expect(showValue('x'.repeat(1000))).toBe(`"${'x'.repeat(57)}"… (1,000 characters)`);
    expect(showValue('a"b')).toBe('"a\\"b"');
  });
});

describe('describeReceived', () => {
  it('says what was received in words', () => {
    expect(describeReceived(undefined)).toBe('nothing (the field is missing)');
    expect(describeReceived(null)).toBe('null');
    expect(describeReceived([1])).toBe('a list');
    expect(describeReceived(new Date(0))).toBe('a date');
    expect(describeReceived(Number.NaN)).toBe('NaN');
    expect(describeReceived(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(describeReceived(12)).toBe('a number (12)');
    expect(describeReceived('x')).toBe('text ("x")');
    expect(describeReceived(true)).toBe('true or false');
    expect(describeReceived({})).toBe('an object');
    expect(describeReceived(3n)).toBe('a big integer');
    expect(describeReceived(Symbol('s'))).toBe('symbol');
  });
});

describe('fromZodIssues', () => {
  it('words type problems, with the expected type named even when zod has no name for it', () => {
    expect(problems(z.object({ at: z.date() }), { at: 'soon' })).toEqual([{ path: 'at', message: 'is not a valid date', code: 'invalid_type' }]);
    expect(problems(z.object({ n: z.number() }), { n: 'x' })).toEqual([{ path: 'n', message: 'must be a number, not text ("x")', code: 'invalid_type' }]);
    expect(problems(z.object({ s: z.symbol() }), {})).toEqual([{ path: 's', message: 'is required but missing (expected symbol)', code: 'invalid_type' }]);
  });

  it('does not call a value missing when the parse did not report its input', () => {
    const parsed = z.object({ n: z.number(), at: z.date() }).safeParse({ n: 'x', at: 'soon' });
    if (parsed.success) throw new Error('expected the parse to fail');
    expect(fromZodIssues(parsed.error.issues).map((found) => [found.pathText, found.message])).toEqual([
      ['n', 'must be a number'],
      ['at', 'is not a valid date'],
    ]);
  });

  it('words limits on dates, strict limits and multiples', () => {
    const floor = new Date('2024-01-01T00:00:00Z');
    const [onOrAfter] = problems(z.date().min(floor), new Date('2023-01-01T00:00:00Z'));
    expect(onOrAfter?.message).toMatch(/^must be on or after /);
    const [onOrBefore] = problems(z.date().max(floor), new Date('2025-01-01T00:00:00Z'));
    expect(onOrBefore?.message).toMatch(/^must be on or before /);
    expect(problems(z.number().gt(5), 5)[0]?.message).toBe('must be greater than 5');
    expect(problems(z.number().lt(5), 5)[0]?.message).toBe('must be less than 5');
    expect(problems(z.number().min(5), 4)[0]?.message).toBe('must be at least 5');
    expect(problems(z.number().max(5), 6)[0]?.message).toBe('must be at most 5');
    expect(problems(z.array(z.string()).min(1), [])[0]?.message).toBe('must have at least 1 item');
    expect(problems(z.array(z.string()).max(2), ['a', 'b', 'c'])[0]?.message).toBe('must have at most 2 items');
    expect(problems(z.number().multipleOf(5), 7)).toEqual([{ path: '(root)', message: 'must be a multiple of 5', code: 'not_multiple_of' }]);
  });

  it('words text formats: date, URL, regex and others', () => {
    expect(problems(z.iso.date(), '2024-02-30')[0]?.message).toBe('"2024-02-30" is not a real calendar date (YYYY-MM-DD)');
    expect(problems(z.url(), 'not a url')[0]?.message).toBe('"not a url" is not a valid URL');
    expect(problems(z.string().regex(/^a+$/), 'b')[0]?.message).toBe('"b" has the wrong format');
    expect(problems(z.uuid(), 'nope')[0]?.message).toBe('"nope" is not a valid uuid');
    expect(problems(z.email(), 'nope')[0]?.message).toBe('"nope" is not a valid e-mail address');
  });

  it('reports several unknown keys together, and one without a known shape without a list', () => {
    expect(problems(z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 })).toEqual([
      { path: '(root)', message: 'has unknown fields "b", "c"', code: 'unrecognized_keys' },
    ]);
    const many = z.strictObject(Object.fromEntries(Array.from({ length: 13 }, (_, index) => [`field${index}`, z.string().optional()])));
    expect(problems(many, { field99: 1 })).toEqual([{ path: 'field99', message: 'is not a known field', code: 'unrecognized_keys' }]);
  });

  it('words a bad key of a record', () => {
    expect(problems(z.record(z.string().min(2), z.number()), { c: 1 })).toEqual([{ path: 'c', message: 'has an invalid key', code: 'invalid_key' }]);
  });

  it('names the discriminator of a discriminated union: missing, wrong with a suggestion, or not an object at all', () => {
    const Activity = z.discriminatedUnion('type', [z.object({ type: z.literal('email_opened') }), z.object({ type: z.literal('meeting') })]);
    expect(problems(Activity, {})).toEqual([{ path: 'type', message: 'is required but missing: one of "email_opened", "meeting"', code: 'invalid_union' }]);
    expect(problems(z.object({ activity: Activity }), { activity: 5 })).toEqual([
      { path: 'activity', message: 'must be an object, not a number (5)', code: 'invalid_type' },
    ]);
    expect(problems(Activity, { type: 'email_opend' })).toEqual([
      { path: 'type', message: 'must be one of "email_opened", "meeting", not "email_opend" (did you mean "email_opened"?)', code: 'invalid_union' },
    ]);
  });

  it('cuts a long list of allowed values, and suggests nothing for a value that is not text', () => {
    const letters = z.enum(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm']);
    expect(problems(letters, 5)).toEqual([
      { path: '(root)', message: 'must be one of "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", … (13 in all), not 5', code: 'invalid_value' },
    ]);
    expect(problems(z.union([z.symbol(), z.string()]), 5)).toEqual([
      { path: '(root)', message: 'must be symbol or text, not a number (5)', code: 'invalid_type' },
    ]);
  });

  it('keeps messages set by a schema, and words a union no branch got into by the types that would do', () => {
    expect(problems(z.string({ error: 'give a name' }), 3)).toEqual([{ path: '(root)', message: 'give a name', code: 'invalid_type' }]);
    expect(problems(z.union([z.string(), z.number()]), true)).toEqual([
      { path: '(root)', message: 'must be text or a number, not true or false', code: 'invalid_type' },
    ]);
    expect(problems(z.union([z.string(), z.number()], { error: 'a name or a rank' }), null)).toEqual([
      { path: '(root)', message: 'a name or a rank', code: 'invalid_type' },
    ]);
  });
});

describe('humanizeZodIssue', () => {
  it('leaves issues it has no words for to the caller', () => {
    expect(humanizeZodIssue({ code: 'custom', input: 1, message: 'x' } as unknown as z.core.$ZodRawIssue)).toBeUndefined();
    expect(humanizeZodIssue({ code: 'invalid_union', input: 1, errors: [] } as unknown as z.core.$ZodRawIssue)).toBeUndefined();
  });
});
