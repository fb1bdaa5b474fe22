/**
 * `npm run demo`: the main job on the bundled sample data (examples/data/sample-leads.json, 400 synthetic leads made
 * by the committed, seeded generator examples/data/generate.ts). It runs every part of leadkit in turn:
 * ICP fit, lead scoring, BANT qualification, the B2B funnel, the funnel report and a predictive model.
 */
import { loadSampleLeads, SAMPLE_AS_OF } from './data/load.ts';
import { frameworksDemo } from './demo/frameworks.ts';
import { funnelDemo } from './demo/funnel.ts';
import { icpDemo } from './demo/icp.ts';
import { metricsDemo } from './demo/metrics.ts';
import { predictDemo } from './demo/predict.ts';
import { scoringDemo } from './demo/scoring.ts';
import { sqlDemo } from './demo/sql.ts';

/** Runs the whole demo and returns its sections, each a title and its lines. */
export function runDemo(): { title: string; lines: string[] }[] {
  const leads = loadSampleLeads();
  const asOf = SAMPLE_AS_OF;
  const funnel = funnelDemo(leads, asOf);
  return [
    { title: `1. ICP fit: ${leads.length} sample leads against the cloud-storage ICP (as of ${asOf.toISOString().slice(0, 10)})`, lines: icpDemo(leads, asOf) },
    { title: '2. Lead scoring: fit × engagement, with the reasons', lines: scoringDemo(leads, asOf) },
    { title: '3. Qualification: BANT verdicts and the next questions to ask', lines: frameworksDemo(leads, asOf) },
    { title: '4. The B2B funnel: the sample leads walked through it', lines: funnel.lines },
    { title: '5. Predictive scoring: a model trained on the won and lost sample leads', lines: predictDemo(leads, asOf) },
    { title: '6. Funnel report of the sample data', lines: metricsDemo(funnel.records, asOf) },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const print = (section: { title: string; lines: string[] }): void => {
    console.log(`\n${'='.repeat(section.title.length)}\n${section.title}\n${'='.repeat(section.title.length)}`);
    for (const line of section.lines) console.log(line);
  };
  for (const section of runDemo()) print(section);
  // Scoring where the data lives: the same model as one SQL query, run by DuckDB (leadkit/sql).
  print({ title: '7. The scoring model as SQL, run by DuckDB', lines: await sqlDemo(loadSampleLeads(), SAMPLE_AS_OF) });
}
