import { describe, expect, it } from 'vitest';
import { compileScoringModel, defineScoringModel } from '../../src/scoring/index.ts';
import { loadSampleLeads, SAMPLE_AS_OF } from '../data/load.ts';
import { demoScoringModel, scoringDemo } from './scoring.ts';

interface Row {
  readonly rank: number;
  readonly leadId: string;
  readonly total: number;
  readonly fit: number;
  readonly engagement: number;
  readonly grade: string;
  readonly rest: string;
}

const rowPattern = /^\s+(\d+)\s+(\S+)\s+(-?\d+\.\d)\s+(-?\d+\.\d)\s+(-?\d+\.\d)\s+(\S+)\s+(.*)$/;

function tableRows(lines: readonly string[]): Row[] {
  const start = lines.indexOf('Every lead by total (disqualified leads last, grade F):') + 2;
  const end = lines.indexOf('', start);
  return lines.slice(start, end).map((line) => {
    const match = rowPattern.exec(line);
    if (match === null) throw new Error(`not a table row: ${line}`);
    const [, rank, leadId, total, fit, engagement, grade, rest] = match as unknown as [string, string, string, string, string, string, string, string];
    return { rank: Number(rank), leadId, total: Number(total), fit: Number(fit), engagement: Number(engagement), grade, rest };
  });
}

// The model's matrix, read from the model itself.
const matrix = demoScoringModel.grading.matrix;
const fitGrade = (fit: number): string => matrix.fit.find((threshold) => fit >= threshold.min)?.grade ?? matrix.fitOtherwise;
const engagementGrade = (engagement: number): string => matrix.engagement.find((threshold) => engagement >= threshold.min)?.grade ?? matrix.engagementOtherwise;
const labels = new Set<string>(demoScoringModel.rules.map((rule) => rule.label));
const salesReadyCells: readonly string[] = matrix.salesReady;
const priority = demoScoringModel.grading.bands.thresholds[0];

