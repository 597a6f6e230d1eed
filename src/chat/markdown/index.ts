import { html, type TemplateResult } from 'lit';
import { inline } from './inline.js';
import { BlockScanner, type Block } from './blocks.js';
import { headingText, listItem } from './lines.js';

/**
 * Renders a group of lines: paragraphs (lines joined by line breaks), headings (bold paragraphs: chat answers
 * have no outline) and bulleted or numbered lists, which do not nest; a line that is no item continues the
 * list's last item.
 */
function renderLines(lines: readonly string[]): unknown[] {
  const out: unknown[] = [];
  let paragraph: string[] | undefined;
  let items: string[] | undefined;
  let start: string | undefined;
  const close = () => {
    if (paragraph) out.push(html`<p>${inline(paragraph.join('\n'))}</p>`);
    if (items) {
      const rendered = items.map((item) => html`<li>${inline(item)}</li>`);
      out.push(start ? html`<ol start=${start}>${rendered}</ol>` : html`<ul>${rendered}</ul>`);
    }
    paragraph = items = undefined;
  };
  for (const line of lines) {
    const heading = headingText(line);
    const item = heading === undefined ? listItem(line) : undefined;
    if (heading !== undefined) {
      close();
      out.push(html`<p><strong>${inline(heading)}</strong></p>`);
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
  return out;
}

const renderBlock = (block: Block): unknown =>
  block.kind === 'code'
    ? html`<pre tabindex="0" class=${block.open ? 'open' : ''}><code>${block.pieces}</code></pre>`
    : block.kind === 'plain'
      ? html`<p>${block.text}</p>`
      : renderLines(block.lines);

/** What one block costs to show beyond its characters (its elements), in characters. */
const BLOCK_COST = 32;

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
   * The text so far as templates. `budget` bounds the characters of newly settled blocks rendered by this
   * call (a 100 KB answer arriving at once is shown over several calls, each a short task); the open tail is
   * shown once every settled block is. While `streaming`, a long unfinished line shows as plain text until it
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
      this.#rendered.push(renderBlock(block));
      spent += block.size + BLOCK_COST;
    }
    const complete = this.#rendered.length === settled.length;
    const shown = complete ? [...this.#rendered, ...tail.map(renderBlock)] : [...this.#rendered];
    return { template: html`${shown}`, complete };
  }
}

/** A whole text rendered at once (a template's text, a restored answer): see {@link MarkdownStream}. */
export const renderMarkdown = (text: string): TemplateResult => new MarkdownStream().render(text).template;
