import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the README tour (examples/tour.ts)', () => {
  it('runs and shows a fit, an explained score, a prospect and a funnel stage', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', new URL('./tour.ts', import.meta.url).pathname], { encoding: 'utf8' });
    expect(output).toMatch(/^ICP fit 100 \(A\); score \d+\.\d \(priority\)$/m);
    expect(output).toMatch(/Demo requested \[engagement\] \(decayed to \d+% of \+40\)/);
    expect(output).toMatch(/^prospect, qualified by bant$/m);
    expect(output).toMatch(/^funnel stage: lead$/m);
  });
});
