/**
 * Hostile answers into <mooni-frame> (dist/mooni.iife.js): each case is an SSE answer the element's `fetcher`
 * serves from memory (the events as the cases describe them, the whole body in one read, its bytes made before
 * the measured time). Longest task = the
 * longest Long Tasks API entry (tasks over 50 ms; none reads as 0) from sending until the answer is shown;
 * shown in = sending until `mooni-answer` and the next two frames.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freshPage } from '../lib/browser.mjs';
import { assertElementDefined } from '../lib/checks.mjs';

/** Each case: its text events, built in the page (a function body over nothing, returning strings). */
const CASES = [
  ['`# a` + 50,000 spaces + `b`, one event', "return ['# a' + ' '.repeat(50000) + 'b'];"],
  ['300 growing backtick runs', "let t = ''; for (let i = 1; i <= 300; i++) t += '`'.repeat(i) + 'x'; return [t];"],
  ['`[` × 100,000', "return ['['.repeat(100000)];"],
  ['10,000 bare URLs', "return [Array.from({ length: 10000 }, (_, i) => 'https://e.co/' + i).join(' ')];"],
  [
    '5 MB answer in 5,000 events',
    "const c = 'Lorem ipsum **dolor** sit amet, [link](https://e.co/x) `code` and more text. '.repeat(14) + '\\n\\n'; return Array.from({ length: 5000 }, () => c);",
  ],
  ['50,000 one-character events', "return Array.from({ length: 50000 }, (_, i) => 'ab *c_ '[i % 7]);"],
  ['`*a ` × 30,000 (unclosed emphasis)', "return ['*a '.repeat(30000)];"],
  ['`[a](b` × 20,000 (unclosed links)', "return ['[a](b'.repeat(20000)];"],
];

async function once(ctx, body) {
  const handle = await freshPage(ctx.browser);
  try {
    const { page } = handle;
    await page.goto(`${ctx.server.origin}/bench/pages/chat-stream.html`, { waitUntil: 'load' });
    await assertElementDefined(page);
    await page.waitForFunction(() => document.querySelector('mooni-frame').shadowRoot, { timeout: 5000 });
    return await page.evaluate(async (source) => {
      const texts = new Function(source)();
      const el = document.querySelector('mooni-frame');
      const sse = texts.map((content) => `data: ${JSON.stringify({ type: 'text', content })}\n\n`).join('');
      // The body's bytes are made here, before the measured time: building a 5 MB answer is the server's work.
      const body = new TextEncoder().encode(sse + 'data: [DONE]\n\n');
      el.fetcher = async () => new Response(body.slice(), { headers: { 'content-type': 'text/event-stream' } });
      await el.updateComplete;
      // A task of its own: the long-task observer sees only tasks from here on, not this preparation's.
      await new Promise((resolve) => setTimeout(resolve, 50));
      let longest = 0;
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
      });
      observer.observe({ type: 'longtask' });
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      const start = performance.now();
      const answered = new Promise((resolve) => el.addEventListener('mooni-answer', resolve, { once: true }));
      el.send('hostile');
      await Promise.race([answered, new Promise((resolve) => setTimeout(resolve, 30000))]);
      // The view may still be showing a long answer in slices: wait until a render changes nothing.
      let last = -1;
      for (let size = 0; size !== last;) {
        last = size;
        await frame();
        await frame();
        size = el.shadowRoot.querySelector('[part~="bot-message"]')?.textContent.length ?? 0;
      }
      const shown = performance.now() - start;
      await new Promise((resolve) => setTimeout(resolve, 100));
      observer.disconnect();
      return { longest, shown };
    }, body);
  } finally {
    await handle.close();
  }
}

export default {
  name: 'hostile-answers',
  title: 'chat: hostile answers, longest main-thread task',
  browser: true,
  figures: [{ label: 'longest task, worst hostile answer', unit: 'ms', budget: 'chat.hostile' }],
  async run(ctx) {
    if (!existsSync(join(ctx.root, 'dist/mooni.iife.js'))) throw new Error('dist/mooni.iife.js not built');
    const rows = [];
    let worst = 0;
    for (const [label, body] of CASES) {
      const { longest, shown } = await once(ctx, body);
      worst = Math.max(worst, longest);
      rows.push({
        label: `longest task: ${label}`,
        value: longest,
        unit: 'ms',
        budget: 'chat.hostile',
        extra: `shown in ${shown.toFixed(0)} ms (0 = no task over 50 ms)`,
      });
    }
    return [{ label: 'longest task, worst hostile answer', value: worst, unit: 'ms', budget: 'chat.hostile' }, ...rows];
  },
};
