/**
 * A scripted session of continuous real input (CDP mouse moves, clicks, wheel scrolls, typing) on the shop
 * page, once with dist/tracker.iife.js against the mock and once without. Counts long tasks
 * (PerformanceObserver 'longtask', ≥ 50 ms) in both — those with the tracker beyond the baseline are the
 * tracker's — and the tracker's requests and bytes as the server saw them on the wire.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freshPage } from '../lib/browser.mjs';
import { sleep } from '../lib/stats.mjs';

const SECONDS = Number(process.env.BENCH_SESSION_SECONDS ?? 30);

/** One ~5 s cycle of a browsing user: move, click, scroll, move, type, scroll back, click. */
async function interact(page, seconds) {
  const until = Date.now() + seconds * 1000;
  let cycle = 0;
  let inputs = 0; // CDP input events: each mouse move step, click, wheel tick and key press counts one
  const buttons = await page.$$('#buttons button');
  while (Date.now() < until) {
    const x = 200 + ((cycle * 137) % 800);
    const y = 150 + ((cycle * 71) % 500);
    await page.mouse.move(x, y, { steps: 30 });
    await buttons[(cycle * 3) % buttons.length].click({ delay: 30 });
    await page.mouse.move(x + 200, y + 100, { steps: 30 });
    inputs += 30 + 2 + 30; // a click's move onto the button counts with it
    for (let i = 0; i < 6 && Date.now() < until; i++) {
      await page.mouse.wheel({ deltaY: 250 });
      await sleep(60);
      inputs++;
    }
    await page.mouse.move(x, y + 50, { steps: 20 });
    await page.click(`#form input[name="${['name', 'email', 'city'][cycle % 3]}"]`);
    await page.keyboard.type('hello', { delay: 70 });
    inputs += 20 + 2 + 5;
    for (let i = 0; i < 4 && Date.now() < until; i++) {
      await page.mouse.wheel({ deltaY: -300 });
      await sleep(60);
      inputs++;
    }
    await buttons[(cycle * 5 + 1) % buttons.length].click({ delay: 30 });
    await page.mouse.move(x, y, { steps: 30 });
    inputs += 2 + 30;
    cycle++;
  }
  return { cycles: cycle, inputs };
}

async function session(ctx, tracker) {
  const { browser, server } = ctx;
  const handle = await freshPage(browser);
  try {
    const { page } = handle;
    await page.goto(`${server.origin}/bench/pages/session.html?tracker=${tracker ? 1 : 0}`, { waitUntil: 'load' });
    if (tracker) await page.waitForFunction(() => window.Mooni?.tracker, { timeout: 5000 });
    await sleep(200);
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    const scriptTime = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration').value;
    // Long tasks count from the first input on; script time and requests from after one warm-up cycle, so
    // one-time work (lazy compilation, opening IndexedDB) does not count as per-input cost.
    const pageStart = await page.evaluate(() => performance.now());
    await interact(page, 0.1);
    const mark = server.log.length;
    const script0 = await scriptTime();
    const t0 = performance.now();
    const { cycles, inputs } = await interact(page, SECONDS);
    const seconds = (performance.now() - t0) / 1000;
    const script = (await scriptTime()) - script0;
    const wire = server.log.slice(mark).filter((e) => e.path.startsWith('/v1/'));
    const all = await page.evaluate(() => window.benchLongTasks);
    const longTasks = all.filter((t) => t.start >= pageStart);
    const atLoad = all.length - longTasks.length;
    const frames = await page.evaluate(() => window.benchLongFrames);
    // The tracker's share of each long animation frame: time in scripts from tracker.iife.js.
    const trackerFrames = frames
      ?.filter((f) => f.start >= pageStart)
      .map((f) => ({
        ...f,
        tracker: f.scripts.filter((x) => x.url.includes('tracker.iife.js')).reduce((n, x) => n + x.duration, 0),
      }))
      .filter((f) => f.tracker > 0);
    const stats = tracker ? await page.evaluate(() => ({ ...window.Mooni.tracker.stats })) : null;
    return { seconds, cycles, inputs, script, wire, longTasks, atLoad, trackerFrames, stats };
  } finally {
    await handle.close();
  }
}

