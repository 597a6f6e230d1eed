/**
 * Tracker cost per input event: the same scripted input loop (bench/pages/tracker-cost.js) on the same page
 * without and with dist/tracker.iife.js, in alternating rounds; cost = (with − without) / events, per kind
 * of input and for a session-like mix (the budgeted figure). An A/A round (two pages without the tracker)
 * shows how much of a difference the method itself produces.
 * Synthetic events already have their JS wrappers, so that method misses what any JS listener costs a real
 * input. A second method sends real input through CDP (mouse moves, wheel ticks, key presses) and reads the
 * renderer's own script time (Performance.getMetrics ScriptDuration) per input: without the tracker, with
 * one empty pointermove listener (the floor for any tracker that listens to moves), with the tracker.
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

/** Budgets of their own (CONTRACT.md): the mix per input event, and a click (its whole sequence), which does most. */
const BUDGETED = {
  mix: { budget: 'tracker.cost.mix', label: 'µs per input event, session mix (on − off)' },
  click: { budget: 'tracker.cost.click', label: 'µs per click, pointerdown … click (on − off)' },
};

/**
 * Peers of the real-input method: [query value, label]. Each loads its own script-tag build on the same page
 * (bench/pages/page-kit.js): posthog-js with autocapture, rage clicks and page views, clarity-js with tracking.
 */
const PEERS = [
  ['posthog', 'posthog-js'],
  ['clarity', 'clarity-js'],
];

/** Real input through CDP; returns the renderer's script seconds and the number of inputs. */
async function realInput(page) {
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  const script = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration').value;
  await page.mouse.move(20, 20, { steps: 20 }); // warm-up
  const s0 = await script();
  let inputs = 0;
  for (let i = 0; i < 4; i++) {
    await page.mouse.move(150 + (i % 2) * 700, 120 + i * 40, { steps: 40 });
    await page.mouse.wheel({ deltaY: i % 2 ? -120 : 120 });
    inputs += 41;
  }
  await page.focus('#form input');
  await page.keyboard.type('abcdefghij');
  inputs += 10;
  const used = (await script()) - s0;
  await cdp.detach();
  return used / inputs;
}

