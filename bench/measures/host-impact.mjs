/* global benchHost -- set by the page under test (bench/pages/host-impact.js) */
/**
 * Host-page impact: the shop page loaded without an embed, with dist/mooni.iife.js (launcher and tracker) and with
 * deep-chat as the peer, each in a fresh context, interleaved. Each run loads the page, waits for the embed to be
 * up, then a visitor's session through CDP: moves, clicks on products, typing in a field, wheel scrolls. The page
 * reports total blocking time from navigation to the end of the session, CLS (web-vitals onCLS) and the latency of
 * every interaction (Event Timing, grouped by interaction as web-vitals' onINP does). INP here is the p75 and the
 * worst of the session's interactions; an interaction under 16 ms is not reported by the browser and counts as 0.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freshPage } from '../lib/browser.mjs';
import { median, summarize, sleep } from '../lib/stats.mjs';

const VARIANTS = [
  ['none', 'no embed'],
  ['mooni', 'mooni.iife.js'],
  ['deep-chat', 'deep-chat 2.4'],
];

/** Clicks on products and a question typed (a key press is an interaction; the wheel scrolls that follow are not). */
const CLICKS = 6;
const TYPED = 'where is my order 123';
const INTERACTIONS = CLICKS + TYPED.length;

async function session(page) {
  for (let i = 0; i < CLICKS; i++) {
    const buttons = await page.$$('#buttons button');
    await page.mouse.move(100 + i * 80, 500, { steps: 20 });
    await buttons[i * 5].click();
    await sleep(150);
  }
  await page.focus('#form input');
  await page.keyboard.type(TYPED, { delay: 40 });
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel({ deltaY: i % 3 === 2 ? -300 : 300 });
    await sleep(120);
  }
  await sleep(500);
}

async function once(ctx, embed) {
  const handle = await freshPage(ctx.browser);
  try {
    const { page } = handle;
    await page.goto(`${ctx.server.origin}/bench/pages/host-impact.html?embed=${embed}`, { waitUntil: 'load' });
    if (embed === 'mooni')
      await page.waitForFunction(() => document.querySelector('mooni-frame')?.shadowRoot?.querySelector('button'), {
        timeout: 10000,
      });
    if (embed === 'deep-chat')
      await page.waitForFunction(() => document.querySelector('deep-chat')?.shadowRoot?.childElementCount, {
        timeout: 10000,
      });
    await sleep(1000); // what the embed does at idle after load (the panel module, the tracker's first send)
    await session(page);
    return await page.evaluate(() => benchHost.read());
  } finally {
    await handle.close();
  }
}

/** The p75 of the session's interactions, the unreported (under 16 ms) ones counting as 0. */
const p75 = (latencies) => {
  const all = [...Array(Math.max(0, INTERACTIONS - latencies.length)).fill(0), ...latencies].sort((a, b) => a - b);
  return all[Math.ceil(all.length * 0.75) - 1] ?? 0;
};

export default {
  name: 'host-impact',
  title: 'host-page impact: TBT, CLS and INP with and without the embed (deep-chat beside it)',
  browser: true,
  figures: [
    { label: 'TBT Δ, mooni.iife.js − no embed', unit: 'ms', budget: 'host.tbt' },
    { label: 'CLS, mooni.iife.js', unit: '', budget: 'host.cls' },
    { label: 'INP p75 Δ, mooni.iife.js − no embed', unit: 'ms', budget: 'host.inp' },
  ],
  async run(ctx) {
    if (!existsSync(join(ctx.root, 'dist/mooni.iife.js'))) throw new Error('dist/mooni.iife.js not built');
    const runs = Math.max(3, ctx.runs);
    const seen = Object.fromEntries(VARIANTS.map(([embed]) => [embed, []]));
    for (let r = 0; r < runs; r++) for (const [embed] of VARIANTS) seen[embed].push(await once(ctx, embed));
    const of = (embed, read) => seen[embed].map(read);
    const delta = (embed, read) => summarize(of(embed, read).map((value, i) => value - of('none', read)[i]));
    const rows = [];
    for (const [embed, label] of VARIANTS.slice(1)) {
      const mine = embed === 'mooni';
      const tbt = delta(embed, (run) => run.tbt);
      const inp = delta(embed, (run) => p75(run.latencies));
      const worst = delta(embed, (run) => run.latencies.at(-1) ?? 0);
      const cls = summarize(of(embed, (run) => run.cls));
      rows.push(
        {
          label: `TBT Δ, ${label} − no embed`,
          unit: 'ms',
          budget: mine ? 'host.tbt' : undefined,
          value: tbt.value,
          noise: tbt,
          extra: `TBT ${median(of(embed, (run) => run.tbt)).toFixed(0)} ms with, ${median(of('none', (run) => run.tbt)).toFixed(0)} ms without`,
        },
        {
          label: `CLS, ${label}`,
          unit: '',
          budget: mine ? 'host.cls' : undefined,
          value: cls.value,
          noise: cls,
          extra: `${median(of('none', (run) => run.cls)).toFixed(3)} without`,
        },
        {
          label: `INP p75 Δ, ${label} − no embed`,
          unit: 'ms',
          budget: mine ? 'host.inp' : undefined,
          value: inp.value,
          noise: inp,
          extra: `${INTERACTIONS} interactions; p75 ${median(of(embed, (run) => p75(run.latencies)))} ms with, ${median(of('none', (run) => p75(run.latencies)))} ms without; web-vitals INP ${median(of(embed, (run) => run.inp))} ms with`,
        },
        {
          label: `worst interaction Δ, ${label} − no embed`,
          unit: 'ms',
          value: worst.value,
          noise: worst,
          extra: `${median(of(embed, (run) => run.latencies.at(-1) ?? 0))} ms with, ${median(of('none', (run) => run.latencies.at(-1) ?? 0))} ms without`,
        },
      );
    }
    return rows;
  },
};
