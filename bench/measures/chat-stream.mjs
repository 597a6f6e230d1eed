/**
 * Streamed chunks into <mooni-frame> (dist/mooni.iife.js). Paced run: the bench SSE route sends `w<i> ` text
 * chunks at 1,000/s; chunk→DOM = the time a chunk shows in the answer's bubble (MutationObserver on the
 * shadow root) minus the time its bytes reached the page (a stamping stream inside the element's `fetcher`);
 * chunk→paint = the end of the frame that first shows it (a rAF-posted task) minus the same arrival time.
 * Flood run: as fast as the socket takes them; chunks/s = chunks / (last chunk in the DOM − first arrival).
 * Floor: the same paced stream appended to one bare text node by a plain fetch reader, stamped the same way.
 * Peer: deep-chat 2.4 reading the same paced stream as a streaming connection (deep-chat-stream.html).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freshPage } from '../lib/browser.mjs';
import { assertElementDefined } from '../lib/checks.mjs';
import { percentile, summarize } from '../lib/stats.mjs';

const PACED = { chunks: 3000, rate: 1000 };
const FLOOD = { chunks: 10000, rate: 0 };

async function once(ctx, params, fn) {
  const handle = await freshPage(ctx.browser);
  try {
    const { page } = handle;
    const peer = fn === 'benchDeepChatStream';
    await page.goto(`${ctx.server.origin}/bench/pages/${peer ? 'deep-chat-stream' : 'chat-stream'}.html`, {
      waitUntil: 'load',
    });
    if (!peer) {
      await assertElementDefined(page);
      await page.waitForFunction(() => document.querySelector('mooni-frame').shadowRoot, { timeout: 5000 });
    }
    const { arrival, dom, paint } = await page.evaluate((p, f) => window[f](p), params, fn);
    const toDom = dom.map((d, i) => d - arrival[i]).filter(Number.isFinite);
    const toPaint = paint.map((d, i) => d - arrival[i]).filter(Number.isFinite);
    const last = dom.length - 1;
    return {
      p50: percentile(toDom, 50),
      p95: percentile(toDom, 95),
      max: Math.max(...toDom),
      paintP50: percentile(toPaint, 50),
      paintP95: percentile(toPaint, 95),
      rendered: (last / (dom[last] - dom[0])) * 1000,
      throughput: (dom.length / (dom[last] - arrival[0])) * 1000,
      arrivalSpan: arrival[last] - arrival[0],
    };
  } finally {
    await handle.close();
  }
}

export default {
  name: 'chat-stream',
  title: 'chat: chunks/s rendered, chunk→DOM latency',
  browser: true,
  figures: [
    { label: 'chunks/s rendered, flood', unit: '/s', budget: 'chat.rate' },
    { label: 'chunk→DOM p95 at 1,000 chunks/s', unit: 'ms', budget: 'chat.p95' },
  ],
  async run(ctx) {
    if (!existsSync(join(ctx.root, 'dist/mooni.iife.js'))) throw new Error('dist/mooni.iife.js not built');
    const runs = Math.max(3, Math.min(ctx.runs, 5));
    const paced = [];
    const flood = [];
    const bare = [];
    for (let i = 0; i < runs; i++) paced.push(await once(ctx, PACED, 'benchStream'));
    for (let i = 0; i < 3; i++) flood.push(await once(ctx, FLOOD, 'benchStream'));
    for (let i = 0; i < 3; i++) bare.push(await once(ctx, PACED, 'benchBareStream'));
    const deepChat = [];
    for (let i = 0; i < 3; i++) deepChat.push(await once(ctx, PACED, 'benchDeepChatStream'));
    const pick = (list, key) => summarize(list.map((r) => r[key]));
    const row = (label, list, key, more = {}) => {
      const s = pick(list, key);
      return { label, value: s.value, noise: s, ...more };
    };
    return [
      row('chunks/s rendered, flood', flood, 'throughput', {
        unit: '/s',
        budget: 'chat.rate',
        extra: `${FLOOD.chunks} chunks as fast as the socket takes them (all arrived within ${pick(flood, 'arrivalSpan').value.toFixed(0)} ms)`,
      }),
      row('chunks/s rendered, paced at 1,000/s', paced, 'rendered', {
        unit: '/s',
        extra: `${PACED.chunks} chunks; first to last chunk in the DOM`,
      }),
      row('chunk→DOM p50 at 1,000 chunks/s', paced, 'p50', { unit: 'ms' }),
      row('chunk→DOM p95 at 1,000 chunks/s', paced, 'p95', { unit: 'ms', budget: 'chat.p95' }),
      row('chunk→DOM max at 1,000 chunks/s', paced, 'max', { unit: 'ms' }),
      row('chunk→paint p95 at 1,000 chunks/s', paced, 'paintP95', {
        unit: 'ms',
        extra: `p50 ${pick(paced, 'paintP50').value.toFixed(1)} ms`,
      }),
      row('chunk→DOM p95, flood', flood, 'p95', { unit: 'ms' }),
      row('peer: deep-chat 2.4, chunk→DOM p95 at 1,000 chunks/s', deepChat, 'p95', {
        unit: 'ms',
        extra: `p50 ${pick(deepChat, 'p50').value.toFixed(1)} ms; ours / deep-chat ${(pick(paced, 'p95').value / pick(deepChat, 'p95').value).toPrecision(2)}×`,
      }),
      row('peer: deep-chat 2.4, chunks/s rendered, paced at 1,000/s', deepChat, 'rendered', {
        unit: '/s',
        extra: `ours / deep-chat ${(pick(paced, 'rendered').value / pick(deepChat, 'rendered').value).toFixed(2)}×`,
      }),
      row('floor: bare text node, chunk→DOM p95 at 1,000/s', bare, 'p95', {
        unit: 'ms',
        extra: 'same stream appended to one text node by a fetch reader',
      }),
      row('floor: bare text node, chunk→paint p95 at 1,000/s', bare, 'paintP95', {
        unit: 'ms',
        extra: `p50 ${pick(bare, 'paintP50').value.toFixed(1)} ms`,
      }),
    ];
  },
};
