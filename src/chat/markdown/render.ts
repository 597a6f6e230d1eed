import { html, type TemplateResult } from 'lit';
import type { Block, Inline } from './ast.js';
import { parseMarkdown } from './parse.js';

/** Settled blocks keep their identity across re-parses, so their templates are built once. */
const rendered = new WeakMap<Block, TemplateResult>();

const inlines = (nodes: Inline[]): unknown[] => nodes.map(inline);

function inline(n: Inline): unknown {
  if (typeof n === 'string') return n;
  switch (n.t) {
    case 'br':
      return html`<br />`;
    case 'code':
      return html`<code>${n.v}</code>`;
    case 'b':
      return html`<strong>${inlines(n.c)}</strong>`;
    case 'i':
      return html`<em>${inlines(n.c)}</em>`;
    case 'a':
      return n.href ? html`<a href=${n.href} target="_blank" rel="noopener noreferrer">${inlines(n.c)}</a>` : inlines(n.c);
  }
}

function block(b: Block): TemplateResult {
  switch (b.t) {
    case 'p':
      return html`<p>${inlines(b.c)}</p>`;
    case 'pre':
      return html`<pre tabindex="0" class=${b.open ? 'open' : ''}><code>${b.v}</code></pre>`;
    case 'list': {
      const items = b.items.map((item) => html`<li>${inlines(item)}</li>`);
      return b.start !== undefined ? html`<ol start=${b.start}>${items}</ol>` : html`<ul>${items}</ul>`;
    }
  }
}

function cached(b: Block): TemplateResult {
  let t = rendered.get(b);
  if (!t) rendered.set(b, (t = block(b)));
  return t;
}

/**
 * Renders the Markdown subset as Lit templates: text only ever becomes text nodes, links only point to
 * checked http(s)/mailto URLs and open in a new tab. Call it on every chunk of a streaming answer.
 */
export function renderMarkdown(text: string): TemplateResult {
  return html`${parseMarkdown(text).map(cached)}`;
}
