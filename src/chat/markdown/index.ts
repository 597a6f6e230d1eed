import { html, type TemplateResult } from 'lit';
import { inline } from './inline.js';
import { BlockScanner, type Block } from './blocks.js';
import { headingText, listItem } from './lines.js';

/** What a rendered block costs beyond its characters, in characters: per block, and per node it holds. */
const BLOCK_COST = 32;
const NODE_COST = 16;

/** Inline Markdown of one text, counting the nodes it makes into `cost`. */
function counted(text: string, cost: { nodes: number }): unknown[] {
  const nodes = inline(text);
  cost.nodes += nodes.length;
  return nodes;
}

/**
 * Renders a group of lines: paragraphs (lines joined by line breaks), headings (bold paragraphs: chat answers
 * have no outline) and bulleted or numbered lists, which do not nest; a line that is no item continues the
 * list's last item.
 */
function renderLines(lines: readonly string[], cost: { nodes: number }): unknown[] {
  const out: unknown[] = [];
  let paragraph: string[] | undefined;
  let items: string[] | undefined;
  let start: string | undefined;
  const close = () => {
    if (paragraph) out.push(html`<p>${counted(paragraph.join('\n'), cost)}</p>`);
    if (items) {
      const rendered = items.map((item) => html`<li>${counted(item, cost)}</li>`);
      out.push(start ? html`<ol start=${start}>${rendered}</ol>` : html`<ul>${rendered}</ul>`);
    }
    paragraph = items = undefined;
  };
  for (const line of lines) {
    const heading = headingText(line);
    const item = heading === undefined ? listItem(line) : undefined;
    if (heading !== undefined) {
      close();
      out.push(html`<p><strong>${counted(heading, cost)}</strong></p>`);
    } else if (item) {
      if (!items || !start !== !item.number) {
        close();
        items = [];
        start = item.number;
      }
      items.push(item.text);
    } else if (items) items[items.length - 1] += '\n' + line.trim();
    else (paragraph ??= []).push(line.trim());
  }
  close();
  cost.nodes += out.length;
  return out;
}

/**
 * One block as templates, and what showing it costs in characters: its own, and {@link NODE_COST} for each
 * element or text node (ten thousand links in a line cost far more to show than their characters say).
 */
function renderBlock(block: Block): { template: unknown; cost: number } {
  const cost = { nodes: 1 };
  const template =
    block.kind === 'code'
      ? html`<pre tabindex="0" class=${block.open ? 'open' : ''}><code>${block.pieces}</code></pre>`
      : block.kind === 'plain'
        ? html`<p>${block.text}</p>`
        : renderLines(block.lines, cost);
  return { template, cost: block.size + BLOCK_COST + NODE_COST * cost.nodes };
}

/** Markdown rendered so far, and whether that is all of it. */
export interface RenderedMarkdown {
  readonly template: TemplateResult;
  /** False when settled blocks were left for the next call, to keep this one's work within its budget. */
  readonly complete: boolean;
}

/**
 * Renders one growing text — a streaming answer — in the Markdown subset: paragraphs, line breaks, headings,
 * bold, italic, inline and fenced code, bulleted and numbered lists, http(s)/mailto links opening in a new
 * tab, as Lit templates; text only ever becomes text nodes. Call `render` on every chunk: only what the text
 * adds is scanned, every settled block is rendered once and reused, and only the open tail is rendered again.
 */
export class MarkdownStream {
  readonly #scanner = new BlockScanner();
  #settled: readonly Block[] = [];
  #rendered: unknown[] = [];

  /**
   * The text so far as templates. `budget` bounds the cost of newly settled blocks rendered by this call
   * (characters, plus a share per element and text node): a 100 KB answer arriving at once is shown over
   * several calls, each a short task. The open tail is shown once every settled block is. While `streaming`,
   * a long unfinished line shows as plain text until it
   * ends (parsing it again on every chunk would cost time quadratic in it).
   */
  render(text: string, { budget = Infinity, streaming = false } = {}): RenderedMarkdown {
    const tail = this.#scanner.update(text, streaming);
    const settled = this.#scanner.settled;
    if (settled !== this.#settled) {
      this.#settled = settled;
      this.#rendered = [];
    }
    let spent = 0;
    while (this.#rendered.length < settled.length && spent < budget) {
      const block = settled[this.#rendered.length];
      if (!block) break;
      const { template, cost } = renderBlock(block);
      this.#rendered.push(template);
      spent += cost;
    }
    const complete = this.#rendered.length === settled.length;
    const shown = complete
      ? [...this.#rendered, ...tail.map((block) => renderBlock(block).template)]
      : [...this.#rendered];
    return { template: html`${shown}`, complete };
  }
}

/** A whole text rendered at once (a template's text, a restored answer): see {@link MarkdownStream}. */
export const renderMarkdown = (text: string): TemplateResult => new MarkdownStream().render(text).template;
