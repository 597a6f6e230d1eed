import type { CutPoint } from '../faults.js';
import type { TemplateObject } from '../faq/template.js';
import { sleep } from '../http.js';

/** One `data:` payload of the 001 stream (plus the CONTRACT's template event). */
export type ChatEvent =
  | { type: 'status'; status: 'searching' | 'out_of_scope' | 'done'; level: 'loading' | 'warning' | 'success' }
  | { type: 'text'; content: string }
  | { type: 'faq'; results: { id: string; title: string }[] }
  | { type: 'template'; template: TemplateObject }
  | { type: 'error'; message: 'search_failed' };

export interface StreamPlan {
  /** Everything after the `searching` status, in order, before `done` / error. */
  text: string[];
  templates: TemplateObject[];
  related: { id: string; title: string }[];
  outOfScope: boolean;
  /** The search failed: `error` then `[DONE]`. */
  failed: boolean;
}

export interface StreamFaults {
  cutAt?: CutPoint;
  errorEvent?: boolean;
}

/** Splits an answer into chunks of a few words each, keeping every character (joined, they are the answer). */
export function chunkText(text: string, wordsPerChunk = 4): string[] {
  const words = text.match(/\S+\s*/g) ?? [];
  const leading = text.slice(0, text.length - text.trimStart().length);
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerChunk) chunks.push(words.slice(i, i + wordsPerChunk).join(''));
  if (leading && chunks.length) chunks[0] = leading + chunks[0];
  return chunks.length ? chunks : [text];
}

/** The `data:` lines of one answer, in order; a cut point ends the list without `[DONE]`. */
export function planLines(plan: StreamPlan, faults: StreamFaults = {}): { line: string; paced: boolean }[] {
  const lines: { line: string; paced: boolean }[] = [];
  const send = (event: ChatEvent, paced = false) => lines.push({ line: `data: ${JSON.stringify(event)}\n\n`, paced });
  const cut = () => lines;
  if (faults.cutAt === 'before_status') return cut();
  send({ type: 'status', status: 'searching', level: 'loading' });
  if (faults.cutAt === 'after_status') return cut();
  if (plan.failed) {
    send({ type: 'error', message: 'search_failed' });
    lines.push({ line: 'data: [DONE]\n\n', paced: false });
    return lines;
  }
  if (plan.outOfScope) send({ type: 'status', status: 'out_of_scope', level: 'warning' });
  const half = Math.ceil(plan.text.length / 2) - 1;
  for (let i = 0; i < plan.text.length; i++) {
    send({ type: 'text', content: plan.text[i] }, true);
    if (faults.cutAt === 'mid_text' && i === half) return cut();
    if (faults.errorEvent && i === 0) {
      send({ type: 'error', message: 'search_failed' });
      lines.push({ line: 'data: [DONE]\n\n', paced: false });
      return lines;
    }
  }
  for (const template of plan.templates) send({ type: 'template', template }, true);
  if (plan.related.length) send({ type: 'faq', results: plan.related });
  if (faults.cutAt === 'after_faq') return cut();
  send({ type: 'status', status: 'done', level: 'success' });
  if (faults.cutAt === 'before_done') return cut();
  lines.push({ line: 'data: [DONE]\n\n', paced: false });
  return lines;
}

/** A `text/event-stream` body writing `lines`, pausing `delayMs` before each paced one. */
export function sseBody(lines: { line: string; paced: boolean }[], delayMs: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let i = 0;
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (i >= lines.length) {
        controller.close();
        return;
      }
      const { line, paced } = lines[i++];
      if (paced && delayMs > 0) await sleep(delayMs);
      if (cancelled) return;
      controller.enqueue(encoder.encode(line));
    },
    cancel() {
      cancelled = true;
    },
  });
}