export default {
  name: 'tracker-cost',
  title: 'tracker cost per input event, on vs off',
  browser: true,
  figures: [
    { label: 'µs per input event, session mix (on − off)', unit: 'µs', budget: 'tracker.cost.mix' },
    { label: 'µs per click, pointerdown … click (on − off)', unit: 'µs', budget: 'tracker.cost.click' },
    { label: 'real input (CDP): ours / posthog-js', unit: '×', budget: 'tracker.real.posthog' },
  ],
  async run({ browser, server, root, runs }) {
    if (!existsSync(join(root, 'dist/tracker.iife.js'))) throw new Error('dist/tracker.iife.js not built');
    const open = async (tracker, peer = '') => {
      const handle = await freshPage(browser);
      await handle.page.goto(`${server.origin}/bench/pages/tracker-cost.html?tracker=${tracker ? 1 : 0}&peer=${peer}`, {
        waitUntil: 'load',
      });
      if (peer) {
        await handle.page
          .waitForFunction(() => window.benchPeerReady, { timeout: 10000 })
          .catch(() => {
            throw new Error(`the peer ${peer} did not start on the page`);
          });
      }
      if (tracker) {
        await handle.page
          .waitForFunction(() => window.Mooni?.tracker, { timeout: 5000 })
          .catch(() => {
            throw new Error('window.Mooni.tracker did not appear after loading dist/tracker.iife.js');
          });
      }
      return handle;
    };
    let peers = {};
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
      // A pathologically slow tracker must not stretch the whole bench past its 5 minutes: after 3 rounds,
      // no new round starts once 30 s have passed.
      const started = performance.now();
      for (let r = 0; r < rounds && (r < 3 || performance.now() - started < 30_000); r++) {
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
            aa.push((((await run(offB, kind, n)) - times.get(off)) * 1000) / n);
          }
        }
        await on.page.evaluate(() =>
          Promise.race([window.Mooni.tracker.flush(), new Promise((r) => setTimeout(r, 2000))]),
        ); // what the clicks queued is sent between rounds
      }
      const stats = await on.page.evaluate(() => {
        const s = window.Mooni.tracker.stats;
        return { detected: s.detected, sent: s.sent, requests: s.requests, dropped: s.dropped };
      });
      const rows = [];
      // The budgeted rows first, side by side, then the other kinds for information.
      const order = [...KINDS].sort(([a], [b]) => Number(b in BUDGETED) - Number(a in BUDGETED));
      for (const [kind, n, label] of order) {
        const d = summarize(per[kind].diff);
        const ratio = median(per[kind].on) / median(per[kind].off);
        rows.push({
          label: BUDGETED[kind]?.label ?? `µs per input event, ${label} (on − off)`,
          unit: 'µs',
          budget: BUDGETED[kind]?.budget ?? 'tracker.cost.type',
          value: d.value,
          noise: d,
          extra: `on/off ${ratio.toFixed(2)}×; off ${median(per[kind].off).toFixed(2)} µs; ${n} events/round`,
          ratio,
        });
      }
      // The A/A page becomes the floor page: one empty listener for moves, nothing else.
      await offB.page.evaluate(() =>
        document.addEventListener('pointermove', () => {}, { capture: true, passive: true }),
      );
      // The peers, on the same page with the same real input, in the same rounds.
      peers = Object.fromEntries(await Promise.all(PEERS.map(async ([peer]) => [peer, await open(false, peer)])));
      const real = { off: [], noop: [], on: [], ...Object.fromEntries(PEERS.map(([peer]) => [peer, []])) };
      for (let r = 0; r < 3; r++) {
        for (const [key, handle] of [['off', off], ['noop', offB], ['on', on], ...Object.entries(peers)]) {
          await handle.page.bringToFront();
          real[key].push(await realInput(handle.page));
        }
      }
      const a = summarize(aa);
      rows.push({
        label: 'method noise: A/A difference, two pages without tracker (mix)',
        unit: 'µs',
        value: a.value,
        noise: a,
        extra: `tracker during the runs: ${stats.detected} events detected, ${stats.requests} requests`,
      });
      const overOff = (key) => real[key].map((v, i) => (v - real.off[i]) * 1e6);
      const realDiff = summarize(overOff('on'));
      const noopDiff = summarize(real.noop.map((v, i) => (v - real.off[i]) * 1e6));
      rows.push(
        {
          label: 'real input (CDP): script µs per input event, on − off',
          unit: 'µs',
          value: realDiff.value,
          noise: realDiff,
          extra: `moves, wheel ticks and key presses; ScriptDuration ${median(real.on.map((v) => v * 1e6)).toFixed(1)} µs with, ${median(real.off.map((v) => v * 1e6)).toFixed(1)} µs without`,
        },
        {
          label: 'real input floor: one empty pointermove listener, µs per input',
          unit: 'µs',
          value: noopDiff.value,
          noise: noopDiff,
          extra: 'the cost of entering JS for each move, whatever the listener does',
        },
      );
      for (const [peer, label] of PEERS) {
        const peerDiff = summarize(overOff(peer));
        const ratio = realDiff.value / peerDiff.value;
        rows.push(
          {
            label: `real input (CDP): ${label}, script µs per input event, on − off`,
            unit: 'µs',
            value: peerDiff.value,
            noise: peerDiff,
            extra: `the same input on the same page; ScriptDuration ${median(real[peer].map((v) => v * 1e6)).toFixed(1)} µs with`,
          },
          {
            label: `real input (CDP): ours / ${label}`,
            unit: '×',
            budget: peer === 'posthog' ? 'tracker.real.posthog' : undefined,
            value: ratio,
            extra: `${realDiff.value.toFixed(1)} µs / ${peerDiff.value.toFixed(1)} µs per input event (medians of the same rounds)`,
          },
        );
      }
      return rows;
    } finally {
      await Promise.all([off, offB, on, ...Object.values(peers)].map((handle) => handle.close()));
    }
  },
};
