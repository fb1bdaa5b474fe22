import { describe, expect, it } from 'vitest';
import { Lead } from '../models/lead.ts';
import { bantFramework } from './builtins/bant.ts';
import { evaluateAssessment } from './evaluate-assessment.ts';
import { FrameworkDefinition, parseFramework, parseQuestionBank, parseRatingScale } from './framework-definition.ts';
import { AssessmentDocument, parseAssessment } from './parse-assessment.ts';
import { prospectFromVerdict, qualifyLead } from './qualify-lead.ts';
import { defineQuestionBank, type QuestionBank, questionBankIssues } from './question-bank.ts';

const minimal = { id: 'ours', name: 'Ours', scale: 'yes-no', criteria: [{ key: 'budget', label: 'Budget' }] };
const asOfMs = Date.UTC(2025, 5, 30);
const asOf = new Date(asOfMs);
const issuesOf = (result: { ok: boolean; error?: { issues: readonly { pathText: string; code: string; message: string }[] } }) =>
  result.ok ? [] : (result.error?.issues ?? []).map((found) => `${found.pathText} ${found.code}: ${found.message}`);

describe('parseFramework: messages', () => {
  it('names the unknown scale and every scale it knows', () => {
    const result = parseFramework({ ...minimal, scale: 'traffic' });
    expect(issuesOf(result)).toEqual([
      'scale unknown_scale: there is no scale "traffic"; known scales: zero-to-two, weak-developing-strong, one-to-five, red-amber-green, evidence-level, yes-no',
    ]);
    expect(result.ok || result.error.message).toMatch(/^Invalid framework definition \(1 problem\):/);
  });

  it('says what is wrong with a criterion key, quoting it', () => {
    expect(issuesOf(parseFramework({ ...minimal, criteria: [{ key: '9lives', label: 'Nine' }] }))).toEqual([
      'criteria[0].key invalid_format: "9lives" is not a criterion key: use a letter, then letters, digits or _ (at most 64)',
    ]);
  });
});

describe('the FrameworkDefinition schema', () => {
  it('accepts a scale named by id, and reports content problems with their paths and messages', () => {
    expect(FrameworkDefinition.safeParse(minimal).success).toBe(true);
    const twice = FrameworkDefinition.safeParse({ ...minimal, criteria: [minimal.criteria[0], minimal.criteria[0]] });
    expect(twice.success || twice.error.issues.map((found) => [found.path, found.message])).toEqual([
      [['criteria', 1, 'key'], 'repeats the key "budget" of criteria[0]'],
    ]);
    const scale = {
      id: 's',
      name: 'S',
      levels: [
        { value: 'a', label: 'A', points: 1, status: 'partial' },
        { value: 'b', label: 'B', points: 0, status: 'not_met' },
      ],
    };
    const noMet = FrameworkDefinition.safeParse({ ...minimal, scale });
    expect(noMet.success || noMet.error.issues.map((found) => [found.path, found.message])).toEqual([
      [['scale', 'levels'], 'needs at least one level with status "met"'],
    ]);
  });
});

describe('parseRatingScale and parseQuestionBank', () => {
  it('report a bad level once, at its path, and name what they read', () => {
    const result = parseRatingScale({
      id: 's',
      name: 'S',
      levels: [
        { value: 'a', label: 'A', points: 'x', status: 'met' },
        { value: 'b', label: 'B', points: 0, status: 'not_met' },
      ],
    });
    expect(result.ok || result.error.issues.map((found) => found.pathText)).toEqual(['levels[0].points']);
    expect(result.ok || result.error.message).toMatch(/^Invalid rating scale \(1 problem\):/);
    const dup = parseRatingScale({
      id: 's',
      name: 'S',
      levels: [
        { value: 'a', label: 'A', points: 1, status: 'met' },
        { value: 'a', label: 'B', points: 0, status: 'not_met' },
      ],
    });
    expect(issuesOf(dup)).toEqual(['levels[1].value duplicate_key: repeats the value "a" of levels[0]']);
  });

  it('report a section without questions once, repeated keys, and a __proto__ key', () => {
    const empty = parseQuestionBank({ id: 'q', name: 'Q', sections: [{ key: 'a', label: 'A', questions: [] }] });
    expect(empty.ok || empty.error.issues.map((found) => found.pathText)).toEqual(['sections[0].questions']);
    expect(empty.ok || empty.error.message).toMatch(/^Invalid question bank \(1 problem\):/);
    const twice = parseQuestionBank({
      id: 'q',
      name: 'Q',
      sections: [
        { key: 'a', label: 'A', questions: ['Q?'] },
        { key: 'a', label: 'A', questions: ['Q?'] },
      ],
    });
    expect(issuesOf(twice)).toEqual(['sections[1].key duplicate_key: repeats the key "a" of sections[0]']);
    const polluted = parseQuestionBank(JSON.parse('{"id":"q","name":"Q","sections":[{"key":"a","label":"A","questions":["Q?"]}],"__proto__":{}}'));
    expect(polluted.ok || polluted.error.issues.map((found) => `${found.pathText} ${found.code}`)).toEqual(['__proto__ forbidden_key']);
  });
});

