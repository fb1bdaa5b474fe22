/**
 * Draws the funnel chart of docs/metrics.md (docs/img/funnel.svg) from the funnel report of the sample records
 * (the 400 sample leads walked through the B2B funnel by the funnel demo). Run: `npx tsx scripts/funnel-chart.ts`
 * after regenerating the sample (`npx tsx examples/data/generate.ts`).
 */
import { writeFileSync } from 'node:fs';
import { loadSampleLeads, SAMPLE_AS_OF } from '../examples/data/load.ts';
import { funnelDemo } from '../examples/demo/funnel.ts';
import { b2bFunnel } from '../src/funnel/index.ts';
import { funnelReport, type StageMetrics } from '../src/metrics/index.ts';

/** ` · median 3.6 days in stage` for an open stage (its latest stays, as the funnel report gives them). */
function dwell(stage: StageMetrics): string {
  const median = stage.timeInStage.latest.median;
  return stage.kind !== 'open' || median === undefined
    ? ''
    : `<tspan font-size="12" font-weight="400" fill="#4b5563"> · median ${median.toFixed(1)} days in stage</tspan>`;
}

/**
 * Renders the path stages of a report as an SVG funnel: one centred bar per stage, width ∝ records entered, with
 * the median time in each open stage and the share that reaches the next stage.
 */
export function funnelSvg(stages: readonly StageMetrics[], title: string): string {
  const width = 960;
  const barHeight = 44;
  const gap = 10;
  const top = 56;
  const maxWidth = 420;
  const centre = 470;
  const largest = Math.max(1, ...stages.map((stage) => stage.entered));
  const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${top + stages.length * (barHeight + gap) + 24}" viewBox="0 0 ${width} ${top + stages.length * (barHeight + gap) + 24}" font-family="system-ui, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="32" font-size="18" font-weight="600" text-anchor="middle" fill="#1f2937">${escapeXml(title)}</text>`,
  ];
  stages.forEach((stage, index) => {
    const y = top + index * (barHeight + gap);
    const barWidth = Math.max(4, (stage.entered / largest) * maxWidth);
    const shade = Math.round(40 + (index / Math.max(1, stages.length - 1)) * 120);
    parts.push(
      `<text x="${centre - maxWidth / 2 - 16}" y="${y + 28}" font-size="15" text-anchor="end" fill="#1f2937">${escapeXml(stage.label)}</text>`,
      `<rect x="${(centre - barWidth / 2).toFixed(1)}" y="${y}" width="${barWidth.toFixed(1)}" height="${barHeight}" rx="4" fill="rgb(37,${99 + shade / 4},${235 - shade / 2})"/>`,
      `<text x="${centre + maxWidth / 2 + 16}" y="${y + 20}" font-size="15" font-weight="600" fill="#1f2937">${stage.entered}${dwell(stage)}</text>`,
    );
    if (stage.nextStageConversionRate !== undefined && index < stages.length - 1)
      parts.push(
        `<text x="${centre + maxWidth / 2 + 16}" y="${y + 38}" font-size="12" fill="#4b5563">↓ ${(stage.nextStageConversionRate * 100).toFixed(1)}% reach the next stage</text>`,
      );
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

/** The chart of the sample records, as committed in docs/img/funnel.svg. */
export function sampleFunnelChart(): string {
  const { records } = funnelDemo(loadSampleLeads(), SAMPLE_AS_OF);
  const report = funnelReport(records, { funnel: b2bFunnel, asOf: SAMPLE_AS_OF });
  const shown = report.overall.stages.filter((stage) => stage.onPath && stage.entered > 0);
  return funnelSvg(shown, `B2B funnel of the sample data (${report.overall.records} records, as of ${SAMPLE_AS_OF.toISOString().slice(0, 10)})`);
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const target = new URL('../docs/img/funnel.svg', import.meta.url);
  writeFileSync(target, sampleFunnelChart());
  console.log(`wrote ${target.pathname}`);
}
