/**
 * Question banks: frameworks that are questioning techniques rather than scorecards (SPIN), shipped as ordered
 * questions per section.
 *
 * @module
 */
import { ValidationError, issue, type ValidationIssue } from '../errors.ts';
import { isReservedKey, reservedKeyIssue } from '../internal/reserved-key.ts';

/** One section of a question bank (SPIN's Situation, Problem, …). */
export interface QuestionBankSection<K extends string = string> {
  /** Stable key (`situation`). */
  readonly key: K;
  /** Display name. */
  readonly label: string;
  /** What the section is for. */
  readonly description?: string | undefined;
  /** The shared concept the answers inform (`need`), as for framework criteria. */
  readonly concept?: string | undefined;
  /** The questions, in the order to ask them. */
  readonly questions: readonly string[];
}

/** A question bank: sections of questions, in the order of the conversation. Plain data, like a framework. */
export interface QuestionBank<K extends string = string> {
  /** Stable id (`spin`). */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** What it is for. */
  readonly description?: string | undefined;
  /** The sections, in order. */
  readonly sections: readonly QuestionBankSection<K>[];
}

/**
 * Every problem with a question bank's content: no sections, repeated or reserved section keys (`constructor`,
 * `toString`…, which a record keyed by section would read from every object), a section without questions. With
 * `crossFieldOnly`, only the keys (for input a schema has checked or refused field by field). It never throws.
 */
export function questionBankIssues(bank: QuestionBank, options: { readonly crossFieldOnly?: boolean | undefined } = {}): ValidationIssue[] {
  const everything = options.crossFieldOnly !== true;
  const problems: ValidationIssue[] = [];
  const sections: readonly unknown[] = typeof bank === 'object' && bank !== null && Array.isArray(bank.sections) ? bank.sections : [];
  if (everything && sections.length === 0) problems.push(issue(['sections'], 'must have at least 1 item', 'too_small'));
  const seen = new Map<string, number>();
  sections.forEach((item, index) => {
    const section = (typeof item === 'object' && item !== null ? item : {}) as Partial<QuestionBankSection>;
    const key = section.key;
    if (typeof key === 'string') {
      const first = seen.get(key);
      if (first !== undefined)
        problems.push(issue(['sections', index, 'key'], `repeats the key ${JSON.stringify(key)} of sections[${first}]`, 'duplicate_key'));
      else seen.set(key, index);
      if (isReservedKey(key)) problems.push(reservedKeyIssue(['sections', index, 'key'], key));
    }
    if (everything && !(Array.isArray(section.questions) && section.questions.length > 0))
      problems.push(issue(['sections', index, 'questions'], 'must have at least 1 item', 'too_small'));
  });
  return problems;
}

/**
 * Declares a question bank, keeping section keys as literal types. The result is deeply frozen plain data.
 *
 * @throws ValidationError when the bank has no sections, repeats a section key or has a section without questions.
 * @example
 * ```ts
 * const discovery = defineQuestionBank({
 *   id: 'discovery',
 *   name: 'Discovery call',
 *   sections: [{ key: 'opening', label: 'Opening', questions: ['What prompted you to reach out?'] }],
 * });
 * ```
 */
export function defineQuestionBank<const K extends string>(bank: QuestionBank<K>): QuestionBank<K> {
  const problems = questionBankIssues(bank);
  if (problems.length > 0) throw new ValidationError(`question bank ${bank.id}`, problems);
  return Object.freeze({
    ...bank,
    sections: Object.freeze(bank.sections.map((section) => Object.freeze({ ...section, questions: Object.freeze([...section.questions]) }))),
  });
}