describe('questionBankIssues and defineQuestionBank', () => {
  it('codes a bank without sections and a section without questions as too_small', () => {
    expect(questionBankIssues({ id: 'e', name: 'E', sections: [] }).map((found) => found.code)).toEqual(['too_small']);
    expect(
      questionBankIssues({ id: 'e', name: 'E', sections: [{ key: 'a', label: 'A', questions: [] }] }).map((found) => [
        found.pathText,
        found.code,
        found.message,
      ]),
    ).toEqual([['sections[0].questions', 'too_small', 'must have at least 1 item']]);
  });

  it('never throws on sections that are not a list, and keys that are not text are not compared', () => {
    expect(questionBankIssues({ id: 'x', name: 'X', sections: 'abc' } as unknown as QuestionBank).map((found) => found.pathText)).toEqual(['sections']);
    const numbered = {
      id: 'n',
      name: 'N',
      sections: [
        { key: 3, questions: ['Q?'] },
        { key: 3, questions: ['Q?'] },
      ],
    } as unknown as QuestionBank;
    expect(questionBankIssues(numbered)).toEqual([]);
  });

  it('returns the bank as given, frozen', () => {
    const input = { id: 'ok', name: 'OK', description: 'D', sections: [{ key: 'a', label: 'A', concept: 'need', questions: ['Q1?', 'Q2?'] }] };
    const bank = defineQuestionBank(input);
    expect(bank).toStrictEqual(input);
    expect([Object.isFrozen(bank), Object.isFrozen(bank.sections), Object.isFrozen(bank.sections[0])]).toEqual([true, true, true]);
  });
});

describe('parseAssessment: dates and documents', () => {
  const one = (assessedAt: string, extra: Record<string, unknown> = {}) =>
    parseAssessment(bantFramework, { frameworkId: 'bant', criteria: { budget: { rating: 'strong', assessedAt, ...extra } } }, { asOf });

  it('accepts a date exactly at asOf, and refuses one a millisecond after', () => {
    expect(one(new Date(asOfMs).toISOString()).ok).toBe(true);
    expect(issuesOf(one(new Date(asOfMs + 1).toISOString()))).toEqual([
      'criteria.budget.assessedAt custom: is in the future: it must not be after 2025-06-30T00:00:00.000Z (asOf)',
    ]);
  });

  it('keeps where a translated rating came from', () => {
    const derivedFrom = { frameworkId: 'meddic', criterion: 'economicBuyer', rating: 2 };
    const result = one('2025-06-20T00:00:00Z', { derivedFrom });
    expect(result.ok && result.value.criteria.budget?.derivedFrom).toEqual(derivedFrom);
    expect(one('2025-06-20T00:00:00Z', { derivedFrom: { frameworkId: 'meddic' } }).ok).toBe(false);
  });

  it('AssessmentDocument refuses a reserved criterion key, saying which', () => {
    const result = AssessmentDocument.safeParse({ frameworkId: 'bant', criteria: { constructor: { rating: 'strong', assessedAt: '2025-06-20T00:00:00Z' } } });
    // zod reports a refused record key as "Invalid key in record", with the key's own problems inside.
    expect(result.success || JSON.stringify(result.error.issues)).toContain('\\"constructor\\" is not allowed as a key');
  });
});

describe('qualifyLead and prospectFromVerdict: what the prospect records', () => {
  const lead = Lead.parse({ id: 'lead-1', contact: { firstName: 'Ada' }, source: 'website_form', createdAt: '2025-06-01T00:00:00Z' });
  const at = new Date(Date.UTC(2025, 5, 20));
  const qualifying = {
    frameworkId: 'bant',
    criteria: { budget: { rating: 'strong', assessedAt: at }, authority: { rating: 'strong', assessedAt: at }, need: { rating: 'strong', assessedAt: at } },
  } as const;

  it('records no ICP fit when none is given', () => {
    const result = qualifyLead(bantFramework, lead, qualifying, { asOf: asOfMs, by: 'rep-7' });
    expect(result.ok && Object.keys(result.value.qualification)).toEqual(['verdict', 'qualifiedAt', 'qualifiedBy']);
    const verdict = evaluateAssessment(bantFramework, qualifying, { asOf });
    if (!verdict.qualified) throw new Error('expected a qualifying verdict');
    const prospect = prospectFromVerdict(lead, verdict, { at: asOfMs, by: 'rep-7' });
    expect(prospect.ok && Object.keys(prospect.value.qualification)).toEqual(['verdict', 'qualifiedAt', 'qualifiedBy']);
    expect(prospect.ok && prospect.value.qualification.qualifiedAt).toEqual(asOf);
  });

  it('names the option when the instant is invalid', () => {
    expect(() => qualifyLead(bantFramework, lead, qualifying, { asOf: Number.NaN, by: 'rep-7' })).toThrow(/^asOf is not a valid instant/);
    const verdict = evaluateAssessment(bantFramework, qualifying, { asOf });
    if (!verdict.qualified) throw new Error('expected a qualifying verdict');
    expect(() => prospectFromVerdict(lead, verdict, { at: Number.NaN, by: 'rep-7' })).toThrow(
      new RangeError('at is not a valid instant (got NaN): pass a Date or epoch milliseconds'),
    );
  });

  it('passes the stale age on to the verdict', () => {
    const old = { ...qualifying, criteria: { ...qualifying.criteria, need: { rating: 'strong', assessedAt: new Date(asOfMs - 5 * 86_400_000) } } } as const;
    const result = qualifyLead(bantFramework, lead, { frameworkId: 'bant', criteria: { need: old.criteria.need } }, { asOf, by: 'rep-7', staleAfterDays: 2 });
    expect(result.ok || result.error.verdict.stale.map((entry) => [entry.criterion, entry.ageDays])).toEqual([['need', 5]]);
  });
});
