/**
 * A team extends Lead with its own typed fields; every part of leadkit must accept the extended lead and give it back
 * with those fields intact (the functions are generic over the lead type).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod/v4';
import { demoScoringModel } from '../examples/demo/scoring.ts';
import { bantFramework, qualifyLead } from '../src/frameworks/index.ts';
import { b2bFunnel, transition } from '../src/funnel/index.ts';
import { cloudStorageIcp, matchIcp, rankIcps, midMarketSaasIcp } from '../src/icp/index.ts';
import { mergeLeads } from '../src/metrics/index.ts';
import { Lead, leadToJson, parseWith, type Prospect } from '../src/models/index.ts';
import { compileScoringModelOrThrow, scoreAll } from '../src/scoring/index.ts';
import { generateLeads } from '../src/testing/index.ts';

const CrmLead = Lead.extend({
  crmId: z.string().regex(/^CRM-\d+$/),
  accountTier: z.enum(['strategic', 'growth', 'long_tail']),
});
type CrmLead = z.output<typeof CrmLead>;

const asOf = new Date('2025-06-30T00:00:00Z');
const base = generateLeads({ seed: 11, count: 30, asOf });
const json = base.map((lead, index) => ({ ...leadToJson(lead), crmId: `CRM-${index}`, accountTier: index % 3 === 0 ? 'strategic' : 'growth' }));

describe('extended lead types work with every part of leadkit', () => {
  const parsed = json.map((item) => parseWith(CrmLead, item, 'CRM lead'));
  const leads = parsed.map((result) => {
    if (!result.ok) throw result.error;
    return result.value;
  });

  it('parses and validates the extra fields with paths', () => {
    expect(leads[0]?.crmId).toBe('CRM-0');
    const bad = parseWith(CrmLead, { ...json[0], crmId: 'x', accountTier: 'gold' }, 'CRM lead');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues.map((issue) => issue.pathText).sort()).toEqual(['accountTier', 'crmId']);
  });

  it('ICP matching and ranking', () => {
    const match = matchIcp(cloudStorageIcp, leads[0]!, { asOf });
    expect(match.score).toBeGreaterThanOrEqual(0);
    const ranked = rankIcps([cloudStorageIcp, midMarketSaasIcp], leads[1]!, { asOf });
    expect(ranked).toHaveLength(2);
  });

  it('scoring keeps the lead type in ranked results', () => {
    const scorer = compileScoringModelOrThrow(demoScoringModel);
    const ranked = scoreAll(scorer, leads, { asOf });
    expectTypeOf(ranked[0]!.lead).toEqualTypeOf<CrmLead>();
    expect(ranked.map((entry) => entry.lead.crmId).sort()).toEqual(leads.map((lead) => lead.crmId).sort());
  });

  it('qualification gives a Prospect of the extended type', () => {
    const at = new Date('2025-06-01T00:00:00Z');
    const result = qualifyLead(
      leads[2]!,
      bantFramework,
      { frameworkId: 'bant', criteria: { budget: { rating: 'strong', assessedAt: at }, authority: { rating: 'strong', assessedAt: at }, need: { rating: 'strong', assessedAt: at } } },
      { asOf, by: 'rep-1' },
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expectTypeOf(result.value).toEqualTypeOf<Prospect<CrmLead>>();
      expect(result.value.accountTier).toBe(leads[2]!.accountTier);
    }
  });

  it('funnel transitions keep the extra fields', () => {
    const lead = leads[3]!;
    expect(lead.stage).toBeUndefined();
    const result = transition(b2bFunnel, lead, { type: 'capture', at: lead.createdAt });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expectTypeOf(result.value).toEqualTypeOf<CrmLead>();
      expect(result.value.crmId).toBe(leads[3]!.crmId);
      expect(result.value.stage).toBe('lead');
    }
  });

  it('merging keeps the extra fields of the first lead', () => {
    const merged = mergeLeads(leads[4]!, leads[5]!);
    expectTypeOf(merged.lead).toEqualTypeOf<CrmLead>();
    expect(merged.lead.crmId).toBe(leads[4]!.crmId);
  });
});
