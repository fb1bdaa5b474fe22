import { describe, expect, it } from 'vitest';
import { scoringDifferences, useTestDatabases } from '../../src/sql/sql.test-helpers.ts';
import { loadSampleLeads, SAMPLE_AS_OF } from '../data/load.ts';
import { demoScoringModel } from './scoring.ts';
import { sqlDemo } from './sql.ts';

const leads = loadSampleLeads();
const databases = useTestDatabases();

describe('the demo model as SQL', () => {
  it('scores the 400 sample leads in PostgreSQL (PGlite) and DuckDB as in process: bands, cells, flags, contributions', async () => {
    expect(await scoringDifferences(databases, demoScoringModel, leads, SAMPLE_AS_OF)).toEqual([]);
  }, 120_000);

  it('the demo section says every lead agrees and shows the reasons the database returned', async () => {
    const lines = await sqlDemo(leads, SAMPLE_AS_OF);
    expect(lines[1]).toMatch(/400 of 400 leads get the same grade/);
    expect(lines.slice(4).filter((line) => /lead-\d+\s+\d+\.\d\s+[A-D][1-4]/.test(line))).toHaveLength(5);
  }, 60_000);
});
