/** Draws Mermaid text as SVG in the browser; Mermaid itself is loaded on first use (it is large). */
let counter = 0;

export async function renderMermaid(code: string): Promise<string> {
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
  counter += 1;
  const { svg } = await mermaid.render(`mermaid-diagram-${counter}`, code);
  return svg;
}
