import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineFunnel } from './define-funnel.ts';
import { toMermaid } from './mermaid.ts';
import { b2bFunnel } from './presets/b2b.ts';
import { hubspotLifecycleFunnel } from './presets/hubspot.ts';
import { salesforceLeadStatusFunnel } from './presets/salesforce-lead.ts';
import { salesforceOpportunityFunnel } from './presets/salesforce-opportunity.ts';

describe('toMermaid', () => {
  it('draws states, entry arrows, transitions and terminal arrows', () => {
    const diagram = toMermaid(b2bFunnel);
    const lines = diagram.split('\n');
    expect(lines[0]).toBe('stateDiagram-v2');
    expect(lines).toContain('    state "Marketing-qualified lead" as mql');
    expect(lines).toContain('    [*] --> lead: capture');
    expect(lines).toContain('    mql --> sql: qualify');
    expect(lines).toContain('    disqualified --> [*]');
    expect(lines).toContain('    class customer, evangelist kind_won');
    const arrows = lines.filter((line) => line.includes('-->') && !line.includes('[*]'));
    const expected = new Set(b2bFunnel.transitions.flatMap((transition) => (transition.from ?? []).map((from) => `${from}>${transition.to}`)));
    expect(arrows.length).toBe(expected.size);
  });

  it('merges events between the same stages, escapes labels and makes ids safe', () => {
    const funnel = defineFunnel({
      id: 'odd',
      stages: [
        { id: '1-new lead', label: 'New "hot" lead', kind: 'open' },
        { id: '1_new_lead', label: 'Clash', kind: 'open' },
        { id: 'won', label: 'Won', kind: 'won' },
      ],
      transitions: [
        { event: 'in', from: null, to: '1-new lead' },
        { event: 'a', from: ['1-new lead'], to: '1_new_lead' },
        { event: 'b;c', from: ['1-new lead'], to: '1_new_lead' },
        { event: 'win', from: ['1_new_lead'], to: 'won' },
      ],
      policy: { forwardOnly: false },
    });
    const diagram = toMermaid(funnel, { direction: 'LR' });
    expect(diagram).toContain('    direction LR');
    expect(diagram).toContain('    state "New #quot;hot#quot; lead" as s_1_new_lead');
    expect(diagram).toContain('    state "Clash" as s_1_new_lead_2');
    expect(diagram).toContain('    s_1_new_lead --> s_1_new_lead_2: a, b c');
  });

  // Regression (issue 12, item 11): a stage label passed `%%{init: …}%%` through, and Mermaid applies a directive
  // wherever it appears in the text, so a stored definition could restyle or break the diagram.
  it('escapes labels so that a definition can neither restyle nor break the diagram', () => {
    const funnel = defineFunnel({
      id: 'hostile',
      stages: [
        { id: 'lead', label: '%%{init: {"theme": "dark"}}%% Lead', kind: 'open' },
        { id: 'won', label: 'Won\n    classDef evil fill:#f00 %% <img src=x> `md` \\', kind: 'won' },
      ],
      transitions: [
        { event: 'in', from: null, to: 'lead' },
        { event: 'win', from: ['lead'], to: 'won' },
      ],
    });
    const diagram = toMermaid(funnel);
    expect(diagram).not.toContain('%%');
    expect(diagram.split('\n')).toEqual([
      'stateDiagram-v2',
      '    state "#37;#37;{init: {#quot;theme#quot;: #quot;dark#quot;}}#37;#37; Lead" as lead',
      '    state "Won     classDef evil fill:#35;f00 #37;#37; #lt;img src=x#gt; #96;md#96; #92;" as won',
      '    [*] --> lead: in',
      '    lead --> won: win',
      '    won --> [*]',
      '    classDef kind_won fill:#d4f7dc,stroke:#2e7d32',
      '    class won kind_won',
    ]);
    expect(() => toMermaid(funnel, { direction: 'LR\n%%{init: {}}%%' as 'LR' })).toThrow(RangeError);
  });

  it('squeezes runs of unsafe characters in events and labels to one space, and numbers every clashing id', () => {
    const funnel = defineFunnel({
      id: 'runs',
      stages: [
        { id: 'a-b', label: 'Two\n\nlines', kind: 'open' },
        { id: 'a_b', label: 'B', kind: 'open' },
        { id: 'a.b', label: 'C', kind: 'open' },
        { id: 'won', label: 'Won', kind: 'won' },
      ],
      transitions: [
        { event: ';;in;;', from: null, to: 'a-b' },
        { event: 'x;;y', from: ['a-b'], to: 'a_b' },
        { event: 'z', from: ['a_b'], to: 'a.b' },
        { event: 'win', from: ['a.b'], to: 'won' },
      ],
    });
    expect(toMermaid(funnel).split('\n').slice(1, 8)).toEqual([
      '    state "Two lines" as a_b',
      '    state "B" as a_b_2',
      '    state "C" as a_b_3',
      '    state "Won" as won',
      '    [*] --> a_b: in',
      '    a_b --> a_b_2: x y',
      '    a_b_2 --> a_b_3: z',
    ]);
    expect(toMermaid(funnel, { direction: 'TB' }).split('\n')[1]).toBe('    direction TB');
    expect(() => toMermaid(funnel, { direction: 'RL' as 'LR' })).toThrow(`toMermaid: direction must be 'LR' or 'TB', not "RL"`);
  });

  it('is deterministic and does not mutate the funnel', () => {
    const before = JSON.stringify(b2bFunnel);
    expect(toMermaid(b2bFunnel)).toBe(toMermaid(b2bFunnel));
    expect(JSON.stringify(b2bFunnel)).toBe(before);
  });
});

describe('docs/funnel.md', () => {
  const doc = readFileSync(new URL('../../docs/funnel.md', import.meta.url), 'utf8');
  const diagrams = new Map(Array.from(doc.matchAll(/<!-- diagram: ([a-z0-9-]+) -->\n```mermaid\n([\s\S]*?)\n```/g), (match) => [match[1], match[2]]));
  const presets = {
    b2b: b2bFunnel,
    hubspot: hubspotLifecycleFunnel,
    'salesforce-lead': salesforceLeadStatusFunnel,
    'salesforce-opportunity': salesforceOpportunityFunnel,
  };

  it.each(Object.entries(presets))('shows the %s preset exactly as toMermaid draws it', (name, funnel) => {
    expect(diagrams.get(name)).toBe(toMermaid(funnel));
  });
});
