/**
 * Restore and memory. 1,000 messages are written to IndexedDB through the chat's own history module
 * (src/chat/history, bundled for the page), then each run loads a fresh page with dist/mooni.iife.js and
 * times a new <mooni-frame session-id=…> from creation to the conversation restored (all 1,000 messages in
 * its state, the newest in its DOM; it may render only the latest page) and to the paint after. Memory: JS heap and DOM nodes after a forced GC, with the 1,000 messages shown vs an empty one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freshPage } from '../lib/browser.mjs';
import { assertElementDefined } from '../lib/checks.mjs';
import { summarize, sleep } from '../lib/stats.mjs';

const COUNT = 1000;

async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(50);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return { heap: usedSize, nodes: metrics.find((m) => m.name === 'Nodes')?.value };
}

export default {
  name: 'chat-restore',
  title: 'chat: restore 1,000 messages from IndexedDB, memory',
  browser: true,
  figures: [{ label: `restore ${COUNT} messages → painted`, unit: 'ms', budget: 'chat.restore' }],
  async run(ctx) {
    if (!existsSync(join(ctx.root, 'dist/mooni.iife.js'))) throw new Error('dist/mooni.iife.js not built');
    const missing = ctx.bundles.missing['/bench/build/history.js'];
    if (missing) throw new Error(missing);
    const handle = await freshPage(ctx.browser);
    try {
      const { page } = handle;
      const url = `${ctx.server.origin}/bench/pages/restore.html`;
      const ready = async () => {
        await assertElementDefined(page);
        await page.waitForFunction(() => window.benchHistory, { timeout: 5000 });
      };
      await page.goto(url, { waitUntil: 'load' });
      await ready();
      const sessionId = `bench-restore-${Date.now()}`;
      const stored = await page.evaluate((id, n) => window.benchSeed(id, n), sessionId, COUNT);
      if (stored !== COUNT) throw new Error(`the history module stored ${stored} of ${COUNT} messages`);
      const runs = [];
      for (let i = 0; i < Math.max(3, ctx.runs); i++) {
        await page.goto(url, { waitUntil: 'load' });
        await ready();
        await sleep(100);
        runs.push(await page.evaluate((id, n) => window.benchRestore(id, n), sessionId, COUNT));
      }
      const cdp = await page.createCDPSession();
      await cdp.send('Performance.enable');
      await page.goto(url, { waitUntil: 'load' });
      await ready();
      await page.evaluate(() => window.benchRestore(`bench-empty-${Date.now()}`, 0));
      await sleep(200);
      const empty = await memory(page, cdp);
      await page.goto(url, { waitUntil: 'load' });
      await ready();
      await page.evaluate((id, n) => window.benchRestore(id, n), sessionId, COUNT);
      await sleep(200);
      const full = await memory(page, cdp);
      const painted = summarize(runs.map((r) => r.painted));
      const dom = summarize(runs.map((r) => r.dom));
      return [
        {
          label: `restore ${COUNT} messages → painted`,
          unit: 'ms',
          budget: 'chat.restore',
          value: painted.value,
          noise: painted,
          extra: `the element rendered the latest ${runs[0].rendered} of them`,
        },
        { label: `restore ${COUNT} messages → newest in the DOM`, unit: 'ms', value: dom.value, noise: dom },
        {
          label: `JS heap with ${COUNT} messages restored`,
          unit: 'B',
          value: full.heap,
          extra: `${Math.round((full.heap - empty.heap) / 1024)} KB more than an empty conversation (${Math.round(empty.heap / 1024)} KB)`,
        },
        {
          label: `DOM nodes with ${COUNT} messages restored`,
          unit: '',
          value: full.nodes,
          extra: `${full.nodes - empty.nodes} more than an empty conversation`,
        },
      ];
    } finally {
      await handle.close();
    }
  },
};
