import { cloudStorageIcp, compileIcp, type IcpGrade, type IcpMatch } from '../../src/icp/index.ts';
import type { Lead } from '../../src/models/index.ts';

const grades: readonly IcpGrade[] = ['A', 'B', 'C', 'D', 'F'];

function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

function reasons(match: IcpMatch): string {
  const matched = match.criteria.filter((criterion) => criterion.status === 'matched' && !criterion.exclude).sort((a, b) => b.points - a.points);
  const missed = match.criteria.filter((criterion) => criterion.disqualifies || (criterion.status === 'missed' && !criterion.exclude));
  const parts = [
    ...matched.slice(0, 2).map((criterion) => `+${criterion.points} ${criterion.label}`),
    ...missed.slice(0, 2).map((criterion) => `${criterion.disqualifies ? 'F' : '✗'} ${criterion.label}`),
  ];
  if (match.unknown.length > 0) parts.push(`? ${match.unknown.length} unknown`);
  return parts.join('; ');
}

/**
 * The ICP part of `npm run demo`: the sample leads ranked by fit against the product brief's cloud-storage ICP
 * (score, grade and the top matched and missed criteria for the 15 best), then the grade distribution over all leads.
 */
export function icpDemo(leads: readonly Lead[], asOf: Date): string[] {
  const match = compileIcp(cloudStorageIcp);
  const ranked = leads
    .map((lead, index) => ({ index, fit: match(lead, { asOf }) }))
    .sort((a, b) => b.fit.score - a.fit.score || b.fit.knownWeightShare - a.fit.knownWeightShare || a.index - b.index)
    .map((entry) => entry.fit);
  const lines = [
    `ICP fit of ${leads.length} leads against "${cloudStorageIcp.name ?? cloudStorageIcp.id}" as of ${asOf.toISOString().slice(0, 10)}`,
    `  (score = matched weight ÷ checked weight; missing data is left out of both; "checked" = share of the weight the data allowed to check)`,
    '',
    `  ${'#'.padStart(2)}  ${cell('lead', 9)} ${cell('company', 22)} ${cell('industry', 18)} ${'empl.'.padStart(6)} ${'score'.padStart(5)} grade checked  top matched (+points) / missed (✗)`,
  ];
  ranked.slice(0, 15).forEach((fit, position) => {
    const company = fit.lead.company;
    lines.push(
      `  ${String(position + 1).padStart(2)}  ${cell(fit.lead.id, 9)} ${cell(company?.name ?? '-', 22)} ${cell(company?.industry ?? '-', 18)} ${String(company?.employeeCount ?? '-').padStart(6)} ${String(fit.score).padStart(5)}   ${fit.grade}   ${`${Math.round(fit.knownWeightShare * 100)}%`.padStart(5)}   ${reasons(fit)}`,
    );
  });
  const counts = new Map<IcpGrade, number>(grades.map((grade) => [grade, 0]));
  for (const fit of ranked) counts.set(fit.grade, (counts.get(fit.grade) ?? 0) + 1);
  const widest = Math.max(1, ...counts.values());
  lines.push('', 'Grade distribution (A ≥ 80, B ≥ 60, C ≥ 40, D below, F disqualified):');
  for (const grade of grades) {
    const count = counts.get(grade) ?? 0;
    lines.push(`    ${grade}  ${String(count).padStart(4)}  ${'█'.repeat(Math.round((count / widest) * 40))}`);
  }
  return lines;
}