describe('scoringDemo', () => {
  const leads = loadSampleLeads();
  const lines = scoringDemo(leads, SAMPLE_AS_OF);
  const rows = tableRows(lines);

  const scorer = compileScoringModel(defineScoringModel(demoScoringModel));
  const byId = new Map(leads.map((lead) => [lead.id, lead]));
  const isDisqualified = (row: Row): boolean => scorer.isDisqualified(byId.get(row.leadId)!, SAMPLE_AS_OF);

  it('lists every sample lead once, ranked 1 to N: qualified leads by total, highest first, then the disqualified', () => {
    expect(lines[0]).toContain(`Scoring ${leads.length} leads`);
    expect(rows.map((row) => row.rank)).toEqual(Array.from({ length: leads.length }, (_, index) => index + 1));
    expect(new Set(rows.map((row) => row.leadId))).toEqual(new Set(leads.map((lead) => lead.id)));
    const firstDisqualified = rows.findIndex(isDisqualified);
    expect(firstDisqualified).toBeGreaterThan(0);
    expect(rows.slice(firstDisqualified).every(isDisqualified)).toBe(true);
    for (const part of [rows.slice(0, firstDisqualified), rows.slice(firstDisqualified)])
      for (let index = 1; index < part.length; index++) expect(part[index]!.total).toBeLessThanOrEqual(part[index - 1]!.total);
  });

  it("shows each lead's own total, fit and engagement", () => {
    for (const row of rows) {
      const lead = byId.get(row.leadId)!;
      const result = scorer(lead, { asOf: SAMPLE_AS_OF });
      // One decimal, rounded half up: within 0.05 of the exact figure.
      expect(Math.abs(row.total - result.score)).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(row.fit - result.fit)).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(row.engagement - result.engagement)).toBeLessThanOrEqual(0.05 + 1e-9);
      // Each column is rounded to one decimal; the model has no weights or total cap, so total = fit + engagement.
      expect(Math.abs(row.total - (row.fit + row.engagement))).toBeLessThanOrEqual(0.11);
      expect(row.fit).toBeGreaterThanOrEqual(0);
      expect(row.engagement).toBeGreaterThanOrEqual(0);
      expect(row.engagement).toBeLessThanOrEqual(60);
    }
  });

  it('grades every qualified lead with the matrix cell of its fit and engagement, and every disqualified lead F with its gate', () => {
    const gateLabels = demoScoringModel.rules.filter((rule) => rule.kind === 'disqualify').map((rule) => rule.label);
    for (const row of rows) {
      if (isDisqualified(row)) {
        expect(row.grade).toBe('F');
        expect(row.rest).toMatch(new RegExp(` disqualified: (${gateLabels.join('|')})`));
        expect(row.rest).not.toContain(' sales-ready');
        continue;
      }
      expect(row.grade).toMatch(/^[A-D][1-4]$/);
      // Fit points are whole numbers, so the rounded column decides the letter exactly.
      expect(row.grade[0]).toBe(fitGrade(row.fit));
      const nearEngagementThreshold = matrix.engagement.some((threshold) => Math.abs(row.engagement - threshold.min) <= 0.05);
      if (!nearEngagementThreshold) expect(row.grade[1]).toBe(engagementGrade(row.engagement));
      const override = row.rest.endsWith('(override)');
      const salesReady = row.rest.includes(' sales-ready');
      // Sales-ready: a sales-ready cell, the sales-ready band (a total of at least 50), or the demo-request override.
      if (override) expect(salesReady).toBe(true);
      else if (Math.abs(row.total - priority.min) > 0.05) expect(salesReady).toBe(salesReadyCells.includes(row.grade) || row.total >= priority.min);
    }
  });

  it('gives up to three reasons per lead, labelled from the model, largest first ("no points" when there are none)', () => {
    for (const row of rows) {
      const text = row.rest.replace(/ (sales-ready|\(override\)|disqualified:).*$/, '');
      const lead = byId.get(row.leadId)!;
      if (text === 'no points') {
        // Nothing scored, or what did was taken back by a floor (a negative fit raised to 0).
        expect(scorer(lead, { asOf: SAMPLE_AS_OF }).contributions.every((item) => item.points === 0)).toBe(true);
        continue;
      }
      const reasons = text.split('; ').map((item) => {
        const match = /^(.*) ([+-]\d+\.\d)$/.exec(item);
        if (match === null) throw new Error(`not a reason: ${item}`);
        return { label: match[1] as string, points: Number(match[2]) };
      });
      expect(reasons.length).toBeGreaterThanOrEqual(1);
      expect(reasons.length).toBeLessThanOrEqual(3);
      for (const reason of reasons) expect(labels.has(reason.label)).toBe(true);
      for (let index = 1; index < reasons.length; index++)
        expect(Math.abs(reasons[index]!.points)).toBeLessThanOrEqual(Math.abs(reasons[index - 1]!.points) + 0.05);
    }
  });

  it('counts every lead once in the matrix summary or as disqualified', () => {
    const start = lines.findIndex((line) => line.startsWith('Grade matrix'));
    const grid = lines.slice(start + 2, start + 6).map((line) => line.trim().split(/\s+/));
    expect(grid.map((cells) => cells[0])).toEqual(['A', 'B', 'C', 'D']);
    const inGrid = grid.flatMap((cells) => cells.slice(1).map(Number)).reduce((sum, count) => sum + count, 0);
    const footer = /F: (\d+) disqualified · sales-ready: (\d+) of (\d+)/.exec(lines[start + 6] ?? '');
    expect(footer).not.toBeNull();
    const disqualified = leads.filter((lead) => scorer.isDisqualified(lead, SAMPLE_AS_OF)).length;
    expect(Number(footer![1])).toBe(disqualified);
    expect(inGrid + disqualified).toBe(leads.length);
    expect(Number(footer![3])).toBe(leads.length);
    expect(Number(footer![2])).toBe(rows.filter((row) => row.rest.includes(' sales-ready')).length);
  });

  it('is deterministic and does not mutate the leads', () => {
    const before = structuredClone(leads);
    expect(scoringDemo(leads, SAMPLE_AS_OF)).toEqual(lines);
    expect(leads).toEqual(before);
  });
});
