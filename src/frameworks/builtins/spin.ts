import { defineQuestionBank } from '../question-bank.ts';

/**
 * SPIN (Neil Rackham): Situation, Problem, Implication, Need-payoff. A questioning technique, not a scorecard, so it
 * ships as a question bank: the questions to ask, in order, for each stage of the conversation.
 *
 * @example
 * ```ts
 * for (const section of spinQuestionBank.sections) console.log(section.label, section.questions[0]);
 * ```
 */
export const spinQuestionBank = /*@__PURE__*/ defineQuestionBank({
  id: 'spin',
  name: 'SPIN',
  description: 'Situation, problem, implication and need-payoff questions, asked in that order, so the buyer states the value in their own words.',
  sections: [
    {
      key: 'situation',
      label: 'Situation',
      concept: 'situation',
      description: 'Facts about the buyer’s current state. Ask few: they bore senior buyers.',
      questions: ['How do you handle this today?', 'Which tools and teams are involved?', 'How has that changed over the last year?'],
    },
    {
      key: 'problem',
      label: 'Problem',
      concept: 'need',
      description: 'Difficulties and dissatisfactions with the current state.',
      questions: ['Where does the current approach fall short?', 'What is hardest about it for your team?', 'How often does that happen?'],
    },
    {
      key: 'implication',
      label: 'Implication',
      concept: 'negative_consequences',
      description: 'The effects of the problem, so the buyer sees its size.',
      questions: ['What does that problem cost you each month?', 'How does it affect your customers or other teams?', 'What happens if it keeps growing?'],
    },
    {
      key: 'needPayoff',
      label: 'Need-payoff',
      concept: 'positive_implications',
      description: 'The value of solving it, in the buyer’s words.',
      questions: ['If you could solve this, what would it be worth to you?', 'Who else would benefit?', 'How would that help you reach your goals?'],
    },
  ],
});
