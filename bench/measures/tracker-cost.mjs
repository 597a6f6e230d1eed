/**
 * Tracker cost per input event: the same scripted input loop (bench/pages/tracker-cost.js) on the same page
 * without and with dist/tracker.iife.js, in alternating rounds; cost = (with − without) / events, per kind
 * of input and for a session-like mix (the budgeted figure). An A/A round (two pages without the tracker)
 * shows how much of a difference the method itself produces.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freshPage } from '../lib/browser.mjs';
import { median, summarize, sleep } from '../lib/stats.mjs';

/**
 * [kind, events per round, label]. Rounds with clicks stay small (the mix has 5 % clicks) and the tracker
 * sends what they queued between rounds, so its queue looks like a real session's, not a backlog.
 */
const KINDS = [
  ['mix', 4000, 'all input, session mix'],
  ['move', 8000, 'pointer moves'],
  ['scroll', 4000, 'scrolls (wheel + scroll)'],
  ['key', 4000, 'keys (down + up)'],
  ['click', 200, 'clicks'],
];

export default {
  name: 'tracker-cost',
  title: 'tracker cost per input event, on vs off',
  browser: true,
  figures: [{ label: 'µs per input event, session mix (on − off)', unit: 'µs', budget: 'tracker.cost.mix' }],
  async run({ browser, server, root, runs }) {
    if (!existsSync(join(root, 'dist/tracker.iife.js'))) throw new Error('dist/tracker.iife.js not built');
    const open = async (tracker) => {
      const handle = await freshPage(browser);
      await handle.page.goto(`${server.origin}/bench/pages/tracker-cost.html?tracker=${tracker ? 1 : 0}`, { waitUntil: 'load' });
      if (tracker) {
        await handle.page.waitForFunction(() => window.Mooni?.tracker, { timeout: 5000 }).catch(() => {
          throw new Error('window.Mooni.tracker did not appear after loading dist/tracker.iife.js');
        });
      }
      return handle;
    };
    const off = await open(false);
    const offB = await open(false);
    const on = await open(true);
    try {
      await sleep(300);
      const run = (handle, kind, n) => handle.page.evaluate((k, m) => window.benchRun(k, m), kind, n);
      for (const handle of [off, offB, on]) for (const [kind, n] of KINDS) await run(handle, kind, n / 4); // warm-up (JIT)

      // Many short alternating rounds: their median shrugs off the bursts of a busy machine better than a few long ones.
      const rounds = Math.max(11, runs * 4 + 1);
      const per = Object.fromEntries(KINDS.map(([kind]) => [kind, { on: [], off: [], diff: [] }]));
      const aa = [];
      for (let r = 0; r < rounds; r++) {
        for (const [kind, n] of KINDS) {
          const order = r % 2 ? [on, off] : [off, on];
          const times = new Map();
          for (const handle of order) {
            await handle.page.bringToFront();
            times.set(handle, await run(handle, kind, n));
          }
          per[kind].on.push((times.get(on) * 1000) / n);
          per[kind].off.push((times.get(off) * 1000) / n);
          per[kind].diff.push(((times.get(on) - times.get(off)) * 1000) / n);
          if (kind === 'mix') {
            await offB.page.bringToFront();
            aa.push(((await run(offB, kind, n)) - times.get(off)) * 1000 / n);
          }
        }
        await on.page.evaluate(() => window.Mooni.tracker.flush()); // what the clicks queued is sent between rounds
      }
      const stats = await on.page.evaluate(() => {
        const s = window.Mooni.tracker.stats;
        return { detected: s.detected, sent: s.sent, requests: s.requests, dropped: s.dropped };
      });
      const rows = [];
      for (const [kind, n, label] of KINDS) {
        const d = summarize(per[kind].diff);
        const ratio = median(per[kind].on) / median(per[kind].off);
        rows.push({
          label: `µs per input event, ${label} (on − off)`,
          unit: 'µs',
          budget: kind === 'mix' ? 'tracker.cost.mix' : 'tracker.cost.type',
          value: d.value,
          noise: d,
          extra: `on/off ${ratio.toFixed(2)}×; off ${median(per[kind].off).toFixed(2)} µs; ${n} events/round`,
          ratio,
        });
      }
      const a = summarize(aa);
      rows.push({ label: 'method noise: A/A difference, two pages without tracker (mix)', unit: 'µs', value: a.value, noise: a, extra: `tracker during the runs: ${stats.detected} events detected, ${stats.requests} requests` });
      return rows;
    } finally {
      await Promise.all([off.close(), offB.close(), on.close()]);
    }
  },
};
