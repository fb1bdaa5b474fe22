import { describe, expect, it } from 'vitest';
import { compileScoringModelOrThrow } from '../../src/scoring/index.ts';
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
  const start = lines.indexOf('Top 20 by total:') + 2;
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

  it('lists 20 leads, ranked 1 to 20 by total, highest first', () => {
    expect(lines[0]).toContain(`Scoring ${leads.length} leads`);
    expect(rows.map((row) => row.rank)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(new Set(rows.map((row) => row.leadId)).size).toBe(20);
    for (let index = 1; index < rows.length; index++) expect(rows[index]!.total).toBeLessThanOrEqual(rows[index - 1]!.total);
  });

  it('shows the 20 highest-scoring qualified leads of the sample, with their own fit and engagement', () => {
    const scorer = compileScoringModelOrThrow(demoScoringModel);
    const ids = new Set(leads.map((lead) => lead.id));
    const qualified = leads.filter((lead) => !scorer.isDisqualified(lead, SAMPLE_AS_OF)).map((lead) => scorer.scoreValue(lead, SAMPLE_AS_OF));
    qualified.sort((a, b) => b - a);
    const twentieth = qualified[19] as number;
    for (const row of rows) {
      expect(ids.has(row.leadId)).toBe(true);
      const lead = leads.find((item) => item.id === row.leadId)!;
      expect(scorer.isDisqualified(lead, SAMPLE_AS_OF)).toBe(false);
      expect(scorer.scoreValue(lead, SAMPLE_AS_OF)).toBeGreaterThanOrEqual(twentieth);
      // Each column is rounded to one decimal; the model has no weights or total cap, so total = fit + engagement.
      expect(Math.abs(row.total - (row.fit + row.engagement))).toBeLessThanOrEqual(0.11);
      expect(row.fit).toBeGreaterThanOrEqual(0);
      expect(row.engagement).toBeGreaterThanOrEqual(0);
      expect(row.engagement).toBeLessThanOrEqual(60);
    }
  });

  it('grades every listed lead with a valid matrix cell that matches its fit and engagement', () => {
    for (const row of rows) {
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

  it('gives up to three reasons per lead, labelled from the model, largest first', () => {
    for (const row of rows) {
      const reasons = row.rest
        .replace(/ sales-ready.*$/, '')
        .split('; ')
        .map((text) => {
          const match = /^(.*) ([+-]\d+\.\d)$/.exec(text);
          if (match === null) throw new Error(`not a reason: ${text}`);
          return { label: match[1] as string, points: Number(match[2]) };
        });
      expect(reasons.length).toBeGreaterThanOrEqual(1);
      expect(reasons.length).toBeLessThanOrEqual(3);
      for (const reason of reasons) expect(labels.has(reason.label)).toBe(true);
      for (let index = 1; index < reasons.length; index++) expect(Math.abs(reasons[index]!.points)).toBeLessThanOrEqual(Math.abs(reasons[index - 1]!.points) + 0.05);
    }
  });

  it('counts every lead once in the matrix summary or as disqualified', () => {
    const scorer = compileScoringModelOrThrow(demoScoringModel);
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
    expect(Number(footer![2])).toBeGreaterThanOrEqual(rows.filter((row) => row.rest.includes(' sales-ready')).length);
  });

  it('is deterministic and does not mutate the leads', () => {
    const before = structuredClone(leads);
    expect(scoringDemo(leads, SAMPLE_AS_OF)).toEqual(lines);
    expect(leads).toEqual(before);
  });
});
