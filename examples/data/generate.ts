/**
 * Writes the bundled sample data, examples/data/sample-leads.json, from a fixed seed.
 * Run: npx tsx examples/data/generate.ts   (the output is committed; a test checks it is current)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sampleLeadsJson } from './sample.ts';

const target = fileURLToPath(new URL('./sample-leads.json', import.meta.url));
writeFileSync(target, sampleLeadsJson());
console.log(`wrote ${target}`);
