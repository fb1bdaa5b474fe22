import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { defineQuestionBank, type QuestionBank, questionBankIssues } from './question-bank.ts';

describe('defineQuestionBank', () => {
  it('throws every problem with its path: repeated and reserved keys, sections without questions', () => {
    const define = () =>
      defineQuestionBank({
        id: 'discovery',
        name: 'Discovery',
        sections: [
          { key: 'opening', label: 'Opening', questions: ['Why now?'] },
          { key: 'opening', label: 'Opening again', questions: [] },
          { key: 'constructor', label: 'Reserved', questions: ['Who?'] },
        ],
      });
    expect(define).toThrow(ValidationError);
    try {
      define();
    } catch (error) {
      expect((error as ValidationError).message).toMatch(/^Invalid question bank discovery \(3 problems\):/);
      expect((error as ValidationError).issues.map((found) => [found.pathText, found.code])).toEqual([
        ['sections[1].key', 'duplicate_key'],
        ['sections[1].questions', 'too_small'],
        ['sections[2].key', expect.any(String)],
      ]);
      expect((error as ValidationError).issues[0]?.message).toBe('repeats the key "opening" of sections[0]');
      expect((error as ValidationError).issues[2]?.message).toContain('constructor');
    }
  });

  it('refuses a bank without sections, and freezes a good one', () => {
    expect(() => defineQuestionBank({ id: 'empty', name: 'Empty', sections: [] })).toThrow('sections: must have at least 1 item');
    const bank = defineQuestionBank({ id: 'ok', name: 'OK', sections: [{ key: 'a', label: 'A', questions: ['Q?'] }] });
    expect(Object.isFrozen(bank.sections[0]?.questions)).toBe(true);
  });
});

describe('questionBankIssues', () => {
  it('never throws on junk, and with crossFieldOnly reports only the keys', () => {
    expect(questionBankIssues(null as unknown as QuestionBank).map((found) => found.pathText)).toEqual(['sections']);
    const junk = { id: 'j', name: 'J', sections: [null, { key: 3 }, { key: 'a' }, { key: 'a', questions: 'no' }] } as unknown as QuestionBank;
    expect(questionBankIssues(junk).map((found) => found.pathText)).toEqual([
      'sections[0].questions',
      'sections[1].questions',
      'sections[2].questions',
      'sections[3].key',
      'sections[3].questions',
    ]);
    expect(questionBankIssues(junk, { crossFieldOnly: true }).map((found) => found.pathText)).toEqual(['sections[3].key']);
    expect(questionBankIssues({ id: 'e', name: 'E', sections: [] }, { crossFieldOnly: true })).toEqual([]);
  });
});
