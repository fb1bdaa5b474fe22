import { describe, expect, it } from 'vitest';
import { defineIcp } from './define-icp.ts';
import { cloudStorageIcp, midMarketSaasIcp } from './example-icps.ts';
import { explainIcpMatch } from './explain-icp-match.ts';
import { matchIcp } from './match-icp.ts';
import { asOf, makeLead } from './fixtures.test-helpers.ts';

describe('explainIcpMatch', () => {
  it('gives the fit, the share of the weight checked, the unknown criteria, then one line per criterion with its points', () => {
    const lead = makeLead({
      company: { name: 'Acme', industry: 'software', employeeCount: 500 },
      contact: { firstName: 'Ada', email: 'ada@acme.com', jobTitle: 'CTO' },
    });
    const lines = explainIcpMatch(matchIcp(cloudStorageIcp, lead, { asOf })).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'lead-1 fits cloud-storage 50/100, grade C (checked 71% of the weight; unknown: revenue, painPoint)',
      '   +30 Technology industry: matched, company.industry is "software"; expected company.industry is one of technology, software',
      '     0 50–200 employees: missed, company.employeeCount is 500; expected company.employeeCount between 50 and 200',
    ]);
    expect(lines).toHaveLength(7);
  });

  it('leaves out the unknown part when every criterion could be checked', () => {
    const icp = defineIcp({
      schemaVersion: 1,
      id: 'size',
      name: 'Size',
      criteria: { size: { label: 'Large', when: { field: 'company.employeeCount', min: 1000 }, weight: 1 } },
    });
    const lead = makeLead({ company: { name: 'Acme', employeeCount: 10 } });
    expect(explainIcpMatch(matchIcp(icp, lead, { asOf })).split('\n')[0]).toBe('lead-1 fits size 0/100, grade D (checked 100% of the weight)');
  });

  it('names what disqualified the lead and what it would have scored, and shows excluded criteria as ±0', () => {
    const lead = makeLead({ company: { name: 'Shop', industry: 'retail', employeeCount: 300 } });
    const lines = explainIcpMatch(matchIcp(midMarketSaasIcp, lead, { asOf })).split('\n');
    expect(lines[0]).toBe(
      'lead-1 is disqualified by mid-market-saas (grade F; industry; would score 29/100) (checked 54% of the weight; unknown: country, crm, seniority, buyingRole)',
    );
    expect(lines.at(-1)).toBe('    ±0 Competitor: unknown, company.domain is missing; excluded company.domain is one of pipelinepro.io, rivalcrm.com');
  });
});
