import { describe, expect, it } from 'vitest';
import { runDemo } from './demo.ts';

describe('npm run demo', () => {
  const sections = runDemo();
  const text = (index: number) => sections[index]?.lines.join('\n') ?? '';

  it('runs every part of leadkit on the sample data', () => {
    expect(sections.map((section) => section.title.split(':')[0])).toEqual([
      '1. ICP fit',
      '2. Lead scoring',
      '3. Qualification',
      '4. The B2B funnel',
      '5. Predictive scoring',
      '6. Funnel report of the sample data',
    ]);
    for (const section of sections) expect(section.lines.length).toBeGreaterThan(3);
  });

  it('ranks the ICP fit from best to worst', () => {
    const scores = sections[0]!.lines
      .map((line) => /^\s+\d+\s+lead-\d+\s.*?\s(\d+)\s+([A-DF])\s+\d+%/.exec(line))
      .filter((match) => match !== null)
      .map((match) => Number(match[1]));
    expect(scores.length).toBe(15);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(text(0)).toMatch(/A\s+\d+/);
  });

  it('shows BANT verdicts with next questions', () => {
    expect(text(2)).toMatch(/Qualified by BANT/);
    expect(text(2)).toMatch(/ask \(\w+, (unknown|weak)\): .+\?/);
  });

  it('walks the leads through the funnel, each stage reached by no more than the one before it', () => {
    const reached = [...text(3).matchAll(/reached (Lead|Marketing-qualified lead|Sales-qualified lead|Opportunity|Customer)\s+(\d+)/g)].map((match) =>
      Number(match[2]),
    );
    expect(reached).toHaveLength(5);
    for (let i = 1; i < reached.length; i++) expect(reached[i]).toBeLessThanOrEqual(reached[i - 1]!);
  });

  it('shows a prediction with its factors and ends with the funnel report', () => {
    expect(text(4)).toMatch(/ROC AUC 0\.\d\d/);
    expect(text(4)).toMatch(/odds of winning/);
    expect(text(5)).toMatch(/Win rate won \/ \(won \+ lost\)/);
  });
});
