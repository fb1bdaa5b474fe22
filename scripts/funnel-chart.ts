/**
 * Draws the funnel chart of docs/metrics.md (docs/img/funnel.svg) from the funnel report of the sample records
 * (the 400 sample leads walked through the B2B funnel by the funnel demo). Run: `npx tsx scripts/funnel-chart.ts`.
 */
import { writeFileSync } from 'node:fs';
import { loadSampleLeads, SAMPLE_AS_OF } from '../examples/data/load.ts';
import { funnelDemo } from '../examples/demo/funnel.ts';
import { b2bFunnel } from '../src/funnel/index.ts';
import { funnelReport, type StageMetrics } from '../src/metrics/index.ts';

/** Renders the path stages of a report as an SVG funnel: one centred bar per stage, width ∝ records entered. */
export function funnelSvg(stages: readonly StageMetrics[], title: string): string {
  const width = 960;
  const barHeight = 44;
  const gap = 10;
  const top = 56;
  const maxWidth = 420;
  const centre = 470;
  const largest = Math.max(1, ...stages.map((stage) => stage.entered));
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${top + stages.length * (barHeight + gap) + 24}" viewBox="0 0 ${width} ${top + stages.length * (barHeight + gap) + 24}" font-family="system-ui, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="32" font-size="18" font-weight="600" text-anchor="middle" fill="#1f2937">${escape(title)}</text>`,
  ];
  stages.forEach((stage, index) => {
    const y = top + index * (barHeight + gap);
    const barWidth = Math.max(4, (stage.entered / largest) * maxWidth);
    const shade = Math.round(40 + (index / Math.max(1, stages.length - 1)) * 120);
    parts.push(
      `<text x="${centre - maxWidth / 2 - 16}" y="${y + 28}" font-size="15" text-anchor="end" fill="#1f2937">${escape(stage.label)}</text>`,
      `<rect x="${(centre - barWidth / 2).toFixed(1)}" y="${y}" width="${barWidth.toFixed(1)}" height="${barHeight}" rx="4" fill="rgb(37,${99 + shade / 4},${235 - shade / 2})"/>`,
      `<text x="${centre + maxWidth / 2 + 16}" y="${y + 20}" font-size="15" font-weight="600" fill="#1f2937">${stage.entered}</text>`,
    );
    if (stage.nextStageConversionRate !== undefined && index < stages.length - 1)
      parts.push(`<text x="${centre + maxWidth / 2 + 16}" y="${y + 38}" font-size="12" fill="#4b5563">↓ ${(stage.nextStageConversionRate * 100).toFixed(1)}% reach the next stage</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const { records } = funnelDemo(loadSampleLeads(), SAMPLE_AS_OF);
  const report = funnelReport(records, { funnel: b2bFunnel, asOf: SAMPLE_AS_OF });
  const shown = report.overall.stages.filter((stage) => stage.onPath && stage.entered > 0);
  const target = new URL('../docs/img/funnel.svg', import.meta.url);
  writeFileSync(target, funnelSvg(shown, `B2B funnel of the sample data (${report.overall.records} records, as of ${SAMPLE_AS_OF.toISOString().slice(0, 10)})`));
  console.log(`wrote ${target.pathname}`);
}
