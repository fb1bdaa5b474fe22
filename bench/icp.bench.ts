/**
 * ICP matching speed on 50,000 synthetic leads against the product brief's cloud-storage ICP: leadkit's compiled
 * matcher (full explanation: per-criterion status, values, reasons and points) against a hand-written function that
 * computes only the score and grade for the same six criteria. Both sides are checked to agree on every lead first.
 * Run: npx tsx bench/icp.bench.ts
 */
import { cloudStorageIcp, compileIcp } from '../src/icp/index.ts';
import type { Lead } from '../src/models/index.ts';
import { MILLISECONDS_PER_DAY } from '../src/internal/instant.ts';
import { generateLeads } from '../src/testing/index.ts';
import { benchChecksum, rate } from './harness.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const asOfMs = asOf.getTime();
const leads = generateLeads({ seed: 7, count: 50_000, asOf, activities: { min: 0, max: 6 } });
const match = compileIcp(cloudStorageIcp);

const industries = new Set(['technology', 'software']);
const titlePhrases = [['it', 'director'], ['director', 'of', 'it'], ['head', 'of', 'it'], ['cto'], ['chief', 'technology', 'officer']];
const windowMs = 90 * MILLISECONDS_PER_DAY;

/**
 * The cloud-storage ICP written by hand: score over the known weight, grade A–D. Text is compared as conditions do
 * (lower-cased, nothing trimmed; empty text is missing), the intent window is inclusive (`0 <= age <= 90 days`).
 */
function handWrittenFit(lead: Lead): { score: number; grade: string } {
  let matched = 0;
  let known = 0;
  const company = lead.company;
  const industry = company?.industry;
  if (industry !== undefined && industry !== '') {
    known += 3;
    if (industries.has(industry.toLowerCase())) matched += 3;
  }
  const employees = company?.employeeCount;
  if (employees !== undefined) {
    known += 2;
    if (employees >= 50 && employees <= 200) matched += 2;
  }
  const revenue = company?.annualRevenue;
  if (revenue !== undefined && revenue.currency === 'USD') {
    known += 2;
    if (revenue.amountMinor >= 1_000_000_000 && revenue.amountMinor <= 5_000_000_000) matched += 2;
  }
  const pains = lead.painPoints;
  if (pains !== undefined && pains.length > 0) {
    known += 2;
    if (pains.some((pain) => pain.toLowerCase().includes('scalable storage'))) matched += 2;
  }
  known += 3;
  for (const activity of lead.activities) {
    const age = asOfMs - activity.at.getTime();
    if (!(age >= 0 && age <= windowMs)) continue;
    if (
      activity.type === 'demo_requested' ||
      (activity.type === 'page_viewed' && (activity.pageKind === 'pricing' || activity.url.toLowerCase().includes('/pricing')))
    ) {
      matched += 3;
      break;
    }
  }
  const title = lead.contact.jobTitle;
  if (title !== undefined && title !== '') {
    known += 2;
    const words = title
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== '');
    const has = (phrase: string[]) => {
      for (let start = 0; start + phrase.length <= words.length; start++) if (phrase.every((word, offset) => words[start + offset] === word)) return true;
      return false;
    };
    if (titlePhrases.some(has)) matched += 2;
  }
  const score = known > 0 ? Math.round((100 * matched) / known) : 0;
  return { score, grade: score >= 80 ? 'A' : score >= 60 ? 'B' : score >= 40 ? 'C' : 'D' };
}

// Correctness first: every lead, both sides, the same score and grade.
for (const lead of leads) {
  const expected = handWrittenFit(lead);
  const actual = match(lead, { asOf });
  if (actual.score !== expected.score || actual.grade !== expected.grade)
    throw new Error(`mismatch for ${lead.id}: leadkit ${actual.score} ${actual.grade}, hand-written ${expected.score} ${expected.grade}`);
}

const options = { asOf };
const handWritten = rate(() => {
  let total = 0;
  for (const lead of leads) total += handWrittenFit(lead).score;
  return total;
}, leads.length);
const explained = rate(() => {
  let total = 0;
  for (const lead of leads) total += match(lead, options).score;
  return total;
}, leads.length);

if (benchChecksum() === -1) console.log(benchChecksum());
console.log(
  `BENCH icp-match-explained ops_per_s=${Math.round(explained)} baseline_ops_per_s=${Math.round(handWritten)} ratio=${(explained / handWritten).toFixed(3)}`,
);
