/**
 * A team extends Lead with its own typed fields; every part of leadkit must accept the extended lead and give it back
 * with those fields intact (the functions are generic over the lead type).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod/v4';
import { demoScoringModel } from '../examples/demo/scoring.ts';
import { bantFramework, qualifyLead } from '../src/frameworks/index.ts';
import { b2bFunnel, transition } from '../src/funnel/index.ts';
import { cloudStorageIcp, compileIcp, defineIcp, matchIcp, midMarketSaasIcp, parseIcp, rankIcps } from '../src/icp/index.ts';
import { mergeLeads } from '../src/metrics/index.ts';
import { Lead, leadToJson, parseWith, type Prospect } from '../src/models/index.ts';
import { compileScoringModel, defineScoringModel, scoreAll } from '../src/scoring/index.ts';
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

  it('ICP criteria read the extended fields by path, defined with { lead }', () => {
    const strategicAccounts = defineIcp(
      {
        id: 'strategic-accounts',
        criteria: {
          tier: { label: 'Strategic account', when: { field: 'accountTier', equals: 'strategic' }, weight: 2, required: true },
          synced: { label: 'Synced from the CRM', when: { field: 'crmId', startsWith: 'crm-' } },
        },
      },
      { lead: CrmLead },
    );
    const match = compileIcp(strategicAccounts, { lead: CrmLead });
    const fits = leads.map((lead) => match(lead, { asOf }));
    expectTypeOf(fits[0]!.lead).toEqualTypeOf<CrmLead>();
    // Every third lead is strategic: matched, 100 (crmId starts with "CRM-", ignoring case); the others miss the
    // required tier and are disqualified. Were the extended fields not read, every criterion would be unknown.
    fits.forEach((fit, index) => {
      const strategic = index % 3 === 0;
      expect(fit.lead.accountTier).toBe(strategic ? 'strategic' : 'growth');
      expect(fit.criteria.map((criterion) => criterion.status)).toEqual([strategic ? 'matched' : 'missed', 'matched']);
      expect(fit).toMatchObject(strategic ? { score: 100, grade: 'A', disqualified: false } : { score: 0, grade: 'F', disqualifiedBy: ['tier'] });
      expect(fit.criteria[0]?.leadValue).toBe(fit.lead.accountTier);
    });
    expect(fits.filter((fit) => fit.grade === 'A')).toHaveLength(10);
    // matchIcp and rankIcps read them the same way, and keep the lead type.
    expect(matchIcp(strategicAccounts, leads[0]!, { asOf })).toEqual(fits[0]);
    const ranked = rankIcps([cloudStorageIcp, midMarketSaasIcp, strategicAccounts], leads[3]!, { asOf });
    expect(ranked.map((fit) => fit.icpId)[0]).toBe('strategic-accounts');
    expectTypeOf(ranked[0]!.lead).toEqualTypeOf<CrmLead>();
  });

  it('refuses a typo in an extended field path or value, suggesting the one meant', () => {
    const typo = { id: 'typo', criteria: { tier: { when: { field: 'acountTier', equals: 'strategic' } } } };
    const parsed = parseIcp(typo, { lead: CrmLead });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.issues.map((issue) => [issue.pathText, issue.code])).toEqual([['criteria.tier.when.field', 'unknown_field']]);
    expect(() => defineIcp(typo, { lead: CrmLead })).toThrow(/Did you mean "accountTier"\?/);
    const value = parseIcp({ id: 'typo', criteria: { tier: { when: { field: 'accountTier', in: ['strategic', 'longtail'] } } } }, { lead: CrmLead });
    expect(!value.ok && value.error.issues.map((issue) => [issue.pathText, issue.message])).toEqual([
      ['criteria.tier.when.in[1]', expect.stringContaining('"longtail" is not a value of accountTier (did you mean "long_tail"?)')],
    ]);
    // Without the schema, an extended field is not a field of the lead at all.
    expect(parseIcp({ id: 'plain', criteria: { tier: { when: { field: 'accountTier', equals: 'strategic' } } } }).ok).toBe(false);
  });

  it('scoring keeps the lead type in ranked results', () => {
    const scorer = compileScoringModel(defineScoringModel(demoScoringModel));
    const ranked = scoreAll(scorer, leads, { asOf });
    expectTypeOf(ranked[0]!.lead).toEqualTypeOf<CrmLead>();
    expect(ranked.map((entry) => entry.lead.crmId).sort()).toEqual(leads.map((lead) => lead.crmId).sort());
  });

  it('qualification gives a Prospect of the extended type', () => {
    const at = new Date('2025-06-01T00:00:00Z');
    const result = qualifyLead(
      bantFramework,
      leads[2]!,
      {
        frameworkId: 'bant',
        criteria: { budget: { rating: 'strong', assessedAt: at }, authority: { rating: 'strong', assessedAt: at }, need: { rating: 'strong', assessedAt: at } },
      },
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
    const result = transition(b2bFunnel, lead, { type: 'capture', at: lead.createdAt as Date });
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
