import { html, type TemplateResult } from 'lit';
import { inline } from './inline.js';

/** A fence opens with 3+ backticks (whose info string has none) or tildes. */
const FENCE = /^ {0,3}(`{3,}(?!.*`)|~{3,})(.*)$/;
const HEADING = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/;
const ITEM = /^\s*(?:[-*+]|(\d{1,9})[.)])\s+(.*)$/;

/** Rendered blocks by their source; a block followed by another can no longer change. */
const cache = new Map<string, unknown>();

/**
 * Renders the lines of one block: fenced code (`open` while its closing fence has not arrived yet; the
 * block then lacks that line), or paragraphs (lines joined by line breaks), headings (bold paragraphs: chat
 * answers have no outline) and bulleted or numbered lists, which do not nest.
 */
function block(source: string, open?: unknown): unknown {
  const lines = source.split('\n');
  if (FENCE.test(lines[0]!)) {
    return html`<pre tabindex="0" class=${open ? 'open' : ''}><code>${lines.slice(1, open ? undefined : -1).join('\n')}</code></pre>`;
  }
  const out: unknown[] = [];
  let paragraph: string[] | undefined;
  let items: string[] | undefined;
  let start: string | undefined;
  const close = () => {
    if (paragraph) out.push(html`<p>${inline(paragraph.join('\n'))}</p>`);
    if (items) {
      const li = items.map((item) => html`<li>${inline(item)}</li>`);
      out.push(start ? html`<ol start=${start}>${li}</ol>` : html`<ul>${li}</ul>`);
    }
    paragraph = items = undefined;
  };
  for (const line of lines) {
    const heading = HEADING.exec(line);
    const item = ITEM.exec(line);
    if (heading) {
      close();
      out.push(html`<p><strong>${inline(heading[1]!)}</strong></p>`);
    } else if (item) {
      if (!items || !start !== !item[1]) {
        close();
        items = [];
        start = item[1];
      }
      items.push(item[2]!);
    } else if (items) items[items.length - 1] += '\n' + line.trim();
    else (paragraph ??= []).push(line.trim());
  }
  close();
  return out;
}

/**
 * Renders the Markdown subset — paragraphs, line breaks, headings, bold, italic, inline and fenced code,
 * bulleted and numbered lists, http(s)/mailto links opening in a new tab — as Lit templates; text only ever
 * becomes text nodes. Call it on every chunk of a streaming answer: the text splits into blocks at blank
 * lines outside fences, and every block but the last (still growing) one is rendered once and reused.
 */
export function renderMarkdown(text: string): TemplateResult {
  const blocks: string[] = [];
  let lines: string[] = [];
  let fence: string | undefined;
  const flush = () => {
    if (lines.length) blocks.push(lines.join('\n'));
    lines = [];
  };
  for (const line of text.split(/\r?\n/)) {
    const f = FENCE.exec(line);
    if (fence) {
      lines.push(line);
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && !f[2]!.trim()) {
        fence = undefined;
        flush();
      }
    } else if (f) {
      flush();
      lines.push(line);
      fence = f[1];
    } else if (line.trim()) lines.push(line);
    else flush();
  }
  flush();
  const last = blocks.pop();
  const settled = blocks.map((b) => {
    let r = cache.get(b);
    if (!r) {
      if (cache.size > 500) cache.clear();
      cache.set(b, (r = block(b)));
    }
    return r;
  });
  return html`${last === undefined ? settled : [...settled, block(last, fence)]}`;
}
