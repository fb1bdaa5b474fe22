/**
 * Build-time markdown for the site (runs in Node, inside VitePress's markdown-it): the guides stay the single source
 * and read well on GitHub, and the site renders them with three additions.
 *
 * - ```mermaid blocks become a `<MermaidDiagram>` (drawn in the browser by Mermaid); a block after a
 *   `<!-- diagram: NAME -->` marker is replaced by `toMermaid` of that preset, so the site always shows what the
 *   current code draws (the copy in docs/funnel.md is for GitHub readers and is held to the same output by a test).
 * - A `<!-- lead-fields -->` marker becomes the table of the Lead's JSON fields, read from the JSON Schema
 *   (`schemas/Lead.json`) with each field's TSDoc from `src/models/*.ts`.
 * - A link that leaves `docs/` (`../examples/plugin-spiced/README.md`) points to the file in the repository.
 */
import { join, posix } from 'node:path';
import type { MarkdownRenderer } from 'vitepress';
import { b2bFunnel, hubspotLifecycleFunnel, salesforceLeadStatusFunnel, salesforceOpportunityFunnel, toMermaid } from '../../src/funnel/index.ts';
import { leadFieldsMarkdown } from './lead-fields.ts';

/** The repository's page for a file (the README's and the site's links to files that are not pages). */
export const REPOSITORY_URL = 'https://github.com/leadkit/leadkit';

const presets = {
  b2b: b2bFunnel,
  hubspot: hubspotLifecycleFunnel,
  'salesforce-lead': salesforceLeadStatusFunnel,
  'salesforce-opportunity': salesforceOpportunityFunnel,
};

/** The Mermaid text of a preset named in a `<!-- diagram: NAME -->` marker. */
export function presetDiagram(name: string): string {
  const funnel = presets[name as keyof typeof presets];
  if (funnel === undefined) throw new Error(`<!-- diagram: ${name} -->: no such funnel preset (${Object.keys(presets).join(', ')})`);
  return toMermaid(funnel);
}

/** A heading's id as GitHub makes it: lower case, punctuation dropped (not `-` or `_`), each space a `-`. */
export function githubSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

const root = join(import.meta.dirname, '..', '..');

/** Adds the site's rules to VitePress's markdown-it. */
export function siteMarkdown(md: MarkdownRenderer): void {
  const fence = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, index, options, env, self) => {
    const token = tokens[index];
    if (token !== undefined && token.info.trim() === 'mermaid') {
      const previous = tokens[index - 1];
      const marker = previous?.type === 'html_block' ? /<!-- diagram: ([a-z0-9-]+) -->/.exec(previous.content) : null;
      const code = marker?.[1] === undefined ? token.content : presetDiagram(marker[1]);
      return `<MermaidDiagram code="${encodeURIComponent(code)}" />\n`;
    }
    return fence === undefined ? self.renderToken(tokens, index, options) : fence(tokens, index, options, env, self);
  };

  md.core.ruler.push('leadkit-site', (state) => {
    const relativePath: string = state.env?.relativePath ?? '';
    for (const token of state.tokens) {
      if (token.type === 'html_block' && token.content.trim() === '<!-- lead-fields -->') {
        token.content = md.render(leadFieldsMarkdown(root), state.env);
      }
      for (const child of token.children ?? []) {
        if (child.type !== 'link_open') continue;
        const href = child.attrGet('href');
        if (href === null || /^[a-z]+:|^#|^\//i.test(href)) continue;
        const target = posix.normalize(posix.join(posix.dirname(relativePath), href));
        if (target.startsWith('../')) child.attrSet('href', `${REPOSITORY_URL}/blob/main/${target.slice(3)}`);
      }
    }
  });
}
