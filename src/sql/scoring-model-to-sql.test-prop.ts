import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDate, arbitraryLead } from '../testing/arbitraries.ts';
import { arbitraryScoringModel } from '../testing/arbitrary-scoring-model.ts';
import { scoringDifferences, useTestDatabases } from './sql.test-helpers.ts';

const range = { min: new Date('2023-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z') };
const leads = fc.uniqueArray(arbitraryLead({ ...range, maxActivities: 8 }), { minLength: 1, maxLength: 8, selector: (lead) => lead.id });

const databases = useTestDatabases();

describe('scoringModelToSql: parity with compileScoringModel on PostgreSQL (PGlite) and DuckDB', () => {
  it('gives every random lead of every random model the same band, cell, flags and contributions, totals within 1e-9', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryScoringModel(),
        leads,
        arbitraryDate(range),
        fc.array(fc.nat(6), { minLength: 8, maxLength: 8 }),
        async (model, batch, asOf, previous) => {
          expect(await scoringDifferences(databases, model, batch, asOf, previous)).toEqual([]);
        },
      ),
      { numRuns: Number(process.env['SQL_RUNS'] ?? 60) },
    );
  }, 300_000);
});
