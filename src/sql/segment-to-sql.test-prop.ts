import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSegment } from '../metrics/compile-segment.ts';
import { defineSegment } from '../metrics/segment-definition.ts';
import { segmentLeads } from '../metrics/segment-leads.ts';
import { arbitraryCondition } from '../testing/arbitrary-condition.ts';
import { arbitraryDate, arbitraryLead } from '../testing/arbitraries.ts';
import { leadkitSqlMapping } from './leadkit-tables.ts';
import { segmentToSql } from './segment-to-sql.ts';
import { useTestDatabases } from './sql.test-helpers.ts';

const range = { min: new Date('2023-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z') };
const leads = fc.uniqueArray(arbitraryLead({ ...range, maxActivities: 8 }), { minLength: 1, maxLength: 10, selector: (lead) => lead.id });

const databases = useTestDatabases();

describe('segmentToSql: the same leads as segmentLeads, on PostgreSQL (PGlite) and DuckDB', () => {
  it('selects exactly the leads created by asOf whose condition holds, for random conditions and leads', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryCondition(), leads, arbitraryDate(range), async (condition, batch, asOf) => {
        const segment = defineSegment({ id: 'random', when: condition });
        const compiled = compileSegment(segment);
        const expected = batch
          .filter((lead) => lead.createdAt !== undefined && lead.createdAt.getTime() <= asOf.getTime() && compiled.matches(lead, { asOf }))
          .map((lead) => lead.id)
          .sort();
        expect(segmentLeads([segment], batch, { asOf }).segments[0]?.count).toBe(expected.length);
        for (const database of databases) {
          await database.load(batch);
          const query = segmentToSql(segment, { dialect: database.dialect, mapping: leadkitSqlMapping });
          const rows = await database.query(query.sql, query.parameters({ asOf }));
          expect({ dialect: database.dialect, ids: rows.map((row) => String(row['lead_id'])).sort() }).toEqual({ dialect: database.dialect, ids: expected });
        }
      }),
      { numRuns: Number(process.env['SQL_RUNS'] ?? 80) },
    );
  }, 300_000);
});
