/**
 * leadkit-plugin-spiced: the SPICED qualification framework (Winning by Design) as a leadkit plugin.
 *
 * SPICED — Situation, Pain, Impact, Critical event, Decision — rated on its own four-level "signal" scale.
 * A lead is qualified when the pain and the critical event are confirmed (hard gates) and the score reaches 70.
 *
 * Everything here is plain data built with leadkit's public API, so the same file works as a published package:
 * depend on `leadkit` as a peer dependency, export the plugin, and let applications `registry.use(spicedPlugin)`.
 */
import { defineFramework, defineQuestionBank, defineRatingScale, type FrameworkPlugin } from '../../src/frameworks/index.ts'; // in a published plugin: from 'leadkit/frameworks'

/** SPICED's own scale: no signal, a hint, stated by the buyer, confirmed with evidence. */
export const spicedSignalScale = defineRatingScale({
  id: 'spiced-signal',
  name: 'Signal strength',
  description: 'How well a SPICED element is established: none, hinted, stated by the buyer, or confirmed with evidence.',
  levels: [
    { value: 'none', label: 'No signal', points: 0, status: 'not_met' },
    { value: 'hinted', label: 'Hinted', points: 1, status: 'not_met' },
    { value: 'stated', label: 'Stated by the buyer', points: 2, status: 'partial' },
    { value: 'confirmed', label: 'Confirmed with evidence', points: 3, status: 'met' },
  ],
});

/** The SPICED framework. Criterion concepts let BANT or MEDDIC evidence pre-fill it with `translateAssessment`. */
export const spicedFramework = defineFramework({
  id: 'spiced',
  name: 'SPICED',
  description: 'Situation, Pain, Impact, Critical event, Decision: qualification for recurring-revenue sales, centred on the customer’s impact.',
  scale: spicedSignalScale,
  criteria: [
    {
      key: 'situation',
      label: 'Situation',
      concept: 'situation',
      description: 'The facts: the customer’s business, tools and team today.',
      questions: ['Walk me through how you handle this today.', 'Which tools and teams are involved?'],
    },
    {
      key: 'pain',
      label: 'Pain',
      concept: 'need',
      required: true,
      weight: 2,
      description: 'The problem the customer needs solved, in their words.',
      questions: ['What is the biggest problem with how it works today?', 'What have you tried to fix it?'],
    },
    {
      key: 'impact',
      label: 'Impact',
      concept: 'metrics',
      weight: 2,
      description: 'What solving it is worth: rational (money, time) and emotional.',
      questions: ['What would solving this be worth to you, in money or time?', 'Who feels this problem most?'],
    },
    {
      key: 'criticalEvent',
      label: 'Critical event',
      concept: 'timing',
      required: true,
      description: 'A date with consequences: a renewal, a launch, a regulation.',
      questions: ['What happens on the date you mentioned if nothing is in place?', 'Is there a deadline that cannot move?'],
    },
    {
      key: 'decision',
      label: 'Decision',
      concept: 'decision_process',
      description: 'Who decides, by which criteria and process.',
      questions: ['Who else is involved in the decision, and how will you decide?', 'Who signs the contract?'],
    },
  ],
  rule: { minScore: 70 },
  staleAfterDays: 60,
});

/** A discovery-call question bank in SPICED order, for call scripts. */
export const spicedDiscoveryQuestions = defineQuestionBank({
  id: 'spiced-discovery',
  name: 'SPICED discovery call',
  sections: spicedFramework.criteria.map((criterion) => ({
    key: criterion.key,
    label: criterion.label,
    description: criterion.description,
    questions: criterion.questions,
  })),
});

/** The plugin: register it with `createFrameworkRegistry().use(spicedPlugin)`. */
export const spicedPlugin: FrameworkPlugin = {
  name: 'leadkit-plugin-spiced',
  scales: [spicedSignalScale],
  frameworks: [spicedFramework],
  questionBanks: [spicedDiscoveryQuestions],
};