export default {
  name: 'tracker-session',
  title: `${SECONDS} s scripted session: long tasks, requests and bytes`,
  browser: true,
  figures: [
    { label: 'long tasks caused by the tracker', unit: '', budget: 'tracker.longtasks' },
    { label: 'tracker requests per 5 s', unit: '/5 s', budget: 'tracker.requests' },
  ],
  async run(ctx) {
    if (!existsSync(join(ctx.root, 'dist/tracker.iife.js'))) throw new Error('dist/tracker.iife.js not built');
    const on = await session(ctx, true);
    const off = await session(ctx, false);
    const longest = (tasks) => (tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0);
    const statuses = {};
    for (const e of on.wire) statuses[e.status] = (statuses[e.status] ?? 0) + 1;
    const posts = on.wire.filter((e) => e.method === 'POST' && e.path.endsWith('/events'));
    const up = on.wire.reduce((n, e) => n + e.up, 0);
    const down = on.wire.reduce((n, e) => n + e.down, 0);
    const rejected = on.wire.filter((e) => e.status >= 400).length;
    // With attribution (long animation frames): a long task is the tracker's when its own scripts ran ≥ 50 ms
    // in it. Without: the long tasks beyond those of the run without the tracker.
    const attributed = on.trackerFrames != null;
    const caused = attributed
      ? on.trackerFrames.filter((f) => f.tracker >= 50).length
      : Math.max(0, on.longTasks.length - off.longTasks.length);
    const worst = attributed && on.trackerFrames.length ? Math.max(...on.trackerFrames.map((f) => f.tracker)) : 0;
    const rows = [
      {
        label: 'long tasks caused by the tracker',
        unit: '',
        budget: 'tracker.longtasks',
        value: caused,
        extra: `${attributed ? `tracker scripts ran in ${on.trackerFrames.length} long frames, at most ${worst.toFixed(0)} ms in one; ` : 'no frame attribution: with − without; '}all long tasks: with tracker ${on.longTasks.length} (longest ${longest(on.longTasks).toFixed(0)} ms), without ${off.longTasks.length} (longest ${longest(off.longTasks).toFixed(0)} ms); ${on.seconds.toFixed(0)} s each; during page load (not counted): ${on.atLoad} with, ${off.atLoad} without`,
        longTasks: { on: on.longTasks, off: off.longTasks },
      },
      {
        label: 'script µs per real input event, with − without tracker',
        unit: 'µs',
        value: (on.script / on.inputs - off.script / off.inputs) * 1e6,
        extra: `CDP ScriptDuration over the session (deferred work included): ${((on.script / on.inputs) * 1e6).toFixed(1)} µs with, ${((off.script / off.inputs) * 1e6).toFixed(1)} µs without; ${on.inputs} inputs`,
      },
      {
        label: 'tracker requests per 5 s',
        unit: '/5 s',
        budget: 'tracker.requests',
        value: (on.wire.length / on.seconds) * 5,
        extra: `${on.wire.length} requests in ${on.seconds.toFixed(0)} s (${posts.length} event batches); statuses ${JSON.stringify(statuses)}`,
      },
      {
        label: 'tracker bytes on the wire per minute (up + down)',
        unit: 'B',
        value: Math.round(((up + down) / on.seconds) * 60),
        extra: `up ${Math.round((up / on.seconds) * 60)} B/min, down ${Math.round((down / on.seconds) * 60)} B/min; HTTP/1.1 headers included`,
      },
      {
        label: 'events detected per minute of interaction',
        unit: '/min',
        value: on.stats ? (on.stats.detected / on.seconds) * 60 : null,
        extra: on.stats
          ? `${on.stats.detected} detected, ${on.stats.sent} accepted, ${on.cycles} interaction cycles`
          : '',
      },
    ];
    if (rejected) rows.find((r) => r.budget === 'tracker.requests').extra += `; ${rejected} answered ≥ 400 by the mock`;
    return rows;
  },
};
