/**
 * Writes the bundled sample data, examples/data/sample-leads.json (and .jsonl, for the `leadkit` command), from a fixed
 * seed, and the demo's scoring model as JSON (examples/data/demo-scoring-model.json).
 * Run: npx tsx examples/data/generate.ts   (the output is committed; a test checks it is current)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoScoringModelJson } from '../demo/scoring.ts';
import { sampleLeadsJson, sampleLeadsJsonl } from './sample.ts';

const target = fileURLToPath(new URL('./sample-leads.json', import.meta.url));
writeFileSync(target, sampleLeadsJson());
console.log(`wrote ${target}`);
for (const [name, text] of [
  ['sample-leads.jsonl', sampleLeadsJsonl()],
  ['demo-scoring-model.json', demoScoringModelJson()],
] as const) {
  const path = fileURLToPath(new URL(`./${name}`, import.meta.url));
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
