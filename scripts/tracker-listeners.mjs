// What dist/tracker.iife.js costs a page under real input, in Chromium through CDP:
//   node --import tsx scripts/tracker-listeners.mjs [--rounds N] [--tracker path/to/tracker.iife.js]
// On the bench's shop page (served with the mock backend), each round opens a fresh context without the tracker
// and one with it, then sends 1,000 mouse moves, 5 clicks, 5 keys and 5 wheel stops as real input
// (Input.dispatch*). It prints the page's JS listener count (CDP JSEventListeners) before and after that input,
// (before and after a forced GC: listeners of IndexedDB requests and transactions count until they are collected)
// and the renderer's script time per input event (ScriptDuration, with − without). Exits 1 when the tracker's
// listeners grow with the input: live ones must stay flat, uncollected ones may come only from the spool's
// write-behind (at most one write per flush interval), never from each detected event.
// `--tracker` serves another build in place of dist/tracker.iife.js, to compare a change with what it replaces.
import { readFileSync } from 'node:fs';
import { launchBrowser, freshPage } from '../bench/lib/browser.mjs';
import { startServer } from '../bench/lib/server.mjs';
import { sleep } from '../bench/lib/stats.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const rounds = Number(option('--rounds', 3));
const trackerFile = option('--tracker');
/** Live listeners the tracker may add during the input and keep: none is expected. */
const LIVE_TOLERANCE = 2;
/** Uncollected IndexedDB listeners: a spool write leaves 4; the input lasts about four flush intervals. */
const WRITE_BEHIND_TOLERANCE = 16;

/** 1,000 moves, 5 clicks, 5 keys, 5 wheel stops; returns how many input events were dispatched. */
async function interact(page) {
  let inputs = 0;
  for (let move = 0; move < 1000; move++) {
    await page.mouse.move(100 + ((move * 37) % 1000), 100 + ((move * 53) % 600));
    inputs++;
  }
  const buttons = await page.$$('#buttons button');
  for (let click = 0; click < 5; click++) {
    await buttons[click * 7].click();
    inputs += 3; // the move onto the button, press, release
  }
  await page.focus('#form input');
  for (let key = 0; key < 5; key++) {
    await page.keyboard.press('KeyA');
    inputs += 2;
  }
  for (let wheel = 0; wheel < 5; wheel++) {
    await page.mouse.wheel({ deltaY: wheel % 2 ? -400 : 400 });
    await sleep(300); // a stop: the scroll gesture ends
    inputs++;
  }
  return inputs;
}

async function measure(browser, origin, withTracker) {
  const handle = await freshPage(browser);
  const { page } = handle;
  try {
    if (trackerFile) {
      const body = readFileSync(trackerFile);
      await page.setRequestInterception(true);
      page.on('request', (request) =>
        request.url().endsWith('/dist/tracker.iife.js')
          ? request.respond({ status: 200, contentType: 'text/javascript', body })
          : request.continue(),
      );
    }
    await page.goto(`${origin}/bench/pages/session.html?tracker=${withTracker ? 1 : 0}`, { waitUntil: 'load' });
    if (withTracker) await page.waitForFunction(() => window.Mooni?.tracker, { timeout: 5000 });
    await sleep(500);
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    const script = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration').value;
    const listenersBefore = (await page.metrics()).JSEventListeners;
    const script0 = await script();
    const inputs = await interact(page);
    const scriptSeconds = (await script()) - script0;
    await sleep(3000); // pending click judgements (dead click 2.5 s, rage 1 s) end and remove their listeners
    const listenersAfter = (await page.metrics()).JSEventListeners;
    await cdp.send('HeapProfiler.collectGarbage');
    const listenersAfterGc = (await page.metrics()).JSEventListeners;
    return { inputs, scriptSeconds, listenersBefore, listenersAfter, listenersAfterGc };
  } finally {
    await handle.close();
  }
}

const server = await startServer();
const { browser, version } = await launchBrowser();
console.log(`${version}; tracker ${trackerFile ?? 'dist/tracker.iife.js'}; ${rounds} rounds`);
let grew = false;
const deltas = [];
try {
  for (let round = 1; round <= rounds; round++) {
    const without = await measure(browser, server.origin, false);
    const tracked = await measure(browser, server.origin, true);
    const perInput = (m) => (m.scriptSeconds / m.inputs) * 1e6;
    const delta = perInput(tracked) - perInput(without);
    deltas.push(delta);
    const growth = tracked.listenersAfter - tracked.listenersBefore;
    if (growth > WRITE_BEHIND_TOLERANCE || tracked.listenersAfterGc - tracked.listenersBefore > LIVE_TOLERANCE)
      grew = true;
    console.log(
      `round ${round}: JSEventListeners with tracker ${tracked.listenersBefore} → ${tracked.listenersAfter} ` +
        `(${tracked.listenersAfterGc} after GC), without ${without.listenersBefore} → ${without.listenersAfter}; ` +
        `script per input ${perInput(tracked).toFixed(1)} µs with, ${perInput(without).toFixed(1)} µs without, ` +
        `Δ ${delta.toFixed(1)} µs over ${tracked.inputs} inputs`,
    );
  }
  deltas.sort((a, b) => a - b);
  console.log(`median Δ script per input event: ${deltas[Math.floor(deltas.length / 2)].toFixed(1)} µs`);
} finally {
  await browser.close();
  await server.close();
}
if (grew) {
  console.error('tracker-listeners: the listener count grew with the input');
  process.exit(1);
}
