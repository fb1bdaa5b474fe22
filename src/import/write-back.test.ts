import { describe, expect, it } from 'vitest';
import type { Lead } from '../models/index.ts';
import type { ScoreContribution, ScoreResult } from '../scoring/types.ts';
import { compileScoringModel, defineScoringModel } from '../scoring/index.ts';
import { readCsv } from './read-csv.ts';
import { leadsToCsv, toHubspotProperties, toSalesforceFields } from './write-back.ts';

const asOf = new Date('2024-05-15T00:00:00Z');
const lead: Lead = {
  id: '1501',
  contact: { email: 'ada@acme.com', seniority: 'c_level' },
  company: { name: '=HYPERLINK("x")', industry: 'software' },
  source: 'website_form',
  activities: [{ type: 'demo_requested', at: new Date('2024-05-10T00:00:00Z') }],
};
const scorer = compileScoringModel(
  defineScoringModel({
    schemaVersion: 1,
    id: 'm',
    rules: [
      { kind: 'values', id: 'industry', label: 'Target industry', field: 'company.industry', values: { software: 10 } },
      { kind: 'activity', id: 'demo', label: 'Demo requested', activity: { type: 'demo_requested' }, points: 40 },
      { kind: 'values', id: 'seniority', label: 'Executive', field: 'contact.seniority', values: { c_level: 15 } },
    ],
    grading: { bands: { thresholds: [{ band: 'hot', min: 50, salesReady: true }], otherwise: 'cold' } },
  }),
);
const result = scorer(lead, { asOf });

describe('write-back', () => {
  it('toHubspotProperties writes text properties, the top reasons first', () => {
    expect(toHubspotProperties(lead, result)).toEqual({
      id: '1501',
      properties: {
        leadkit_score: '65',
        leadkit_grade: 'hot',
        leadkit_band: 'hot',
        leadkit_sales_ready: 'true',
        leadkit_reasons: 'Demo requested (+40)\nExecutive (+15)\nTarget industry (+10)',
      },
    });
    expect(toHubspotProperties(lead, result, { score: 'hs_score', reasons: 'why', reasonCount: 1 }).properties).toEqual({
      hs_score: '65',
      why: 'Demo requested (+40)',
    });
  });

  it('toSalesforceFields writes typed fields with the Id', () => {
    expect(toSalesforceFields(lead, result)).toEqual({
      Id: '1501',
      Lead_Score__c: 65,
      Lead_Grade__c: 'hot',
      Lead_Band__c: 'hot',
      Sales_Ready__c: true,
      Score_Reasons__c: 'Demo requested (+40)\nExecutive (+15)\nTarget industry (+10)',
    });
  });

  it('leadsToCsv writes the reasons in columns and escapes formulas', async () => {
    const csv = leadsToCsv([{ lead, result }], { fields: ['id', 'company.name'], reasonCount: 2 });
    const rows: string[][] = [];
    for await (const cells of readCsv(csv)) rows.push(cells);
    expect(rows).toEqual([
      ['id', 'company.name', 'score', 'grade', 'band', 'sales_ready', 'reason_1', 'reason_2'],
      ['1501', `'=HYPERLINK("x")`, '65', 'hot', 'hot', 'true', 'Demo requested (+40)', 'Executive (+15)'],
    ]);
  });

  it('does not mutate its inputs', () => {
    const before = structuredClone(lead);
    toHubspotProperties(lead, result);
    toSalesforceFields(lead, result);
    leadsToCsv([{ lead, result }]);
    expect(lead).toEqual(before);
  });

  describe('a plain score result (not a lead score: no grade, band or sales-readiness)', () => {
    const contribution = (ruleId: string, label: string, points: number): ScoreContribution => ({
      ruleId,
      label,
      group: 'fit',
      rawPoints: points,
      decayFactor: 1,
      decayedPoints: points,
      weight: 1,
      cappedPoints: 0,
      points,
      occurrences: 1,
    });
    const plain: ScoreResult = {
      score: 12.345,
      contributions: [contribution('a', 'Small company', -7.126), contribution('b', 'Opened e-mail', 19.471), contribution('c', 'Nothing', 0)],
      disqualifications: [{ ruleId: 'gate', label: 'Competitor' }],
    };

    it('writes only the score and the reasons, a negative reason with its sign and the gates first', () => {
      expect(toSalesforceFields(lead, plain)).toEqual({
        Id: '1501',
        Lead_Score__c: 12.35,
        Score_Reasons__c: 'disqualified: Competitor\nOpened e-mail (+19.47)\nSmall company (-7.13)',
      });
      expect(toHubspotProperties(lead, plain, { score: 'score', grade: '', band: 'band', reasons: 'why', reasonCount: 1 })).toEqual({
        id: '1501',
        properties: { score: '12.35', why: 'disqualified: Competitor\nOpened e-mail (+19.47)' },
      });
    });

    it('leadsToCsv leaves grade, band and sales_ready empty for it', async () => {
      const csv = leadsToCsv([{ lead, result: plain }], { fields: ['id'], reasonCount: 1, delimiter: ';' });
      expect(csv).toBe('id;score;grade;band;sales_ready;reason_1\r\n1501;12.35;;;;disqualified: Competitor');
    });
  });

  it('leadsToCsv writes dates as ISO instants, lists joined by "; ", money as a decimal and its currency, missing values empty', async () => {
    const rich: Lead = {
      ...lead,
      id: 'L-2',
      createdAt: new Date('2024-03-04T05:06:07Z'),
      contact: { seniority: 'c_level' },
      company: { name: 'Acme', industry: 'software', technologies: ['Go', 'Rust'], annualRevenue: { amountMinor: 123_456, currency: 'EUR' } },
    };
    const csv = leadsToCsv([{ lead: rich, result: scorer(rich, { asOf }) }], {
      fields: ['id', 'createdAt', 'company.technologies', 'company.annualRevenue', 'contact.email'],
      reasonCount: 0,
    });
    const rows: string[][] = [];
    for await (const cells of readCsv(csv)) rows.push(cells);
    expect(rows).toEqual([
      ['id', 'createdAt', 'company.technologies', 'company.annualRevenue', 'contact.email', 'score', 'grade', 'band', 'sales_ready'],
      ['L-2', '2024-03-04T05:06:07.000Z', 'Go; Rust', '1234.56 EUR', '', '65', 'hot', 'hot', 'true'],
    ]);
  });
});
